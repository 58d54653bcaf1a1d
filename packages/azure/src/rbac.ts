import { createHash } from 'node:crypto';
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
  body: { roleDefinitionId: string; principalId: string; principalType?: 'User' | 'Group' | 'ServicePrincipal'; description?: string },
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

/** A role assignment name (a GUID) derived from scope, principal and role, so that a rerun PUTs the same one. */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionId: string): string {
  const h = createHash('sha256')
    .update(`${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleDefinitionId.split('/').pop()!.toLowerCase()}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Whether `principalId` holds the role (by GUID) through an assignment made exactly at the scope. */
export function holdsRole(assignments: RoleAssignmentRecord[], principalId: string, roleDefinitionId: string): boolean {
  const guid = roleDefinitionId.split('/').pop()!.toLowerCase();
  return assignments.some(
    (a) => a.principalId?.toLowerCase() === principalId.toLowerCase() && a.roleDefinitionId?.split('/').pop()?.toLowerCase() === guid,
  );
}
