import type { ArmClients } from '../clients.js';

/**
 * Starts a Policy Insights compliance evaluation for each subscription or resource-group scope (management-group
 * scopes have no on-demand evaluation); does not wait. Returns the scopes it started.
 */
export async function triggerEvaluations(clients: ArmClients, scopes: readonly string[]): Promise<string[]> {
  const started: string[] = [];
  for (const scope of [...new Set(scopes.map((s) => s.toLowerCase()))].filter((s) => s.startsWith('/subscriptions/'))) {
    const [, , subscriptionId, , resourceGroup] = scope.split('/');
    const insights = await clients.policyInsights(subscriptionId);
    if (resourceGroup) await insights.policyStates.beginTriggerResourceGroupEvaluation(subscriptionId, resourceGroup);
    else await insights.policyStates.beginTriggerSubscriptionEvaluation(subscriptionId);
    started.push(scope);
  }
  return started;
}
