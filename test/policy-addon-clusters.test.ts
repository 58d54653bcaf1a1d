/**
 * The sandbox's Azure Policy add-on on two real clusters with Gatekeeper, as a new user meets it:
 * (a) the pod security baseline initiative assigned in Audit gets a state for every member definition on every
 *     cluster; a hostPath pod makes exactly NoHostPathVolume NonCompliant on its cluster; removing it makes every
 *     state Compliant after the next audit; unassigning removes the constraints and the states;
 * (b) a custom Rego definition ("pods must have label owner") written by policy-rollout (Base64 templateInfo) is
 *     assigned in Audit (the states show the violating pod), promoted to Deny once clean, and Gatekeeper's webhook
 *     then rejects an unlabelled pod with the template's own message.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { KubeApiError, startLocalCluster, type LocalCluster } from '../packages/sandbox/src/clusters/index.js';
import { startPolicyReconciler } from '../packages/sandbox/src/reconcile/policy.js';
import { requireFixtures } from '../packages/sandbox/src/fixtures.js';
import type { PolicyStateRecord } from '../packages/sandbox/src/state/types.js';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/policy-rollout/src/main.js';

const BASELINE = '/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d';
const NAMES = ['bar-edge-03', 'bar-edge-04'];
const NS = 'apps';

let sandbox: Sandbox;
let clusters: LocalCluster[];
let reconciler: { stop(): Promise<void> };
let sub: string;
const addonErrors: string[] = [];

const clusterId = (name: string) => `/subscriptions/${sub}/resourceGroups/edge/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const nameOf = (id: string) => id.split('/').pop()!;
const baselineMembers = (): string[] =>
  JSON.parse(
    readFileSync(
      join(requireFixtures(), 'azure-policy/built-in-policies/policySetDefinitions/Kubernetes/PSPBaselineStandard.json'),
      'utf8',
    ),
  ).properties.policyDefinitions.map((m: { policyDefinitionReferenceId: string }) => m.policyDefinitionReferenceId);

/** The states of one assignment, as `<cluster>/<reference or definition>` → state. */
function statesOf(assignment: string): Map<string, PolicyStateRecord> {
  return new Map(
    sandbox.state
      .policyStates()
      .filter((s) => nameOf(s.policyAssignmentId).toLowerCase() === assignment)
      .map((s) => [`${nameOf(s.resourceId)}/${s.policyDefinitionReferenceId ?? nameOf(s.policyDefinitionId)}`, s]),
  );
}

/** Waits until `ok` holds for the assignment's states, every one evaluated after `after`; returns them. */
async function waitForStates(assignment: string, after: number, ok: (states: Map<string, PolicyStateRecord>) => boolean) {
  const result = await waitFor(
    async () => {
      const states = statesOf(assignment);
      if (!states.size || [...states.values()].some((s) => Date.parse(s.timestamp ?? '') <= after)) return undefined;
      return ok(states) ? states : undefined;
    },
    { timeoutMs: 150_000, initialMs: 500, maxMs: 2000 },
  );
  if (!result.value)
    throw new Error(
      `The states of ${assignment} did not reach the expected shape within 150 s: ${JSON.stringify([...statesOf(assignment)].map(([k, s]) => [k, s.complianceState, s.timestamp]))}; add-on errors: ${addonErrors.join(' | ')}`,
    );
  return result.value;
}

const pod = (name: string, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: NS, labels },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36', volumeMounts: [] as unknown[] }], ...extra },
});
const hostPathPod = () => {
  const p = pod('node-logs', { volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] });
  p.spec.containers[0].volumeMounts = [{ name: 'logs', mountPath: '/logs' }];
  return p;
};
const deletePod = (cluster: LocalCluster, name: string) =>
  cluster.client.request('DELETE', `/api/v1/namespaces/${NS}/pods/${name}`, { query: { gracePeriodSeconds: '0' } });

beforeAll(async () => {
  sandbox = await startSandbox();
  sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  sandbox.state.addResourceGroup(sub, 'edge', 'westeurope');
  clusters = await Promise.all(
    NAMES.map(async (name) =>
      startLocalCluster({ name, dir: await mkdtemp(join(tmpdir(), `arc-addon-${name}-`)), auditIntervalSeconds: 2 }),
    ),
  );
  for (const cluster of clusters) {
    const id = clusterId(cluster.name);
    sandbox.state.put({
      id,
      name: cluster.name,
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: 'westeurope',
      tags: {},
      properties: { provisioningState: 'Succeeded', distribution: 'k3s' },
    });
    sandbox.state.attachRealCluster(id, cluster.kubeconfig);
    sandbox.state.setClusterConnectivity(id, 'Connected');
    sandbox.state.put({
      id: `${id}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`,
      name: 'azurepolicy',
      type: 'Microsoft.KubernetesConfiguration/extensions',
      properties: { extensionType: 'microsoft.policyinsights', provisioningState: 'Succeeded' },
    });
    await cluster.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } } });
  }
  const byId = new Map(clusters.map((c) => [clusterId(c.name).toLowerCase(), c]));
  reconciler = startPolicyReconciler(sandbox.state.store, (id) => byId.get(id.toLowerCase()), {
    intervalMs: 1000,
    onError: (where, error) => addonErrors.push(`${where}: ${String(error)}`),
  });
}, 240_000);

