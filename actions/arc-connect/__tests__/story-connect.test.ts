import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ArmClients, createOidcCredential, parseEnvironment } from '@arc-actions/azure';
import { clearSecretsForTesting } from '@arc-actions/core';
import { startSandbox, issueServerCertificate, type Sandbox } from '../../../packages/sandbox/src/index.js';
import { helm, startLocalCluster, type LocalCluster } from '../../../packages/sandbox/src/clusters/index.js';
import { dataPlaneHandler, guestNotificationHandler } from '../../../packages/sandbox/src/arc-dataplane/index.js';
import { startAgentReconciler } from '../../../packages/sandbox/src/reconcile/agents.js';
import { connectCluster, type ConnectDeps, type ConnectResult } from '../src/story.js';
import { hideUserInfo, type Inputs } from '../src/inputs.js';
import { serveArcDataPlane, startProxy, type TestProxy } from './proxies.js';

/**
 * The arc-connect story end to end: the sandbox (ARM, Entra, GitHub OIDC), the Arc data plane stand-ins (served
 * here until the sandbox mounts them), a real kube-apiserver with the agents installed by the real helm binary,
 * and the agent reconciler reporting Connected. NODE_EXTRA_CA_CERTS must be the sandbox CA (.sandbox/ca/ca.crt).
 */
const PASSWORD = 'pr0xy-p4ss-91be';
let sandbox: Sandbox;
let cluster: LocalCluster;
let dp: Awaited<ReturnType<typeof serveArcDataPlane>>;
let proxy: TestProxy;
let reconciler: ReturnType<typeof startAgentReconciler>;
let environmentJson: string;
let arm: ArmClients;
const saved = { ...process.env };

const WRITES = (s: Sandbox) =>
  s
    .calls()
    .filter(
      (c) => c.api === 'arm' && (['PUT', 'PATCH', 'DELETE'].includes(c.method) || (c.method === 'POST' && /\/register$/i.test(c.path))),
    );

function inputs(overrides: { name?: string; proxy?: Inputs['proxy']; tags?: Record<string, string> } = {}): Inputs {
  const environment = parseEnvironment(environmentJson);
  return {
    identity: {
      clientId: sandbox.identity.clientId,
      tenantId: sandbox.identity.tenantId,
      subscriptionId: sandbox.identity.subscriptionId,
      environment,
      audience: 'api://AzureADTokenExchange',
    },
    cluster: {
      clusterName: overrides.name ?? 'edge-01',
      resourceGroup: 'rg-edge',
      location: 'westeurope',
      tags: overrides.tags ?? { env: 'test' },
    },
    access: { kubeconfig: cluster.kubeconfig, server: cluster.server },
    proxy: overrides.proxy ?? { skipRange: [], display: {} },
    registerProviders: true,
    createResourceGroup: true,
    autoUpgrade: false,
    onboardingTimeoutMs: 90_000,
    extensions: [
      { name: 'flux', extensionType: 'microsoft.flux', autoUpgrade: true, scope: 'cluster', settings: { 'multiTenancy.enforce': 'false' } },
    ],
    roleAssignments: [{ principalId: sandbox.identity.objectId, role: 'Azure Arc Kubernetes Viewer' }],
    dryRun: false,
  };
}

const deps = (): ConnectDeps => ({
  arm,
  rawEnvironment: environmentJson,
  helmBinary: cluster.bins.helm,
  pollMs: { initial: 300, max: 1000 },
  env: { GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42', GITHUB_SERVER_URL: 'https://github.com' },
});

async function run(i: Inputs): Promise<{ result: ConnectResult; stdout: string }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((stdout += String(chunk)), true));
  try {
    return {
      result: await connectCluster(i, deps()),
      stdout: stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  clearSecretsForTesting();
  const caCert = process.env.NODE_EXTRA_CA_CERTS;
  if (!caCert) throw new Error('Run with NODE_EXTRA_CA_CERTS=/work/main/.sandbox/ca/ca.crt');
  sandbox = await startSandbox({
    caDir: dirname(caCert),
    knobs: { emulateAgents: false, lro: { durationMs: 200, failureRate: 0 } } as never,
  });
  Object.assign(process.env, sandbox.env);
  const ca = { caCert: readFileSync(caCert, 'utf8'), caKey: readFileSync(join(dirname(caCert), 'ca.key'), 'utf8') };
  dp = await serveArcDataPlane(issueServerCertificate(ca, ['localhost', '127.0.0.1']), {
    '/dp': dataPlaneHandler({ baseUrl: () => `${dp.url}/dp` }),
    '/gns': guestNotificationHandler({ relays: () => [dp.host] }),
  });
  environmentJson = JSON.stringify({
    ...JSON.parse(sandbox.env.ARC_SANDBOX_ENVIRONMENT),
    arcDataPlane: `${dp.url}/dp`,
    guestNotificationService: `${dp.url}/gns`,
  });
  const environment = parseEnvironment(environmentJson);
  arm = new ArmClients(
    await createOidcCredential({
      tenantId: sandbox.identity.tenantId,
      clientId: sandbox.identity.clientId,
      audience: 'api://AzureADTokenExchange',
      environment,
    }),
    environment,
  );
  cluster = await startLocalCluster({
    name: 'arc-story',
    dir: await mkdtemp(join(tmpdir(), 'arc-story-')),
    gatekeeper: false,
    nodeCount: 1,
  });
  reconciler = startAgentReconciler(sandbox.state.store, () => [cluster], { intervalMs: 500 });
  proxy = await startProxy({ mode: 'tunnel', user: 'ci', password: PASSWORD });
}, 240_000);

