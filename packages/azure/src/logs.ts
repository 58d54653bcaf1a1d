import { gzipSync } from 'node:zlib';
import { errorMessage, mapLimit } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import type { ArmClients } from './clients.js';
import { CONTAINER_INSIGHTS } from './monitoring.js';
import { kqlString, queryGraph, type GraphScope } from './graph.js';

/**
 * Container log errors of a fleet, read from the Log Analytics workspaces Container Insights writes to:
 *
 * 1. which workspace each cluster's Container Insights points at: one Resource Graph query for the whole fleet
 *    (`kubernetesconfigurationresources`, the extension's `ConfigurationSettings.logAnalyticsWorkspaceResourceID`, as
 *    Learn's "Find clusters using legacy authentication" query reads it), and for AKS clusters one more (`resources`,
 *    the monitoring add-on's `addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID`, the same Learn query);
 * 2. each workspace's customer id (the id the Logs query API takes): one ARM GET per workspace;
 * 3. one Logs query API call per workspace (POST /v1/workspaces/{customerId}/query through @azure/monitor-query-logs)
 *    over ContainerLogV2 (Learn, Azure Monitor reference, tables/containerlogv2: `LogLevel` is CRITICAL, ERROR,
 *    WARNING, INFO, DEBUG, TRACE or UNKNOWN; `LogMessage` is dynamic; `_ResourceId` the cluster), counting error
 *    lines per cluster, namespace and message, most frequent first.
 */

/** One error message of one cluster and namespace, counted over the window. */
export interface LogErrorRow {
  /** The cluster key (lower-cased ARM id). */
  cluster: string;
  namespace: string;
  message: string;
  count: number;
  lastSeen?: string;
}

export interface WorkspaceLogErrors {
  workspaceResourceId: string;
  /** ok: every row read; partial: the service answered with PartialError or more rows than read; failed: nothing read. */
  outcome: 'ok' | 'partial' | 'failed';
  reason?: string;
  /** Clusters (keys) whose logs this workspace holds. */
  clusters: string[];
  rows: LogErrorRow[];
  /** Wall time of the Logs query API call, in milliseconds. */
  queryMs?: number;
}

export interface FleetLogErrors {
  /** Cluster key → the workspace resource id its Container Insights extension names. */
  workspaceOf: Map<string, string>;
  workspaces: WorkspaceLogErrors[];
  /** Resource Graph calls made (extension settings). */
  graphCalls: number;
  /** Whether every page of the extension read was read. */
  complete: boolean;
}

/** Distinct messages read per workspace; one more is asked for, to know when there were more. */
export const MAX_ROWS_PER_WORKSPACE = 1000;
const MESSAGE_CHARS = 200;

const WORKSPACE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)$/i;

/** `24h`, `90m`, `2d` as KQL timespan literals, and as ISO 8601 durations for the API's `timespan`. */
export function windowOf(ms: number): { kql: string; iso: string } {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes % 60 === 0 ? { kql: `${minutes / 60}h`, iso: `PT${minutes / 60}H` } : { kql: `${minutes}m`, iso: `PT${minutes}M` };
}

/** The ContainerLogV2 query: error and critical lines of the given clusters, counted by cluster, namespace and message. */
export function containerErrorsQuery(clusterIds: readonly string[], windowMs: number, take = MAX_ROWS_PER_WORKSPACE + 1): string {
  return [
    'ContainerLogV2',
    `| where TimeGenerated > ago(${windowOf(windowMs).kql})`,
    "| where LogLevel in~ ('error', 'critical')",
    `| where tolower(_ResourceId) in (${clusterIds.map((id) => kqlString(id.toLowerCase())).join(', ')})`,
    `| extend Message = substring(tostring(LogMessage), 0, ${MESSAGE_CHARS})`,
    '| summarize Count = count(), LastSeen = max(TimeGenerated) by ClusterId = tolower(_ResourceId), PodNamespace, Message',
    `| top ${take} by Count desc`,
  ].join('\n');
}

