import type { ArmClients } from './clients.js';
import { kqlString, queryGraph, type GraphScope } from './graph.js';

/** Which clusters a fleet action works on: explicit ARM ids, or a selector resolved through Resource Graph. */
export interface FleetSelector {
  tags?: Record<string, string>;
  subscriptions?: string[];
  managementGroups?: string[];
  resourceGroups?: string[];
}

export type ClusterType = 'connectedClusters' | 'managedClusters';

const TYPE: Record<ClusterType, string> = {
  connectedClusters: 'microsoft.kubernetes/connectedclusters',
  managedClusters: 'microsoft.containerservice/managedclusters',
};

/** One cluster as Resource Graph reports it. */
export interface ClusterInventory {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  tags?: Record<string, string>;
  connectivityStatus?: string;
  lastConnectivityTime?: string;
  agentVersion?: string;
  kubernetesVersion?: string;
  distribution?: string;
  infrastructure?: string;
  totalNodeCount?: number;
  provisioningState?: string;
  managedIdentityCertificateExpirationTime?: string;
}

export interface FleetQueryResult<T> {
  rows: T[];
  /** False when a page was missing or Resource Graph truncated the result: never decide on partial data. */
  complete: boolean;
  /** Resource Graph calls made. */
  queries: number;
}

const ID_CHUNK = 400;

/** The KQL `where` clauses of a selector; every user value is a quoted literal. */
export function selectorClauses(selector: FleetSelector): string[] {
  const clauses = Object.entries(selector.tags ?? {}).map(([key, value]) => `| where tags[${kqlString(key)}] == ${kqlString(value)}`);
  if (selector.resourceGroups?.length) clauses.push(`| where resourceGroup in~ (${selector.resourceGroups.map(kqlString).join(', ')})`);
  return clauses;
}

function scopeOf(selector: FleetSelector, defaultSubscription: string): GraphScope {
  if (selector.managementGroups?.length) return { managementGroups: selector.managementGroups };
  return { subscriptions: selector.subscriptions?.length ? selector.subscriptions : [defaultSubscription] };
}

const CLUSTER_PROJECTION =
  '| project id, name, subscriptionId, resourceGroup, location, tags, connectivityStatus = properties.connectivityStatus, ' +
  'lastConnectivityTime = properties.lastConnectivityTime, agentVersion = properties.agentVersion, ' +
  'kubernetesVersion = properties.kubernetesVersion, distribution = properties.distribution, infrastructure = properties.infrastructure, ' +
  'totalNodeCount = properties.totalNodeCount, provisioningState = properties.provisioningState, ' +
  'managedIdentityCertificateExpirationTime = properties.managedIdentityCertificateExpirationTime\n| order by id asc';

/**
 * The clusters of a fleet with their connectivity, versions and node counts, in as few Resource Graph calls as
 * the fleet allows (1,000 rows a page). Explicit ids are queried in chunks; ids that Resource Graph does not know
 * are returned in `missing`.
 */
export async function listFleetClusters(
  clients: ArmClients,
  target: { ids?: string[]; selector?: FleetSelector; clusterType?: ClusterType },
  defaultSubscription: string,
): Promise<FleetQueryResult<ClusterInventory> & { missing: string[] }> {
  const type = TYPE[target.clusterType ?? 'connectedClusters'];
  const base = `resources\n| where type =~ ${kqlString(type)}`;
  if (target.ids?.length) {
    const rows: ClusterInventory[] = [];
    let complete = true;
    let queries = 0;
    const subscriptions = [...new Set(target.ids.map((id) => id.split('/')[2].toLowerCase()))];
    for (let i = 0; i < target.ids.length; i += ID_CHUNK) {
      const ids = target.ids.slice(i, i + ID_CHUNK);
      const result = await queryGraph<ClusterInventory>(
        clients,
        `${base}\n| where id in~ (${ids.map(kqlString).join(', ')})\n${CLUSTER_PROJECTION}`,
        {
          subscriptions,
        },
      );
      rows.push(...result.rows);
      complete &&= result.complete;
      queries += result.pages;
    }
    const found = new Set(rows.map((r) => r.id.toLowerCase()));
    return { rows, complete, queries, missing: target.ids.filter((id) => !found.has(id.toLowerCase())) };
  }
  const selector = target.selector ?? {};
  const query = [base, ...selectorClauses(selector), CLUSTER_PROJECTION].join('\n');
  const result = await queryGraph<ClusterInventory>(clients, query, scopeOf(selector, defaultSubscription));
  return { rows: result.rows, complete: result.complete, queries: result.pages, missing: [] };
}

/** The cluster id that an extension, flux configuration or state id belongs to (lower-cased). */
export function owningClusterId(resourceId: string): string {
  const lower = resourceId.toLowerCase();
  const cut = lower.indexOf('/providers/microsoft.kubernetesconfiguration/');
  return cut >= 0 ? lower.slice(0, cut) : lower;
}

export interface ExtensionRow {
  id: string;
  name: string;
  clusterId: string;
  extensionType?: string;
  provisioningState?: string;
  version?: string;
}

export interface FluxRow {
  id: string;
  name: string;
  clusterId: string;
  complianceState?: string;
  provisioningState?: string;
  statuses?: {
    kind?: string;
    name?: string;
    namespace?: string;
    complianceState?: string;
    statusConditions?: { message?: string; reason?: string }[];
  }[];
}

/** Extensions and Flux configurations of every cluster in scope: two Resource Graph queries, paged. */
/** Extension properties are PascalCase in Resource Graph (ExtensionType, ProvisioningState); Flux ones camelCase. */
export async function listFleetConfiguration(
  clients: ArmClients,
  scope: GraphScope,
): Promise<{ extensions: FleetQueryResult<ExtensionRow>; flux: FleetQueryResult<FluxRow> }> {
  const ext = await queryGraph<Omit<ExtensionRow, 'clusterId'>>(
    clients,
    "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/extensions'\n" +
      '| project id, name, extensionType = properties.ExtensionType, provisioningState = properties.ProvisioningState, version = properties.Version\n| order by id asc',
    scope,
  );
  const flux = await queryGraph<Omit<FluxRow, 'clusterId'>>(
    clients,
    "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'\n" +
      '| project id, name, complianceState = properties.complianceState, provisioningState = properties.provisioningState, statuses = properties.statuses\n| order by id asc',
    scope,
  );
  return {
    extensions: { rows: ext.rows.map((r) => ({ ...r, clusterId: owningClusterId(r.id) })), complete: ext.complete, queries: ext.pages },
    flux: { rows: flux.rows.map((r) => ({ ...r, clusterId: owningClusterId(r.id) })), complete: flux.complete, queries: flux.pages },
  };
}
