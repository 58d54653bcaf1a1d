import {
  containerErrorsQuery,
  portalQueryLink,
  readFleetLogErrors,
  windowOf,
  type ArmClients,
  type AzureEnvironment,
  type FleetCluster,
  type GraphScope,
  type LogErrorRow,
} from '@arc-actions/azure';
import type { CheckResult } from './checks/types.js';

/** Top messages kept per cluster and namespace, and rows kept in the JSON report. */
export const TOP_PER_NAMESPACE = 5;
export const MAX_REPORT_ROWS = 500;

export interface LogErrorsSection {
  /** The window looked back over, as a KQL timespan (24h). */
  window: string;
  workspaces: { workspace: string; outcome: 'ok' | 'partial' | 'failed'; reason?: string; clusters: number; queryMs?: number }[];
  /** Top messages per cluster and namespace, most frequent first. */
  rows: {
    cluster: string;
    id: string;
    namespace: string;
    message: string;
    count: number;
    lastSeen?: string;
    /** The cluster's query in the portal's Logs blade (undocumented link format; absent without a portal). */
    link?: string;
  }[];
  /** Rows left out of `rows` (past MAX_REPORT_ROWS). */
  notShown: number;
}

/** Top N rows per cluster and namespace, most frequent first. */
export function topPerNamespace(rows: readonly LogErrorRow[], n = TOP_PER_NAMESPACE): LogErrorRow[] {
  const groups = new Map<string, LogErrorRow[]>();
  for (const r of [...rows].sort((a, b) => b.count - a.count)) {
    const k = `${r.cluster}|${r.namespace}`;
    const g = groups.get(k) ?? [];
    if (g.length < n) g.push(r);
    groups.set(k, g);
  }
  return [...groups.values()].flat().sort((a, b) => b.count - a.count || a.cluster.localeCompare(b.cluster));
}

/**
 * Reads the container log errors of `mine` (this shard's clusters): one Resource Graph query for their Container
 * Insights workspaces, one Logs query per workspace. A cluster without a workspace fails (fail closed); a query that
 * failed, was throttled or answered partially warns its clusters with the reason; error lines warn too.
 */
export async function verifyLogErrors(
  clients: ArmClients,
  mine: readonly FleetCluster[],
  labels: Map<string, string>,
  options: { windowMs: number; tenantId: string; environment: AzureEnvironment },
) {
  const subscriptions = [...new Set(mine.map((c) => c.ref.subscriptionId))];
  const scope: GraphScope = { subscriptions };
  const fleet = mine.length
    ? await readFleetLogErrors(
        clients,
        mine.map((c) => c.id),
        scope,
        options.windowMs,
      )
    : undefined;
  const window = windowOf(options.windowMs);
  const checks = new Map<string, CheckResult>();
  const all: LogErrorRow[] = [];
  for (const ws of fleet?.workspaces ?? []) {
    all.push(...ws.rows);
    for (const key of ws.clusters) {
      const rows = ws.rows.filter((r) => r.cluster === key);
      const lines = rows.reduce((n, r) => n + r.count, 0);
      const top = [...rows].sort((a, b) => b.count - a.count)[0];
      const evidence = { workspace: ws.workspaceResourceId, errorLines: lines, namespaces: [...new Set(rows.map((r) => r.namespace))] };
      if (ws.outcome === 'failed')
        checks.set(key, { check: 'log-errors', status: 'warn', reason: `Log errors not read: ${ws.reason}`, evidence });
      else if (lines || ws.outcome === 'partial')
        checks.set(key, {
          check: 'log-errors',
          status: 'warn',
          reason:
            `${lines} error lines in the last ${window.kql} in ${evidence.namespaces.length} namespaces` +
            (top ? `; most frequent (${top.count}×, ${top.namespace}): ${top.message.slice(0, 120)}` : '') +
            (ws.reason ? `. ${ws.reason}` : '.'),
          fix: 'Open the query link in the log errors section and fix the failing workload.',
          evidence,
        });
      else checks.set(key, { check: 'log-errors', status: 'ok', reason: `No error lines in the last ${window.kql}.`, evidence });
    }
  }
  for (const c of mine) {
    if (checks.has(c.ref.key)) continue;
    const aks = c.ref.type === 'managedClusters';
    checks.set(c.ref.key, {
      check: 'log-errors',
      status: 'fail',
      reason:
        (aks
          ? 'The monitoring add-on names no Log Analytics workspace for this AKS cluster (addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID)'
          : 'No Container Insights extension names a Log Analytics workspace for this cluster (configuration setting logAnalyticsWorkspaceResourceID)') +
        (fleet && !fleet.complete ? ', and not every page of Resource Graph was read.' : '.'),
      fix: aks
        ? 'Enable Container Insights (az aks enable-addons --addons monitoring) or remove the log-errors input.'
        : 'Install Container Insights (arc-connect extensions: - azuremonitor-containers) or remove the log-errors input.',
    });
  }
  const byKey = new Map(mine.map((c) => [c.ref.key, c]));
  const top = topPerNamespace(all);
  const section: LogErrorsSection = {
    window: window.kql,
    workspaces: (fleet?.workspaces ?? []).map((w) => ({
      workspace: w.workspaceResourceId,
      outcome: w.outcome,
      ...(w.reason ? { reason: w.reason } : {}),
      clusters: w.clusters.length,
      queryMs: w.queryMs,
    })),
    rows: top.slice(0, MAX_REPORT_ROWS).map((r) => {
      const cluster = byKey.get(r.cluster);
      const workspace = fleet?.workspaceOf.get(r.cluster);
      const id = cluster?.id ?? r.cluster;
      return {
        cluster: labels.get(r.cluster) ?? r.cluster,
        id,
        namespace: r.namespace,
        message: r.message,
        count: r.count,
        lastSeen: r.lastSeen,
        ...(options.environment.portal && workspace
          ? {
              link: portalQueryLink(
                options.environment.portal,
                options.tenantId,
                workspace,
                containerErrorsQuery([id], options.windowMs, 100),
                window.iso,
              ),
            }
          : {}),
      };
    }),
    notShown: Math.max(0, top.length - MAX_REPORT_ROWS),
  };
  return { checks, section, graphCalls: fleet?.graphCalls ?? 0, complete: fleet?.complete ?? true };
}
