import type { ArmClients } from './clients.js';
import { CLUSTER_RP, type ClusterRef } from './cluster-ref.js';
import { listFleetClusters, type ExtensionRow, type FleetCluster, type FleetSelector, type FluxRow } from './fleet.js';
import { kqlString, queryGraph, type GraphScope } from './graph.js';

/** The policy states of one cluster, counted. */
export interface PolicySummary {
  nonCompliant: number;
  compliant: number;
  total: number;
}

/** A policy exemption as Resource Graph lists it (policyresources, type microsoft.authorization/policyexemptions). */
export interface ExemptionRow {
  id: string;
  name: string;
  assignment?: string;
  category?: string;
  expiresOn?: string;
}

/** A fleet and the state of each cluster's extensions, Flux configurations and policy, keyed by `ClusterRef.key`. */
export interface FleetState {
  clusters: FleetCluster[];
  /** Explicit refs that Resource Graph does not know (deleted, or no read access). */
  missing: ClusterRef[];
  extensions: Map<string, ExtensionRow[]>;
  flux: Map<string, FluxRow[]>;
  policy: Map<string, PolicySummary>;
  /** Every policy exemption in the fleet's scope (one Resource Graph query, matched to clusters by scope). */
  exemptions: ExemptionRow[];
  /** False when any page was missing or truncated: never decide on partial data. */
  complete: boolean;
  /** Resource Graph calls made. */
  queries: number;
}

/** The cluster key of a kubernetesconfigurationresources row, in KQL. */
const CLUSTER_OF = "tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/')))";
/** Rows are folded into this many buckets (hash of the cluster key), so each fold is one page whatever the fleet size. */
const BUCKETS = 64;
const BY_BUCKET = `by bucket = hash(clusterId, ${BUCKETS})\n| order by bucket asc`;

/** Splits folded `entries` (`clusterKey|field|field…`) into rows per cluster key. */
function unfold(rows: readonly { entries: string[] }[]): [string, string[]][] {
  return rows.flatMap((r) => r.entries.map((entry) => entry.split('|')).map(([key, ...fields]): [string, string[]] => [key, fields]));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Reads a fleet for a checklist: the clusters (1,000 a page), then — folded into 64 buckets, one page each — every
 * cluster's extensions and Flux configurations, and its policy states counted; then the statuses of the Non-Compliant
 * Flux configurations only; then the policy exemptions in scope. At 10,000 clusters: 10 + 1 + 1 + 1 + 1 calls. Arc and AKS clusters alike.
 */
export async function readFleetState(
  clients: ArmClients,
  target: { refs?: readonly ClusterRef[]; selector?: FleetSelector },
  defaultSubscription: string,
): Promise<FleetState> {
  const inventory = await listFleetClusters(clients, target, defaultSubscription);
  const subscriptions = [...new Set(inventory.rows.map((c) => c.ref.subscriptionId))];
  const scope: GraphScope = target.selector?.managementGroups?.length
    ? { managementGroups: target.selector.managementGroups }
    : { subscriptions: subscriptions.length ? subscriptions : [defaultSubscription] };
  const inFleet = new Set(inventory.rows.map((c) => c.ref.key));
  const state: FleetState = {
    clusters: inventory.rows,
    missing: inventory.missing,
    extensions: new Map(),
    flux: new Map(),
    policy: new Map(),
    exemptions: [],
    complete: inventory.complete,
    queries: inventory.queries,
  };
  const read = async <T>(query: string[]) => {
    const result = await queryGraph<T>(clients, query.join('\n'), scope);
    state.queries += result.pages;
    state.complete &&= result.complete;
    return result.rows;
  };

  const config = await read<{ entries: string[] }>([
    'kubernetesconfigurationresources',
    "| where type in~ ('microsoft.kubernetesconfiguration/extensions', 'microsoft.kubernetesconfiguration/fluxconfigurations')",
    `| extend clusterId = ${CLUSTER_OF}`,
    // Extensions carry PascalCase properties in Resource Graph, Flux configurations camelCase: one of each pair is empty.
    "| extend entry = strcat(clusterId, '|', tolower(type), '|', name, '|', tostring(properties.ExtensionType), '|', tostring(properties.ProvisioningState), '|', tostring(properties.provisioningState), '|', tostring(properties.complianceState))",
    `| summarize entries = make_set(entry) ${BY_BUCKET}`,
  ]);
  for (const [key, [type, name, extensionType, extensionState, fluxState, complianceState]] of unfold(config)) {
    if (!inFleet.has(key)) continue;
    const id = `${key}/providers/microsoft.kubernetesconfiguration/${type.split('/')[1]}/${name}`;
    if (type.endsWith('/extensions'))
      push(state.extensions, key, { id, name, clusterId: key, extensionType, provisioningState: extensionState || undefined });
    else
      push(state.flux, key, {
        id,
        name,
        clusterId: key,
        complianceState: complianceState || undefined,
        provisioningState: fluxState || undefined,
      });
  }

  const failing = await read<{ clusterId: string; name: string; statuses?: FluxRow['statuses'] }>([
    "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'",
    "| where properties.complianceState == 'Non-Compliant'",
    `| extend clusterId = ${CLUSTER_OF}`,
    '| project id, clusterId, name, statuses = properties.statuses\n| order by id asc',
  ]);
  for (const f of failing) {
    const configuration = state.flux.get(f.clusterId)?.find((c) => c.name === f.name);
    if (configuration) configuration.statuses = f.statuses;
  }

  const policy = await read<{ entries: string[] }>([
    "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
    `| where properties.resourceType in~ (${Object.values(CLUSTER_RP)
      .map((t) => kqlString(t.armType))
      .join(', ')})`,
    '| extend clusterId = tolower(tostring(properties.resourceId)), state = tostring(properties.complianceState)',
    "| summarize nonCompliant = countif(state == 'NonCompliant'), compliant = countif(state == 'Compliant'), total = count() by clusterId",
    "| extend entry = strcat(clusterId, '|', tostring(nonCompliant), '|', tostring(compliant), '|', tostring(total))",
    `| summarize entries = make_set(entry) ${BY_BUCKET}`,
  ]);
  for (const [key, [nonCompliant, compliant, total]] of unfold(policy))
    if (inFleet.has(key)) state.policy.set(key, { nonCompliant: Number(nonCompliant), compliant: Number(compliant), total: Number(total) });

  const exemptions = await read<ExemptionRow>([
    "policyresources\n| where type =~ 'microsoft.authorization/policyexemptions'",
    '| project id, name, assignment = tostring(properties.policyAssignmentId), category = tostring(properties.exemptionCategory), expiresOn = tostring(properties.expiresOn)',
    '| order by id asc',
  ]);
  state.exemptions = exemptions.map((e) => ({ ...e, expiresOn: e.expiresOn || undefined }));
  return state;
}
