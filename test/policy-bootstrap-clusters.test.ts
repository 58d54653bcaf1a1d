/**
 * Self-bootstrap on a real local cluster: policy-rollout applies the Flux bootstrap entries of the example policy file
 * (the microsoft.flux extension and the store baseline from Git, pointed at the loopback git server); then a cluster
 * backed by a real API server lands under the management group. Azure Policy's deployments (the sandbox's DINE
 * watcher, as each assignment's identity) install the extension and the Flux configuration, and the real
 * source-controller and kustomize-controller apply the repository's manifests to the cluster: no arc-connect
 * extension step and no flux-apply run.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { waitFor } from '@arc-actions/core';
import { startFleetSandbox, type FleetSandbox } from '../packages/sandbox/src/fleet-sandbox.js';
import { repoRoot, runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/policy-rollout/src/main.js';
import { run as verify } from '../actions/arc-verify/src/main.js';
import type { VerifyReport as Report } from '../actions/arc-verify/src/report.js';

let fleet: FleetSandbox;
let repoUrl: string;

const store = `apiVersion: v1
kind: Namespace
metadata: {name: store}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: store-settings, namespace: store}
data: {till: enabled}
`;

/** The example's Flux entries, at the sandbox's management group, pulling from the loopback git server. */
function policyFile(): string {
  const example = parse(readFileSync(join(repoRoot, 'workflows-examples/policies/stores.yaml'), 'utf8')) as {
    bootstrap: { name: string; scope: string; parameters?: Record<string, unknown> }[];
  };
  const bootstrap = example.bootstrap
    .filter((b) => b.name.startsWith('stores-flux'))
    .map((b) => ({
      ...b,
      scope: '/providers/Microsoft.Management/managementGroups/fleet',
      ...(b.parameters ? { parameters: { ...b.parameters, repositoryUrl: repoUrl, repositorySyncInterval: 5 } } : {}),
    }));
  return stringify({ bootstrap });
}

beforeAll(async () => {
  fleet = await startFleetSandbox({ clusters: 1, gitServer: true });
  const repo = await fleet.git!.createRepository('store-fleet', { 'clusters/stores/store.yaml': store });
  repoUrl = repo.httpUrl;
}, 300_000);

afterAll(async () => fleet?.stop(), 120_000);

describe('a real cluster under the management group', () => {
  it('gets Flux from the policies and reconciles the store baseline from Git', async () => {
    const { sandbox, clusters } = fleet;
    const env = sandbox.env;
    const r = await runStep(
      () => run({ remediationWaitMs: 60_000 }),
      'policy-rollout/action.yml',
      {
        'client-id': env.ARC_SANDBOX_CLIENT_ID,
        'tenant-id': env.ARC_SANDBOX_TENANT_ID,
        'subscription-id': env.ARC_SANDBOX_SUBSCRIPTION_ID,
        environment: env.ARC_SANDBOX_ENVIRONMENT,
        mode: 'apply',
        policies: 'policies',
      },
      { files: { 'policies/stores.yaml': policyFile() }, env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: 'abc123' } },
    );
    expect(r.errors).toEqual([]);

    const sub = env.ARC_SANDBOX_SUBSCRIPTION_ID;
    sandbox.state.addResourceGroup(sub, 'stores', 'westeurope');
    const id = `/subscriptions/${sub}/resourceGroups/stores/providers/Microsoft.Kubernetes/connectedClusters/store-real`;
    sandbox.state.attachRealCluster(id, clusters[0].kubeconfig);
    sandbox.state.put({
      id,
      name: 'store-real',
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: 'westeurope',
      tags: {},
      properties: { provisioningState: 'Succeeded', distribution: 'k3s', connectivityStatus: 'Connected' },
    });

    const applied = await waitFor(async () => clusters[0].client.get('v1', 'ConfigMap', 'store-settings', 'store'), {
      timeoutMs: 240_000,
      initialMs: 500,
      maxMs: 3000,
    });
    expect((applied.value as { data?: Record<string, string> } | undefined)?.data).toEqual({ till: 'enabled' });
    const config = await waitFor(
      async () => {
        const c = sandbox.state.get(`${id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/store-baseline`);
        return c?.properties?.complianceState === 'Compliant' ? c : undefined;
      },
      { timeoutMs: 120_000, initialMs: 500, maxMs: 3000 },
    );
    expect(config.value?.properties?.sourceSyncedCommitId).toBeTruthy();
    // Deployed by the policies' identities, not by the workflow.
    const writes = sandbox.calls().filter((c) => c.method === 'PUT' && c.path.toLowerCase().startsWith(id.toLowerCase()));
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.some((c) => c.principal === sandbox.identity.objectId)).toBe(false);

    // The nightly report shows the cluster that no workflow configured as converged: Flux extension and
    // configuration present and compliant.
    const nightly = () =>
      runStep(
        () => verify(),
        'arc-verify/action.yml',
        {
          'client-id': env.ARC_SANDBOX_CLIENT_ID,
          'tenant-id': env.ARC_SANDBOX_TENANT_ID,
          'subscription-id': sub,
          environment: env.ARC_SANDBOX_ENVIRONMENT,
          targets: id,
          'fail-on': 'never',
        },
        { env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '9' } },
      );
    // A nightly run after the cluster converged (the Flux extension may still be reporting its last status, and the
    // policies' states of the new cluster come with the next evaluation).
    const settled = await waitFor(
      async () => {
        const report = JSON.parse((await nightly()).outputs.report) as Report;
        const checks = Object.fromEntries(report.clusters[0].checks.map((c) => [c.check, c]));
        return checks.flux?.status === 'ok' && checks.policy?.status === 'ok' ? checks : undefined;
      },
      { timeoutMs: 120_000, initialMs: 2000, maxMs: 5000 },
    );
    const checks = settled.value!;
    expect(checks.flux.reason).toMatch(/Compliant/);
    expect(checks.policy.reason).toMatch(/Compliant/);
    expect(checks.connectivity?.status).toBe('ok');
    // The Flux extension came from the policy; only the entries this test applied are expected.
    expect(checks.extensions?.reason ?? '').not.toMatch(/flux/);
  }, 600_000);
});
