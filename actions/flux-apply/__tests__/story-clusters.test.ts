import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { parseClusterId, parseEnvironment } from '@arc-actions/azure';
import { startGitServer, startSandbox, type GitRepository, type GitServer, type Sandbox } from '@arc-actions/sandbox';
import { startFleet, stopFleet, syncPolicyAssignments, type LocalCluster } from '../../../packages/sandbox/src/clusters/index.js';
import { startFluxReconciler } from '../../../packages/sandbox/src/reconcile/flux.js';
import { parseConfiguration, sourceRef } from '../src/configuration.js';
import type { GitAuth, Inputs } from '../src/inputs.js';
import { applyFleet } from '../src/story.js';

/**
 * flux-apply on three real clusters (kube-apiserver + Gatekeeper) behind the sandbox's ARM: installing
 * microsoft.flux starts the real source-controller and kustomize-controller on each cluster, which pull from a git
 * server on loopback (SSH with a key, HTTPS with a token, plain HTTP); the sandbox reports their status back into
 * the ARM resources that flux-apply observes.
 */

let sandbox: Sandbox;
let server: GitServer;
let repo: GitRepository;
let clusters: LocalCluster[];
let reconciler: { stop(): Promise<void> };
let ids: string[];

const deployment = (ns: string, name: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - {name: ${name}, image: registry.example.com/${name}:1.0}\n`;

const yaml = (name: string, url: string): string => `
name: ${name}
namespace: flux-system
source:
  gitRepository:
    url: ${url}
    branch: main
    sync-interval: 3s
kustomizations:
  infra:
    path: ./infra
    prune: true
  apps:
    path: ./apps
    depends-on: [infra]
    prune: true
  debug:
    path: ./debug
    depends-on: [infra]
    prune: true
`;

const toolsYaml = (name: string, url: string): string =>
  `name: ${name}\nnamespace: flux-system\nsource:\n  gitRepository: {url: '${url}', branch: main}\nkustomizations:\n  tools: {path: ./, prune: true}\n`;

function inputs(name: string, url: string, auth: GitAuth, targets = ids, text = yaml(name, url)): Inputs {
  const { config, warnings } = parseConfiguration(text);
  return {
    identity: {
      clientId: sandbox.identity.clientId,
      tenantId: sandbox.identity.tenantId,
      subscriptionId: sandbox.identity.subscriptionId,
      environment: parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT),
      audience: 'api://AzureADTokenExchange',
    },
    source: { config, origin: 'clusters/gitops.yaml', ref: sourceRef(config.source.gitRepository), auth, warnings },
    targets: { kind: 'targets', targets: targets.map((id) => parseClusterId(id)) },
    clusterType: 'connectedClusters',
    wait: true,
    timeoutMs: 180_000,
    concurrency: 3,
    deleteMissing: false,
    dryRun: false,
  };
}

const sshAuth = (): GitAuth => ({
  kind: 'ssh',
  privateKey: server.sshPrivateKey,
  knownHosts: server.knownHosts,
  from: 'input ssh-private-key',
});
const deps = { env: { GITHUB_REPOSITORY: 'acme/fleet' }, pollIntervalMs: { initial: 500, max: 2000 } };
const fluxId = (i: number, name: string) => `${ids[i]}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${name}`;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'flux-apply-'));
  server = await startGitServer({ dir: join(root, 'git') });
  repo = await server.createRepository('fleet-config', {
    'infra/namespaces.yaml':
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team-deny}\n',
    'infra/redis.yaml': deployment('infra', 'redis'),
    'apps/web.yaml': deployment('apps', 'web'),
    'debug/pod.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata: {name: debug-shell, namespace: team-deny}\nspec:\n  containers:\n  - {name: shell, image: busybox:1.36, securityContext: {privileged: true}}\n',
  });

  sandbox = await startSandbox();
  Object.assign(process.env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
  });
  clusters = await startFleet(3, join(root, 'clusters'));
  const sub = sandbox.identity.subscriptionId;
  const byId = new Map<string, LocalCluster>();
  ids = clusters.map((c) => {
    const id = `/subscriptions/${sub}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/${c.name}`;
    sandbox.state.put({
      id,
      name: c.name,
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: 'eastus',
      tags: { team: 'real' },
      properties: { provisioningState: 'Succeeded', connectivityStatus: 'Connected' },
    });
    sandbox.state.attachRealCluster(id, c.kubeconfig);
    byId.set(id.toLowerCase(), c);
    return id;
  });
  reconciler = startFluxReconciler(sandbox.state.store, byId, {
    caFile: server.caCertPath,
    onError: (id, e) => console.log(`flux ${id}: ${e.message}`),
  });
  // The third cluster denies privileged containers in team-deny (the Azure Policy add-on's constraint, in Gatekeeper).
  await syncPolicyAssignments(clusters[2], [
    {
      id: `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/no-privileged`,
      name: 'no-privileged',
      effect: 'Deny',
      definitions: [
        {
          definitionId: '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4',
          parameters: { namespaces: ['team-deny'] },
        },
      ],
    },
  ]);
}, 300_000);

afterAll(async () => {
  await reconciler?.stop();
  await stopFleet(clusters ?? []);
  await server?.stop();
  await sandbox?.stop();
}, 60_000);

describe('flux-apply on three real clusters with the real Flux controllers', () => {
  it("pulls over SSH with a key, applies infra before apps, and reports kustomize-controller's denial message", async () => {
    const result = await applyFleet(inputs('gitops', repo.sshUrl, sshAuth()), deps);
    const byName = Object.fromEntries(result.report.targets.map((t) => [t.name, t]));
    expect(result.report.targets).toHaveLength(3);
    for (const c of clusters.slice(0, 2)) {
      expect(byName[c.name]).toMatchObject({
        status: 'ok',
        action: 'create',
        extension: { outcome: 'installed' },
        compliance: { state: 'Compliant', final: true },
      });
    }
    const denied = byName[clusters[2].name];
    expect(denied).toMatchObject({ status: 'fail', compliance: { state: 'Non-Compliant', final: true } });
    const debug = denied.compliance!.kustomizations.find((k) => k.name === 'debug')!;
    expect(debug.complianceState).toBe('Non-Compliant');
    // kustomize-controller's own words for the server-side dry-run that Gatekeeper refused.
    expect(debug.message).toContain('Pod/team-deny/debug-shell dry-run failed');
    expect(debug.message).toContain('admission webhook "validation.gatekeeper.sh" denied the request: [azurepolicy-');
    expect(denied.message).toContain('denied the request');
    expect(denied.compliance!.kustomizations.find((k) => k.name === 'apps')!.complianceState).toBe('Compliant');
    expect(result.summary).toContain('denied the request: [azurepolicy-');

    // dependsOn, observed in the clusters: apps was applied only after infra was Ready (healthy).
    for (const c of clusters) {
      const infra = await c.client.get('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'gitops-infra', 'flux-system');
      const infraReadyAt = Date.parse(infra.status.conditions.find((x: { type: string }) => x.type === 'Ready').lastTransitionTime);
      const web = await c.client.get('apps/v1', 'Deployment', 'web', 'apps');
      expect(web.metadata.labels['kustomize.toolkit.fluxcd.io/name']).toBe('gitops-apps');
      expect(Date.parse(web.metadata.creationTimestamp)).toBeGreaterThanOrEqual(infraReadyAt);
    }
    expect(await clusters[2].client.get('v1', 'Pod', 'debug-shell', 'team-deny')).toBeUndefined();
    expect(await clusters[0].client.get('v1', 'Pod', 'debug-shell', 'team-deny')).toBeDefined();

    // The key reached the cluster as the Secret Flux reads (identity, known_hosts) and nothing we publish.
    const secret = await clusters[0].client.get('v1', 'Secret', 'gitops-protected-parameters', 'flux-system');
    expect(Buffer.from(secret.data.identity, 'base64').toString()).toBe(server.sshPrivateKey.trim() + '\n');
    expect(Buffer.from(secret.data.known_hosts, 'base64').toString()).toBe(server.knownHosts + '\n');
    expect(sandbox.state.get(fluxId(0, 'gitops'))!.properties?.gitRepository).toMatchObject({
      url: repo.sshUrl,
      sshKnownHosts: Buffer.from(server.knownHosts + '\n').toString('base64'),
    });
    const everything = [JSON.stringify(result.report), result.summary, JSON.stringify(result.matrix)].join('\n');
    for (const line of server.sshPrivateKey.trim().split('\n').slice(1, -1)) expect(everything).not.toContain(line);
  }, 300_000);

  it('makes no write when run again', async () => {
    sandbox.clearCalls();
    const result = await applyFleet(inputs('gitops', repo.sshUrl, sshAuth()), deps);
    const writes = sandbox.calls().filter((c) => c.api === 'arm' && ['PUT', 'PATCH', 'DELETE'].includes(c.method));
    expect(writes).toEqual([]);
    expect(result.report.counts).toMatchObject({ unchanged: 3, ok: 2, fail: 1 });
  }, 180_000);

  it('prunes a manifest deleted in git: Flux picks up the commit without any ARM write', async () => {
    const head = await repo.commit('replace web by worker', { 'apps/web.yaml': null, 'apps/worker.yaml': deployment('apps', 'worker') });
    for (const c of clusters) {
      const pruned = await waitFor(
        async () =>
          !(await c.client.get('apps/v1', 'Deployment', 'web', 'apps')) && (await c.client.get('apps/v1', 'Deployment', 'worker', 'apps'))
            ? true
            : undefined,
        { timeoutMs: 120_000, initialMs: 500, maxMs: 2000 },
      );
      expect(pruned.value).toBe(true);
    }
    sandbox.clearCalls();
    const result = await applyFleet(inputs('gitops', repo.sshUrl, sshAuth()), deps);
    expect(sandbox.calls().filter((c) => c.api === 'arm' && ['PUT', 'PATCH', 'DELETE'].includes(c.method))).toEqual([]);
    const first = result.report.targets.find((t) => t.name === clusters[0].name)!;
    expect(first.compliance).toMatchObject({ state: 'Compliant', sourceSyncedCommitId: `main/${head}` });
  }, 240_000);

  it('pulls over HTTPS with a user and token, and over plain HTTP', async () => {
    const tools = await server.createRepository('tools', {
      'settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tools-settings, namespace: default}\ndata: {level: debug}\n',
    });
    const httpsAuth: GitAuth = { kind: 'https', user: server.user, key: server.token, from: 'input https-key' };
    const https = await applyFleet(
      inputs('over-https', tools.httpsUrl, httpsAuth, [ids[0]], toolsYaml('over-https', tools.httpsUrl)),
      deps,
    );
    expect(https.report.targets[0]).toMatchObject({ status: 'ok', compliance: { state: 'Compliant', final: true } });
    const secret = await clusters[0].client.get('v1', 'Secret', 'over-https-protected-parameters', 'flux-system');
    expect(Buffer.from(secret.data.username, 'base64').toString()).toBe(server.user);
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe(server.token);
    expect(JSON.stringify(https.report) + https.summary).not.toContain(server.token);

    const http = await applyFleet(
      inputs('over-http', tools.httpUrl, { kind: 'none' }, [ids[1]], toolsYaml('over-http', tools.httpUrl)),
      deps,
    );
    expect(http.report.targets[0]).toMatchObject({ status: 'ok', compliance: { state: 'Compliant', final: true } });
    expect(await clusters[1].client.get('v1', 'Secret', 'over-http-protected-parameters', 'flux-system')).toBeUndefined();
    for (const c of clusters.slice(0, 2)) expect(await c.client.get('v1', 'ConfigMap', 'tools-settings', 'default')).toBeDefined();
  }, 240_000);
});
