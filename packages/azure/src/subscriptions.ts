import { RetryBudget, waitFor } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import { withBudget } from './arm-retry.js';
import type { ArmClients } from './clients.js';

/**
 * What a subscription must hold before anything is onboarded into it: registered resource providers and a resource
 * group. Reads retry within the run's budget; a missing resource group is absence (404), not an error.
 */

/** The registration state of each provider namespace (reads only). */
export async function readProviderStates(
  clients: ArmClients,
  subscriptionId: string,
  namespaces: readonly string[],
  budget = new RetryBudget(20),
): Promise<Record<string, string>> {
  const client = await clients.resources(subscriptionId);
  const states = await Promise.all(
    namespaces.map(
      async (ns) => [ns, (await withBudget(budget, () => client.providers.get(ns))).registrationState ?? 'NotRegistered'] as const,
    ),
  );
  return Object.fromEntries(states);
}

/** Registers the providers that are not Registered and polls until they are, within `timeoutMs`. Returns the ones it registered. */
export async function registerProviders(
  clients: ArmClients,
  subscriptionId: string,
  states: Record<string, string>,
  timeoutMs: number,
): Promise<string[]> {
  const client = await clients.resources(subscriptionId);
  const todo = Object.keys(states).filter((ns) => states[ns] !== 'Registered');
  for (const ns of todo) if (states[ns] !== 'Registering') await client.providers.register(ns);
  const done = await waitFor(
    async () => {
      const now = await Promise.all(todo.map(async (ns) => (await client.providers.get(ns)).registrationState));
      return now.every((s) => s === 'Registered') ? true : undefined;
    },
    { timeoutMs, initialMs: 500, maxMs: 10_000 },
  );
  if (!done.value) {
    throw new Error(
      `The resource providers ${todo.join(', ')} were still registering after ${Math.round(timeoutMs / 1000)} s; run az provider show -n <namespace> and retry when they are Registered.`,
    );
  }
  return todo;
}

/** Whether the resource group exists. */
export async function resourceGroupExists(clients: ArmClients, subscriptionId: string, name: string, budget = new RetryBudget(20)) {
  const resources = await clients.resources(subscriptionId);
  return (await ifExists(withBudget(budget, () => resources.resourceGroups.get(name)))) !== undefined;
}

/** Creates (or updates) a resource group with its provenance tags. */
export async function createResourceGroup(
  clients: ArmClients,
  subscriptionId: string,
  name: string,
  body: { location: string; tags?: Record<string, string> },
): Promise<void> {
  const resources = await clients.resources(subscriptionId);
  await resources.resourceGroups.createOrUpdate(name, body);
}
