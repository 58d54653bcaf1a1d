/**
 * The root action end to end for one real local cluster: connect (helm installs the agents) with extensions →
 * Flux (the real controllers) from the loopback git server → policy in Audit → verify with the same kubeconfig; one summary, outputs per
 * stage, and the sandbox holds what each stage wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { resolveClusterBins, startFleetSandbox, type FleetSandbox } from '@arc-actions/sandbox';
import { run } from '../src/main.js';
import { everythingVisible, runStep } from '../../arc-connect/__tests__/harness.js';

let fleet: FleetSandbox;
let dir: string;
let binDir: string;

let repoUrl: string;
const FLUX = () =>
  `name: baseline\nnamespace: flux-system\nscope: cluster\nsource:\n  gitRepository:\n    url: ${repoUrl}\n    branch: main\nkustomizations:\n  infra:\n    path: ./infra\n`;
const POLICY = (sub: string) =>
  `assignments:\n  - name: no-privileged\n    scope: /subscriptions/${sub}\n    definition: /providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4\n    stage: deny\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'arc-baseline-'));
  binDir = (await resolveClusterBins()).dir;
  fleet = await startFleetSandbox({
    clusters: 1,
    dir: join(dir, 'clusters'),
    auditIntervalSeconds: 3,
    gitServer: true,
  });
  const repo = await fleet.git!.createRepository('fleet-config', {
    'infra/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  });
  repoUrl = repo.httpUrl;
}, 300_000);

afterAll(async () => {
  await fleet?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('baseline (root action) end to end', () => {
  it('connects, installs extensions, applies Flux, assigns policy in Audit and verifies one cluster', async () => {
    const env = fleet.env;
    const sub = env.ARC_SANDBOX_SUBSCRIPTION_ID;
    const cluster = fleet.clusters[0];
    const step = () =>
      runStep(
        () => run(),
        'action.yml',
        {
          'client-id': env.ARC_SANDBOX_CLIENT_ID,
          'tenant-id': env.ARC_SANDBOX_TENANT_ID,
          'subscription-id': sub,
          environment: env.ARC_SANDBOX_ENVIRONMENT,
          'cluster-name': cluster.name,
          'resource-group': 'rg-fleet',
          location: 'westeurope',
          kubeconfig: cluster.kubeconfig,
          tags: 'env: edge',
          configuration: 'gitops/baseline.yaml',
          policies: 'policies',
          'onboarding-timeout': '3m',
          timeout: '3m',
          'fail-on': 'never',
        },
        {
          files: { 'gitops/baseline.yaml': FLUX(), 'policies/no-privileged.yaml': POLICY(sub) },
          env: {
            ...env,
            PATH: `${binDir}:${process.env.PATH}`,
            // jest gives the test its own process.env, which child processes do not see: name helm directly.
            HELM_CLIENT_PATH: join(binDir, 'helm'),
            GITHUB_REPOSITORY: 'acme/fleet',
            GITHUB_SHA: 'b45e11e',
            GITHUB_RUN_ID: '7',
          },
        },
      );
    const r = await step();
    expect(r.errors).toEqual([]);
    const id = `/subscriptions/${sub}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/${cluster.name}`;
    expect(r.outputs['cluster-id']).toBe(id);
    const stages = JSON.parse(r.outputs.stages) as { stage: string; status: string }[];
    expect(stages.map((s) => `${s.stage}:${s.status}`)).toEqual(['connect:ok', 'flux:ok', 'policy:ok', 'verify:ok']);
    expect(r.outputs['connect-result']).toBe('created');
    expect(r.outputs['connectivity-status']).toBe('Connected');
    const report = JSON.parse(r.outputs['verify-report']);
    // Verification runs right after the assignment: the add-on has not synced the constraint yet, and says so;
    // every other check passes.
    const failedChecks = JSON.stringify(report).match(/"check":"[^"]+","status":"fail","reason":"[^"]*"/g);
    expect(r.outputs.status).toBe('fail');
    expect(failedChecks).toHaveLength(1);
    expect(failedChecks![0]).toContain('no-privileged: 0 of 1 constraints present (not synced)');
    expect(JSON.parse(r.outputs['flux-results']).counts).toMatchObject({ targets: 1, fail: 0 });
    expect(JSON.parse(r.outputs['policy-result']).assignments[0]).toMatchObject({ name: 'no-privileged', effectAfter: 'Audit' });
    // The verify report is arc-verify's, for this one cluster, keyed by its id.
    expect(report.clusters.map((c: { id: string }) => c.id)).toEqual([id]);

    // What each stage wrote, read back from the sandbox.
    const state = fleet.sandbox.state;
    const extensions = ['flux', 'azurepolicy'].map((e) => state.get(`${id}/providers/Microsoft.KubernetesConfiguration/extensions/${e}`));
    expect(extensions.every(Boolean)).toBe(true);
    expect(state.get(`${id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/baseline`)).toBeDefined();
    const assignment = state.get(`/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/no-privileged`)!;
    // Written in audit: the effect parameter says so (an assignment without it would not be the baseline's).
    expect((assignment.properties as { parameters?: { effect?: { value?: string } } }).parameters?.effect?.value).toBe('Audit');
    // Flux really applied the Git repository into the cluster.
    const ns = await cluster.client.request<{ metadata?: { name?: string } }>('GET', '/api/v1/namespaces/shop');
    expect(ns.metadata?.name).toBe('shop');

    expect(r.summary).toContain(`## Arc baseline: ${cluster.name}`);
    for (const heading of ['1. Connect and extensions', '2. Flux', '3. Policy (audit)', '4. Verify']) expect(r.summary).toContain(heading);
    const token = /token: (\S+)/.exec(cluster.kubeconfig)?.[1];
    if (token) expect(everythingVisible(r)).not.toContain(token);

    // Once the add-on has synced the constraint, a rerun changes nothing and verifies ok.
    await waitFor(
      async () =>
        (await cluster.client.list('constraints.gatekeeper.sh/v1beta1', 'K8sAzureV2NoPrivilege').catch(() => [])).length ? true : undefined,
      { timeoutMs: 120_000, initialMs: 1000, maxMs: 3000 },
    );
    const again = await step();
    expect(again.errors).toEqual([]);
    expect(again.outputs['connect-result']).toBe('unchanged');
    expect(JSON.parse(again.outputs['policy-result']).assignments[0].action).toBe('unchanged');
    expect(again.outputs.status).not.toBe('fail');
  }, 600_000);
});
