import { describe, expect, it } from '@jest/globals';
import { run, shardOf } from '../src/main.js';
import { IDENTITY, clusterArmId, everythingVisible, kubeconfig, runStep } from '../../arc-connect/__tests__/harness.js';

const ACTION = 'arc-verify/action.yml';
const TARGETS = ['edge-01', 'edge-02', 'edge-03'].map((n) => clusterArmId(n)).join('\n');
const good = { ...IDENTITY, targets: TARGETS };
const step = (inputs: Record<string, string>) => runStep(run, ACTION, inputs, { files: { 'reports/shard-1.json': '{}', 'last.json': '{}' } });
const indent = (text: string) => text.split('\n').map((l) => `    ${l}`).join('\n');
const kubeconfigs = (token: string, names = ['edge-01', 'edge-02', 'edge-03']) => names.map((n) => `${n}: |\n${indent(kubeconfig(token))}`).join('\n');

const bad: [string, Record<string, string>, string, RegExp][] = [
  ['no targets in verify mode', { targets: '' }, 'targets', /both empty/],
  ['unknown access', { access: 'ssh' }, 'access', /kubeconfig, cluster-connect, none/],
  ['access kubeconfig without kubeconfigs', { access: 'kubeconfig' }, 'kubeconfigs', /empty/],
  ['kubeconfigs missing a cluster', { access: 'kubeconfig', kubeconfigs: kubeconfigs('tok-abcdef', ['edge-01']) }, 'kubeconfigs', /edge-02, edge-03/],
  ['kubeconfigs not a map', { access: 'kubeconfig', kubeconfigs: '- a' }, 'kubeconfigs', /map/],
  ['kubeconfigs with access none', { kubeconfigs: kubeconfigs('tok-abcdef') }, 'kubeconfigs', /access/],
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

  it('plans a sharded verification with kubeconfigs: matrix, plan, summary; tokens hidden', async () => {
    const token = 'planted-verify-token-7d1e';
    const r = await step({ ...good, access: 'kubeconfig', kubeconfigs: kubeconfigs(token), shard: '2/2', 'previous-report': 'last.json', issue: 'true', 'github-token': 'ghs_plantedIssueToken42' });
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs.matrix)).toEqual({ include: [{ cluster: 'edge-02', target: clusterArmId('edge-02') }] });
    const plan = JSON.parse(r.outputs.plan);
    expect(plan.inputs).toMatchObject({ access: 'kubeconfig', shard: '2/2', reportPath: 'arc-verify-report.json', previousReport: 'last.json', kubeconfigs: { 'edge-01': '***' } });
    expect(r.summary).toContain('## arc-verify: plan');
    expect(r.summary).toContain('shard 2 of 2');
    const visible = everythingVisible(r);
    expect(visible).not.toContain(token);
    expect(visible).not.toContain('ghs_plantedIssueToken42');
  });

  it('plans an aggregation and shards evenly', async () => {
    const r = await step({ ...IDENTITY, mode: 'aggregate', 'report-path': 'reports' });
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs.plan).steps.map((s: { phase: string }) => s.phase)).toEqual(['inputs', 'report']);
    expect(shardOf([1, 2, 3, 4, 5], { index: 1, count: 2 })).toEqual([1, 3, 5]);
  });
});
