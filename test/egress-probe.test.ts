/**
 * The in-cluster egress probe against a real local cluster: the probe Job is created through the API server, the
 * real Job controller makes its pod, the sandbox's pod runner executes the pod's shell script as a local process (no
 * kubelet: see docs/sandbox.md) and reports the termination message, and the runner reads the result from the pod
 * status. The script reaches the sandbox's HTTPS stand-ins (guest notification service, config data plane, ARM,
 * Entra, the relay) through real local proxies given as the agents' proxy settings: a CONNECT proxy (healthy), the
 * same with a deny list (a blocked host), and a TLS-inspecting proxy that strips the websocket upgrade.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { waitFor } from '@arc-actions/core';
import {
  arcEndpoints,
  inClusterEgressRows,
  inClusterProbeTargets,
  parseEnvironment,
  requiredHosts,
  type InClusterProbeResult,
} from '@arc-actions/azure';
import { EGRESS_PROBE_NAMESPACE, runEgressProbe, type EgressProbeProxy } from '@arc-actions/kube';
import { startSandbox, type Sandbox } from '../packages/sandbox/src/sandbox.js';
import { helmInstallAgents, startLocalCluster, type LocalCluster } from '../packages/sandbox/src/clusters/index.js';
import { egressCheck } from '../actions/arc-verify/src/checks/egress.js';
import { run as arcVerify } from '../actions/arc-verify/src/main.js';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import type { Inputs as VerifyInputs } from '../actions/arc-verify/src/inputs.js';
import { ensureSandboxCa, issueServerCertificate } from '../packages/sandbox/src/tls.js';
import { startProxy, type TestProxy } from '../packages/sandbox/src/proxies.js';

const LOCATION = 'westeurope';
const PASSWORD = 'eg-pr0xy-9d2c';
let sandbox: Sandbox;
let cluster: LocalCluster;
let kc: KubeConfig;
let sandboxCa: string;
let relay: string;
let tunnel: TestProxy;
let denying: TestProxy;
let stripping: TestProxy;
const corporateCa = ensureSandboxCa(join(tmpdir(), `arc-egress-corp-${process.pid}`));

beforeAll(async () => {
  sandbox = await startSandbox();
  sandboxCa = await readFile(sandbox.caCertPath, 'utf8');
  relay = `localhost:${new URL(sandbox.url).port}`;
  cluster = await startLocalCluster({ name: 'egress', dir: await mkdtemp(join(tmpdir(), 'arc-egress-')), gatekeeper: false, nodeCount: 1 });
  kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  tunnel = await startProxy({ mode: 'tunnel', user: 'agents', password: PASSWORD });
  denying = await startProxy({ mode: 'tunnel', deny: [relay] });
  stripping = await startProxy({
    mode: 'strip',
    inspectCert: issueServerCertificate(corporateCa, ['localhost', '127.0.0.1']),
    upstreamCa: [sandboxCa],
  });
}, 240_000);

afterAll(async () => {
  await Promise.all([tunnel?.close(), denying?.close(), stripping?.close()]);
  await cluster?.stop();
  await sandbox?.stop();
});

/** The probe as arc-connect runs it: the region's required hosts, the allowlist URL, the agents' proxy settings. */
async function probe(proxy: EgressProbeProxy, via: string | undefined) {
  const environment = parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT);
  const endpoints = arcEndpoints(environment, LOCATION, sandbox.env.ARC_SANDBOX_ENVIRONMENT);
  const targets = inClusterProbeTargets(requiredHosts(environment, LOCATION, endpoints, []), endpoints, LOCATION, []);
  const run = await runEgressProbe(kc, targets, proxy, { timeoutMs: 90_000, requestTimeoutSeconds: 10 });
  const rows = run.result ? inClusterEgressRows(run.result as InClusterProbeResult, via) : [];
  return { run, rows, byCheck: Object.fromEntries(rows.map((r) => [r.check, r])) };
}

async function leftovers(): Promise<string[]> {
  const [jobs, secrets, pods] = await Promise.all([
    cluster.client.list('batch/v1', 'Job', { namespace: EGRESS_PROBE_NAMESPACE }),
    cluster.client.list('v1', 'Secret', { namespace: EGRESS_PROBE_NAMESPACE }),
    cluster.client.list('v1', 'Pod', { namespace: EGRESS_PROBE_NAMESPACE }),
  ]);
  return [...jobs, ...secrets, ...pods].map((o) => `${o.kind ?? ''}/${o.metadata.name}`);
}

