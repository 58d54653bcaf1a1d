import { describe, expect, it } from '@jest/globals';
import { run } from '../src/main.js';
import { IDENTITY, everythingVisible, runStep } from '../../arc-connect/__tests__/harness.js';

const ACTION = 'policy-rollout/action.yml';
const FILES = { 'policy/rings.yaml': 'rings: []\n', 'policy/k8s/no-privileged.yml': 'assignments: []\n', 'policy/README.md': '# notes\n', 'notes.txt': 'x' };
const good = { ...IDENTITY, policies: 'policy', 'github-token': 'ghs_plantedToken0123456789' };
const step = (inputs: Record<string, string>, env: Record<string, string> = {}) => runStep(run, ACTION, inputs, { files: FILES, env });

const bad: [string, Record<string, string>, string, RegExp][] = [
  ['missing policies', { policies: '' }, 'policies', /required/],
  ['policies outside the workspace', { policies: '../../etc' }, 'policies', /outside the workspace/],
  ['policies absolute path elsewhere', { policies: '/etc/passwd' }, 'policies', /outside the workspace/],
  ['policies that do not exist', { policies: 'policy/missing' }, 'policies', /does not exist/],
  ['policies file that is not YAML', { policies: 'notes.txt' }, 'policies', /\.yml or \.yaml/],
  ['unknown mode', { mode: 'deploy' }, 'mode', /plan, apply, promote/],
  ['ring not a name', { ring: 'Ring 1' }, 'ring', /ring name/],
  ['min-soak not a duration', { 'min-soak': 'a week' }, 'min-soak', /duration/],
  ['sync-allowance longer than max-staleness', { 'sync-allowance': '2h', 'max-staleness': '1h' }, 'sync-allowance', /shorter/],
  ['comment outside a pull request', { comment: 'true' }, 'comment', /pull request/],
  ['comment not a boolean', { comment: 'sometimes' }, 'comment', /true or false/],
  ['tenant-id not a GUID', { 'tenant-id': 'contoso' }, 'tenant-id', /GUID/],
];

describe('policy-rollout inputs', () => {
  it.each(bad)('fails on %s', async (_name, override, input, detail) => {
    const r = await step({ ...good, ...override }, { GITHUB_EVENT_NAME: 'push' });
    expect(r.failed).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`"${input}"`);
    expect(r.errors[0]).toMatch(detail);
    expect(r.errors[0]).not.toContain('\n');
  });

  it('fails when a pull request comment has no token', async () => {
    const r = await step({ ...good, 'github-token': '' }, { GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.errors[0]).toContain('"github-token"');
  });

  it('plans a promotion on a pull request: outputs and summary, token hidden', async () => {
    const r = await step({ ...good, mode: 'promote', ring: 'canary', assignment: 'no-privileged' }, { GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.errors).toEqual([]);
    const plan = JSON.parse(r.outputs.plan);
    expect(plan.inputs).toMatchObject({ mode: 'promote', ring: 'canary', comment: true, minSoak: '7d', maxStaleness: '1d', githubToken: '***' });
    expect(plan.inputs.policies.files).toEqual(['policy/k8s/no-privileged.yml', 'policy/rings.yaml']);
    expect(r.summary).toContain('## policy-rollout: plan');
    expect(r.summary).toContain('Promote assignment no-privileged in ring canary');
    expect(everythingVisible(r)).not.toContain('ghs_plantedToken0123456789');
  });
});
