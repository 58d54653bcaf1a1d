import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  applyFluxConfiguration,
  startLocalCluster,
  syncPolicyAssignments,
  type FluxConfigurationProperties,
  type LocalCluster,
} from '../src/clusters/index.js';

let cluster: LocalCluster;
let repo: string;

const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(repo, path)), { recursive: true });
  await writeFile(join(repo, path), content);
}

const deployment = (ns: string, name: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: ${name}
        image: registry.example.com/${name}:1.0${extra}
`;

const config = (): FluxConfigurationProperties => ({
  namespace: 'flux-system',
  sourceKind: 'GitRepository',
  gitRepository: { url: `file://${repo}`, repositoryRef: { branch: 'main' } },
  kustomizations: {
    apps: { path: './apps', dependsOn: ['infra'], prune: true },
    infra: { path: './infra', prune: true },
  },
});

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'arc-flux-'));
  repo = join(root, 'gitops');
  await mkdir(repo);
  git('init', '--quiet', '-b', 'main');
  await put(
    'infra/namespaces.yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n',
  );
  await put('infra/redis.yaml', deployment('infra', 'redis'));
  await put(
    'apps/kustomization.yaml',
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml, settings.yaml]\n',
  );
  await put('apps/web.yaml', deployment('apps', 'web'));
  await put(
    'apps/settings.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-settings, namespace: apps}\ndata: {color: blue}\n',
  );
  git('add', '-A');
  git('commit', '--quiet', '-m', 'initial');
  cluster = await startLocalCluster({ name: 'flux-test', dir: join(root, 'cluster') });
  console.log(`flux cluster started in ${cluster.timings.total} ms`);
}, 180000);

afterAll(async () => {
  await cluster?.stop();
});

describe('Flux emulation against a real API server', () => {
  it('applies infra, waits until it is ready, and only then applies apps (dependsOn)', async () => {
    const result = await applyFluxConfiguration(cluster, config(), { name: 'gitops' });
    const head = git('rev-parse', 'HEAD');
    console.log(result.events.map((e) => `${e.at} ${e.kustomization} ${e.reason}`).join('\n'));
    const byName = Object.fromEntries(result.kustomizations.map((k) => [k.name, k]));
    expect(byName.infra).toMatchObject({
      ready: true,
      appliedRevision: `main@sha1:${head}`,
      message: `Applied revision: main@sha1:${head}`,
    });
    expect(byName.apps).toMatchObject({ ready: true, appliedRevision: `main@sha1:${head}` });
    expect(byName.apps.objects).toEqual(['Deployment/apps/web', 'ConfigMap/apps/web-settings']);
    const infraReady = result.events.findIndex((e) => e.kustomization === 'infra' && e.reason === 'ReconciliationSucceeded');
    const appsStart = result.events.findIndex((e) => e.kustomization === 'apps' && e.reason === 'Progressing');
    expect(infraReady).toBeGreaterThanOrEqual(0);
    expect(appsStart).toBeGreaterThan(infraReady);
    const redis = await cluster.client.get('apps/v1', 'Deployment', 'redis', 'infra');
    const web = await cluster.client.get('apps/v1', 'Deployment', 'web', 'apps');
    expect(redis.status.readyReplicas).toBe(2);
    expect(Date.parse(web.metadata.creationTimestamp)).toBeGreaterThanOrEqual(Date.parse(redis.metadata.creationTimestamp));
    expect(web.metadata.labels['kustomize.toolkit.fluxcd.io/name']).toBe('gitops-apps');
    expect(web.metadata.labels['kustomize.toolkit.fluxcd.io/namespace']).toBe('flux-system');
  });

  it('prunes an object removed from the repository', async () => {
    await rm(join(repo, 'apps/settings.yaml'));
    await put('apps/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml]\n');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'drop settings');
    const result = await applyFluxConfiguration(cluster, config(), { name: 'gitops' });
    const apps = result.kustomizations.find((k) => k.name === 'apps')!;
    expect(apps.ready).toBe(true);
    expect(apps.pruned).toEqual(['ConfigMap/apps/web-settings']);
    expect(await cluster.client.get('v1', 'ConfigMap', 'web-settings', 'apps')).toBeUndefined();
    expect(await cluster.client.get('apps/v1', 'Deployment', 'web', 'apps')).toBeDefined();
  });

  it('reports an admission denial as not ready, and dependents as DependencyNotReady', async () => {
    await syncPolicyAssignments(cluster, [
      {
        id: '/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/no-privileged',
        name: 'no-privileged',
        effect: 'Deny',
        definitions: [
          {
            definitionId: '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4',
            parameters: { namespaces: ['infra'] },
          },
        ],
      },
    ]);
    await put(
      'infra/debug.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: infra}\nspec:\n  containers:\n  - {name: shell, image: busybox, securityContext: {privileged: true}}\n',
    );
    git('add', '-A');
    git('commit', '--quiet', '-m', 'privileged debug pod');
    const result = await applyFluxConfiguration(cluster, config(), { name: 'gitops' });
    const byName = Object.fromEntries(result.kustomizations.map((k) => [k.name, k]));
    expect(byName.infra.ready).toBe(false);
    expect(byName.infra.message).toContain(
      'Pod/infra/debug dry-run failed (Forbidden): admission webhook "validation.gatekeeper.sh" denied the request: [azurepolicy-',
    );
    expect(byName.apps).toMatchObject({
      ready: false,
      reason: 'DependencyNotReady',
      message: "dependency 'flux-system/gitops-infra' is not ready",
    });
    expect(await cluster.client.get('v1', 'Pod', 'debug', 'infra')).toBeUndefined();
  });
});
