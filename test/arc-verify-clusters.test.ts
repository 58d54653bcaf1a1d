/**
 * arc-verify's in-cluster checks against three real clusters with Gatekeeper, reached with `access: kubeconfig`:
 * the sandbox's ARM side knows them as Connected clusters with the azurepolicy extension, the Arc agents' chart is
 * installed in each (so the agent heartbeat and the azure-arc pods are real), and the policy add-on reconciler turns
 * a Deny assignment of the no-privilege built-in into Gatekeeper constraints. Then: all healthy → one apiserver down
 * → one constraint missing → the assignment switched to Audit. One sandbox and one fleet for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { startFleetSandbox, type FleetSandbox } from '../packages/sandbox/src/fleet-sandbox.js';
import { helmInstallAgents, type LocalCluster } from '../packages/sandbox/src/clusters/index.js';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-verify/src/main.js';

const NO_PRIVILEGE = '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4';
const RG = 'fleet';

interface Check {
  check: string;
  status: string;
  reason: string;
}
interface ClusterReport {
  id: string;
  name: string;
  status: string;
  checks: Check[];
}
interface Report {
  status: string;
  clusters: ClusterReport[];
}

let fleet: FleetSandbox;
let clusters: LocalCluster[];
let sub: string;
let assignmentId: string;
const background: string[] = [];

const clusterId = (name: string) => `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const ids = () => clusters.map((c) => clusterId(c.name));

function putAssignment(effect: 'Deny' | 'Audit') {
  fleet.sandbox.state.put({
    id: assignmentId,
    name: 'no-privileged',
    type: 'Microsoft.Authorization/policyAssignments',
    properties: {
      displayName: 'No privileged containers',
      scope: `/subscriptions/${sub}`,
      policyDefinitionId: NO_PRIVILEGE,
      enforcementMode: 'Default',
      parameters: { effect: { value: effect } },
    },
  });
}

function verify() {
  const env = fleet.sandbox.env;
  return runStep(
    () => run(),
    'arc-verify/action.yml',
    {
      'client-id': env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': env.ARC_SANDBOX_TENANT_ID,
      'subscription-id': sub,
      environment: env.ARC_SANDBOX_ENVIRONMENT,
      targets: ids().join('\n'),
      access: 'kubeconfig',
      // A JSON object is a YAML map: cluster name → kubeconfig content.
      kubeconfigs: JSON.stringify(Object.fromEntries(clusters.map((c) => [c.name, c.kubeconfig]))),
    },
    { env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '8' } },
  );
}

const byName = (report: Report, name: string) => report.clusters.find((c) => c.name === name)!;
const checkOf = (c: ClusterReport, check: string) => c.checks.find((k) => k.check === check);
const IN_CLUSTER = ['get-nodes', 'arc-agents', 'constraints', 'gatekeeper-webhook', 'negative-test'];
const ARM = ['connectivity', 'agent-version', 'certificate', 'extensions', 'flux', 'policy'];

/** The add-on's constraints in a cluster: name, kind plural, enforcement action. */
async function addonConstraints(cluster: LocalCluster) {
  const crds = await cluster.client.request<{ items: { spec: { group: string; names: { plural: string } } }[] }>(
    'GET',
    '/apis/apiextensions.k8s.io/v1/customresourcedefinitions',
  );
  const out: { name: string; plural: string; enforcementAction: string }[] = [];
  for (const crd of crds.items.filter((c) => c.spec.group === 'constraints.gatekeeper.sh')) {
    const list = await cluster.client.request<{ items: { metadata: { name: string }; spec?: { enforcementAction?: string } }[] }>(
      'GET',
      `/apis/constraints.gatekeeper.sh/v1beta1/${crd.spec.names.plural}`,
    );
    for (const item of list.items)
      if (item.metadata.name.startsWith('azurepolicy-'))
        out.push({ name: item.metadata.name, plural: crd.spec.names.plural, enforcementAction: item.spec?.enforcementAction ?? 'deny' });
  }
  return out;
}

/** What the real admission chain does with a privileged pod in `default` (server-side dry run). */
async function privilegedPod(cluster: LocalCluster): Promise<'admitted' | string> {
  try {
    await cluster.client.request('POST', '/api/v1/namespaces/default/pods', {
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'probe', namespace: 'default' },
        spec: { containers: [{ name: 'c', image: 'busybox', securityContext: { privileged: true } }] },
      },
      query: { dryRun: 'All' },
    });
    return 'admitted';
  } catch (error) {
    return String((error as Error).message);
  }
}

