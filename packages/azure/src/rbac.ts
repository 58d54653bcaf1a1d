import { RetryBudget } from '@arc-actions/core';
import { withBudget } from './arm-retry.js';
import type { ArmClients } from './clients.js';

/** Role assignments at one scope (a cluster, a resource group): read, and created under a name the caller chooses. */

export interface RoleAssignmentRecord {
  name?: string;
  principalId?: string;
  roleDefinitionId?: string;
  scope?: string;
}

/** The role assignments made at exactly this scope (`atScope()`), not inherited ones. */
export async function listRoleAssignmentsAt(
  clients: ArmClients,
  subscriptionId: string,
  scope: string,
  budget = new RetryBudget(20),
): Promise<RoleAssignmentRecord[]> {
  const client = await clients.authorization(subscriptionId);
  return withBudget(budget, async () => {
    const out: RoleAssignmentRecord[] = [];
    for await (const a of client.roleAssignments.listForScope(scope, { filter: 'atScope()' })) out.push(a);
    return out;
  });
}

/**
 * Creates a role assignment under `name` (a deterministic GUID makes the PUT idempotent). An assignment of the same
 * principal and role that already exists under another name (`RoleAssignmentExists`) counts as done.
 */
export async function createRoleAssignment(
  clients: ArmClients,
  subscriptionId: string,
  scope: string,
  name: string,
  body: { roleDefinitionId: string; principalId: string; description?: string },
  budget = new RetryBudget(20),
): Promise<'created' | 'exists'> {
  const client = await clients.authorization(subscriptionId);
  try {
    await withBudget(budget, () => client.roleAssignments.create(scope, name, body));
    return 'created';
  } catch (error) {
    if ((error as { code?: string }).code === 'RoleAssignmentExists') return 'exists';
    throw error;
  }
}
