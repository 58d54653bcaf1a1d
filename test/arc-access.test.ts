/**
 * arc-access against the sandbox and a real local cluster. The Azure CLI's connectedk8s extension and Azure Relay
 * cannot run offline, so a stand-in `az` (test/fixtures/fake-az.sh) plays `az connectedk8s proxy`: it writes the
 * kubeconfig and forwards its port to the real API server — after a delay during which the port is open but drops
 * connections (a relay not up yet), or never. What is under test is ours: the connectivity check in ARM, the OIDC
 * login, starting the proxy in its own process group, the readiness check through the API server, KUBECONFIG exported
 * through GITHUB_ENV for a later step (a separate process: the `kubectl get nodes` of the job), and the post step
 * (run with the STATE_* variables the runner gives it) stopping the proxy and deleting the kubeconfig.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLocalCluster, startSandbox, type LocalCluster, type Sandbox } from '@arc-actions/sandbox';
import { everythingVisible, runStep, type StepResult } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-access/src/main.js';

let sandbox: Sandbox;
let cluster: LocalCluster;
let clusterId: string;
const dir = mkdtempSync(join(tmpdir(), 'arc-access-'));
const fakeAz = join(process.cwd(), 'test/fixtures/fake-az.sh');
const YML = 'arc-access/action.yml';
let n = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
  cluster = await startLocalCluster({ name: 'store-17', dir: join(dir, 'cluster'), gatekeeper: false, nodeCount: 2 });
  const sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  sandbox.state.addResourceGroup(sub, 'stores', 'westeurope');
  for (const name of ['store-17', 'store-18']) {
    const id = `/subscriptions/${sub}/resourceGroups/stores/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
    sandbox.state.put({
      id,
      name,
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: 'westeurope',
      tags: {},
      properties: { provisioningState: 'Succeeded' },
    });
  }
  clusterId = `/subscriptions/${sub}/resourceGroups/stores/providers/Microsoft.Kubernetes/connectedClusters/store-17`;
  sandbox.state.setClusterConnectivity(clusterId, 'Connected');
  sandbox.state.setClusterConnectivity(clusterId.replace('store-17', 'store-18'), 'Offline');
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await sandbox?.stop();
});

/** Name → value of a GITHUB_ENV / GITHUB_STATE file (`name<<delimiter` blocks, as @actions/core writes them). */
function fileCommands(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  for (const m of readFileSync(file, 'utf8').matchAll(/^([^\n<]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3];
  return out;
}

interface Job {
  main: StepResult;
  env: Record<string, string>;
  state: Record<string, string>;
  runnerTemp: string;
  azLog: string;
  post: () => Promise<StepResult>;
}

/** Runs the main step as the runner would, and gives back what the runner keeps for the later steps and the post step. */
async function mainStep(inputs: Record<string, string>, fake: Record<string, string> = {}): Promise<Job> {
  const job = join(dir, `job-${++n}`);
  const runnerTemp = join(job, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  const envFile = join(job, 'env');
  const stateFile = join(job, 'state');
  writeFileSync(envFile, '');
  writeFileSync(stateFile, '');
  const azLog = join(job, 'az.log');
  const upstream = new URL(cluster.server);
  const env = {
    ...sandbox.env,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ENV: envFile,
    GITHUB_STATE: stateFile,
    FAKE_AZ_UPSTREAM: `127.0.0.1:${upstream.port}`,
    FAKE_AZ_KUBECONFIG: cluster.kubeconfigPath,
    FAKE_AZ_LOG: azLog,
    ...fake,
  };
  const identity = {
    'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
    'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
    environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
  };
  const main = await runStep(() => run({ az: fakeAz }), YML, { ...identity, ...inputs }, { env });
  const state = fileCommands(stateFile);
  // The runner gives the post step STATE_<name> for what the main step saved (read when the post step runs).
  const stateEnv = () => Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
  return {
    main,
    env: fileCommands(envFile),
    state,
    runnerTemp,
    azLog,
    post: () => runStep(() => run({ az: fakeAz }), YML, { ...identity, ...inputs }, { env: { ...env, ...stateEnv() } }),
  };
}

/** A later step of the job: its own process, with the runner's PATH and the exported KUBECONFIG only. */
function laterStepGetNodes(kubeconfig: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'test/fixtures/get-nodes.mjs')], {
    env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig },
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(false);
    });
    s.on('error', () => resolve(true));
  });

