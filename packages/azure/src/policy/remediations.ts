import { RetryBudget } from '@arc-actions/core';
import { ifExists } from '../arm-errors.js';
import { withBudget } from '../arm-retry.js';
import type { ArmClients } from '../clients.js';
import { kqlString, queryGraph, type GraphScope } from '../graph.js';

/**
 * Remediation tasks (Microsoft.PolicyInsights/remediations) through @azure/arm-policyinsights, at the scope of the
 * assignment they remediate (management group, subscription or resource group), and the policy states of one
 * assignment (Resource Graph `policyresources`), which say what a remediation would touch.
 */

export interface RemediationBody {
  policyAssignmentId: string;
  resourceDiscoveryMode: 'ExistingNonCompliant' | 'ReEvaluateCompliance';
  filters?: { locations?: string[]; resourceIds?: string[] };
}

export interface RemediationRecord {
  name?: string;
  provisioningState?: string;
  statusMessage?: string;
  deploymentStatus?: { totalDeployments?: number; successfulDeployments?: number; failedDeployments?: number };
}

export interface RemediationDeploymentRecord {
  remediatedResourceId?: string;
  status?: string;
  error?: { code?: string; message?: string };
}

type Where =
  { kind: 'managementGroup'; id: string } | { kind: 'subscription'; id: string } | { kind: 'resourceGroup'; id: string; group: string };

function where(scope: string): Where {
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
  if (mg) return { kind: 'managementGroup', id: mg[1] };
  const rg = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)$/i.exec(scope);
  if (rg) return { kind: 'resourceGroup', id: rg[1], group: rg[2] };
  const sub = /^\/subscriptions\/([^/]+)$/i.exec(scope);
  if (sub) return { kind: 'subscription', id: sub[1] };
  throw new Error(`A remediation cannot be made at ${scope}; use a management group, a subscription or a resource group.`);
}

/** Re-evaluating compliance first is what Azure offers below a management group only. */
export const discoveryModeFor = (scope: string): RemediationBody['resourceDiscoveryMode'] =>
  where(scope).kind === 'managementGroup' ? 'ExistingNonCompliant' : 'ReEvaluateCompliance';

async function remediationsAt(clients: ArmClients, scope: string) {
  const w = where(scope);
  const client = await clients.policyInsights(w.kind === 'managementGroup' ? undefined : w.id);
  return { w, remediations: client.remediations };
}

export async function readRemediation(
  clients: ArmClients,
  scope: string,
  name: string,
  budget = new RetryBudget(20),
): Promise<RemediationRecord | undefined> {
  const { w, remediations } = await remediationsAt(clients, scope);
  const read = () =>
    w.kind === 'managementGroup'
      ? remediations.getAtManagementGroup(w.id, name)
      : w.kind === 'resourceGroup'
        ? remediations.getAtResourceGroup(w.group, name)
        : remediations.getAtSubscription(name);
  return (await ifExists(withBudget(budget, read))) as RemediationRecord | undefined;
}

export async function createRemediation(
  clients: ArmClients,
  scope: string,
  name: string,
  body: RemediationBody,
): Promise<RemediationRecord> {
  const { w, remediations } = await remediationsAt(clients, scope);
  if (w.kind === 'managementGroup') return remediations.createOrUpdateAtManagementGroup(w.id, name, body);
  if (w.kind === 'resourceGroup') return remediations.createOrUpdateAtResourceGroup(w.group, name, body);
  return remediations.createOrUpdateAtSubscription(name, body);
}

export async function listRemediationDeployments(
  clients: ArmClients,
  scope: string,
  name: string,
  budget = new RetryBudget(20),
): Promise<RemediationDeploymentRecord[]> {
  const { w, remediations } = await remediationsAt(clients, scope);
  return withBudget(budget, async () => {
    const pages =
      w.kind === 'managementGroup'
        ? remediations.listDeploymentsAtManagementGroup(w.id, name)
        : w.kind === 'resourceGroup'
          ? remediations.listDeploymentsAtResourceGroup(w.group, name)
          : remediations.listDeploymentsAtSubscription(name);
    const out: RemediationDeploymentRecord[] = [];
    for await (const d of pages) out.push(d as RemediationDeploymentRecord);
    return out;
  });
}

/** The latest policy state of every resource for one assignment (Resource Graph), with whether the read was complete. */
export async function statesOfAssignment(clients: ArmClients, assignmentId: string, scope: GraphScope) {
  return queryGraph<{ resourceId: string; complianceState: string }>(
    clients,
    [
      "policyresources\n| where type =~ 'microsoft.policyinsights/policystates'",
      `| where properties.policyAssignmentId =~ ${kqlString(assignmentId)}`,
      '| project id, resourceId = properties.resourceId, complianceState = properties.complianceState\n| order by id asc',
    ].join('\n'),
    scope,
  );
}
