import { ifExists, type ArmClients } from '@arc-actions/azure';
import { policyKey } from './fleet-evidence.js';

/** The assignment as ARM holds it, or undefined when it does not exist yet. */
export async function readAssignment(clients: ArmClients, subscriptionId: string, scope: string, name: string) {
  const policy = await clients.policy(subscriptionId);
  return ifExists(policy.policyAssignments.get(scope, name));
}

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

/**
 * The policies an assignment evaluates, named as its policy states name them: reference ids for an initiative,
 * the definition name for a single definition.
 */
export async function policiesOf(clients: ArmClients, subscriptionId: string, definitionId: string): Promise<string[]> {
  const policy = await clients.policy(subscriptionId);
  const name = definitionId.split('/').pop()!;
  if (/\/policySetDefinitions\//i.test(definitionId)) {
    const builtIn = /^\/providers\/Microsoft\.Authorization\//i.test(definitionId);
    const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\//i.exec(definitionId);
    const set = builtIn
      ? await policy.policySetDefinitions.getBuiltIn(name)
      : mg
        ? await policy.policySetDefinitions.getAtManagementGroup(mg[1], name)
        : await policy.policySetDefinitions.get(name);
    return (set.policyDefinitions ?? []).map((d) => policyKey(d.policyDefinitionReferenceId, d.policyDefinitionId));
  }
  return [name];
}

/** Writes a custom definition at a subscription or management group; returns its id. */
export async function writeCustomDefinition(
  clients: ArmClients,
  subscriptionId: string,
  scope: string,
  name: string,
  body: Record<string, unknown>,
) {
  const policy = await clients.policy(subscriptionId);
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
  return mg
    ? policy.policyDefinitions.createOrUpdateAtManagementGroup(mg[1], name, body)
    : policy.policyDefinitions.createOrUpdate(name, body);
}

export async function readCustomDefinition(clients: ArmClients, subscriptionId: string, scope: string, name: string) {
  const policy = await clients.policy(subscriptionId);
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope);
  return ifExists(mg ? policy.policyDefinitions.getAtManagementGroup(mg[1], name) : policy.policyDefinitions.get(name));
}
