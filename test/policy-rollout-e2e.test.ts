/**
 * policy-rollout end to end against the sandbox and a real cluster with Gatekeeper: a privileged DaemonSet exists →
 * audit shows the violation → promote is refused with zero writes; remove it → a fresh evaluation is clean →
 * promote succeeds → a privileged pod is rejected by the real Gatekeeper webhook; a rerun is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { startLocalCluster, type LocalCluster } from '../packages/sandbox/src/clusters/index.js';
import { startPolicyReconciler } from '../packages/sandbox/src/reconcile/policy.js';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/policy-rollout/src/main.js';

let sandbox: Sandbox;
let cluster: LocalCluster;
let reconciler: { stop(): Promise<void> };
let clusterId: string;
const NS = 'payments';

const policies = (sub: string) => `assignments:
  - name: psp-baseline
    display-name: Pod security baseline
    scope: /subscriptions/${sub}
    definition: /providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4
    stage: deny
`;

const privilegedDaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'legacy-agent', namespace: NS },
  spec: {
    selector: { matchLabels: { app: 'legacy-agent' } },
    template: {
      metadata: { labels: { app: 'legacy-agent' } },
      spec: { containers: [{ name: 'agent', image: 'busybox:1.36', securityContext: { privileged: true } }] },
    },
  },
};

function step(mode: string, extra: Record<string, string> = {}) {
  const env = sandbox.env;
  return runStep(
    () => run(),
    'policy-rollout/action.yml',
    {
      'client-id': env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': env.ARC_SANDBOX_TENANT_ID,
      'subscription-id': env.ARC_SANDBOX_SUBSCRIPTION_ID,
      environment: env.ARC_SANDBOX_ENVIRONMENT,
      mode,
      policies: 'policies',
      'min-soak': '0s',
      'sync-allowance': '0s',
      'max-staleness': '10m',
      ...extra,
    },
    {
      files: { 'policies/baseline.yaml': policies(env.ARC_SANDBOX_SUBSCRIPTION_ID) },
      env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42' },
    },
  );
}

const writes = () => sandbox.calls().filter((c) => ['PUT', 'PATCH', 'DELETE'].includes(c.method)).length;

/** Waits until the cluster's states for the assignment are newer than `after` and returns the NonCompliant components. */
async function freshStates(after: number) {
  const result = await waitFor(
    async () => {
      const states = sandbox.state
        .policyStates()
        .filter((s) => s.resourceId.toLowerCase() === clusterId.toLowerCase() && /psp-baseline$/i.test(s.policyAssignmentId));
      if (states.length < 1 || states.some((s) => Date.parse(s.timestamp ?? '') <= after)) return undefined;
      return states.flatMap((s) => (s.components ?? []).filter((c) => c.complianceState === 'NonCompliant'));
    },
    { timeoutMs: 120_000, initialMs: 500, maxMs: 2000 },
  );
  if (!result.value) throw new Error('No fresh policy states within 120 s');
  return result.value;
}

beforeAll(async () => {
  sandbox = await startSandbox();
  cluster = await startLocalCluster({ name: 'onprem-dc1', dir: await mkdtemp(join(tmpdir(), 'arc-e2e-policy-')), auditIntervalSeconds: 2 });
  const sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  sandbox.state.addResourceGroup(sub, 'fleet', 'westeurope');
  clusterId = `/subscriptions/${sub}/resourceGroups/fleet/providers/Microsoft.Kubernetes/connectedClusters/onprem-dc1`;
  sandbox.state.put({
    id: clusterId,
    name: 'onprem-dc1',
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: {},
    properties: { provisioningState: 'Succeeded', distribution: 'k3s' },
  });
  sandbox.state.attachRealCluster(clusterId, cluster.kubeconfig);
  sandbox.state.setClusterConnectivity(clusterId, 'Connected');
  const extId = `${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`;
  sandbox.state.put({
    id: extId,
    name: 'azurepolicy',
    type: 'Microsoft.KubernetesConfiguration/extensions',
    properties: { extensionType: 'microsoft.policyinsights', provisioningState: 'Succeeded' },
  });
  reconciler = startPolicyReconciler(sandbox.state.store, (id) => (id.toLowerCase() === clusterId.toLowerCase() ? cluster : undefined), {
    intervalMs: 1000,
  });
  await cluster.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } } });
  await cluster.client.apply(privilegedDaemonSet, 'e2e');
  // The DaemonSet's pods (made by the controller-manager, one per node) must exist before the audit can find them.
  const pods = await waitFor(
    async () => ((await cluster.client.list('v1', 'Pod', { namespace: NS })).length >= cluster.nodeNames.length ? true : undefined),
    { timeoutMs: 60_000, initialMs: 200, maxMs: 1000 },
  );
  if (!pods.value) throw new Error('The privileged DaemonSet made no pods within 60 s');
}, 240_000);

