import { errorMessage } from '@arc-actions/core';
import { assignmentsAtCluster, readSetById, type ArmClients, type ClusterRef } from '@arc-actions/azure';
import {
  checkArcAgents,
  checkGatekeeperWebhook,
  checkMonitoring,
  checkNodes,
  listAddonConstraints,
  loadKubeConfig,
  privilegedPodTest,
  type ClusterConstraint,
} from '@arc-actions/kube';
import type { CheckResult } from './checks/types.js';

export interface AssignmentInScope {
  id: string;
  name: string;
  effect: string;
  /** Kubernetes policies in the assignment (one constraint each is expected). */
  policies: number;
}

/** The policy assignments that apply to a cluster, with how many constraints each should produce there. */
export async function assignmentsFor(clients: ArmClients, cluster: ClusterRef, cache: Map<string, number>): Promise<AssignmentInScope[]> {
  const out: AssignmentInScope[] = [];
  for (const a of await assignmentsAtCluster(clients, cluster)) {
    const effect = String((a.parameters?.effect?.value as string | undefined) ?? 'Audit');
    if (effect.toLowerCase() === 'disabled' || !a.policyDefinitionId) continue;
    let policies = cache.get(a.policyDefinitionId.toLowerCase());
    if (policies === undefined) {
      policies = /policySetDefinitions/i.test(a.policyDefinitionId)
        ? ((await readSetById(clients, cluster.subscriptionId, a.policyDefinitionId))?.policyDefinitions?.length ?? 0)
        : 1;
      cache.set(a.policyDefinitionId.toLowerCase(), policies);
    }
    out.push({ id: a.id ?? '', name: a.name ?? '', effect, policies });
  }
  return out;
}

/** Constraints in the cluster against the assignments in scope: every assignment synced, with the right enforcement. */
export function checkConstraints(constraints: readonly ClusterConstraint[], assignments: readonly AssignmentInScope[]): CheckResult {
  if (!assignments.length) return { check: 'constraints', status: 'skipped', reason: 'No policy assignment applies to this cluster.' };
  const problems: string[] = [];
  for (const a of assignments) {
    const mine = constraints.filter((c) => (c.assignmentId ?? '').toLowerCase() === a.id.toLowerCase());
    const action = a.effect.toLowerCase() === 'deny' ? 'deny' : 'dryrun';
    if (mine.length < a.policies) problems.push(`${a.name}: ${mine.length} of ${a.policies} constraints present (not synced)`);
    const wrong = mine.filter((c) => c.enforcementAction !== action);
    if (wrong.length)
      problems.push(
        `${a.name}: ${wrong.length} constraints ${wrong[0].enforcementAction} instead of ${action} (effect ${a.effect} not synced)`,
      );
  }
  if (problems.length) {
    return {
      check: 'constraints',
      status: 'fail',
      reason: `${problems.join('; ')}.`,
      fix: 'The policy add-on syncs every 15 minutes; if it stays behind, check the azure-policy pods in kube-system and the extension state.',
      evidence: { constraints: constraints.length },
    };
  }
  return {
    check: 'constraints',
    status: 'ok',
    reason: `${constraints.length} azurepolicy constraints match ${assignments.length} assignments.`,
  };
}

/** The in-cluster checks of one cluster. A cluster that cannot be reached fails `get-nodes` and skips the rest. */
export async function inClusterChecks(kubeconfig: string, assignments: AssignmentInScope[], namespace: string): Promise<CheckResult[]> {
  const kc = await loadKubeConfig({ kubeconfig, input: 'kubeconfigs' });
  const nodes = await checkNodes(kc);
  if (nodes.status === 'fail') return [nodes];
  const results: CheckResult[] = [nodes];
  const safe = async (check: string, fn: () => Promise<CheckResult>) => {
    try {
      results.push(await fn());
    } catch (error) {
      results.push({ check, status: 'fail', reason: `The check failed: ${errorMessage(error)}.` });
    }
  };
  await safe('arc-agents', () => checkArcAgents(kc));
  let constraints: ClusterConstraint[] = [];
  await safe('constraints', async () => {
    constraints = await listAddonConstraints(kc);
    return checkConstraints(constraints, assignments);
  });
  await safe('gatekeeper-webhook', () => checkGatekeeperWebhook(kc));
  await safe('monitoring', () => checkMonitoring(kc));
  await safe('negative-test', () => privilegedPodTest(kc, namespace, constraints));
  return results;
}
