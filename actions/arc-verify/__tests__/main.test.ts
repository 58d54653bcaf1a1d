import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createGitHubApi, serveHandler } from '../../../packages/sandbox/src/github/index.js';
import { shardOf } from '@arc-actions/core';
import { run } from '../src/main.js';
import { IDENTITY, clusterArmId, everythingVisible, kubeconfig, repoRoot, runStep } from '../../arc-connect/__tests__/harness.js';

const ACTION = 'arc-verify/action.yml';
const TARGETS = ['edge-01', 'edge-02', 'edge-03'].map((n) => clusterArmId(n)).join('\n');
const good = { ...IDENTITY, targets: TARGETS };
const step = (inputs: Record<string, string>) =>
  runStep(run, ACTION, inputs, { files: { 'reports/shard-1.json': '{}', 'last.json': '{}' } });
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
const kubeconfigs = (token: string, names = ['edge-01', 'edge-02', 'edge-03']) =>
  names.map((n) => `${n}: |\n${indent(kubeconfig(token))}`).join('\n');

const bad: [string, Record<string, string>, string, RegExp][] = [
  ['no targets in verify mode', { targets: '' }, 'targets', /both empty/],
  ['unknown access', { access: 'ssh' }, 'access', /kubeconfig, cluster-connect, none/],
  ['access kubeconfig without kubeconfigs', { access: 'kubeconfig' }, 'kubeconfigs', /empty/],
  [
    'kubeconfigs missing a cluster',
    { access: 'kubeconfig', kubeconfigs: kubeconfigs('tok-abcdef', ['edge-01']) },
    'kubeconfigs',
    /edge-02, edge-03/,
  ],
  ['kubeconfigs not a map', { access: 'kubeconfig', kubeconfigs: '- a' }, 'kubeconfigs', /map/],
  ['kubeconfigs with access none', { kubeconfigs: kubeconfigs('tok-abcdef') }, 'kubeconfigs', /access/],
  ['egress-probe in-cluster without kubeconfig access', { 'egress-probe': 'in-cluster' }, 'egress-probe', /needs access: kubeconfig/],
  ['unknown egress-probe', { 'egress-probe': 'runner' }, 'egress-probe', /allowed: off, in-cluster/],
  ['negative-test-namespace not a name', { 'negative-test-namespace': 'Kube_System' }, 'negative-test-namespace', /DNS-1123/],
  ['min-agent-version not x.y.z', { 'min-agent-version': 'latest' }, 'min-agent-version', /x\.y\.z/],
  ['cert-expiry-warning too short', { 'cert-expiry-warning': '1h' }, 'cert-expiry-warning', /from 1d/],
  ['report-path outside the workspace', { 'report-path': '../report.json' }, 'report-path', /outside the workspace/],
  ['previous-report missing', { 'previous-report': 'nope.json' }, 'previous-report', /does not exist/],
  ['unknown fail-on', { 'fail-on': 'error' }, 'fail-on', /fail, warn, never/],
  ['issue without a token', { issue: 'true' }, 'github-token', /issue/],
  ['shard 0/3', { shard: '0/3' }, 'shard', /i\/n/],
  ['shard 4/3', { shard: '4/3' }, 'shard', /i\/n/],
  ['shard in aggregate mode', { mode: 'aggregate', 'report-path': 'reports', shard: '1/2' }, 'shard', /aggregate/],
  ['aggregate without report-path', { mode: 'aggregate' }, 'report-path', /aggregate/],
];

