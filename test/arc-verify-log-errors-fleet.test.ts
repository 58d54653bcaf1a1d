/**
 * arc-verify's log errors at fleet scale (ARM plane, 2,000 emulated clusters): two Log Analytics workspaces, each
 * named by the Container Insights extension of half the fleet, with ContainerLogV2 rows seeded in the sandbox's store.
 * One Resource Graph read of the extensions (two pages), one workspace GET and one Logs query per workspace, whatever
 * the number of clusters; a workspace with more distinct messages than are read warns with the reason; the report and
 * the summary say how many rows were left out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-verify/src/main.js';

let sandbox: Sandbox;
const CLUSTERS = 2000;

beforeAll(async () => {
  sandbox = await startSandbox({ emulatedClusters: { count: CLUSTERS, tags: { env: 'prod' }, subscriptions: 2 } });
  const { state } = sandbox;
  const sub = sandbox.identity.subscriptionId;
  state.addResourceGroup(sub, 'monitoring', 'westeurope');
  const workspaces = ['logs-a', 'logs-b'].map((name, i) => {
    const id = `/subscriptions/${sub}/resourceGroups/monitoring/providers/Microsoft.OperationalInsights/workspaces/${name}`;
    state.put({
      id,
      name,
      type: 'Microsoft.OperationalInsights/workspaces',
      location: 'westeurope',
      properties: { customerId: `0000000${i}-1111-4111-8111-111111111111`, provisioningState: 'Succeeded' },
    });
    return { id, rows: [] as Record<string, unknown>[] };
  });
  const clusters = state.store.ofType('Microsoft.Kubernetes/connectedClusters');
  const at = new Date(Date.now() - 600_000).toISOString();
  clusters.forEach((c, i) => {
    const ws = workspaces[i % 2];
    state.put({
      id: `${c.id}/providers/Microsoft.KubernetesConfiguration/extensions/azuremonitor-containers`,
      name: 'azuremonitor-containers',
      type: 'Microsoft.KubernetesConfiguration/extensions',
      properties: {
        extensionType: 'Microsoft.AzureMonitor.Containers',
        provisioningState: 'Succeeded',
        configurationSettings: { logAnalyticsWorkspaceResourceID: ws.id },
      },
    });
    const row = (LogMessage: string, LogLevel = 'ERROR') => ({
      TimeGenerated: at,
      LogLevel,
      LogMessage,
      PodNamespace: 'shop',
      _ResourceId: c.id,
    });
    // Workspace a: two distinct messages per cluster (2,000 in all, more than the 1,000 read); b: one per cluster.
    ws.rows.push(row('ERROR payment-api: connection refused'), row('ERROR payment-api: connection refused'), row('INFO started', 'INFO'));
    if (i % 2 === 0) ws.rows.push(row(`CRITICAL ledger ${i}: checksum mismatch`, 'CRITICAL'));
  });
  for (const ws of workspaces) state.store.logTables.set(ws.id.toLowerCase(), new Map([['ContainerLogV2', ws.rows]]));
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('arc-verify log errors, 2,000 clusters in two workspaces', () => {
  it('reads them with one Logs query per workspace and says what it left out', async () => {
    const env = sandbox.env;
    sandbox.clearCalls();
    const started = performance.now();
    const r = await runStep(
      () => run(),
      'arc-verify/action.yml',
      {
        'client-id': env.ARC_SANDBOX_CLIENT_ID,
        'tenant-id': env.ARC_SANDBOX_TENANT_ID,
        environment: env.ARC_SANDBOX_ENVIRONMENT,
        selector: 'tags:\n  env: prod\nmanagement-groups: [fleet-emulated]',
        'log-errors': '24h',
        'fail-on': 'never',
      },
      { env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '20' } },
    );
    const wallMs = Math.round(performance.now() - started);
    expect(r.errors).toEqual([]);
    const report = JSON.parse(r.outputs.report);
    expect(report.clusters).toHaveLength(CLUSTERS);

    const calls = sandbox.calls();
    const logsQueries = calls.filter((c) => c.api === 'logs');
    expect(logsQueries.map((c) => c.path).sort()).toEqual([
      '/v1/workspaces/00000000-1111-4111-8111-111111111111/query',
      '/v1/workspaces/00000001-1111-4111-8111-111111111111/query',
    ]);
    expect(calls.filter((c) => /\/workspaces\/logs-[ab]$/.test(c.path) && c.method === 'GET')).toHaveLength(2);

    const [a, b] = ['logs-a', 'logs-b'].map((n) =>
      report.logErrors.workspaces.find((w: { workspace: string }) => w.workspace.endsWith(`/${n}`)),
    );
    expect(a).toMatchObject({
      outcome: 'partial',
      clusters: 1000,
      reason: expect.stringContaining('More than 1000 distinct error messages'),
    });
    expect(b).toMatchObject({ outcome: 'ok', clusters: 1000 });
    expect(report.logErrors.rows).toHaveLength(500);
    expect(report.logErrors.notShown).toBe(1000 + 1000 - 500);
    expect(report.logErrors.rows[0]).toMatchObject({ message: 'ERROR payment-api: connection refused', count: 2 });
    expect(r.summary).toContain('1950 more not shown (the JSON report keeps 500).');
    const logChecks = report.clusters.map((c: { checks: { check: string; status: string }[] }) =>
      c.checks.find((k) => k.check === 'log-errors'),
    );
    expect(logChecks.every((k: { status: string } | undefined) => k?.status === 'warn')).toBe(true);
    console.log(
      `arc-verify log errors: ${CLUSTERS} clusters, ${logsQueries.length} Logs queries (${report.logErrors.workspaces
        .map((w: { queryMs: number }) => `${w.queryMs} ms`)
        .join(', ')}), ${report.queries} Resource Graph calls in all, step ${wallMs} ms`,
    );
  }, 180_000);
});
