import type { ArmClients } from './clients.js';

export interface GraphScope {
  subscriptions?: string[];
  managementGroups?: string[];
}

export interface GraphResult<T> {
  rows: T[];
  /** Pages read. */
  pages: number;
  /** Whether every page was read (false when the page limit stopped the read or Resource Graph truncated the result). */
  complete: boolean;
  totalRecords?: number;
}

/**
 * Runs a Resource Graph query and reads every page (1,000 rows a page, `$skipToken` between pages).
 * `complete` tells whether the data is whole: gates must refuse to decide on partial data.
 */
export async function queryGraph<T = Record<string, unknown>>(
  clients: ArmClients,
  query: string,
  scope: GraphScope,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<GraphResult<T>> {
  const graph = await clients.resourceGraph();
  const rows: T[] = [];
  let skipToken: string | undefined;
  let pages = 0;
  let truncated = false;
  let totalRecords: number | undefined;
  const maxPages = options.maxPages ?? 1000;
  do {
    const response = await graph.resources({
      query,
      ...(scope.subscriptions?.length ? { subscriptions: scope.subscriptions } : {}),
      ...(scope.managementGroups?.length ? { managementGroups: scope.managementGroups } : {}),
      options: { top: options.pageSize ?? 1000, skipToken, resultFormat: 'objectArray' },
    });
    pages++;
    rows.push(...((response.data as T[]) ?? []));
    totalRecords = response.totalRecords;
    truncated ||= response.resultTruncated === 'true';
    skipToken = response.skipToken ?? undefined;
  } while (skipToken && pages < maxPages);
  return { rows, pages, complete: !skipToken && !truncated, totalRecords };
}

/** Quotes a value as a KQL string literal, so user data never becomes query syntax. */
export function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}