/** Waits until every cluster has the add-on's constraint with `action` and Gatekeeper's webhook acts on it. */
async function waitForPolicy(action: 'deny' | 'dryrun') {
  const result = await waitFor(
    async () => {
      for (const c of clusters) {
        const constraints = await addonConstraints(c).catch(() => []);
        if (constraints.length !== 1 || constraints[0].enforcementAction !== action) return undefined;
        const outcome = await privilegedPod(c);
        if (action === 'deny' ? !outcome.includes('denied the request') : outcome !== 'admitted') return undefined;
      }
      return true;
    },
    { timeoutMs: 150_000, initialMs: 500, maxMs: 2000 },
  );
  if (!result.value) throw new Error(`The no-privilege constraints did not reach ${action} in every cluster within 150 s`);
}

beforeAll(async () => {
  fleet = await startFleetSandbox({
    clusters: 3,
    dir: await mkdtemp(join(tmpdir(), 'arc-verify-clusters-')),
    auditIntervalSeconds: 2,
    realFleet: {
      policyIntervalMs: 1000,
      // The stopped apiserver makes the add-on and agents fail their ticks: expected, kept off the test output.
      onError: (where, error) => background.push(`${where}: ${String(error)}`),
    },
  });
  clusters = fleet.clusters;
  const { state } = fleet.sandbox;
  sub = fleet.sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  state.addResourceGroup(sub, RG, 'westeurope');
  for (const c of clusters) {
    const id = clusterId(c.name);
    state.put({
      id,
      name: c.name,
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: 'westeurope',
      tags: { env: 'prod' },
      properties: { provisioningState: 'Succeeded', connectivityStatus: 'Connecting', distribution: 'generic' },
    });
    state.attachRealCluster(id, c.kubeconfig);
    state.put({
      id: `${id}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`,
      name: 'azurepolicy',
      type: 'Microsoft.KubernetesConfiguration/extensions',
      properties: { extensionType: 'microsoft.policyinsights', provisioningState: 'Succeeded' },
    });
  }
  assignmentId = `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/no-privileged`;
  putAssignment('Deny');
  // The agents' chart as `az connectedk8s connect` installs it: the heartbeat turns each cluster Connected.
  await Promise.all(
    clusters.map((c) =>
      helmInstallAgents(c, {
        subscriptionId: sub,
        resourceGroup: RG,
        resourceName: c.name,
        location: 'westeurope',
        distribution: 'generic',
      }),
    ),
  );
  const connected = await waitFor(
    async () => ids().every((id) => state.get(id)?.properties?.connectivityStatus === 'Connected') || undefined,
    { timeoutMs: 120_000, initialMs: 500, maxMs: 2000 },
  );
  if (!connected.value) throw new Error('The clusters did not turn Connected within 120 s');
  await waitForPolicy('deny');
}, 420_000);

afterAll(async () => {
  await fleet?.stop();
});

