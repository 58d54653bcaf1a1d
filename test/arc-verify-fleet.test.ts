/**
 * arc-verify at fleet scale against the sandbox (ARM plane only) and its regression-issue lifecycle against the
 * sandbox's GitHub API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-verify/src/main.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ emulatedClusters: { count: 5000, tags: { env: 'prod' } } });
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

function step(inputs: Record<string, string>, files: Record<string, string> = {}) {
  const env = sandbox.env;
  return runStep(
    () => run(),
    'arc-verify/action.yml',
    {
      'client-id': env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': env.ARC_SANDBOX_TENANT_ID,
      environment: env.ARC_SANDBOX_ENVIRONMENT,
      'fail-on': 'never',
      ...inputs,
    },
    { files, env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '7', GITHUB_SERVER_URL: 'https://github.com' } },
  );
}

const armAndGraphCalls = () => sandbox.calls().filter((c) => c.api === 'arm' || c.api === 'graph' || c.api === 'policyinsights');

describe('arc-verify, ARM plane, 5,000 clusters', () => {
  it('checks every cluster in at most 20 ARM and Resource Graph calls, and the report is complete', async () => {
    sandbox.clearCalls();
    const r = await step({ selector: 'tags:\n  env: prod\nmanagement-groups: [fleet-emulated]', access: 'none' });
    expect(r.errors).toEqual([]);
    const report = JSON.parse(r.outputs.report);
    expect(report.clusters).toHaveLength(5000);
    expect(report.complete).toBe(true);
    const calls = armAndGraphCalls();
    expect(calls.length).toBeLessThanOrEqual(20);
    expect(report.queries).toBe(calls.filter((c) => c.api === 'graph' || /resourcegraph/i.test(c.path)).length);
    // Every seventh emulated cluster has a NonCompliant policy state: the policy check warns on exactly those.
    const policyWarnings = report.clusters.filter((c: { checks: { check: string; status: string }[] }) =>
      c.checks.some((k) => k.check === 'policy' && k.status === 'warn'),
    );
    expect(policyWarnings.length).toBeGreaterThan(600);
    expect(
      report.clusters.every(
        (c: { checks: { check: string; status: string }[] }) => c.checks.find((k) => k.check === 'connectivity')?.status === 'ok',
      ),
    ).toBe(true);
    expect(JSON.parse(r.outputs.matrix).shard).toHaveLength(100);
    console.log(`arc-verify: 5,000 clusters with ${calls.length} ARM/Resource Graph calls`);
  }, 120_000);
});

describe('arc-verify regression issue', () => {
  const ids = () =>
    ['emu-00001', 'emu-00002', 'emu-00003'].map(
      (n) => sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters').find((c) => c.name === n)!.id,
    );
  const verify = (previous?: string) =>
    step(
      {
        targets: ids().join('\n'),
        issue: 'true',
        'github-token': sandbox.env.GITHUB_TOKEN,
        'report-path': 'out/report.json',
        ...(previous ? { 'previous-report': 'prev.json' } : {}),
      },
      previous ? { 'prev.json': previous } : {},
    );
  const issues = () => sandbox.github.issuesOf('acme', 'fleet');

  it('opens one issue when a check fails, comments when failures change, closes it when healthy', async () => {
    const [first, second] = ids();
    sandbox.state.setClusterConnectivity(first, 'Offline', { lastConnectivityTime: new Date(Date.now() - 7_200_000).toISOString() });
    const failing = await verify();
    expect(failing.outputs.status).toBe('fail');
    expect(issues().filter((i) => i.state === 'open')).toHaveLength(1);
    const issue = issues()[0];
    expect(issue.labels.map((l: { name: string } | string) => (typeof l === 'string' ? l : l.name))).toContain('arc-verify');
    expect(issue.body).toContain('emu-00001');

    const again = await verify(failing.outputs.report);
    expect(issues()).toHaveLength(1);
    expect(sandbox.github.commentsOn('acme', 'fleet', issue.number)).toHaveLength(0);
    expect(JSON.parse(again.outputs.report).regressions).toEqual([]);

    sandbox.state.setClusterConnectivity(second, 'Offline', { lastConnectivityTime: new Date(Date.now() - 7_200_000).toISOString() });
    const worse = await verify(again.outputs.report);
    const regressions = JSON.parse(worse.outputs.report).regressions;
    expect(regressions.map((x: { cluster: string; check: string }) => `${x.cluster}/${x.check}`)).toEqual(['emu-00002/connectivity']);
    expect(worse.summary.indexOf('Regressions since the previous report')).toBeLessThan(worse.summary.indexOf('Fleet matrix'));
    expect(issues()).toHaveLength(1);
    expect(sandbox.github.commentsOn('acme', 'fleet', issue.number)).toHaveLength(1);

    sandbox.state.setClusterConnectivity(first, 'Connected');
    sandbox.state.setClusterConnectivity(second, 'Connected');
    const healthy = await verify(worse.outputs.report);
    expect(healthy.outputs.status).not.toBe('fail');
    expect(issues()[0].state).toBe('closed');
  }, 120_000);
});