afterAll(async () => {
  await reconciler?.stop();
  await cluster?.stop();
  await sandbox?.stop();
});

describe('policy-rollout end to end', () => {
  it('applies the initiative in Audit, and audit finds the privileged DaemonSet pods', async () => {
    const applied = await step('apply');
    expect(applied.errors).toEqual([]);
    const result = JSON.parse(applied.outputs.result);
    expect(result.assignments[0]).toMatchObject({ name: 'psp-baseline', action: 'create', written: true, effectAfter: 'Audit' });
    // The first audit after a constraint is created may not have evaluated it yet (what sync-allowance is for):
    // wait for a fresh state that reports the DaemonSet's pods.
    const since = Date.now();
    const found = await waitFor(
      async () => {
        const v = await freshStates(since);
        return v.length ? v : undefined;
      },
      { timeoutMs: 120_000, initialMs: 500, maxMs: 2000 },
    );
    const violations = found.value ?? [];
    expect(violations.length).toBeGreaterThan(0);
    expect(violations[0]).toMatchObject({ type: 'Pod' });
    expect(violations[0].id).toMatch(new RegExp(`^${NS}/legacy-agent-`));
  }, 180_000);

  it('refuses the promotion while one object violates, naming it, with zero writes', async () => {
    sandbox.clearCalls();
    const refused = await step('promote');
    expect(refused.failed).toBe(true);
    expect(writes()).toBe(0);
    expect(refused.outputs.promoted).toBe('false');
    const gate = JSON.parse(refused.outputs.gate)['psp-baseline'];
    const zero = gate.conditions.find((c: { id: string }) => c.id === 'zero-violations');
    expect(zero.passed).toBe(false);
    expect(zero.detail).toContain('onprem-dc1: Pod payments/legacy-agent-');
    expect(refused.summary).toContain('Zero NonCompliant objects');
  }, 120_000);

  it('promotes once the fleet is clean, and Gatekeeper then rejects a privileged pod', async () => {
    await cluster.client.request('DELETE', `/apis/apps/v1/namespaces/${NS}/daemonsets/legacy-agent`, {
      query: { propagationPolicy: 'Orphan' },
    });
    const pods = await cluster.client.list('v1', 'Pod', { namespace: NS });
    for (const p of pods)
      await cluster.client.request('DELETE', `/api/v1/namespaces/${NS}/pods/${p.metadata.name}`, { query: { gracePeriodSeconds: '0' } });
    const clean = await freshStates(Date.now());
    expect(clean).toEqual([]);

    sandbox.clearCalls();
    const promoted = await step('promote');
    expect(promoted.errors).toEqual([]);
    expect(promoted.outputs.promoted).toBe('true');
    expect(writes()).toBe(1);
    const assignment = sandbox.state.get(
      `/subscriptions/${sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID}/providers/Microsoft.Authorization/policyAssignments/psp-baseline`,
    )!;
    expect((assignment.properties as any).parameters.effect.value).toBe('Deny');
    expect((assignment.properties as any).metadata.arcActions.promotion.gate.every((c: { passed: boolean }) => c.passed)).toBe(true);

    const denial = await waitFor(
      async () => {
        try {
          await cluster.client.request('POST', `/api/v1/namespaces/${NS}/pods`, {
            body: {
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name: 'probe', namespace: NS },
              spec: { containers: [{ name: 'c', image: 'busybox', securityContext: { privileged: true } }] },
            },
            query: { dryRun: 'All' },
          });
          return undefined;
        } catch (error) {
          return String((error as Error).message);
        }
      },
      { timeoutMs: 60_000, initialMs: 500, maxMs: 2000 },
    );
    expect(denial.value).toContain('admission webhook "validation.gatekeeper.sh" denied the request');

    sandbox.clearCalls();
    const again = await step('promote');
    expect(again.failed).toBe(false);
    expect(JSON.parse(again.outputs.result).assignments[0].action).toBe('unchanged');
    expect(writes()).toBe(0);
  }, 240_000);
});
