import { describe, expect, it } from '@jest/globals';
import { run } from '../src/main.js';
import { IDENTITY, SUB, everythingVisible, kubeconfig, runStep } from '../../arc-connect/__tests__/harness.js';

const ACTION = 'action.yml';
const TOKEN = 'planted-baseline-kube-token-91c3';
const FLUX =
  'name: baseline\nsource:\n  gitRepository:\n    url: https://github.com/acme/fleet\n    branch: main\nkustomizations:\n  infra:\n    path: ./infrastructure\n';
const good = { ...IDENTITY, 'cluster-name': 'edge-01', 'resource-group': 'rg-edge', location: 'westeurope', kubeconfig: kubeconfig(TOKEN) };
const step = (inputs: Record<string, string>) =>
  runStep(run, ACTION, inputs, { files: { 'gitops/flux.yaml': FLUX, 'policy/audit.yaml': 'assignments: []\n' } });

const bad: [string, Record<string, string>, string, RegExp][] = [
  ['missing subscription-id', { 'subscription-id': '' }, 'subscription-id', /required/],
  ['missing cluster-name', { 'cluster-name': '' }, 'cluster-name', /required/],
  ['missing kubeconfig and kube-context', { kubeconfig: '' }, 'kubeconfig', /kube-context/],
  ['bad tags', { tags: 'a: [1, 2]' }, 'tags', /tags|expected/],
  [
    'configuration with a cycle',
    { configuration: FLUX.replace('path: ./infrastructure', 'path: ./infrastructure\n    depends-on: [infra]') },
    'configuration',
    /cycle.*infra → infra/,
  ],
  ['https-key without a user', { configuration: 'gitops/flux.yaml', 'https-key': 'tok-1234567' }, 'https-user', /https-user/],
  ['policies outside the workspace', { policies: '../policy' }, 'policies', /outside the workspace/],
  ['unknown fail-on', { 'fail-on': 'maybe' }, 'fail-on', /fail, warn, never/],
  ['timeout too short', { timeout: '1s' }, 'timeout', /from 30s/],
  ['min-agent-version not x.y.z', { 'min-agent-version': '1.2' }, 'min-agent-version', /x\.y\.z/],
];

describe('baseline (root action) inputs', () => {
  it.each(bad)('fails on %s', async (_name, override, input, detail) => {
    const r = await step({ ...good, ...override });
    expect(r.failed).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`"${input}"`);
    expect(r.errors[0]).toMatch(detail);
    expect(r.errors[0]).not.toContain('\n');
  });

  it('plans connect → extensions → flux → policy (audit) → verify before contacting anything, adding the extensions later steps need', async () => {
    const httpsKey = 'ghp_plantedBaselineKey987';
    const r = await step({
      ...good,
      extensions: '- azuremonitor-containers',
      configuration: 'gitops/flux.yaml',
      policies: 'policy',
      'https-user': 'git',
      'https-key': httpsKey,
      'proxy-https': 'http://u:pr0xy-pass-55@proxy:3128',
    });
    // No GitHub OIDC here: the run stops at the credential, after the plan (the end-to-end run is story.test.ts).
    expect(r.failed).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/id-token: write/);
    expect(r.outputs['cluster-id']).toBe(
      `/subscriptions/${SUB}/resourceGroups/rg-edge/providers/Microsoft.Kubernetes/connectedClusters/edge-01`,
    );
    const plan = JSON.parse(r.outputs.plan);
    expect(plan.inputs.extensions.map((e: { name: string }) => e.name)).toEqual(['azuremonitor-containers', 'flux', 'azurepolicy']);
    expect(plan.inputs.addedExtensions).toEqual(['flux', 'azurepolicy']);
    expect(plan.inputs.flux).toMatchObject({ name: 'baseline', auth: 'https', kustomizations: ['infra'] });
    expect(plan.inputs.policies.files).toEqual(['policy/audit.yaml']);
    expect(r.summary).toContain('## baseline: plan');
    expect(r.summary).toContain('assign policies in audit (never deny)');
    const visible = everythingVisible(r);
    for (const secret of [TOKEN, httpsKey, 'pr0xy-pass-55']) expect(visible).not.toContain(secret);
  });
});
