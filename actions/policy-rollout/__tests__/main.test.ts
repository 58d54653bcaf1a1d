import { describe, expect, it } from '@jest/globals';
import { run } from '../src/main.js';
import { IDENTITY, everythingVisible, runStep } from '../../arc-connect/__tests__/harness.js';

const ACTION = 'policy-rollout/action.yml';
const ASSIGNMENT = (name: string) =>
  `assignments:\n  - name: ${name}\n    scope: /subscriptions/11111111-1111-1111-1111-111111111111\n    definition: a8640138-9b0a-4a28-b8cb-1666c838647d\n    stage: audit\n    rings:\n      - name: canary\n        locations: [westeurope]\n`;
const FILES = {
  'policy/rings.yaml': ASSIGNMENT('rings-baseline'),
  'policy/k8s/no-privileged.yml': ASSIGNMENT('no-privileged'),
  'policy/README.md': '# notes\n',
  'notes.txt': 'x',
};
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

  it('accepts a promotion on a pull request: policy files load, then only the missing OIDC permission stops it; token hidden', async () => {
    const r = await step({ ...good, mode: 'promote', ring: 'canary', assignment: 'no-privileged' }, { GITHUB_EVENT_NAME: 'pull_request' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/id-token: write/);
    expect(everythingVisible(r)).not.toContain('ghs_plantedToken0123456789');
  });

  it('names the assignments in the files when "assignment" matches none', async () => {
    const r = await step({ ...good, assignment: 'nope' }, { GITHUB_EVENT_NAME: 'push' });
    expect(r.errors[0]).toContain('"assignment"');
    expect(r.errors[0]).toContain('no-privileged, rings-baseline');
  });
});