describe('in-cluster egress probe on a real cluster', () => {
  it('passes through a CONNECT proxy: the allowlist, every endpoint and the websocket upgrade reach the relay; the Job is deleted', async () => {
    const shown = tunnel.url.replace(/\/\/.*@/, '//***@');
    const { run, rows, byCheck } = await probe({ https: tunnel.url, noProxy: 'kubernetes.default.svc,10.0.0.0/24', ca: sandboxCa }, shown);
    expect(run.failure).toBeUndefined();
    expect(run.exitCode).toBe(0);
    expect(rows.map((r) => [r.check, r.result])).toEqual([
      ['in-cluster: relay allowlist', 'pass'],
      ['in-cluster: HTTPS to the Arc endpoints', 'pass'],
      ['in-cluster: HTTPS to the relay', 'pass'],
      ['in-cluster: websocket to the relay', 'pass'],
    ]);
    expect(byCheck['in-cluster: websocket to the relay'].detail).toMatch(/answered 401 Unauthorized/);
    expect(tunnel.connects).toContain(relay);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(run.deleted).toBe(true);
    await waitFor(async () => ((await leftovers()).length === 0 ? true : undefined), { timeoutMs: 60_000, initialMs: 250, maxMs: 1000 });
  }, 150_000);

  it('reports a websocket-stripping proxy as the cause, with the fix naming the relay and the proxy', async () => {
    const { run, byCheck } = await probe({ https: stripping.url, ca: corporateCa.caCert }, stripping.url);
    expect(run.failure).toBeUndefined();
    expect(byCheck['in-cluster: relay allowlist'].result).toBe('pass');
    expect(byCheck['in-cluster: HTTPS to the relay'].result).toBe('pass');
    const ws = byCheck['in-cluster: websocket to the relay'];
    expect(ws.result).toBe('fail');
    expect(ws.detail).toMatch(/the relay saw no websocket upgrade \(answered 400 This endpoint is only for web-socket requests/);
    expect(ws.detail).toMatch(/removed the Upgrade headers/);
    expect(ws.detail).toContain(`through proxy ${stripping.url}`);
    expect(ws.fix).toContain(`allow websocket upgrades (HTTP/1.1 Upgrade: websocket, long-lived connections) to ${relay}`);
    expect(ws.fix).toContain(`in the proxy ${stripping.url}`);
    expect(stripping.upgradesDropped).toBeGreaterThan(0);
  }, 150_000);

  it('fails on a host the proxy blocks, naming the host and the proxy', async () => {
    const { run, byCheck } = await probe({ https: denying.url, ca: sandboxCa }, denying.url);
    expect(run.failure).toBeUndefined();
    expect(byCheck['in-cluster: HTTPS to the Arc endpoints'].result).toBe('pass');
    const https = byCheck['in-cluster: HTTPS to the relay'];
    expect(https.result).toBe('fail');
    expect(https.detail).toContain(`${relay}: `);
    expect(https.detail).toMatch(/403/);
    expect(https.detail).toContain(`through proxy ${denying.url}`);
    expect(https.fix).toBe(
      `allow HTTPS (port 443) to ${relay} in the proxy ${denying.url}; cluster connect and custom locations need them`,
    );
    expect(byCheck['in-cluster: websocket to the relay']).toBeUndefined();
  }, 150_000);

  it("arc-verify's egress row probes with the proxy the agents were installed with, and fails on the stripped upgrade", async () => {
    // The agents' Helm release carries the proxy settings as az connectedk8s (and arc-connect) pass them.
    await helmInstallAgents(cluster, {
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      resourceGroup: 'rg-edge',
      resourceName: 'edge-egress',
      location: LOCATION,
      httpsProxy: stripping.url,
      noProxy: 'kubernetes.default.svc,.svc,10.0.0.0/24',
      proxyCert: corporateCa.caCert,
    });
    const saved = process.env.INPUT_ENVIRONMENT;
    process.env.INPUT_ENVIRONMENT = sandbox.env.ARC_SANDBOX_ENVIRONMENT;
    try {
      const inputs = {
        identity: { environment: parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT) },
        egress: { probe: 'in-cluster' },
      } as unknown as VerifyInputs;
      const row = await egressCheck(cluster.kubeconfig, { location: 'West Europe' } as never, inputs);
      expect(row.status).toBe('fail');
      expect(row.reason).toMatch(/^websocket to the relay: .*removed the Upgrade headers/);
      expect(row.fix).toContain(`to ${relay} (*.servicebus.windows.net) in the proxy ${stripping.url}`);
      expect(row.evidence).toEqual({
        rows: [
          { check: 'in-cluster: relay allowlist', result: 'pass' },
          { check: 'in-cluster: HTTPS to the Arc endpoints', result: 'pass' },
          { check: 'in-cluster: HTTPS to the relay', result: 'pass' },
          { check: 'in-cluster: websocket to the relay', result: 'fail' },
        ],
      });
    } finally {
      if (saved === undefined) delete process.env.INPUT_ENVIRONMENT;
      else process.env.INPUT_ENVIRONMENT = saved;
    }
    await waitFor(async () => ((await leftovers()).length === 0 ? true : undefined), { timeoutMs: 60_000, initialMs: 250, maxMs: 1000 });
  }, 150_000);

  it('arc-verify nightly with egress-probe in-cluster: an egress column in the matrix, the failure explained with the fix', async () => {
    // An Arc cluster the fleet knows (emulated on the ARM side), whose kubeconfig reaches the real cluster above.
    sandbox.seedEmulatedClusters(1);
    const arc = sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters').find((c) => c.name === 'emu-00000')!;
    const env = sandbox.env;
    const r = await runStep(
      () => arcVerify(),
      'arc-verify/action.yml',
      {
        'client-id': env.ARC_SANDBOX_CLIENT_ID,
        'tenant-id': env.ARC_SANDBOX_TENANT_ID,
        environment: env.ARC_SANDBOX_ENVIRONMENT,
        targets: arc.id,
        access: 'kubeconfig',
        kubeconfigs: JSON.stringify({ [arc.name]: cluster.kubeconfig }),
        'egress-probe': 'in-cluster',
        'fail-on': 'never',
      },
      { env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '9' } },
    );
    const report = JSON.parse(r.outputs.report) as {
      clusters: { checks: { check: string; status: string; reason: string; fix?: string }[] }[];
    };
    const egress = report.clusters[0].checks.find((c) => c.check === 'egress')!;
    expect(egress.status).toBe('fail');
    expect(egress.reason).toMatch(/websocket to the relay: .*removed the Upgrade headers/);
    expect(egress.fix).toContain(`in the proxy ${stripping.url}`);
    expect(r.summary).toMatch(/\| Cluster \|.*\| egress \|/);
    expect(r.summary).toContain('allow websocket upgrades');
    await waitFor(async () => ((await leftovers()).length === 0 ? true : undefined), { timeoutMs: 60_000, initialMs: 250, maxMs: 1000 });
  }, 180_000);
});
