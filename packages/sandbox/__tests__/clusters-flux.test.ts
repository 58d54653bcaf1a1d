import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import {
  applyFluxConfiguration,
  deleteFluxConfiguration,
  processMemoryMiB,
  readFluxStatus,
  startFluxControllers,
  startLocalCluster,
  syncPolicyAssignments,
  type FluxConfigurationProperties,
  type FluxStatus,
  type LocalCluster,
} from '../src/clusters/index.js';
import { startGitServer, type GitRepository, type GitServer } from '../src/git-server.js';

/**
 * The real source-controller and kustomize-controller against a real API server, pulling from the loopback git
 * server over HTTP, HTTPS with a token and SSH with a key: what the sandbox's microsoft.flux extension runs.
 */

let cluster: LocalCluster;
let server: GitServer;
let repo: GitRepository;

const deployment = (ns: string, name: string): string => `apiVersion: apps/v1
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
        image: registry.example.com/${name}:1.0
`;
const configMap = (ns: string, name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}\ndata: {color: blue}\n`;
const b64 = (text: string): string => Buffer.from(text).toString('base64');

const config = (
  url: string,
  extra: Partial<NonNullable<FluxConfigurationProperties['gitRepository']>> = {},
): FluxConfigurationProperties => ({
  namespace: 'flux-system',
  sourceKind: 'GitRepository',
  gitRepository: { url, repositoryRef: { branch: 'main' }, syncIntervalInSeconds: 3, timeoutInSeconds: 30, ...extra },
  kustomizations: {
    apps: { path: './apps', dependsOn: ['infra'], prune: true, timeoutInSeconds: 60, syncIntervalInSeconds: 600 },
    infra: { path: './infra', prune: true, timeoutInSeconds: 60, syncIntervalInSeconds: 600 },
  },
});

/** Waits until the configuration's status satisfies `done`; fails with the last status seen. */
async function statusUntil(
  name: string,
  kustomizations: string[],
  done: (s: FluxStatus) => boolean,
  timeoutMs = 120_000,
): Promise<FluxStatus> {
  let last: FluxStatus | undefined;
  const result = await waitFor(
    async () => {
      last = await readFluxStatus(cluster, name, 'flux-system', kustomizations);
      return done(last) ? last : undefined;
    },
    { timeoutMs, initialMs: 250, maxMs: 1000 },
  );
  if (!result.value) throw new Error(`The status of ${name} never matched; last: ${JSON.stringify(last, null, 1)}`);
  return result.value;
}

const readyOf = (s: FluxStatus, name: string) => s.statuses.find((o) => o.name === name)!.statusConditions[0];

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'arc-flux-'));
  server = await startGitServer({ dir: join(root, 'git') });
  repo = await server.createRepository('gitops', {
    'infra/namespaces.yaml':
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n',
    'infra/redis.yaml': deployment('infra', 'redis'),
    'apps/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml, settings.yaml]\n',
    'apps/web.yaml': deployment('apps', 'web'),
    'apps/settings.yaml': configMap('apps', 'web-settings'),
  });
  cluster = await startLocalCluster({ name: 'flux-test', dir: join(root, 'cluster') });
  const flux = await startFluxControllers(cluster, { caFile: server.caCertPath });
  const memory = await Promise.all([flux.sourceController.pid, flux.kustomizeController.pid].map((pid) => processMemoryMiB(pid)));
  console.log(
    `cluster started in ${cluster.timings.total} ms; Flux controllers in ${flux.timings.total} ms (${JSON.stringify(flux.timings)}); ` +
      `RSS source-controller ${memory[0]?.rss.toFixed(0)} MiB, kustomize-controller ${memory[1]?.rss.toFixed(0)} MiB`,
  );
}, 240_000);

afterAll(async () => {
  await cluster?.stop();
  await server?.stop();
});

describe('the real Flux controllers against a real API server', () => {
  it('pulls over HTTP and applies infra, waits until it is healthy, and only then applies apps (dependsOn)', async () => {
    const head = await repo.commit('no change', {});
    await applyFluxConfiguration(cluster, 'gitops', config(repo.httpUrl));
    const status = await statusUntil('gitops', ['apps', 'infra'], (s) => s.complianceState === 'Compliant');
    expect(status.sourceSyncedCommitId).toBe(`main/${head}`);
    expect(status.statuses.map((s) => [s.kind, s.name, s.complianceState])).toEqual([
      ['GitRepository', 'gitops', 'Compliant'],
      ['Kustomization', 'gitops-apps', 'Compliant'],
      ['Kustomization', 'gitops-infra', 'Compliant'],
    ]);
    expect(readyOf(status, 'gitops-apps')).toMatchObject({ type: 'Ready', status: 'True', message: `Applied revision: main@sha1:${head}` });

    const redis = await cluster.client.get('apps/v1', 'Deployment', 'redis', 'infra');
    const web = await cluster.client.get('apps/v1', 'Deployment', 'web', 'apps');
    expect(redis.status.readyReplicas).toBe(2);
    // apps was applied only once infra was Ready (its health check passed): Flux's own dependsOn.
    const infraReadyAt = Date.parse(readyOf(status, 'gitops-infra').lastTransitionTime);
    expect(Date.parse(web.metadata.creationTimestamp)).toBeGreaterThanOrEqual(infraReadyAt);
    expect(web.metadata.labels).toMatchObject({
      'kustomize.toolkit.fluxcd.io/name': 'gitops-apps',
      'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
    });
    expect(web.metadata.managedFields.map((f: { manager: string }) => f.manager)).toContain('kustomize-controller');
  }, 240_000);

  it('prunes a manifest deleted in git at the next sync', async () => {
    const head = await repo.commit('drop settings', {
      'apps/settings.yaml': null,
      'apps/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml]\n',
    });
    await statusUntil('gitops', ['apps', 'infra'], (s) => readyOf(s, 'gitops-apps').message === `Applied revision: main@sha1:${head}`);
    expect(await cluster.client.get('v1', 'ConfigMap', 'web-settings', 'apps')).toBeUndefined();
    expect(await cluster.client.get('apps/v1', 'Deployment', 'web', 'apps')).toBeDefined();
  }, 240_000);

  it("reports kustomize-controller's own message for an admission denial, and dependents as not ready", async () => {
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
    await repo.commit('privileged debug pod', {
      'infra/debug.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: infra}\nspec:\n  containers:\n  - {name: shell, image: busybox, securityContext: {privileged: true}}\n',
    });
    const status = await statusUntil(
      'gitops',
      ['apps', 'infra'],
      (s) => readyOf(s, 'gitops-infra').reason === 'ReconciliationFailed' && readyOf(s, 'gitops-apps').reason === 'DependencyNotReady',
    );
    expect(status.complianceState).toBe('Non-Compliant');
    expect(readyOf(status, 'gitops-infra')).toMatchObject({ status: 'False', reason: 'ReconciliationFailed' });
    expect(readyOf(status, 'gitops-infra').message).toContain('Pod/infra/debug dry-run failed');
    expect(readyOf(status, 'gitops-infra').message).toContain(
      'admission webhook "validation.gatekeeper.sh" denied the request: [azurepolicy-',
    );
    // Flux's words: the dependency failed at the new revision, so its applied revision is behind the source.
    expect(readyOf(status, 'gitops-apps').message).toMatch(
      /^dependency 'flux-system\/gitops-infra' (is not ready|revision is not up to date)/,
    );
    expect(await cluster.client.get('v1', 'Pod', 'debug', 'infra')).toBeUndefined();
  }, 240_000);

  it('pulls over HTTPS with a user and token, and over SSH with a key and known_hosts; refuses a wrong token', async () => {
    const private1 = await server.createRepository('over-https', { 'cm.yaml': configMap('default', 'from-https') });
    const private2 = await server.createRepository('over-ssh', { 'cm.yaml': configMap('default', 'from-ssh') });
    const one = (url: string, extra: Partial<NonNullable<FluxConfigurationProperties['gitRepository']>>): FluxConfigurationProperties => ({
      namespace: 'flux-system',
      gitRepository: { url, repositoryRef: { branch: 'main' }, syncIntervalInSeconds: 600, timeoutInSeconds: 30, ...extra },
      kustomizations: { cm: { path: './', prune: true } },
    });
    await applyFluxConfiguration(cluster, 'https', one(private1.httpsUrl, { httpsUser: server.user }), { httpsKey: b64(server.token) });
    await applyFluxConfiguration(cluster, 'ssh', one(private2.sshUrl, { sshKnownHosts: b64(server.knownHosts) }), {
      sshPrivateKey: b64(server.sshPrivateKey),
    });
    await applyFluxConfiguration(cluster, 'wrong-token', one(private1.httpsUrl, { httpsUser: server.user }), {
      httpsKey: b64('not-the-token'),
    });
    await statusUntil('https', ['cm'], (s) => s.complianceState === 'Compliant');
    await statusUntil('ssh', ['cm'], (s) => s.complianceState === 'Compliant');
    expect(await cluster.client.get('v1', 'ConfigMap', 'from-https', 'default')).toBeDefined();
    expect(await cluster.client.get('v1', 'ConfigMap', 'from-ssh', 'default')).toBeDefined();
    const secret = await cluster.client.get('v1', 'Secret', 'https-protected-parameters', 'flux-system');
    expect(Object.keys(secret.data).sort()).toEqual(['password', 'username']);
    expect(Object.keys((await cluster.client.get('v1', 'Secret', 'ssh-protected-parameters', 'flux-system')).data).sort()).toEqual([
      'identity',
      'known_hosts',
    ]);
    const refused = await statusUntil('wrong-token', ['cm'], (s) => s.statuses[0].complianceState === 'Non-Compliant');
    expect(refused.complianceState).toBe('Non-Compliant');
    expect(readyOf(refused, 'wrong-token').message).toMatch(/authentication required|401|Unauthorized/i);

    // Deleting a configuration deletes its objects; with prune, Flux removes what it applied.
    await deleteFluxConfiguration(cluster, 'ssh', 'flux-system');
    const gone = await waitFor(async () => ((await cluster.client.get('v1', 'ConfigMap', 'from-ssh', 'default')) ? undefined : true), {
      timeoutMs: 60_000,
    });
    expect(gone.value).toBe(true);
    const memory = await Promise.all(
      cluster.processes().map(async (p) => `${p.name} ${(await processMemoryMiB(p.pid))?.peak.toFixed(0) ?? '?'} MiB`),
    );
    console.log(`peak RSS after five configurations: ${memory.join(', ')}`);
  }, 300_000);
});
