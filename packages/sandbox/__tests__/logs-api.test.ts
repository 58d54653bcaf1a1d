/**
 * The Log Analytics query API stand-in (/v1/workspaces/{id}/query) through the official SDK (@azure/monitor-query-logs)
 * and the domain layer's logs.ts, and the KQL the ContainerLogV2 query needs (timespans, ago(), top, datetimes).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ClientAssertionCredential } from '@azure/identity';
import { LogsQueryClient } from '@azure/monitor-query-logs';
import { ArmClients, containerErrorsQuery, parseEnvironment, portalQueryLink, workspaceLogErrors } from '@arc-actions/azure';
import { parseQuery } from '../src/kql/parser.js';
import { run } from '../src/kql/evaluator.js';
import { startSandbox, type Sandbox } from '../src/index.js';
import { CRASH_INTERVAL_MS, crashLoopStatus } from '../src/clusters/pod-runner.js';
import { logLevelOf } from '../src/reconcile/monitoring.js';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;
const logs = [
  { TimeGenerated: ago(HOUR), LogLevel: 'ERROR', LogMessage: 'boom', PodNamespace: 'shop', _ResourceId: '/C1' },
  { TimeGenerated: ago(2 * HOUR), LogLevel: 'CRITICAL', LogMessage: 'boom', PodNamespace: 'shop', _ResourceId: '/C1' },
  { TimeGenerated: ago(30 * HOUR), LogLevel: 'ERROR', LogMessage: 'old', PodNamespace: 'shop', _ResourceId: '/C1' },
  { TimeGenerated: ago(HOUR), LogLevel: 'INFO', LogMessage: 'fine', PodNamespace: 'shop', _ResourceId: '/C1' },
  { TimeGenerated: ago(HOUR), LogLevel: 'ERROR', LogMessage: 'disk full', PodNamespace: 'db', _ResourceId: '/c2' },
];

describe('KQL for ContainerLogV2', () => {
  it('filters by ago(timespan) on datetimes, counts by group and keeps the top rows', () => {
    const rows = run(
      parseQuery(
        "ContainerLogV2 | where TimeGenerated > ago(1d) | where LogLevel in~ ('error', 'critical') | summarize Count = count(), LastSeen = max(TimeGenerated) by ClusterId = tolower(_ResourceId), Message = tostring(LogMessage) | top 2 by Count desc",
      ),
      logs,
    ).rows;
    expect(rows.map((r) => [r.ClusterId, r.Message, r.Count])).toEqual([
      ['/c1', 'boom', 2],
      ['/c2', 'disk full', 1],
    ]);
    expect(rows[0].LastSeen).toBe(logs[0].TimeGenerated);
    expect(run(parseQuery('T | where TimeGenerated < ago(29h) | project LogMessage'), logs).rows).toEqual([{ LogMessage: 'old' }]);
    expect(run(parseQuery('T | top 1 by LogMessage asc | project LogMessage'), logs).rows).toEqual([{ LogMessage: 'boom' }]);
    expect(() => parseQuery('T | top by x')).toThrow('A row count was expected.');
  });
});

describe('crash-looping pods and their log levels', () => {
  it('restarts a crash-looping container once per interval, in CrashLoopBackOff after exit code 1', () => {
    const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'api', image: 'img' }] }, status: {} as any };
    const first = crashLoopStatus(pod, 1_000_000) as any;
    expect(first.containerStatuses[0]).toMatchObject({
      restartCount: 0,
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    pod.status = first;
    expect(crashLoopStatus(pod, 1_000_000 + CRASH_INTERVAL_MS - 1)).toBeUndefined();
    expect((crashLoopStatus(pod, 1_000_000 + CRASH_INTERVAL_MS) as any).containerStatuses[0].restartCount).toBe(1);
  });

  it('reads the level from the first word of a line', () => {
    expect(['ERROR x', '[fatal] y', 'Warning: z', 'info', 'panic: nil map', 'hello'].map(logLevelOf)).toEqual([
      'ERROR',
      'CRITICAL',
      'WARNING',
      'INFO',
      'CRITICAL',
      'UNKNOWN',
    ]);
  });
});

describe('Logs query API', () => {
  let sandbox: Sandbox;
  let clients: ArmClients;
  let direct: LogsQueryClient;
  const customerId = randomUUID();
  let workspace: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    const assertion = async () =>
      (
        (await (
          await fetch(`${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
            headers: { authorization: `Bearer ${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
          })
        ).json()) as { value: string }
      ).value;
    const cred = new ClientAssertionCredential(sandbox.identity.tenantId, sandbox.identity.clientId, assertion, {
      authorityHost: sandbox.url,
      disableInstanceDiscovery: true,
    });
    clients = new ArmClients(cred, parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT));
    direct = new LogsQueryClient(cred, {
      endpoint: `${sandbox.url}/v1`,
      credentials: { scopes: ['https://api.loganalytics.io/.default'] },
    });
    workspace = `/subscriptions/${sandbox.identity.subscriptionId}/resourceGroups/monitoring/providers/Microsoft.OperationalInsights/workspaces/fleet-logs`;
    sandbox.state.addResourceGroup(sandbox.identity.subscriptionId, 'monitoring', 'westeurope');
    sandbox.state.put({
      id: workspace,
      name: 'fleet-logs',
      type: 'Microsoft.OperationalInsights/workspaces',
      location: 'westeurope',
      properties: { customerId, provisioningState: 'Succeeded' },
    });
    sandbox.state.store.logTables.set(workspace.toLowerCase(), new Map([['ContainerLogV2', logs]]));
  });
  afterAll(() => sandbox.stop());

  it('answers the ContainerLogV2 query with tables, typed columns and rows, one call per workspace', async () => {
    sandbox.clearCalls();
    const result = await workspaceLogErrors(clients, workspace, ['/C1', '/c2'], 24 * HOUR);
    expect(result.reason).toBeUndefined();
    expect(result.outcome).toBe('ok');
    expect(result.rows.map((r) => [r.cluster, r.namespace, r.message, r.count])).toEqual([
      ['/c1', 'shop', 'boom', 2],
      ['/c2', 'db', 'disk full', 1],
    ]);
    expect(result.rows[0].lastSeen).toBe(logs[0].TimeGenerated);
    const queries = sandbox.calls().filter((c) => c.path.endsWith('/query'));
    expect(queries.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([`POST /v1/workspaces/${customerId}/query 200`]);
  });

  it('answers a query outside the subset with 400 BadArgumentError and the SyntaxError, and an unknown table with SemanticError', async () => {
    const bad = await direct.queryWorkspace(customerId, 'ContainerLogV2 | mv-expand x', { duration: 'PT1H' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ statusCode: 400, details: { error: { code: 'BadArgumentError', innererror: { code: 'SyntaxError' } } } });
    const table = await direct.queryWorkspace(customerId, 'ContainerLogV3 | take 1', { duration: 'PT1H' }).catch((e: unknown) => e);
    expect(table).toMatchObject({ statusCode: 400, details: { error: { innererror: { code: 'SemanticError' } } } });
    const missing = await workspaceLogErrors(clients, workspace.replace('fleet-logs', 'gone'), ['/c1'], HOUR);
    expect(missing).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('does not exist') });
  });

  it('turns a PartialError and throttling into outcomes with reasons, never an empty success', async () => {
    sandbox.setKnobs({ logs: { partialError: true } });
    try {
      const partial = await workspaceLogErrors(clients, workspace, ['/c1'], 24 * HOUR);
      expect(partial.outcome).toBe('partial');
      expect(partial.reason).toContain('PartialError');
      expect(partial.rows).toHaveLength(1);
    } finally {
      sandbox.setKnobs({ logs: {} });
    }
    sandbox.setKnobs({ routes: [{ api: 'logs', faults: { 429: 1 } }] });
    try {
      const throttled = await workspaceLogErrors(clients, workspace, ['/c1'], 24 * HOUR);
      expect(throttled.outcome).toBe('failed');
      expect(throttled.reason).toMatch(/throttled \(HTTP 429\)/);
    } finally {
      sandbox.setKnobs({ routes: [] });
    }
  });

  it('links to the query in the portal with the query gzip-compressed and Base64-encoded', () => {
    const query = containerErrorsQuery(['/c1'], 24 * HOUR);
    const link = portalQueryLink('https://portal.azure.com', 'tenant', workspace, query, 'PT24H');
    const m = /\/q\/([^/]+)\/timespan\/PT24H$/.exec(link)!;
    expect(gunzipSync(Buffer.from(decodeURIComponent(m[1]), 'base64')).toString('utf8')).toBe(query);
    expect(link).toContain(`/resourceId/${encodeURIComponent(workspace)}/source/LogsBlade.AnalyticsShareLinkToQuery/`);
  });
});
