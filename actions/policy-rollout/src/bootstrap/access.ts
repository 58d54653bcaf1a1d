import { errorMessage } from '@arc-actions/core';
import { createRoleAssignment, holdsRole, listRoleAssignmentsAt, roleAssignmentName, type ArmClients } from '@arc-actions/azure';
import type { AccessSpec } from '../policy-file/load.js';

export interface AccessOutcome {
  principalId: string;
  principalType: string;
  role: string;
  scope: string;
  file: string;
  line: number;
  action: 'create' | 'created' | 'unchanged' | 'failed';
  written: boolean;
  error?: string;
}

/**
 * The `access:` section: each principal (the on-call group) holds its Arc Kubernetes role at the scope, through a
 * role assignment named from scope, principal and role, so a rerun finds it and writes nothing.
 */
export async function rolloutAccess(
  clients: ArmClients,
  subscriptionId: string,
  specs: AccessSpec[],
  writes: boolean,
): Promise<AccessOutcome[]> {
  const byScope = new Map<string, Awaited<ReturnType<typeof listRoleAssignmentsAt>>>();
  const out: AccessOutcome[] = [];
  for (const spec of specs) {
    const key = spec.scope.toLowerCase();
    if (!byScope.has(key)) byScope.set(key, await listRoleAssignmentsAt(clients, subscriptionId, spec.scope));
    const base = {
      principalId: spec.principalId,
      principalType: spec.principalType,
      role: spec.role,
      scope: spec.scope,
      file: spec.file,
      line: spec.line,
    };
    if (holdsRole(byScope.get(key)!, spec.principalId, spec.roleDefinitionId)) {
      out.push({ ...base, action: 'unchanged', written: false });
      continue;
    }
    if (!writes) {
      out.push({ ...base, action: 'create', written: false });
      continue;
    }
    try {
      const result = await createRoleAssignment(
        clients,
        subscriptionId,
        spec.scope,
        roleAssignmentName(spec.scope, spec.principalId, spec.roleDefinitionId),
        {
          roleDefinitionId: spec.roleDefinitionId,
          principalId: spec.principalId,
          principalType: spec.principalType,
          description: spec.description ?? `${spec.role} for the fleet below ${spec.scope} (arc-actions policy-rollout access).`,
        },
      );
      out.push({ ...base, action: result === 'created' ? 'created' : 'unchanged', written: result === 'created' });
    } catch (error) {
      const code = (error as { code?: string }).code;
      out.push({
        ...base,
        action: 'failed',
        written: false,
        error: code ? `Azure answered ${code}: ${errorMessage(error)}` : errorMessage(error),
      });
    }
  }
  return out;
}
