import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseClusterId, parseEnvironment } from '@arc-actions/azure';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import {
  startFleet,
  stopFleet,
  syncPolicyAssignments,
  type FluxApplyResult,
  type LocalCluster,
} from '../../../packages/sandbox/src/clusters/index.js';
import { startFluxReconciler } from '../../../packages/sandbox/src/reconcile/flux.js';
import { parseConfiguration, sourceRef } from '../src/configuration.js';
import type { GitAuth, Inputs } from '../src/inputs.js';
import { applyFleet } from '../src/story.js';

/**
 * flux-apply on three real clusters (kube-apiserver + Gatekeeper) behind the sandbox's ARM: the sandbox's Flux
 * reconciler clones a local repository standing in for the remote one, applies the kustomizations in dependency
 * order, and reports statuses back into the ARM resources that flux-apply observes.
 */

const SSH_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDleakedkeymaterialthatmustnotleak0000000000000000000000\n-----END OPENSSH PRIVATE KEY-----';
const KNOWN_HOSTS = 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
let sandbox: Sandbox;
let clusters: LocalCluster[];
let reconciler: { stop(): Promise<void> };
const reconciled = new Map<string, FluxApplyResult>();
let repo: string;
let ids: string[];

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), content);
}

const deployment = (ns: string, name: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - {name: ${name}, image: registry.example.com/${name}:1.0}\n`;

const YAML = `
name: gitops
namespace: flux-system
source:
  gitRepository:
    url: git@github.com:acme/fleet-config.git
    branch: main
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

function inputs(): Inputs {
  const { config, warnings } = parseConfiguration(YAML);
  const auth: GitAuth = { kind: 'ssh', privateKey: SSH_KEY, knownHosts: KNOWN_HOSTS, from: 'input ssh-private-key' };
  return {
    identity: {
      clientId: sandbox.identity.clientId,
      tenantId: sandbox.identity.tenantId,
      subscriptionId: sandbox.identity.subscriptionId,
      environment: parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT),
      audience: 'api://AzureADTokenExchange',
    },
    source: { config, origin: 'clusters/gitops.yaml', ref: sourceRef(config.source.gitRepository), auth, warnings },
    targets: { kind: 'targets', targets: ids.map((id) => parseClusterId(id)) },
    clusterType: 'connectedClusters',
    wait: true,
    timeoutMs: 120_000,
    concurrency: 3,
    deleteMissing: false,
    dryRun: false,
  };
}

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'flux-apply-'));
  repo = join(root, 'gitops');
  await mkdir(repo);
  git('init', '--quiet', '-b', 'main');
  await put(
    'infra/namespaces.yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team-deny}\n',
  );
  await put('infra/redis.yaml', deployment('infra', 'redis'));
  await put('apps/web.yaml', deployment('apps', 'web'));
  await put(
    'debug/pod.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: debug-shell, namespace: team-deny}\nspec:\n  containers:\n  - {name: shell, image: busybox:1.36, securityContext: {privileged: true}}\n',
  );
  git('add', '-A');
  git('commit', '--quiet', '-m', 'initial');

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
    repoRoot: repo,
    onReconciled: (id, r) => r && reconciled.set(id.toLowerCase(), r),
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
  await sandbox?.stop();
}, 60_000);

describe('flux-apply on three real clusters', () => {
  it("installs Flux, applies infra before apps, and reports Gatekeeper's denial on the cluster that denies", async () => {
    const result = await applyFleet(inputs(), { env: { GITHUB_REPOSITORY: 'acme/fleet' }, pollIntervalMs: { initial: 500, max: 2000 } });
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
    expect(debug.message).toContain('admission webhook "validation.gatekeeper.sh" denied the request: [azurepolicy-');
    expect(denied.message).toContain('denied the request');
    expect(denied.compliance!.kustomizations.find((k) => k.name === 'apps')!.complianceState).toBe('Compliant');
    expect(result.summary).toContain('denied the request: [azurepolicy-');

    // dependsOn, observed in the clusters: apps started only after infra was ready.
    for (const [i, c] of clusters.entries()) {
      const r = reconciled.get(`${ids[i]}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/gitops`.toLowerCase())!;
      const infraReady = r.events.findIndex((e) => e.kustomization === 'infra' && e.reason === 'ReconciliationSucceeded');
      const appsStart = r.events.findIndex((e) => e.kustomization === 'apps' && e.reason === 'Progressing');
      expect(infraReady).toBeGreaterThanOrEqual(0);
      expect(appsStart).toBeGreaterThan(infraReady);
      const redis = await c.client.get('apps/v1', 'Deployment', 'redis', 'infra');
      const web = await c.client.get('apps/v1', 'Deployment', 'web', 'apps');
      expect(web.metadata.labels['kustomize.toolkit.fluxcd.io/name']).toBe('gitops-apps');
      expect(Date.parse(web.metadata.creationTimestamp)).toBeGreaterThanOrEqual(Date.parse(redis.metadata.creationTimestamp));
    }
    expect(await clusters[2].client.get('v1', 'Pod', 'debug-shell', 'team-deny')).toBeUndefined();
    expect(await clusters[0].client.get('v1', 'Pod', 'debug-shell', 'team-deny')).toBeDefined();

    // The SSH key went to ARM's protected settings only; known_hosts is public (base64 in gitRepository).
    const flux = sandbox.state.get(`${ids[0]}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/gitops`)!;
    expect(flux.properties?.gitRepository).toMatchObject({
      url: 'ssh://git@github.com/acme/fleet-config.git',
      sshKnownHosts: Buffer.from(KNOWN_HOSTS + '\n').toString('base64'),
    });
    const everything = [JSON.stringify(result.report), result.summary, JSON.stringify(result.matrix)].join('\n');
    for (const line of SSH_KEY.split('\n').slice(1, -1)) expect(everything).not.toContain(line);
    expect(everything).not.toContain(
      Buffer.from(SSH_KEY + '\n')
        .toString('base64')
        .slice(0, 40),
    );
  }, 240_000);

  it('makes no write when run again', async () => {
    sandbox.clearCalls();
    const result = await applyFleet(inputs(), { env: { GITHUB_REPOSITORY: 'acme/fleet' }, pollIntervalMs: { initial: 500, max: 2000 } });
    const writes = sandbox.calls().filter((c) => c.api === 'arm' && ['PUT', 'PATCH', 'DELETE'].includes(c.method));
    expect(writes).toEqual([]);
    expect(result.report.counts).toMatchObject({ unchanged: 3, ok: 2, fail: 1 });
  }, 120_000);
});
