import { log, mapSettled, errorMessage, RetryBudget } from '@arc-actions/core';
import { ExtensionInstaller, parseClusterId, triggerEvaluations as startEvaluations, type ArmClients } from '@arc-actions/azure';
import type { AssignmentOutcome } from './rollout.js';

/**
 * After apply: every cluster in scope gets the azurepolicy extension (created only where it is missing or Failed,
 * through the one extension installer: identity on Arc clusters, the final state awaited, a Failed install reported
 * with the extension's own error), and a compliance evaluation is triggered once per subscription, so the next plan
 * or promote has fresh data.
 */
export async function ensurePolicyExtensions(
  clients: ArmClients,
  clusterIds: string[],
  installed: Record<string, string | undefined>,
  options: { timeoutMs?: number; pollMs?: { initial: number; max: number } } = {},
): Promise<{ created: string[]; failed: { cluster: string; error: string }[] }> {
  const missing = clusterIds.filter((id) => installed[id.toLowerCase()] !== 'Succeeded');
  const installer = new ExtensionInstaller(clients, new RetryBudget(20), options);
  const results = await mapSettled(missing, 8, async (id) => {
    const cluster = parseClusterId(id, 'policies');
    const { plan } = await installer.ensure(
      cluster,
      { name: 'azurepolicy', extensionType: 'Microsoft.PolicyInsights', autoUpgradeMinorVersion: true },
      'present',
    );
    if (plan.action !== 'unchanged') log.info(`Installed the azurepolicy extension on ${cluster.name}.`);
    return id;
  });
  return {
    created: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    failed: results.flatMap((r, i) => (r.status === 'rejected' ? [{ cluster: missing[i], error: errorMessage(r.reason) }] : [])),
  };
}

/** Starts a policy evaluation for each subscription (or resource group) the assignments cover; does not wait. */
export const triggerEvaluations = (clients: ArmClients, outcomes: AssignmentOutcome[]): Promise<string[]> =>
  startEvaluations(
    clients,
    outcomes.map((o) => o.scope),
  );