/**
 * A link that opens a query in the portal's Logs blade, scoped to the workspace. The portal's "Share > Copy link to
 * query" produces this form (the query gzip-compressed and Base64-encoded after `/q/`); it is not a documented API,
 * so it may change: the link is a convenience, the report never depends on it.
 */
export function portalQueryLink(portal: string, tenantId: string, workspaceResourceId: string, query: string, isoWindow: string): string {
  const q = encodeURIComponent(gzipSync(Buffer.from(query, 'utf8')).toString('base64'));
  return (
    `${portal}/#@${tenantId}/blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/resourceId/${encodeURIComponent(workspaceResourceId)}` +
    `/source/LogsBlade.AnalyticsShareLinkToQuery/q/${q}/timespan/${isoWindow}`
  );
}

/** Which workspace each cluster's Container Insights writes to (one Resource Graph query, two with AKS clusters). */
export async function containerInsightsWorkspaces(
  clients: ArmClients,
  clusterKeys: ReadonlySet<string>,
  scope: GraphScope,
): Promise<{ workspaceOf: Map<string, string>; pages: number; complete: boolean }> {
  const result = await queryGraph<{ clusterId: string; workspace: string }>(
    clients,
    [
      'kubernetesconfigurationresources',
      "| where type =~ 'microsoft.kubernetesconfiguration/extensions'",
      `| where properties.ExtensionType =~ ${kqlString(CONTAINER_INSIGHTS.extensionType)}`,
      "| extend clusterId = tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/')))",
      '| project clusterId, workspace = tostring(properties.ConfigurationSettings.logAnalyticsWorkspaceResourceID)',
      '| order by clusterId asc',
    ].join('\n'),
    scope,
  );
  const workspaceOf = new Map<string, string>();
  for (const row of result.rows) if (clusterKeys.has(row.clusterId) && row.workspace) workspaceOf.set(row.clusterId, row.workspace);
  let { pages, complete } = result;
  if ([...clusterKeys].some((k) => k.includes('/providers/microsoft.containerservice/managedclusters/'))) {
    const aks = await queryGraph<{ clusterId: string; workspace: string }>(
      clients,
      [
        "resources\n| where type =~ 'microsoft.containerservice/managedclusters'",
        "| where tostring(properties.addonProfiles.omsagent.enabled) =~ 'true'",
        '| project clusterId = tolower(id), workspace = tostring(properties.addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID)',
        '| order by clusterId asc',
      ].join('\n'),
      scope,
    );
    for (const row of aks.rows) if (clusterKeys.has(row.clusterId) && row.workspace) workspaceOf.set(row.clusterId, row.workspace);
    pages += aks.pages;
    complete &&= aks.complete;
  }
  return { workspaceOf, pages, complete };
}

/** The customer id (workspace id) of a workspace, which the Logs query API takes. */
async function customerIdOf(clients: ArmClients, workspaceResourceId: string): Promise<string> {
  const m = WORKSPACE_ID.exec(workspaceResourceId);
  if (!m) throw new Error(`${workspaceResourceId} is not the resource id of a Log Analytics workspace`);
  const oi = await clients.operationalInsights(m[1]);
  const found = await ifExists(oi.workspaces.get(m[2], m[3]));
  if (!found) throw new Error(`the workspace ${workspaceResourceId} does not exist (or the identity cannot read it)`);
  if (!found.customerId) throw new Error(`the workspace ${workspaceResourceId} has no customerId`);
  return found.customerId;
}

const column = (columns: { name?: string }[], name: string) => columns.findIndex((c) => c.name === name);

