/**
 * arc-verify with access: cluster-connect. The Azure CLI's connectedk8s extension cannot be installed offline, so a
 * stand-in `az` (test/fixtures/fake-az.sh) plays it: it accepts the OIDC login and forwards the proxy port to a real
 * cluster. What is under test is ours: the login, starting the proxy in its own process group, waiting for its port
 * and kubeconfig (no blind sleep), running the in-cluster checks through it, and stopping it afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, startLocalCluster, type LocalCluster, type Sandbox } from '@arc-actions/sandbox';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-verify/src/main.js';

let sandbox: Sandbox;
let cluster: LocalCluster;
let clusterId: string;
const dir = mkdtempSync(join(tmpdir(), 'arc-cc-'));
const azLog = join(dir, 'az.log');
const fakeAz = join(process.cwd(), 'test/fixtures/fake-az.sh');

beforeAll(async () => {
  sandbox = await startSandbox();
  cluster = await startLocalCluster({ name: 'edge-cc', dir: join(dir, 'cluster'), gatekeeper: false, nodeCount: 1 });
  const sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  sandbox.state.addResourceGroup(sub, 'fleet', 'westeurope');
  clusterId = `/subscriptions/${sub}/resourceGroups/fleet/providers/Microsoft.Kubernetes/connectedClusters/edge-cc`;
  sandbox.state.put({
    id: clusterId,
    name: 'edge-cc',
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: {},
    properties: { provisioningState: 'Succeeded' },
  });
  sandbox.state.setClusterConnectivity(clusterId, 'Connected');
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await sandbox?.stop();
});

const portClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(true));
  });

describe('arc-verify through cluster connect', () => {
  it('logs the CLI in, starts the proxy, runs the in-cluster checks through it and stops it', async () => {
    const upstream = new URL(cluster.server);
    process.env.FAKE_AZ_UPSTREAM = `127.0.0.1:${upstream.port}`;
    process.env.FAKE_AZ_KUBECONFIG = cluster.kubeconfigPath;
    process.env.FAKE_AZ_LOG = azLog;
    const r = await runStep(
      () => run({ az: fakeAz }),
      'arc-verify/action.yml',
      {
        'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
        'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
        'subscription-id': sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID,
        environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
        targets: clusterId,
        access: 'cluster-connect',
        'fail-on': 'never',
      },
      { env: { ...sandbox.env } },
    );
    expect(r.errors).toEqual([]);
    const report = JSON.parse(r.outputs.report);
    const checks = Object.fromEntries(report.clusters[0].checks.map((c: { check: string; status: string }) => [c.check, c.status]));
    expect(checks['get-nodes']).toBe('ok');
    expect(checks['arc-agents']).toBe('fail'); // no agents installed in this bare cluster: reported, not hidden
    const calls = readFileSync(azLog, 'utf8').trim().split('\n');
    // The environment's cloud is registered and selected before az login (the sandbox is a custom cloud).
    const sandboxUrl = sandbox.url;
    expect(calls[0]).toBe(
      `cloud register --name arc-actions-ArcSandbox --endpoint-resource-manager ${sandboxUrl}/ --endpoint-active-directory ${sandboxUrl} --endpoint-active-directory-resource-id https://management.core.windows.net/ --output none`,
    );
    expect(calls[1]).toBe('cloud set --name arc-actions-ArcSandbox --output none');
    const login = calls.findIndex((c) => c.startsWith('login '));
    expect(login).toBe(2);
    expect(calls[login]).toMatch(/^login --service-principal -u \S+ -t \S+ --federated-token \S+ --allow-no-subscriptions/);
    const proxy = calls.find((c) => c.startsWith('connectedk8s proxy'))!;
    expect(proxy).toContain('-n edge-cc -g fleet');
    const port = Number(/--port (\d+)/.exec(proxy)![1]);
    expect(await portClosed(port)).toBe(true);
    // The OIDC token given to az login never reaches the log, the summary or the outputs.
    const token = /--federated-token (\S+)/.exec(calls[login])![1];
    expect(`${r.visibleStdout}${r.summary}${r.outputsFile}`).not.toContain(token);
  }, 120_000);
});