afterAll(async () => {
  await reconciler?.stop();
  await Promise.all((clusters ?? []).map((c) => c.stop()));
  await sandbox?.stop();
});

describe('(a) the pod security baseline initiative in Audit on two real clusters', () => {
  const assignmentId = () => `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/pod-baseline`;
  const members = baselineMembers();
  const every = (states: Map<string, PolicyStateRecord>) => NAMES.every((c) => members.every((m) => states.has(`${c}/${m}`)));

  it('reports a state for every member definition on every cluster, each from its own constraint', async () => {
    expect(members).toHaveLength(5);
    const since = Date.now();
    sandbox.state.put({
      id: assignmentId(),
      name: 'pod-baseline',
      type: 'Microsoft.Authorization/policyAssignments',
      properties: {
        displayName: 'Pod security baseline',
        scope: `/subscriptions/${sub}`,
        policyDefinitionId: BASELINE,
        enforcementMode: 'Default',
        parameters: { effect: { value: 'Audit' } },
      },
    });
    const states = await waitForStates('pod-baseline', since, every);
    expect(states.size).toBe(NAMES.length * members.length);
    for (const s of states.values()) {
      expect(s).toMatchObject({ complianceState: 'Compliant', policySetDefinitionId: BASELINE, policyDefinitionAction: 'audit' });
    }
    expect(addonErrors).toEqual([]);
    const templates = await clusters[0].client.list('templates.gatekeeper.sh/v1', 'ConstraintTemplate', {
      labelSelector: 'managed-by=azure-policy-addon',
    });
    expect(templates.map((t) => t.metadata.name).sort()).toEqual([
      'k8sazurev2blockhostnamespace',
      'k8sazurev2noprivilege',
      'k8sazurev3allowedcapabilities',
      'k8sazurev3hostnetworkingports',
      'k8sazurev4hostfilesystem',
    ]);
  }, 200_000);

  it('a hostPath pod makes exactly NoHostPathVolume NonCompliant on its cluster, with the pod as component', async () => {
    await clusters[0].client.request('POST', `/api/v1/namespaces/${NS}/pods`, { body: hostPathPod() });
    const since = Date.now();
    const states = await waitForStates(
      'pod-baseline',
      since,
      (s) => every(s) && s.get(`${NAMES[0]}/NoHostPathVolume`)?.complianceState === 'NonCompliant',
    );
    const nonCompliant = [...states].filter(([, s]) => s.complianceState !== 'Compliant').map(([k]) => k);
    expect(nonCompliant).toEqual([`${NAMES[0]}/NoHostPathVolume`]);
    expect(states.get(`${NAMES[0]}/NoHostPathVolume`)!.components).toEqual([
      expect.objectContaining({ id: `${NS}/node-logs`, type: 'Pod', name: 'node-logs', complianceState: 'NonCompliant' }),
    ]);
  }, 200_000);

  it('removing the pod makes every state Compliant after the next audit', async () => {
    await deletePod(clusters[0], 'node-logs');
    const since = Date.now();
    const states = await waitForStates(
      'pod-baseline',
      since,
      (s) => every(s) && [...s.values()].every((x) => x.complianceState === 'Compliant'),
    );
    expect(states.size).toBe(NAMES.length * members.length);
  }, 200_000);

  it('unassigning removes the constraints, the templates and the states', async () => {
    sandbox.state.store.delete(assignmentId());
    const gone = await waitFor(
      async () => {
        const left = await clusters[1].client.list('templates.gatekeeper.sh/v1', 'ConstraintTemplate', {
          labelSelector: 'managed-by=azure-policy-addon',
        });
        return left.length === 0 && statesOf('pod-baseline').size === 0 ? true : undefined;
      },
      { timeoutMs: 60_000, initialMs: 500, maxMs: 2000 },
    );
    expect(gone.value).toBe(true);
  }, 90_000);
});

