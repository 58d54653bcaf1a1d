import {
  CLUSTER_RP,
  kqlString,
  listFleetClusters,
  queryGraph,
  type ArmClients,
  type ClusterRef,
  type ExtensionRow,
  type FleetCluster,
  type FleetSelector,
  type FluxRow,
  type GraphScope,
} from '@arc-actions/azure';
import type { FleetTargets } from '@arc-actions/azure';
import type { PolicySummary } from './checks/arm-plane.js';

/** Everything the ARM-plane checks need, for the whole fleet, in a handful of Resource Graph reads. */
export interface FleetData {
  clusters: FleetCluster[];
  /** Explicit targets that Resource Graph does not know (deleted, or no read access). */
  missing: ClusterRef[];
  extensions: Map<string, ExtensionRow[]>;
  flux: Map<string, FluxRow[]>;
  policy: Map<string, PolicySummary>;
  complete: boolean;
  queries: number;
}

const CLUSTER_OF = "tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/')))";

/**
 * Reads the fleet: clusters (1,000 a page), then per cluster its extensions and Flux configurations folded into one
 * row each (`make_set`), the details of Non-Compliant Flux configurations only, and the policy summary of clusters
 * that have NonCompliant states only. About 2 + 2 × clusters/1,000 calls in all, whatever the checks.
 */
export async function readFleetData(
  clients: ArmClients,
  targets: FleetTargets | undefined,
  defaultSubscription: string,
): Promise<FleetData> {
  const selector: FleetSelector | undefined = targets?.kind === 'selector' ? targets.selector : undefined;
  const refs = targets?.kind === 'targets' ? targets.targets : undefined;
  const inventory = await listFleetClusters(clients, { refs, selector }, defaultSubscription);
  const subscriptions = [...new Set(inventory.rows.map((c) => c.ref.subscriptionId))];
  const scope: GraphScope = selector?.managementGroups?.length
    ? { managementGroups: selector.managementGroups }
    : { subscriptions: subscriptions.length ? subscriptions : [defaultSubscription] };
  const inFleet = new Set(inventory.rows.map((c) => c.ref.key));
  let queries = inventory.queries;
  let complete = inventory.complete;

  const config = await queryGraph<{ clusterId: string; entries: string[] }>(
    clients,
    [
      'kubernetesconfigurationresources',
      "| where type in~ ('microsoft.kubernetesconfiguration/extensions', 'microsoft.kubernetesconfiguration/fluxconfigurations')",
      `| extend clusterId = ${CLUSTER_OF}`,
      // Extensions carry PascalCase properties in Resource Graph, Flux configurations camelCase: one of each pair is empty.
      "| extend entry = strcat(tolower(type), '|', name, '|', tostring(properties.ExtensionType), '|', tostring(properties.ProvisioningState), '|', tostring(properties.provisioningState), '|', tostring(properties.complianceState))",
      '| summarize entries = make_set(entry) by clusterId',
      '| order by clusterId asc',
    ].join('\n'),
    scope,
  );
  queries += config.pages;
  complete &&= config.complete;
  const extensions = new Map<string, ExtensionRow[]>();
  const flux = new Map<string, FluxRow[]>();
  for (const row of config.rows) {
    if (!inFleet.has(row.clusterId)) continue;
    for (const entry of row.entries) {
      const [type, name, extensionType, extensionState, fluxState, complianceState] = entry.split('|');
      const id = `${row.clusterId}/providers/microsoft.kubernetesconfiguration/${type.split('/')[1]}/${name}`;
      if (type.endsWith('/extensions'))
        push(extensions, row.clusterId, {
          id,
          name,
          clusterId: row.clusterId,
          extensionType,
          provisioningState: extensionState || undefined,
        });
      else
        push(flux, row.clusterId, {
          id,
          name,
          clusterId: row.clusterId,
          complianceState: complianceState || undefined,
          provisioningState: fluxState || undefined,
        });
    }
  }

  const failing = await queryGraph<{ id: string; clusterId: string; name: string; statuses?: FluxRow['statuses'] }>(
    clients,
    [
      "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'",
      "| where properties.complianceState == 'Non-Compliant'",
      `| extend clusterId = ${CLUSTER_OF}`,
      '| project id, clusterId, name, statuses = properties.statuses\n| order by id asc',
    ].join('\n'),
    scope,
  );
  queries += failing.pages;
  complete &&= failing.complete;
  for (const f of failing.rows) {
    const config = flux.get(f.clusterId)?.find((c) => c.name === f.name);
    if (config) config.statuses = f.statuses;
  }

  const policy = await queryGraph<{ clusterId: string; nonCompliant: number; compliant: number; total: number }>(
    clients,
    [
      "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
      `| where properties.resourceType in~ (${Object.values(CLUSTER_RP)
        .map((t) => kqlString(t.armType))
        .join(', ')})`,
      '| extend clusterId = tolower(tostring(properties.resourceId)), state = tostring(properties.complianceState)',
      "| summarize nonCompliant = countif(state == 'NonCompliant'), compliant = countif(state == 'Compliant'), total = count() by clusterId",
      '| order by clusterId asc',
    ].join('\n'),
    scope,
  );
  queries += policy.pages;
  complete &&= policy.complete;

  return {
    clusters: inventory.rows,
    missing: inventory.missing,
    extensions,
    flux,
    policy: new Map(
      policy.rows
        .filter((p) => inFleet.has(p.clusterId))
        .map((p) => [p.clusterId, { nonCompliant: p.nonCompliant, compliant: p.compliant, total: p.total }]),
    ),
    complete,
    queries,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
