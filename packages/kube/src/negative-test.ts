import type { KubeConfig } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { apiMessage, statusOf, type ClusterConstraint, type InClusterCheck } from './in-cluster.js';

/** What a privileged pod should meet in `namespace`, given the add-on's no-privilege constraints there. */
export function expectedPrivilegedOutcome(
  constraints: readonly ClusterConstraint[],
  namespace: string,
): 'denied' | 'admitted' | 'unguarded' {
  const applicable = constraints.filter(
    (c) =>
      /noprivilege$|privilegedcontainer/i.test(c.kind) &&
      !c.excludedNamespaces.includes(namespace) &&
      (c.namespaces.length === 0 || c.namespaces.includes(namespace)),
  );
  if (applicable.some((c) => c.enforcementAction === 'deny')) return 'denied';
  return applicable.length ? 'admitted' : 'unguarded';
}

/**
 * The negative test: creates a privileged pod with server-side dry-run (nothing is persisted) and checks that the
 * admission result matches the policy in force: denied under Deny, admitted (and reported as such) under Audit.
 */
export async function privilegedPodTest(
  kc: KubeConfig,
  namespace: string,
  constraints: readonly ClusterConstraint[],
): Promise<InClusterCheck> {
  const k8s = await import('@kubernetes/client-node');
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const expected = expectedPrivilegedOutcome(constraints, namespace);
  const name = `arc-verify-privileged-${randomBytes(3).toString('hex')}`;
  const body = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'arc-verify' } },
    spec: { containers: [{ name: 'probe', image: 'mcr.microsoft.com/oss/kubernetes/pause:3.6', securityContext: { privileged: true } }] },
  };
  let outcome: 'denied' | 'admitted';
  let message = '';
  try {
    await core.createNamespacedPod({ namespace, body, dryRun: 'All' });
    outcome = 'admitted';
  } catch (error) {
    message = apiMessage(error);
    if (statusOf(error) === 403 && message.includes('denied the request')) outcome = 'denied';
    else
      return {
        check: 'negative-test',
        status: 'fail',
        reason: `The dry-run create failed for another reason: ${message}.`,
        fix: 'Check RBAC (create pods) and the namespace.',
      };
  }
  const evidence = { namespace, expected, outcome, message };
  if (outcome === 'denied') {
    return { check: 'negative-test', status: 'ok', reason: `A privileged pod in ${namespace} was denied: ${message}`, evidence };
  }
  if (expected === 'denied') {
    return {
      check: 'negative-test',
      status: 'fail',
      reason: `A privileged pod in ${namespace} was admitted although a Deny constraint applies.`,
      fix: 'Check that Gatekeeper is running and its webhook reachable (failurePolicy Ignore admits everything when it is down).',
      evidence,
    };
  }
  return {
    check: 'negative-test',
    status: 'warn',
    reason:
      expected === 'admitted'
        ? `A privileged pod in ${namespace} was admitted: the assignment is Audit.`
        : `A privileged pod in ${namespace} was admitted: no no-privilege policy applies there.`,
    fix: 'Promote the assignment to Deny with policy-rollout once the fleet has no violations.',
    evidence,
  };
}