describe('arc-access', () => {
  it('opens cluster connect once the API server answers through it; a later step gets nodes; the post step closes it', async () => {
    // The port is open at once but drops connections for 2 s: an open port alone is not ready.
    const job = await mainStep({ cluster: clusterId }, { FAKE_AZ_READY_AFTER_MS: '2000' });
    expect(job.main.errors).toEqual([]);
    expect(job.main.failed).toBe(false);
    const kubeconfig = job.env.KUBECONFIG;
    expect(kubeconfig).toBe(job.main.outputs.kubeconfig);
    expect(dirname(dirname(kubeconfig))).toBe(job.runnerTemp);
    expect(job.main.outputs['cluster-id']).toBe(clusterId);
    expect(job.main.outputs['server-version']).toMatch(/^v1\.\d+\./);
    const pid = Number(job.state['proxy-pid']);
    expect(running(pid)).toBe(true);
    const calls = readFileSync(job.azLog, 'utf8').trim().split('\n');
    expect(calls.findIndex((c) => c.startsWith('login --service-principal'))).toBeLessThan(
      calls.findIndex((c) => c.startsWith('connectedk8s proxy')),
    );
    expect(calls.find((c) => c.startsWith('connectedk8s proxy'))).toContain('-n store-17 -g stores');
    expect(job.main.summary).toContain(kubeconfig);

    const later = laterStepGetNodes(kubeconfig);
    expect(later.stderr).toBe('');
    expect(later.stdout.trim().split('\n').sort()).toEqual(
      (await cluster.client.request<{ items: { metadata: { name: string } }[] }>('GET', '/api/v1/nodes')).items
        .map((i) => i.metadata.name)
        .sort(),
    );

    const port = Number(job.main.outputs.port);
    const post = await job.post();
    expect(post.errors).toEqual([]);
    expect(post.stdout).toContain(`Closed cluster connect: proxy (pid ${pid}) stopped, kubeconfig and CLI login deleted.`);
    expect(running(pid)).toBe(false);
    expect(existsSync(kubeconfig)).toBe(false);
    expect(readdirSync(job.runnerTemp)).toEqual([]);
    expect(await portClosed(port)).toBe(true);
    expect(laterStepGetNodes(kubeconfig).status).toBe(1);
  }, 120_000);

  it('with a service account token: hands it to the proxy and never prints it', async () => {
    const token = cluster.token;
    const job = await mainStep({
      cluster: 'store-17',
      'resource-group': 'stores',
      'subscription-id': sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID,
      token,
    });
    expect(job.main.errors).toEqual([]);
    expect(readFileSync(job.azLog, 'utf8')).toContain(`--token ${token}`);
    expect(job.main.stdout).toContain(`::add-mask::${token}`);
    expect(everythingVisible(job.main)).not.toContain(token);
    expect(job.main.summary).toContain('service account token (masked)');
    expect(laterStepGetNodes(job.env.KUBECONFIG).status).toBe(0);
    const post = await job.post();
    expect(everythingVisible(post)).not.toContain(token);
    expect(existsSync(job.env.KUBECONFIG)).toBe(false);
  }, 120_000);

  it('a proxy that never answers: one line with the fix, nothing left running, nothing left on disk', async () => {
    const token = cluster.token;
    const job = await mainStep({ cluster: clusterId, 'wait-timeout': '5s', token }, { FAKE_AZ_NEVER_READY: '1' });
    expect(job.main.failed).toBe(true);
    expect(job.main.errors).toHaveLength(1);
    expect(job.main.errors[0]).toMatch(
      /^arc-access failed: Cluster connect to store-17 \(resource group stores\) was not ready within 5 s \(last: .*\)\. Check that the cluster is Connected with the cluster-connect feature on \(az connectedk8s enable-features --features cluster-connect\), or raise wait-timeout/,
    );
    expect(job.main.errors[0]).not.toContain('\n');
    expect(everythingVisible(job.main)).not.toContain(token);
    expect(job.env.KUBECONFIG).toBeUndefined();
    expect(running(Number(job.state['proxy-pid']))).toBe(false);
    expect(readdirSync(job.runnerTemp)).toEqual([]);
    const post = await job.post();
    expect(post.errors).toEqual([]);
    expect(post.stdout).toContain('had already ended');
  }, 120_000);

  it('a proxy that exits: its own error in the one line', async () => {
    const job = await mainStep({ cluster: clusterId, 'wait-timeout': '30s' }, { FAKE_AZ_EXIT: '3' });
    expect(job.main.errors).toHaveLength(1);
    expect(job.main.errors[0]).toMatch(
      /az connectedk8s proxy exited with code 3: ERROR: \(ResourceNotFound\) cluster connect is not enabled\./,
    );
    expect(readdirSync(job.runnerTemp)).toEqual([]);
  }, 120_000);

  it('the post step leaves alone a pid that now belongs to another program', async () => {
    const job = await mainStep({ cluster: clusterId });
    expect(job.main.errors).toEqual([]);
    const pid = Number(job.state['proxy-pid']);
    // The proxy ends by itself; its pid is then given to another program (here, by hand: a sleep in the state).
    process.kill(-pid, 'SIGTERM');
    const other = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    try {
      job.state['proxy-pid'] = String(other.pid);
      const post = await job.post();
      expect(post.errors).toEqual([]);
      expect(post.stdout).toContain(`proxy (pid ${other.pid}) had already ended, kubeconfig and CLI login deleted.`);
      expect(running(other.pid!)).toBe(true);
      expect(readdirSync(job.runnerTemp)).toEqual([]);
    } finally {
      other.kill('SIGKILL');
    }
  }, 120_000);

  it('a cluster that is not Connected fails before any proxy starts', async () => {
    const job = await mainStep({ cluster: clusterId.replace('store-17', 'store-18') });
    expect(job.main.errors).toEqual([
      expect.stringMatching(
        /^arc-access failed: Cluster store-18 is Offline, not Connected: cluster connect goes through the cluster's Arc agents/,
      ),
    ]);
    expect(existsSync(job.azLog)).toBe(false);
    expect(job.state['proxy-pid']).toBeUndefined();
  }, 60_000);

  it.each([
    [
      () => ({ cluster: clusterId.replace('Microsoft.Kubernetes/connectedClusters', 'Microsoft.ContainerService/managedClusters') }),
      /^Input "cluster" has ".*", an AKS cluster; cluster connect opens Arc-connected clusters/,
    ],
    [() => ({ cluster: 'store-17' }), /^Input "resource-group" is empty; it is required when cluster is a name \("store-17"\)\.$/],
    [() => ({ cluster: clusterId, 'wait-timeout': '120' }), /^Input "wait-timeout" has the value "120"/],
    [() => ({ cluster: clusterId, port: '80' }), /^Input "port" has the value 80; allowed: 1024-65535/],
  ])('refuses bad input before anything runs (%#)', async (inputs, message) => {
    const job = await mainStep(inputs());
    expect(job.main.errors).toEqual([expect.stringMatching(message)]);
    expect(existsSync(job.azLog)).toBe(false);
  });
});