afterAll(async () => {
  await reconciler?.stop();
  await Promise.all([cluster?.stop(), sandbox?.stop(), dp?.close(), proxy?.close()]);
  process.env = saved;
});

describe('arc-connect story against the sandbox and a real cluster', () => {
  it('fails before any write when proxy-skip-range lacks the service CIDR', async () => {
    sandbox.clearCalls();
    const url = proxy.url;
    const { result, stdout } = await run(
      inputs({ proxy: { https: url, skipRange: ['kubernetes.default.svc', '.svc'], display: { https: hideUserInfo(url) } } }),
    );
    expect(result.result).toBe('failed');
    expect(result.failure).toContain('before any change');
    expect(result.failure).toContain('add 10.0.0.0/24, .svc.cluster.local to "proxy-skip-range"');
    expect(WRITES(sandbox)).toEqual([]);
    for (const text of [stdout, result.summary, JSON.stringify(result.plan), result.failure ?? '']) expect(text).not.toContain(PASSWORD);
  });

  it('creates on the first run and changes nothing on an identical second run', async () => {
    const first = await run(inputs());
    expect(first.result.failure).toBeUndefined();
    expect(first.result.result).toBe('created');
    expect(first.result.connectivityStatus).toBe('Connected');
    expect(first.result.agentVersion).toBe('1.21.0');
    const created = sandbox.state.get(first.result.clusterId)!;
    expect(created.tags).toMatchObject({
      env: 'test',
      'github-repository': 'acme/fleet',
      'github-commit': 'abc123',
      'github-run': 'https://github.com/acme/fleet/actions/runs/42',
    });
    const history = JSON.parse(await helm(cluster, ['history', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json'])) as unknown[];
    expect(history).toHaveLength(1);

    sandbox.clearCalls();
    const second = await run(inputs());
    expect(second.result.failure).toBeUndefined();
    expect(second.result.result).toBe('unchanged');
    expect(WRITES(sandbox)).toEqual([]);
    expect(JSON.parse(await helm(cluster, ['history', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json']))).toHaveLength(1);

    // Planted secrets: the agents' private key (from the cluster), the kubeconfig token.
    const secret = JSON.parse(await helm(cluster, ['get', 'values', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json'])).global
      .onboardingPrivateKey as string;
    expect(secret).toContain('BEGIN RSA PRIVATE KEY');
    for (const r of [first, second]) {
      for (const text of [r.stdout, r.result.summary, JSON.stringify(r.result.plan), JSON.stringify(r.result.changes)]) {
        expect(text).not.toContain(secret.split('\n')[1]);
        expect(text).not.toContain(cluster.token);
      }
    }
  });

  it('changes only the tags when only the tags differ', async () => {
    sandbox.clearCalls();
    const { result } = await run(inputs({ tags: { env: 'test', team: 'edge' } }));
    expect(result.result).toBe('updated');
    expect(result.changes.filter((c) => c.kind !== 'unchanged').map((c) => c.resourceType)).toEqual(['connectedCluster']);
    expect(WRITES(sandbox).map((c) => c.method)).toEqual(['PATCH']);
  });

  it('refuses a cluster already connected to another resource, with nothing written', async () => {
    sandbox.clearCalls();
    const { result } = await run(inputs({ name: 'edge-02' }));
    expect(result.result).toBe('failed');
    expect(result.failure).toMatch(/already runs Arc agents connected to \/subscriptions\/.*\/connectedClusters\/edge-01/);
    expect(WRITES(sandbox)).toEqual([]);
  });
});
