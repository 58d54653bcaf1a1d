import type { ArmClients } from './clients.js';
import { CLUSTER_RP, refOfRow, type ClusterRef, type ClusterType } from './cluster-ref.js';
import { kqlString, queryGraph, type GraphScope } from './graph.js';

/** Which clusters a fleet action works on: explicit ARM ids, or a selector resolved through Resource Graph. */
export interface FleetSelector {
  tags?: Record<string, string>;
  subscriptions?: string[];
  managementGroups?: string[];
  resourceGroups?: string[];
}

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
  /** AKS: `properties.powerState.code` (Running, Stopped); Arc clusters have none. */
  powerState?: string;
  /** The Resource Graph type, lower-cased (microsoft.kubernetes/connectedclusters, microsoft.containerservice/managedclusters). */
  type?: string;
}

/** A cluster of the fleet: its Resource Graph row and its parsed id. */
export type FleetCluster = ClusterInventory & { ref: ClusterRef };

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
  '| project id, name, type, subscriptionId, resourceGroup, location, tags, connectivityStatus = properties.connectivityStatus, ' +
  'lastConnectivityTime = properties.lastConnectivityTime, agentVersion = properties.agentVersion, ' +
  'kubernetesVersion = properties.kubernetesVersion, distribution = properties.distribution, infrastructure = properties.infrastructure, ' +
  'totalNodeCount = properties.totalNodeCount, provisioningState = properties.provisioningState, ' +
  'managedIdentityCertificateExpirationTime = properties.managedIdentityCertificateExpirationTime, powerState = properties.powerState.code\n| order by id asc';

/** The `where` clause of cluster types, as Resource Graph spells them. */
const typeClause = (types: Iterable<ClusterType>): string =>
  `resources\n| where type in~ (${[...new Set(types)].map((t) => kqlString(CLUSTER_RP[t].graphType)).join(', ')})`;

/** Rows with their parsed ids (a row whose id is not a cluster's is dropped). */
const withRefs = (rows: ClusterInventory[]): FleetCluster[] =>
  rows.flatMap((row) => {
    const ref = refOfRow(row);
    return ref ? [{ ...row, ref }] : [];
  });

/**
 * The clusters of a fleet with their connectivity, versions and node counts, in as few Resource Graph calls as
 * the fleet allows (1,000 rows a page). Explicit refs are queried in chunks, Arc and AKS alike (each by its own type);
 * refs that Resource Graph does not know are returned in `missing`. A selector reads `clusterType` clusters.
 */
export async function listFleetClusters(
  clients: ArmClients,
  target: { refs?: readonly ClusterRef[]; selector?: FleetSelector; clusterType?: ClusterType },
  defaultSubscription: string,
): Promise<FleetQueryResult<FleetCluster> & { missing: ClusterRef[] }> {
  if (target.refs?.length) {
    const rows: FleetCluster[] = [];
    let complete = true;
    let queries = 0;
    const subscriptions = [...new Set(target.refs.map((r) => r.subscriptionId))];
    for (let i = 0; i < target.refs.length; i += ID_CHUNK) {
      const refs = target.refs.slice(i, i + ID_CHUNK);
      const result = await queryGraph<ClusterInventory>(
        clients,
        `${typeClause(refs.map((r) => r.type))}\n| where id in~ (${refs.map((r) => kqlString(r.id)).join(', ')})\n${CLUSTER_PROJECTION}`,
        { subscriptions },
      );
      rows.push(...withRefs(result.rows));
      complete &&= result.complete;
      queries += result.pages;
    }
    const found = new Set(rows.map((r) => r.ref.key));
    return { rows, complete, queries, missing: target.refs.filter((r) => !found.has(r.key)) };
  }
  const selector = target.selector ?? {};
  const query = [typeClause([target.clusterType ?? 'connectedClusters']), ...selectorClauses(selector), CLUSTER_PROJECTION].join('\n');
  const result = await queryGraph<ClusterInventory>(clients, query, scopeOf(selector, defaultSubscription));
  return { rows: withRefs(result.rows), complete: result.complete, queries: result.pages, missing: [] };
}

/** A cluster extension as a fleet read reports it; `clusterId` is the owning cluster's key. */
export interface ExtensionRow {
  id: string;
  name: string;
  clusterId: string;
  extensionType?: string;
  provisioningState?: string;
  version?: string;
}

/** A Flux configuration as a fleet read reports it; `clusterId` is the owning cluster's key. */
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
