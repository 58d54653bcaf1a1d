import { ConfigurationError } from '@arc-actions/core';
import { readDefinitionById, readSetById, type ArmClients, type DefinitionRecord } from '@arc-actions/azure';
import { policyKey } from './fleet-evidence.js';

/**
 * What policy-rollout accepts as the definition of an assignment. Reads and writes of assignments and definitions are
 * the policy module's (packages/azure/src/policy); they are re-exported here for the modules of this action.
 */
export {
  homeOf,
  readAssignment,
  readCustomDefinition,
  readDefinitionById,
  readSetById,
  writeAssignment,
  writeCustomDefinition,
  type DefinitionHome,
  type DefinitionRecord,
} from '@arc-actions/azure';

export const KUBERNETES_MODE = 'Microsoft.Kubernetes.Data';

/** An assignment's definition as Azure holds it: its id, whether it is a set, the policies it evaluates. */
export interface ResolvedDefinition {
  id: string;
  kind: 'definition' | 'set';
  /** Named as policy states name them: reference ids for a set, the definition's name for a definition. */
  policies: string[];
  /** The version Azure reports, when it does. */
  version?: string;
}

const isGuid = (text: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

/**
 * Resolves what an assignment refers to before anything is written, and refuses what cannot be assigned: a
 * definition or set that does not exist, or one that is not `Microsoft.Kubernetes.Data` (every member of a set).
 * A bare GUID is looked up as a built-in definition first, then as a built-in set. `where` is `file line N:
 * assignment "x"`, so the error names the file and line.
 */
export async function resolveDefinition(
  clients: ArmClients,
  fallbackSubscription: string,
  definition: string,
  where: string,
): Promise<ResolvedDefinition> {
  const refuse = (message: string): never => {
    throw new ConfigurationError(`${where} ${message}`, 'policies');
  };
  const asDefinition = async (id: string): Promise<ResolvedDefinition | undefined> => {
    const found = await readDefinitionById(clients, fallbackSubscription, id);
    if (!found) return undefined;
    checkMode(found, id, refuse);
    return { id, kind: 'definition', policies: [id.split('/').pop()!], version: found.version };
  };
  const asSet = async (id: string): Promise<ResolvedDefinition | undefined> => {
    const found = await readSetById(clients, fallbackSubscription, id);
    if (!found) return undefined;
    const members = found.policyDefinitions ?? [];
    if (!members.length) refuse(`uses the initiative ${id}, which has no policy definitions.`);
    for (const m of members) {
      const memberId = m.policyDefinitionId ?? '';
      const member = await readDefinitionById(clients, fallbackSubscription, memberId);
      if (!member) refuse(`uses the initiative ${id}, whose member ${memberId} does not exist.`);
      checkMode(member!, memberId, refuse, id);
    }
    return {
      id,
      kind: 'set',
      policies: members.map((d) => policyKey(d.policyDefinitionReferenceId, d.policyDefinitionId)),
      version: found.version,
    };
  };
  if (isGuid(definition)) {
    const guid = definition.toLowerCase();
    const resolved =
      (await asDefinition(`/providers/Microsoft.Authorization/policyDefinitions/${guid}`)) ??
      (await asSet(`/providers/Microsoft.Authorization/policySetDefinitions/${guid}`));
    return (
      resolved ??
      refuse(
        `uses ${definition}, which is neither a built-in policy definition nor a built-in initiative; check the GUID, or give the full id of a custom one.`,
      )
    );
  }
  const isSet = /\/policySetDefinitions\//i.test(definition);
  const resolved = isSet ? await asSet(definition) : await asDefinition(definition);
  return (
    resolved ??
    refuse(
      `uses ${definition}, which does not exist (Azure answered ${isSet ? 'PolicySetDefinitionNotFound' : 'PolicyDefinitionNotFound'} at its scope); check the id and that the definition is created before the assignment.`,
    )
  );
}

/** Whether a definition's effect (its literal, or its effect parameter's default) is DeployIfNotExists or Modify. */
function deploys(found: DefinitionRecord): boolean {
  const effect = String(found.policyRule?.then?.effect ?? '');
  const ref = /^\[parameters\('([^']+)'\)\]$/i.exec(effect)?.[1];
  const value = String(ref ? (found.parameters?.[ref]?.defaultValue ?? '') : effect).toLowerCase();
  return value === 'deployifnotexists' || value === 'modify';
}

function checkMode(found: DefinitionRecord, id: string, refuse: (message: string) => never, set?: string): void {
  if ((found.mode ?? '').toLowerCase() === KUBERNETES_MODE.toLowerCase()) return;
  const what = set ? `the initiative ${set}, whose member ${id}` : `the definition ${id}`;
  if (deploys(found))
    refuse(
      `uses ${what}${found.displayName ? ` ("${found.displayName}")` : ''}, a DeployIfNotExists or Modify definition: it has no audit → deny stage for the promotion gate to judge; list it under bootstrap:, which gives it an identity, its roles and remediation.`,
    );
  refuse(
    `uses ${what}${found.displayName ? ` ("${found.displayName}")` : ''} has mode "${found.mode ?? 'none'}"; policy-rollout assigns Kubernetes policies only (mode ${KUBERNETES_MODE}): choose a Kubernetes definition or initiative.`,
  );
}

/**
 * The policies an assignment evaluates, named as its policy states name them: reference ids for an initiative (read
 * at its own scope), the definition name for a single definition.
 */
export async function policiesOf(clients: ArmClients, fallbackSubscription: string, definitionId: string): Promise<string[]> {
  if (!/\/policySetDefinitions\//i.test(definitionId)) return [definitionId.split('/').pop()!];
  const set = await readSetById(clients, fallbackSubscription, definitionId);
  if (!set) throw new Error(`The policy set definition ${definitionId} does not exist.`);
  return (set.policyDefinitions ?? []).map((d) => policyKey(d.policyDefinitionReferenceId, d.policyDefinitionId));
}