describe('arc-verify against three real clusters (access: kubeconfig)', () => {
  it('reports three healthy clusters: every in-cluster check ok, the privileged pod denied by Gatekeeper', async () => {
    // Gatekeeper's audit has reported on every cluster (the add-on turns it into policy states), so the policy check has data.
    const audited = await waitFor(
      async () =>
        ids().every((id) => fleet.sandbox.state.policyStates().some((s) => s.resourceId.toLowerCase() === id.toLowerCase())) || undefined,
      { timeoutMs: 120_000, initialMs: 500, maxMs: 2000 },
    );
    expect(audited.value).toBe(true);
    const r = await verify();
    expect(r.errors).toEqual([]);
    expect(r.failed).toBe(false);
    const report = JSON.parse(r.outputs.report) as Report;
    expect(report.status).not.toBe('fail');
    expect(report.clusters.map((c) => c.name).sort()).toEqual(clusters.map((c) => c.name).sort());
    for (const c of report.clusters) {
      expect(c.status).not.toBe('fail');
      for (const check of IN_CLUSTER)
        expect({ cluster: c.name, check, status: checkOf(c, check)?.status }).toEqual({ cluster: c.name, check, status: 'ok' });
      // No ama-logs in these clusters, no certificate expiry reported by the agents, no Flux configuration.
      expect(checkOf(c, 'monitoring')).toMatchObject({
        status: 'skipped',
        reason: 'The monitoring extension (ama-logs) is not installed.',
      });
      expect(Object.fromEntries(ARM.map((check) => [check, checkOf(c, check)?.status]))).toEqual({
        connectivity: 'ok',
        'agent-version': 'ok',
        certificate: 'skipped',
        extensions: 'ok',
        flux: 'skipped',
        policy: 'ok',
      });
      expect(checkOf(c, 'connectivity')?.status).toBe('ok');
      expect(checkOf(c, 'arc-agents')?.reason).toMatch(/^\d+ azure-arc pods Running and Ready\.$/);
      expect(checkOf(c, 'constraints')?.reason).toBe('1 azurepolicy constraints match 1 assignments.');
      expect(checkOf(c, 'negative-test')?.reason).toContain('admission webhook "validation.gatekeeper.sh" denied the request');
    }
    expect(r.outputs.status).toBe(report.status);
    expect(r.summary).toContain('3 clusters: 3 ok, 0 warn, 0 fail.');
    expect(r.summary).not.toContain('What failed and how to fix it');
  }, 180_000);

  it('fails the cluster whose apiserver is down (get-nodes) while the other two still report their checks', async () => {
    const down = clusters[1];
    await down.stopApiServer();
    try {
      const r = await verify();
      expect(r.failed).toBe(true);
      const report = JSON.parse(r.outputs.report) as Report;
      expect(report.status).toBe('fail');
      const failed = byName(report, down.name);
      expect(failed.status).toBe('fail');
      const nodes = checkOf(failed, 'get-nodes')!;
      expect(nodes.status).toBe('fail');
      // Why it is unreachable, as the transport said it (connection refused on the apiserver's port).
      expect(nodes.reason).toMatch(new RegExp(`^Listing nodes failed: .*ECONNREFUSED 127\\.0\\.0\\.1:${new URL(down.server).port}`));
      // Unreachable: the other in-cluster checks are not attempted.
      expect(failed.checks.filter((k) => IN_CLUSTER.includes(k.check)).map((k) => k.check)).toEqual(['get-nodes']);
      for (const other of clusters.filter((c) => c !== down)) {
        const c = byName(report, other.name);
        expect(c.status).not.toBe('fail');
        for (const check of IN_CLUSTER) expect(checkOf(c, check)?.status).toBe('ok');
      }
      expect(r.summary).toContain('Fleet verification: ❌ fail');
      expect(r.summary).toContain('3 clusters: 2 ok, 0 warn, 1 fail.');
      expect(r.summary).toContain(`| get-nodes | fail | ${nodes.reason.replace(/\|/g, '\\|')}`);
    } finally {
      await down.startApiServer();
    }
    // Back to normal before the next case: reachable and Connected again.
    const back = await waitFor(
      async () =>
        fleet.sandbox.state.get(clusterId(down.name))?.properties?.connectivityStatus === 'Connected' &&
        (await privilegedPod(down)).includes('denied the request')
          ? true
          : undefined,
      { timeoutMs: 90_000, initialMs: 500, maxMs: 2000 },
    );
    expect(back.value).toBe(true);
  }, 180_000);

  it('fails the constraints check with "not synced" when an azurepolicy constraint is missing', async () => {
    const target = clusters[2];
    // The add-on re-syncs a cluster only when the assignments in scope change (the real one every 15 minutes):
    // nothing changes them until the next case, so the deletion stays until arc-verify has looked.
    const [constraint] = await addonConstraints(target);
    await target.client.request('DELETE', `/apis/constraints.gatekeeper.sh/v1beta1/${constraint.plural}/${constraint.name}`);
    expect(await addonConstraints(target)).toEqual([]);

    const r = await verify();
    const report = JSON.parse(r.outputs.report) as Report;
    expect(report.status).toBe('fail');
    const c = byName(report, target.name);
    expect(c.status).toBe('fail');
    const check = checkOf(c, 'constraints')!;
    expect(check.status).toBe('fail');
    expect(check.reason).toBe('no-privileged: 0 of 1 constraints present (not synced).');
    expect(checkOf(c, 'get-nodes')?.status).toBe('ok');
    for (const other of clusters.filter((x) => x !== target)) expect(checkOf(byName(report, other.name), 'constraints')?.status).toBe('ok');
    expect(r.summary).toContain('| constraints | fail | no-privileged: 0 of 1 constraints present (not synced). |');
    expect(await addonConstraints(target)).toEqual([]);
  }, 180_000);

  it('reports the privileged pod as admitted (warn, Audit) once the assignment is switched to Audit', async () => {
    putAssignment('Audit');
    await waitForPolicy('dryrun');

    const r = await verify();
    expect(r.errors).toEqual([]);
    const report = JSON.parse(r.outputs.report) as Report;
    expect(report.status).toBe('warn');
    for (const c of report.clusters) {
      expect(c.status).toBe('warn');
      const negative = checkOf(c, 'negative-test')!;
      expect(negative.status).toBe('warn');
      expect(negative.reason).toBe('A privileged pod in default was admitted: the assignment is Audit.');
      expect(checkOf(c, 'constraints')).toMatchObject({ status: 'ok', reason: '1 azurepolicy constraints match 1 assignments.' });
      for (const check of ['get-nodes', 'arc-agents', 'gatekeeper-webhook']) expect(checkOf(c, check)?.status).toBe('ok');
    }
    expect(r.summary).toContain('3 clusters: 0 ok, 3 warn, 0 fail.');
    expect(r.summary).toContain('| negative-test | warn | A privileged pod in default was admitted: the assignment is Audit. |');
  }, 240_000);
});