describe('(b) a custom Rego definition written by policy-rollout, audited, then enforced by Gatekeeper', () => {
  const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: k8srequiredowner
spec:
  crd:
    spec:
      names:
        kind: K8sRequiredOwner
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8srequiredowner

        violation[{"msg": msg}] {
          not input.review.object.metadata.labels.owner
          msg := sprintf("pod %v must have the label owner", [input.review.object.metadata.name])
        }
`;
  const policies = () => `assignments:
  - name: owner-label
    display-name: Pods name their owner
    scope: /subscriptions/${sub}
    definition: custom:require-owner
    stage: deny
definitions:
  - name: require-owner
    display-name: Pods must have the label owner
    constraint-template: templates/require-owner.yaml
    kinds: [Pod]
`;
  const step = (mode: string) =>
    runStep(
      () => run(),
      'policy-rollout/action.yml',
      {
        'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
        'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
        'subscription-id': sub,
        environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
        mode,
        policies: 'policies',
        'min-soak': '0s',
        'sync-allowance': '0s',
        'max-staleness': '10m',
      },
      {
        files: { 'policies/owners.yaml': policies(), 'policies/templates/require-owner.yaml': TEMPLATE },
        env: { ...sandbox.env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '17' },
      },
    );
  const every = (states: Map<string, PolicyStateRecord>) => NAMES.every((c) => states.has(`${c}/require-owner`));

  it('apply writes the definition with its Base64 template and assigns it in Audit; audit reports the unlabelled pod', async () => {
    await clusters[1].client.request('POST', `/api/v1/namespaces/${NS}/pods`, { body: pod('orphan') });
    const applied = await step('apply');
    expect(applied.errors).toEqual([]);
    const definition = sandbox.state.get(`/subscriptions/${sub}/providers/Microsoft.Authorization/policyDefinitions/require-owner`)!;
    const info = (definition.properties as any).policyRule.then.details.templateInfo;
    expect(info.sourceType).toBe('Base64Encoded');
    expect(Buffer.from(info.content, 'base64').toString('utf8')).toBe(TEMPLATE);
    const since = Date.now();
    const states = await waitForStates(
      'owner-label',
      since,
      (s) => every(s) && s.get(`${NAMES[1]}/require-owner`)?.complianceState === 'NonCompliant',
    );
    expect(states.get(`${NAMES[0]}/require-owner`)!.complianceState).toBe('Compliant');
    expect(states.get(`${NAMES[1]}/require-owner`)!.components).toEqual([
      expect.objectContaining({ id: `${NS}/orphan`, type: 'Pod', complianceState: 'NonCompliant' }),
    ]);
    const installed = await clusters[1].client.get('templates.gatekeeper.sh/v1', 'ConstraintTemplate', 'k8srequiredowner');
    expect(installed.spec.targets[0].rego).toContain('must have the label owner');
  }, 200_000);

  it('promotion is refused while the pod violates, then succeeds once it is gone, and Gatekeeper denies an unlabelled pod', async () => {
    const refused = await step('promote');
    expect(refused.failed).toBe(true);
    expect(
      JSON.parse(refused.outputs.gate)['owner-label'].conditions.find((c: { id: string }) => c.id === 'zero-violations').detail,
    ).toContain(`${NAMES[1]}: Pod ${NS}/orphan`);

    await deletePod(clusters[1], 'orphan');
    const since = Date.now();
    await waitForStates('owner-label', since, (s) => every(s) && [...s.values()].every((x) => x.complianceState === 'Compliant'));
    const promoted = await step('promote');
    expect(promoted.errors).toEqual([]);
    expect(promoted.outputs.promoted).toBe('true');

    for (const cluster of clusters) {
      const denial = await waitFor(
        async () => {
          try {
            await cluster.client.request('POST', `/api/v1/namespaces/${NS}/pods`, { body: pod('unlabelled') });
            await deletePod(cluster, 'unlabelled');
            return undefined;
          } catch (error) {
            return error instanceof KubeApiError ? error : undefined;
          }
        },
        { timeoutMs: 90_000, initialMs: 500, maxMs: 2000 },
      );
      expect(denial.value?.status).toBe(403);
      expect(denial.value?.message).toMatch(
        /admission webhook "validation\.gatekeeper\.sh" denied the request: \[azurepolicy-k8srequiredowner-[0-9a-f]{20}\] pod unlabelled must have the label owner/,
      );
      const owned = await cluster.client.request('POST', `/api/v1/namespaces/${NS}/pods`, {
        body: pod('owned', {}, { owner: 'team-a' }),
        query: { dryRun: 'All' },
      });
      expect(owned.metadata.name).toBe('owned');
    }
  }, 300_000);
});
