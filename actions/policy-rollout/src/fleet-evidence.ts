import { clusterKeyOf, kqlString, queryGraph, type ArmClients, type GraphScope } from '@arc-actions/azure';
import type { GateEvidence } from './gate/evidence.js';

/** How an assignment's scope maps onto Resource Graph: request scope plus an optional resource-group filter. */
export function graphScopeOf(scope: string): { scope: GraphScope; where: string[] } {
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
  if (mg) return { scope: { managementGroups: [mg[1]] }, where: [] };
  const sub = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+))?$/i.exec(scope);
  if (!sub) throw new Error(`Unsupported assignment scope ${scope}.`);
  return { scope: { subscriptions: [sub[1]] }, where: sub[2] ? [`| where resourceGroup =~ ${kqlString(sub[2])}`] : [] };
}

interface ClusterRow {
  id: string;
  name: string;
  location?: string;
  connectivityStatus?: string;
  lastConnectivityTime?: string;
}

/**
 * Everything the gate and the plan need about an assignment's fleet, in five Resource Graph reads whatever the fleet
 * size (each paged to the end): clusters in scope, their policy extensions, the latest policy states and the
 * NonCompliant / Exempt components of this assignment.
 */
export async function gatherFleetEvidence(
  clients: ArmClients,
  assignment: { id: string; scope: string; locations?: string[] },
): Promise<Omit<GateEvidence, 'now' | 'assignment'> & { queries: number; clusterLocations: Record<string, string | undefined> }> {
  const { scope, where } = graphScopeOf(assignment.scope);
  const locationFilter = assignment.locations?.length ? [`| where location in~ (${assignment.locations.map(kqlString).join(', ')})`] : [];
  const clusters = await queryGraph<ClusterRow>(
    clients,
    [
      "resources\n| where type =~ 'microsoft.kubernetes/connectedclusters'",
      ...where,
      ...locationFilter,
      '| project id, name, location, connectivityStatus = properties.connectivityStatus, lastConnectivityTime = properties.lastConnectivityTime\n| order by id asc',
    ].join('\n'),
    scope,
  );
  const extensions = await queryGraph<{ id: string; provisioningState?: string }>(
    clients,
    [
      "kubernetesconfigurationresources\n| where type =~ 'microsoft.kubernetesconfiguration/extensions'",
      "| where properties.ExtensionType =~ 'microsoft.policyinsights'",
      ...where,
      '| project id, provisioningState = properties.ProvisioningState\n| order by id asc',
    ].join('\n'),
    scope,
  );
  const assignmentFilter = `| where properties.policyAssignmentId =~ ${kqlString(assignment.id)}`;
  const states = await queryGraph<{
    id: string;
    resourceId: string;
    policy?: string;
    policyDefinitionId?: string;
    complianceState: string;
    timestamp: string;
  }>(
    clients,
    [
      "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
      assignmentFilter,
      '| project id, resourceId = properties.resourceId, policy = properties.policyDefinitionReferenceId, policyDefinitionId = properties.policyDefinitionId, ' +
        'complianceState = properties.complianceState, timestamp = properties.timestamp\n| order by id asc',
    ].join('\n'),
    scope,
  );
  const components = await queryGraph<{
    id: string;
    resourceId: string;
    policy?: string;
    policyDefinitionId?: string;
    componentType: string;
    componentId: string;
    componentName: string;
    complianceState: string;
  }>(
    clients,
    [
      "policyresources\n| where type =~ 'microsoft.policyinsights/componentpolicystates'",
      assignmentFilter,
      "| where properties.complianceState in ('NonCompliant', 'Exempt')",
      '| project id, resourceId = properties.resourceId, policy = properties.policyDefinitionReferenceId, policyDefinitionId = properties.policyDefinitionId, ' +
        'componentType = properties.componentType, ' +
        'componentId = properties.componentId, componentName = properties.componentName, complianceState = properties.complianceState\n| order by id asc',
    ].join('\n'),
    scope,
  );
  return {
    clusters: clusters.rows.map((c) => ({
      id: c.id,
      name: c.name,
      connectivityStatus: c.connectivityStatus,
      lastConnectivityTime: c.lastConnectivityTime,
    })),
    clusterLocations: Object.fromEntries(clusters.rows.map((c) => [c.id.toLowerCase(), c.location])),
    policyExtension: Object.fromEntries(extensions.rows.map((e) => [clusterKeyOf(e.id), e.provisioningState])),
    states: states.rows.map((s) => ({
      clusterId: s.resourceId.toLowerCase(),
      policy: policyKey(s.policy, s.policyDefinitionId),
      complianceState: s.complianceState,
      timestamp: s.timestamp,
    })),
    components: components.rows.map((c) => {
      const slash = c.componentId.indexOf('/');
      return {
        clusterId: c.resourceId.toLowerCase(),
        policy: policyKey(c.policy, c.policyDefinitionId),
        kind: c.componentType,
        namespace: slash > 0 ? c.componentId.slice(0, slash) : undefined,
        name: c.componentName,
        complianceState: c.complianceState,
      };
    }),
    complete: { inventory: clusters.complete, extensions: extensions.complete, states: states.complete, components: components.complete },
    queries: clusters.pages + extensions.pages + states.pages + components.pages,
  };
}

/** How a policy is named inside an assignment: its reference id in an initiative, else the definition's name. */
export function policyKey(referenceId: string | undefined, definitionId: string | undefined): string {
  return referenceId || (definitionId ?? '').split('/').pop() || '';
}