describe('arc-verify inputs', () => {
  it.each(bad)('fails on %s', async (_name, override, input, detail) => {
    const r = await step({ ...good, ...override });
    expect(r.failed).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`"${input}"`);
    expect(r.errors[0]).toMatch(detail);
    expect(r.errors[0]).not.toContain('\n');
  });

  it('accepts a sharded verification with kubeconfigs, then only the missing OIDC permission stops it; tokens hidden', async () => {
    const token = 'planted-verify-token-7d1e';
    const r = await step({
      ...good,
      access: 'kubeconfig',
      kubeconfigs: kubeconfigs(token),
      shard: '2/2',
      'previous-report': 'last.json',
      issue: 'true',
      'github-token': 'ghs_plantedIssueToken42',
    });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/id-token: write/);
    const visible = everythingVisible(r);
    expect(visible).not.toContain(token);
    expect(visible).not.toContain('ghs_plantedIssueToken42');
  });

  it('aggregates shard reports into one fleet report without calling Azure', async () => {
    const report = (shard: string, name: string, status: 'ok' | 'fail') =>
      JSON.stringify({
        version: 1,
        generatedAt: '2026-11-26T02:00:00Z',
        shard,
        status,
        complete: true,
        counts: { ok: status === 'ok' ? 1 : 0, warn: 0, fail: status === 'fail' ? 1 : 0, skipped: 0 },
        queries: 4,
        clusters: [
          {
            id: clusterArmId(name),
            name,
            status,
            checks: [{ check: 'connectivity', status, reason: status === 'ok' ? 'Connected.' : 'Offline for 2h.' }],
          },
        ],
        regressions: [],
      });
    const r = await runStep(
      run,
      ACTION,
      { ...IDENTITY, mode: 'aggregate', 'report-path': 'reports', 'fail-on': 'fail' },
      {
        files: {
          'reports/verify-1/shard.json': report('1/2', 'edge-01', 'ok'),
          'reports/verify-2/shard.json': report('2/2', 'edge-02', 'fail'),
        },
      },
    );
    const merged = JSON.parse(r.outputs.report);
    expect(merged.clusters.map((c: { name: string }) => c.name)).toEqual(['edge-02', 'edge-01']);
    expect(r.outputs.status).toBe('fail');
    expect(merged.queries).toBe(8);
    expect(r.summary).toContain('Fleet verification');
    expect(r.summary).toContain('Offline for 2h.');
    expect(r.failed).toBe(true);
    expect(r.errors[0]).toMatch(/1 clusters fail/);
    expect(shardOf([1, 2, 3, 4, 5], { index: 1, count: 2 })).toEqual([1, 3, 5]);
  });
});

describe('arc-verify outputs and its regression issue', () => {
  const TOKEN = 'ghs_arcVerifyIssueToken';
  const github = createGitHubApi({ token: TOKEN });
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await serveHandler(github.handler);
  });
  afterAll(() => server.close());

  const shard = (name: string, status: 'ok' | 'fail') =>
    JSON.stringify({
      version: 1,
      generatedAt: '2026-11-26T02:00:00Z',
      shard: '1/1',
      status,
      complete: true,
      counts: { ok: status === 'ok' ? 1 : 0, warn: 0, fail: status === 'fail' ? 1 : 0, skipped: 0 },
      queries: 4,
      clusters: [{ id: clusterArmId(name), name, status, checks: [{ check: 'connectivity', status, reason: 'Offline for 2h.' }] }],
      regressions: [],
    });
  const aggregate = (token: string) =>
    runStep(
      run,
      ACTION,
      { ...IDENTITY, mode: 'aggregate', 'report-path': 'reports', issue: 'true', 'github-token': token },
      {
        files: { 'reports/verify-0/shard.json': shard('edge-09', 'fail') },
        env: { GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_RUN_ID: '51' },
      },
    );

  it('outputs report and matrix as action.yml documents them', async () => {
    const r = await aggregate(TOKEN);
    const outputs = (parse(readFileSync(join(repoRoot, ACTION), 'utf8')) as { outputs: Record<string, { description: string }> }).outputs;
    // The documented matrix example names the same keys the output has: {"shard":[…]}.
    const matrix = JSON.parse(r.outputs.matrix) as Record<string, unknown>;
    expect(matrix).toEqual({ shard: ['1/1'] });
    const documentedKeys = [...outputs.matrix.description.matchAll(/\{"(\w+)":/g)].map((m) => m[1]);
    expect(new Set(documentedKeys)).toEqual(new Set(Object.keys(matrix)));
    // `report` is the JSON report itself, not a path.
    expect(outputs.report.description).toMatch(/JSON report itself/);
    expect(JSON.parse(r.outputs.report)).toMatchObject({ version: 1, status: 'fail' });
    expect(github.state.issuesOf('acme', 'fleet').filter((i) => i.labels.includes('arc-verify'))).toHaveLength(1);
  });

  it('a token without issues: write: report, status and summary written, a warning names the permission, the result stands', async () => {
    const before = JSON.stringify(github.state.issues);
    const r = await aggregate(github.state.mintToken({ permissions: { contents: 'read' } }));
    expect(r.outputs.status).toBe('fail');
    expect(JSON.parse(r.outputs.report).clusters[0].name).toBe('edge-09');
    expect(r.summary).toContain('Offline for 2h.');
    // The step fails because the fleet does (fail-on: fail), not because of the issue.
    expect(r.failed).toBe(true);
    expect(r.errors).toEqual(['Fleet verification ended fail: 1 clusters fail, 0 warn (fail-on: fail).']);
    expect(r.warnings).toEqual([
      'Could not publish the regression issue: GitHub answered 403 Resource not accessible by integration. Add `permissions: issues: write` to the job (the token lacks it). The result of this run is unchanged: see the step summary and the outputs.',
    ]);
    expect(JSON.stringify(github.state.issues)).toBe(before);
  });
});