/** Runs the ContainerLogV2 query in one workspace for the given clusters; errors, partial answers and throttling become the outcome. */
export async function workspaceLogErrors(
  clients: ArmClients,
  workspaceResourceId: string,
  clusterIds: readonly string[],
  windowMs: number,
): Promise<WorkspaceLogErrors> {
  const base = { workspaceResourceId, clusters: clusterIds.map((id) => id.toLowerCase()), rows: [] as LogErrorRow[] };
  let customerId: string;
  try {
    customerId = await customerIdOf(clients, workspaceResourceId);
  } catch (error) {
    return { ...base, outcome: 'failed', reason: `The workspace could not be read: ${errorMessage(error)}.` };
  }
  const query = containerErrorsQuery(clusterIds, windowMs);
  const started = performance.now();
  let result;
  try {
    const logs = await clients.logsQuery();
    result = await logs.queryWorkspace(customerId, query, { duration: windowOf(windowMs).iso });
  } catch (error) {
    const e = error as {
      statusCode?: number;
      details?: { error?: { code?: string; message?: string; innererror?: { message?: string } } };
    };
    const detail = e.details?.error;
    const why =
      e.statusCode === 429
        ? `throttled (HTTP 429) after the SDK's retries: ${errorMessage(error)}`
        : detail?.code
          ? `HTTP ${e.statusCode ?? '?'} ${detail.code}: ${detail.message ?? ''}${detail.innererror?.message ? ` (${detail.innererror.message})` : ''}`
          : errorMessage(error);
    return { ...base, outcome: 'failed', reason: `The Logs query failed: ${why}.`, queryMs: Math.round(performance.now() - started) };
  }
  const queryMs = Math.round(performance.now() - started);
  const partialError = 'partialError' in result ? result.partialError : undefined;
  const table = 'partialTables' in result ? result.partialTables[0] : result.tables[0];
  const cols = table?.columnDescriptors ?? [];
  const at = {
    cluster: column(cols, 'ClusterId'),
    namespace: column(cols, 'PodNamespace'),
    message: column(cols, 'Message'),
    count: column(cols, 'Count'),
    lastSeen: column(cols, 'LastSeen'),
  };
  if (!table || Object.values(at).some((i) => i < 0))
    return { ...base, outcome: 'failed', reason: 'The Logs query answered without the columns it asked for.', queryMs };
  const rows: LogErrorRow[] = table.rows.map((r: unknown[]) => ({
    cluster: String(r[at.cluster] ?? '').toLowerCase(),
    namespace: String(r[at.namespace] ?? ''),
    message: String(r[at.message] ?? ''),
    count: Number(r[at.count] ?? 0),
    lastSeen: r[at.lastSeen] instanceof Date ? (r[at.lastSeen] as Date).toISOString() : r[at.lastSeen] ? String(r[at.lastSeen]) : undefined,
  }));
  const more = rows.length > MAX_ROWS_PER_WORKSPACE;
  const partial = partialError !== undefined;
  const reason = partialError
    ? `The Logs query answered ${partialError.code ?? 'PartialError'} (${partialError.message ?? 'no message'}); the counts may be low.`
    : more
      ? `More than ${MAX_ROWS_PER_WORKSPACE} distinct error messages; the least frequent were not read.`
      : undefined;
  return { ...base, outcome: partial || more ? 'partial' : 'ok', reason, rows: rows.slice(0, MAX_ROWS_PER_WORKSPACE), queryMs };
}

/**
 * The fleet's container log errors: one Resource Graph query for the extensions' workspaces, then per workspace one
 * ARM GET and one Logs query (up to 4 workspaces at a time), whatever the number of clusters.
 */
export async function readFleetLogErrors(
  clients: ArmClients,
  clusterIds: readonly string[],
  scope: GraphScope,
  windowMs: number,
): Promise<FleetLogErrors> {
  const keys = new Set(clusterIds.map((id) => id.toLowerCase()));
  const found = await containerInsightsWorkspaces(clients, keys, scope);
  const byWorkspace = new Map<string, string[]>();
  for (const [cluster, workspace] of found.workspaceOf) {
    const k = workspace.toLowerCase();
    byWorkspace.set(k, [...(byWorkspace.get(k) ?? []), cluster]);
  }
  const names = new Map([...found.workspaceOf.values()].map((w) => [w.toLowerCase(), w]));
  const workspaces = await mapLimit([...byWorkspace.entries()], 4, ([k, clusters]) =>
    workspaceLogErrors(clients, names.get(k)!, clusters, windowMs),
  );
  return { workspaceOf: found.workspaceOf, workspaces, graphCalls: found.pages, complete: found.complete };
}
