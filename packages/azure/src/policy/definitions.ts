import { RetryBudget } from '@arc-actions/core';
import { ifExists } from '../arm-errors.js';
import { withBudget } from '../arm-retry.js';
import type { ArmClients } from '../clients.js';

/**
 * Policy definitions and set definitions (initiatives) through @azure/arm-policy. They live at a management group, a
 * subscription or (built-ins) the tenant root: each is read and written where its own id says, never through the
 * run's default subscription (issue 13).
 */

/** Where a definition or set lives, from its id (or from a scope for one we write). */
export type DefinitionHome = { kind: 'builtIn' } | { kind: 'managementGroup'; id: string } | { kind: 'subscription'; id: string };

const MG_SCOPE = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)(?:$|\/)/i;
const SUB_SCOPE = /^\/subscriptions\/([^/]+)(?:$|\/)/i;

export function homeOf(idOrScope: string): DefinitionHome {
  const mg = MG_SCOPE.exec(idOrScope);
  if (mg) return { kind: 'managementGroup', id: mg[1] };
  const sub = SUB_SCOPE.exec(idOrScope);
  if (sub) return { kind: 'subscription', id: sub[1].toLowerCase() };
  return { kind: 'builtIn' };
}

/** The policy client that reaches `home`: a subscription's own for a subscription, any for the rest. */
export const policyClientFor = (clients: ArmClients, home: DefinitionHome, fallbackSubscription: string) =>
  clients.policy(home.kind === 'subscription' ? home.id : fallbackSubscription);

export interface DefinitionRecord {
  id?: string;
  name?: string;
  displayName?: string;
  mode?: string;
  version?: string;
  metadata?: Record<string, unknown>;
  policyDefinitions?: { policyDefinitionId?: string; policyDefinitionReferenceId?: string }[];
  /** Declared parameters (definitions), with their defaults and allowed values. */
  parameters?: Record<string, { type?: string; defaultValue?: unknown; allowedValues?: unknown[] }>;
  /** The rule; `then.details.roleDefinitionIds` are what a DeployIfNotExists or Modify assignment's identity needs. */
  policyRule?: { if?: unknown; then?: { effect?: string; details?: { type?: string; roleDefinitionIds?: string[] } } };
}

type PolicyClient = Awaited<ReturnType<ArmClients['policy']>>;
type Readers = Pick<PolicyClient['policyDefinitions'], 'getBuiltIn' | 'getAtManagementGroup' | 'get'>;

/** Reads a definition or set at the scope its id names (built-in, management group, subscription); undefined on 404. */
async function readAtHome(
  clients: ArmClients,
  fallbackSubscription: string,
  id: string,
  family: (policy: PolicyClient) => Readers,
  budget: RetryBudget,
): Promise<DefinitionRecord | undefined> {
  const home = homeOf(id);
  const name = id.split('/').pop()!;
  const readers = family(await policyClientFor(clients, home, fallbackSubscription));
  const read = () =>
    home.kind === 'builtIn'
      ? readers.getBuiltIn(name)
      : home.kind === 'managementGroup'
        ? readers.getAtManagementGroup(home.id, name)
        : readers.get(name);
  return (await ifExists(withBudget(budget, read))) as DefinitionRecord | undefined;
}

/** A policy definition by id, read at its own scope; undefined when Azure says it does not exist. */
export const readDefinitionById = (clients: ArmClients, fallbackSubscription: string, id: string, budget = new RetryBudget(20)) =>
  readAtHome(clients, fallbackSubscription, id, (p) => p.policyDefinitions, budget);

/** A set definition (initiative) by id, read at its own scope; undefined when Azure says it does not exist. */
export const readSetById = (clients: ArmClients, fallbackSubscription: string, id: string, budget = new RetryBudget(20)) =>
  readAtHome(clients, fallbackSubscription, id, (p) => p.policySetDefinitions as unknown as Readers, budget);

/** Writes a custom definition at its own subscription or management group (`scope`). */
export async function writeCustomDefinition(
  clients: ArmClients,
  fallbackSubscription: string,
  scope: string,
  name: string,
  body: Record<string, unknown>,
) {
  const home = homeOf(scope);
  const policy = await policyClientFor(clients, home, fallbackSubscription);
  if (home.kind === 'managementGroup') return policy.policyDefinitions.createOrUpdateAtManagementGroup(home.id, name, body);
  if (home.kind === 'subscription') return policy.policyDefinitions.createOrUpdate(name, body);
  throw new Error(`A custom definition cannot be written at ${scope}; use a management group or a subscription.`);
}

export async function readCustomDefinition(clients: ArmClients, fallbackSubscription: string, scope: string, name: string) {
  return readDefinitionById(clients, fallbackSubscription, `${scope}/providers/Microsoft.Authorization/policyDefinitions/${name}`);
}

/** Every version of a built-in definition (`policyDefinitionVersions.listBuiltIn`), newest API first. */
export async function listBuiltInDefinitionVersions(
  clients: ArmClients,
  fallbackSubscription: string,
  name: string,
): Promise<DefinitionRecord[]> {
  const policy = await clients.policy(fallbackSubscription);
  const versions: DefinitionRecord[] = [];
  for await (const v of policy.policyDefinitionVersions.listBuiltIn(name)) versions.push(v as unknown as DefinitionRecord);
  return versions;
}
