import { RetryBudget } from '@arc-actions/core';
import { ifExists } from '../arm-errors.js';
import { withBudget } from '../arm-retry.js';
import type { ArmClients } from '../clients.js';
import { CLUSTER_RP, type ClusterRef } from '../cluster-ref.js';

/** Policy assignments through @azure/arm-policy: read (404 = absent), written (PUT, idempotent) and listed at a cluster. */

/** The assignment as ARM holds it, or undefined when it does not exist yet. */
export async function readAssignment(
  clients: ArmClients,
  subscriptionId: string,
  scope: string,
  name: string,
  budget = new RetryBudget(20),
) {
  const policy = await clients.policy(subscriptionId);
  return ifExists(withBudget(budget, () => policy.policyAssignments.get(scope, name)));
}

/** PUT of an assignment (the whole desired body: a rerun with the same body changes nothing). */
export async function writeAssignment(
  clients: ArmClients,
  subscriptionId: string,
  scope: string,
  name: string,
  body: Record<string, unknown>,
) {
  const policy = await clients.policy(subscriptionId);
  return policy.policyAssignments.create(scope, name, body);
}

export interface ClusterAssignment {
  id?: string;
  name?: string;
  policyDefinitionId?: string;
  parameters?: Record<string, { value?: unknown }>;
}

/** The assignments that apply to a cluster (Arc or AKS), inherited ones included. */
export async function assignmentsAtCluster(
  clients: ArmClients,
  ref: ClusterRef,
  budget = new RetryBudget(20),
): Promise<ClusterAssignment[]> {
  const policy = await clients.policy(ref.subscriptionId);
  const rp = CLUSTER_RP[ref.type];
  return withBudget(budget, async () => {
    const out: ClusterAssignment[] = [];
    for await (const a of policy.policyAssignments.listForResource(ref.resourceGroup, rp.clusterRp, '', rp.clusterResourceName, ref.name, {
      filter: 'atScope()',
    }))
      out.push(a as ClusterAssignment);
    return out;
  });
}
