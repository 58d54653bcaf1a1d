/**
 * arc-verify's log errors and governance checks against a real local cluster: the cluster has the Container Insights
 * extension pointing at a workspace, and a crash-looping Deployment (the pod runner reports CrashLoopBackOff and the
 * container's stderr lines; the monitoring add-on ingests them as ContainerLogV2 rows). A second cluster, on an old
 * Kubernetes minor, lacks a required tag and Container Insights; an AKS cluster's monitoring add-on writes to the same
 * workspace (its rows seeded). One arc-verify run must show the crash loop's top error
 * in the step summary and the JSON report (read through the Logs query API, one query for the workspace), the missing
 * tag and the outdated minor as warnings with counts, and fail the cluster it cannot read logs for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { startFleetSandbox, type FleetSandbox } from '../packages/sandbox/src/fleet-sandbox.js';
import { CRASH_LOOP_ANNOTATION } from '../packages/sandbox/src/clusters/pod-runner.js';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-verify/src/main.js';

const RG = 'fleet';
const ERROR_LINE = 'ERROR payment-api: cannot connect to orders-db:5432 (connection refused)';

let fleet: FleetSandbox;
let sub: string;
const background: string[] = [];
const idOf = (name: string) => `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const aksId = () => `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.ContainerService/managedClusters/aks-shop`;
const AKS_LINE = 'ERROR checkout: payment-api answered 503';

beforeAll(async () => {
  fleet = await startFleetSandbox({
    clusters: 1,
    dir: await mkdtemp(join(tmpdir(), 'arc-verify-logs-')),
    realFleet: { monitoringIntervalMs: 1000, onError: (where, error) => background.push(`${where}: ${String(error)}`) },
  });
  const { state } = fleet.sandbox;
  sub = fleet.sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  state.addResourceGroup(sub, RG, 'westeurope');
  const workspace = `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.OperationalInsights/workspaces/fleet-logs`;
  state.put({
    id: workspace,
    name: 'fleet-logs',
    type: 'Microsoft.OperationalInsights/workspaces',
    location: 'westeurope',
    properties: { customerId: '7c1e6a2d-4b0f-4e7a-9d55-0f3b8f0c2a11', provisioningState: 'Succeeded' },
  });
  const real = fleet.clusters[0];
  const now = new Date().toISOString();
  const connected = { provisioningState: 'Succeeded', connectivityStatus: 'Connected', lastConnectivityTime: now, agentVersion: '1.24.4' };
  state.put({
    id: idOf(real.name),
    name: real.name,
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: { environment: 'prod', owner: 'platform' },
    properties: { ...connected, kubernetesVersion: '1.36.3' },
  });
  state.attachRealCluster(idOf(real.name), real.kubeconfig);
  state.put({
    id: `${idOf(real.name)}/providers/Microsoft.KubernetesConfiguration/extensions/azuremonitor-containers`,
    name: 'azuremonitor-containers',
    type: 'Microsoft.KubernetesConfiguration/extensions',
    properties: {
      extensionType: 'Microsoft.AzureMonitor.Containers',
      provisioningState: 'Succeeded',
      configurationSettings: { logAnalyticsWorkspaceResourceID: workspace, 'amalogs.useAADAuth': 'true' },
    },
  });
  state.put({
    id: idOf('legacy-edge'),
    name: 'legacy-edge',
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: { environment: 'prod' },
    properties: { ...connected, kubernetesVersion: '1.32.7' },
  });
  state.put({
    id: aksId(),
    name: 'aks-shop',
    type: 'Microsoft.ContainerService/managedClusters',
    location: 'westeurope',
    tags: { environment: 'prod', owner: 'shop' },
    properties: {
      provisioningState: 'Succeeded',
      powerState: { code: 'Running' },
      kubernetesVersion: '1.35.1',
      addonProfiles: { omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: workspace, useAADAuth: 'true' } } },
    },
  });
  const aksRow = (minutesAgo: number) => ({
    TimeGenerated: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    LogLevel: 'ERROR',
    LogMessage: AKS_LINE,
    PodNamespace: 'checkout',
    _ResourceId: aksId(),
  });
  state.store.logTables.set(workspace.toLowerCase(), new Map([['ContainerLogV2', [aksRow(5), aksRow(10), aksRow(90)]]]));
  // A workload that exits 1 after writing two lines to stderr; the real controller-manager creates its pod.
  await real.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } });
  await real.client.apply(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'payment-api', namespace: 'shop' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'payment-api' } },
        template: {
          metadata: { labels: { app: 'payment-api' }, annotations: { [CRASH_LOOP_ANNOTATION]: `${ERROR_LINE}\nINFO shutting down` } },
          spec: { containers: [{ name: 'api', image: 'ghcr.io/acme/payment-api:1.4.2' }] },
        },
      },
    },
    'test',
  );
  // Two restarts ingested (the pod runner restarts it every 10 s).
  const ingested = await waitFor(
    async () => {
      const rows = state.store.logTables.get(workspace.toLowerCase())?.get('ContainerLogV2') ?? [];
      return rows.filter((r) => r.LogMessage === ERROR_LINE).length >= 2 || undefined;
    },
    { timeoutMs: 90_000, initialMs: 1000, maxMs: 2000 },
  );
  if (!ingested.value) throw new Error(`No ContainerLogV2 rows within 90 s (${background.join('; ')})`);
}, 240_000);

afterAll(async () => {
  await fleet?.stop();
});

describe('arc-verify log errors and governance (a real cluster with a crash-looping workload)', () => {
  it('the pod runner reports the workload in CrashLoopBackOff with restarts', async () => {
    const pods = await fleet.clusters[0].client.request<{ items: any[] }>('GET', '/api/v1/namespaces/shop/pods');
    const status = pods.items[0].status.containerStatuses[0];
    expect(status.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(status.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('shows the top log error in the summary and the JSON report, and missing tags and the old minor as warnings with counts', async () => {
    const env = fleet.sandbox.env;
    fleet.sandbox.clearCalls();
    const r = await runStep(
      () => run(),
      'arc-verify/action.yml',
      {
        'client-id': env.ARC_SANDBOX_CLIENT_ID,
        'tenant-id': env.ARC_SANDBOX_TENANT_ID,
        'subscription-id': sub,
        environment: env.ARC_SANDBOX_ENVIRONMENT,
        targets: [idOf(fleet.clusters[0].name), idOf('legacy-edge'), aksId()].join('\n'),
        'log-errors': '1h',
        'required-tags': 'environment, owner',
        'fail-on': 'never',
      },
      { env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '19' } },
    );
    expect(r.errors).toEqual([]);
    const report = JSON.parse(r.outputs.report);
    const real = report.clusters.find((c: { name: string }) => c.name === fleet.clusters[0].name);
    const legacy = report.clusters.find((c: { name: string }) => c.name === 'legacy-edge');
    const check = (c: { checks: { check: string; status: string }[] }, name: string) => c.checks.find((k) => k.check === name);

    // Log errors: one query for the workspace, the crash loop's error counted per restart, warned on its cluster.
    const top = report.logErrors.rows.find((row: { message: string }) => row.message === ERROR_LINE);
    expect(top).toMatchObject({ cluster: fleet.clusters[0].name, namespace: 'shop', message: ERROR_LINE });
    expect(top.count).toBeGreaterThanOrEqual(2);
    expect(top.link).toContain('/blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/resourceId/');
    expect(report.logErrors.rows.some((row: { message: string }) => row.message === 'INFO shutting down')).toBe(false);
    expect(report.logErrors.workspaces).toEqual([
      expect.objectContaining({ workspace: expect.stringContaining('/workspaces/fleet-logs'), outcome: 'ok', clusters: 2 }),
    ]);
    expect(typeof report.logErrors.workspaces[0].queryMs).toBe('number');
    expect(fleet.sandbox.calls().filter((c) => c.path.endsWith('/query'))).toHaveLength(1);
    expect(check(real, 'log-errors')).toMatchObject({ status: 'warn', reason: expect.stringContaining(ERROR_LINE) });
    // The AKS cluster's monitoring add-on names the same workspace: read by the same query, the 90-minute-old line left out.
    const aks = report.clusters.find((c: { name: string }) => c.name === 'aks-shop');
    expect(report.logErrors.rows).toContainEqual(
      expect.objectContaining({ cluster: 'aks-shop', namespace: 'checkout', message: AKS_LINE, count: 2 }),
    );
    expect(check(aks, 'log-errors')).toMatchObject({ status: 'warn', reason: expect.stringContaining('2 error lines in the last 1h') });
    expect(check(legacy, 'log-errors')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('No Container Insights extension names a Log Analytics workspace'),
    });
    expect(r.summary).toContain('Container log errors (last 1h)');
    expect(r.summary).toContain(ERROR_LINE);
    expect(r.summary).toMatch(/\| shop \| \d+ \|/);

    // Governance: counts over the fleet, warnings on the cluster.
    expect(report.governance.missingTags).toEqual({ environment: 0, owner: 1 });
    expect(report.governance.kubernetes).toMatchObject({ newestMinor: '1.36', source: 'fleet', maxMinorsBehind: 2, behind: 1 });
    expect(check(legacy, 'required-tags')).toMatchObject({ status: 'warn', reason: 'Missing required tags: owner.' });
    expect(check(legacy, 'kubernetes-version')).toMatchObject({ status: 'warn', reason: expect.stringContaining('4 minors behind 1.36') });
    expect(check(real, 'kubernetes-version')?.status).toBe('ok');
    expect(check(real, 'required-tags')?.status).toBe('ok');
    expect(r.summary).toMatch(/\| owner \| ⚠️ 1 \|/);
    expect(r.summary).toContain('⚠️ 1 clusters more than 2 minors behind');
  }, 120_000);
});
