import { RetryBudget } from '@arc-actions/core';
import { ifExists } from '../arm-errors.js';
import { withBudget } from '../arm-retry.js';
import type { ArmClients } from '../clients.js';
import { kqlString, queryGraph, type GraphScope } from '../graph.js';

/**
 * Policy exemptions (Microsoft.Authorization/policyExemptions) through the official @azure/arm-policy client that has
 * them (see ArmClients.policyExemptions): read (404 = absent), written by PUT (the whole desired body: a rerun with the
 * same body changes nothing), deleted, and listed through Resource Graph.
 */

/** The classic client's URL template is `/{scope}/providers/...` with the scope not encoded: no leading slash. */
const sdkScope = (scope: string) => scope.replace(/^\/+/, '');

export interface ExemptionBody {
  policyAssignmentId: string;
  policyDefinitionReferenceIds?: string[];
  exemptionCategory: string;
  expiresOn?: Date;
  displayName?: string;
  description?: string;
  metadata?: Record<string, unknown>;
}

/** The exemption `<scope>/providers/Microsoft.Authorization/policyExemptions/<name>` as ARM holds it, or undefined. */
export async function readExemption(clients: ArmClients, subscriptionId: string, id: string, budget = new RetryBudget(20)) {
  const [, scope, name] = /^(.*)\/providers\/Microsoft\.Authorization\/policyExemptions\/([^/]+)$/i.exec(id) ?? [];
  if (!scope || !name) throw new Error(`${id} is not a policy exemption id.`);
  const client = await clients.policyExemptions(subscriptionId);
  return (await ifExists(withBudget(budget, () => client.policyExemptions.get(sdkScope(scope), name)))) as
    Record<string, unknown> | undefined;
}

export async function writeExemption(clients: ArmClients, subscriptionId: string, scope: string, name: string, body: ExemptionBody) {
  const client = await clients.policyExemptions(subscriptionId);
  return client.policyExemptions.createOrUpdate(sdkScope(scope), name, body);
}

export async function deleteExemption(clients: ArmClients, subscriptionId: string, scope: string, name: string) {
  const client = await clients.policyExemptions(subscriptionId);
  await client.policyExemptions.delete(sdkScope(scope), name);
}

/** The exemptions of one assignment (Resource Graph `policyresources`), with their metadata; `where` narrows by scope. */
export async function listExemptionsOf(clients: ArmClients, assignmentId: string, scope: GraphScope, where: readonly string[] = []) {
  return queryGraph<{ id: string; name: string; metadata?: Record<string, unknown> }>(
    clients,
    [
      "policyresources\n| where type =~ 'microsoft.authorization/policyexemptions'",
      `| where properties.policyAssignmentId =~ ${kqlString(assignmentId)}`,
      ...where,
      '| project id, name, metadata = properties.metadata\n| order by id asc',
    ].join('\n'),
    scope,
  );
}
