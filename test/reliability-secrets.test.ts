/**
 * Reliability (issue 9): secrets planted in every secret input of every action (kubeconfig token, proxy password,
 * https-key, ssh-private-key, github-token, the kubeconfigs map) appear nowhere a user or a later step can read:
 * stdout (minus the `::add-mask::` commands meant for the runner), the step summary, outputs, the GitHub stand-in's
 * state (PR comments, check runs, issues) and every file the run left in the workspace — in successful and failing runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { kubeconfig, runStep, type StepResult } from '../actions/arc-connect/__tests__/harness.js';
import { run as arcConnect } from '../actions/arc-connect/src/main.js';
import { run as arcVerify } from '../actions/arc-verify/src/main.js';
import { run as fluxApply } from '../actions/flux-apply/src/main.js';
import { run as policyRollout } from '../actions/policy-rollout/src/main.js';

const S = {
  kubeToken: 'eyJhbGciOiJSUzI1NiJ9.planted-kube-token-rel9-aa11',
  proxyPassword: 'Pr0xy-Pa55-rel9-bb22',
  httpsKey: 'ghp_plantedHttpsKeyRel9cc33dd44ee55',
  sshBody: 'b3BlbnNzaC1rZXktdjEAAAAplantedRel9ff66',
  githubToken: 'ghs_plantedGithubTokenRel9gg77hh88',
  verifyToken: 'planted-kubeconfigs-token-rel9-ii99',
};
const SSH_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${S.sshBody}\n-----END OPENSSH PRIVATE KEY-----`;
const forms = (v: string) => [v, Buffer.from(v).toString('base64'), encodeURIComponent(v)];
const ALL = Object.values(S).flatMap(forms);

let sandbox: Sandbox;
let ids: string[];

const identity = () => ({
  'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
  'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
  'subscription-id': sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID,
  environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
});
const env = (extra: Record<string, string> = {}) => ({
  ...sandbox.env,
  GITHUB_REPOSITORY: 'acme/fleet',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '9',
  GITHUB_SHA: 'abc123',
  GITHUB_TOKEN: sandbox.env.GITHUB_TOKEN,
  ...extra,
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Everything the run exposed: visible stdout, summary, outputs, workspace files, the GitHub stand-in's state. */
function expectNoSecret(r: StepResult, label: string): void {
  const places: [string, string][] = [
    ['stdout', r.visibleStdout],
    ['summary', r.summary],
    ['outputs', r.outputsFile],
    ['github', JSON.stringify(sandbox.github)],
    ...filesUnder(r.workspace).map((f) => [`file ${f}`, readFileSync(f, 'utf8')] as [string, string]),
  ];
  for (const [where, text] of places)
    for (const secret of [...ALL, ...forms(sandbox.env.GITHUB_TOKEN)])
      expect({ label, where, leaked: text.includes(secret) ? secret : undefined }).toEqual({ label, where, leaked: undefined });
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
const flux = (url: string, extra = '') =>
  `name: secret-check\nnamespace: flux-system\nsource:\n  gitRepository:\n    url: ${url}\n    branch: main\n${extra}kustomizations:\n  apps:\n    path: ./apps\n`;

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.seedEmulatedClusters(5, { tags: { team: 'secrets' }, prefix: 'sec' });
  ids = [...sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters')]
    .filter((c) => c.tags?.team === 'secrets')
    .map((c) => c.id);
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

describe('no planted secret is visible anywhere', () => {
  it('arc-connect: kubeconfig token and proxy password (failing run: unreachable cluster; and a dry run)', async () => {
    for (const dry of ['false', 'true']) {
      const r = await runStep(
        arcConnect,
        'arc-connect/action.yml',
        {
          ...identity(),
          'cluster-name': 'sec-edge',
          'resource-group': 'rg-fleet',
          location: 'westeurope',
          kubeconfig: kubeconfig(S.kubeToken).replace('https://10.0.0.1:6443', 'https://127.0.0.1:1'),
          'proxy-https': `http://svc:${S.proxyPassword}@127.0.0.1:1`,
          'dry-run': dry,
        },
        { env: env() },
      );
      // The cluster is unreachable: pre-flight stops the run, dry or not, before anything is written.
      expect(r.failed).toBe(true);
      expect(r.errors.join(' ')).toMatch(
        /arc-connect stopped before any change: .*cluster reachable: https:\/\/127\.0\.0\.1:1 did not answer/,
      );
      expectNoSecret(r, `arc-connect dry-run ${dry}`);
    }
  }, 120_000);

  it('flux-apply: https-key and github-token, successful run, then failing run (LRO failure)', async () => {
    const inputs = {
      ...identity(),
      configuration: flux('https://github.com/acme/fleet-config', '    https-user: x-access-token\n'),
      targets: ids.join('\n'),
      'https-key': S.httpsKey,
      'github-token': S.githubToken,
      timeout: '2m',
    };
    const ok = await runStep(() => fluxApply({ pollIntervalMs: { initial: 100, max: 500 } }), 'flux-apply/action.yml', inputs, {
      env: env(),
    });
    expect(ok.errors).toEqual([]);
    expectNoSecret(ok, 'flux-apply https ok');
    sandbox.setKnobs({ lro: { failureRate: 1 } });
    const bad = await runStep(
      () => fluxApply({ pollIntervalMs: { initial: 100, max: 500 } }),
      'flux-apply/action.yml',
      { ...inputs, configuration: inputs.configuration.replace('./apps', './apps-v2') },
      { env: env() },
    ).finally(() => sandbox.setKnobs({ lro: { failureRate: 0 } }));
    expect(bad.failed).toBe(true);
    expectNoSecret(bad, 'flux-apply https failing');
  }, 180_000);

  it('flux-apply: ssh-private-key, successful run and a failing (bad input) run', async () => {
    const inputs = {
      ...identity(),
      configuration: flux('ssh://git@github.com/acme/fleet-config').replace('secret-check', 'secret-ssh'),
      targets: ids.join('\n'),
      'ssh-private-key': SSH_KEY,
      timeout: '2m',
    };
    const ok = await runStep(() => fluxApply({ pollIntervalMs: { initial: 100, max: 500 } }), 'flux-apply/action.yml', inputs, {
      env: env(),
    });
    expect(ok.errors).toEqual([]);
    expectNoSecret(ok, 'flux-apply ssh ok');
    const bad = await runStep(
      fluxApply,
      'flux-apply/action.yml',
      { ...inputs, configuration: flux('https://github.com/acme/x') },
      { env: env() },
    );
    expect(bad.failed).toBe(true);
    expectNoSecret(bad, 'flux-apply ssh failing');
  }, 180_000);

  it('policy-rollout: github-token through the check run, successful and failing runs', async () => {
    const sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
    const policies = `assignments:\n  - name: sec-baseline\n    scope: /subscriptions/${sub}\n    definition: /providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4\n    stage: audit\n`;
    const inputs = {
      ...identity(),
      policies: 'policies',
      mode: 'plan',
      'github-token': sandbox.env.GITHUB_TOKEN,
      'min-soak': '0s',
      'sync-allowance': '0s',
      // The scope holds no cluster: allowed explicitly (an empty scope fails otherwise, issue 14).
      'allow-empty': 'true',
    };
    const ok = await runStep(policyRollout, 'policy-rollout/action.yml', inputs, { env: env(), files: { 'policies/p.yaml': policies } });
    expect(ok.errors).toEqual([]);
    expectNoSecret(ok, 'policy-rollout ok');
    const bad = await runStep(
      policyRollout,
      'policy-rollout/action.yml',
      { ...inputs, mode: 'promote', ring: 'canary' },
      {
        env: env(),
        files: { 'policies/p.yaml': policies.replace('stage: audit', 'stage: deny') },
      },
    );
    expect(bad.failed).toBe(true);
    expectNoSecret(bad, 'policy-rollout failing');
  }, 180_000);

  it('arc-verify: kubeconfigs map and github-token, failing checks open an issue, report file written', async () => {
    const names = ids.map((id) => id.split('/').pop()!);
    const kubeconfigs = names
      .map((n) => `${n}: |\n${indent(kubeconfig(`${S.verifyToken}`).replace('https://10.0.0.1:6443', 'https://127.0.0.1:1'))}`)
      .join('\n');
    const inputs = {
      ...identity(),
      targets: ids.join('\n'),
      access: 'kubeconfig',
      kubeconfigs,
      issue: 'true',
      'github-token': sandbox.env.GITHUB_TOKEN,
      'report-path': 'out/report.json',
      'fail-on': 'fail',
    };
    const failing = await runStep(arcVerify, 'arc-verify/action.yml', inputs, { env: env() });
    expect(failing.failed).toBe(true);
    expectNoSecret(failing, 'arc-verify failing');
    const ok = await runStep(
      arcVerify,
      'arc-verify/action.yml',
      {
        ...identity(),
        targets: ids.join('\n'),
        access: 'none',
        'github-token': sandbox.env.GITHUB_TOKEN,
        issue: 'true',
        'fail-on': 'never',
      },
      { env: env() },
    );
    expect(ok.errors).toEqual([]);
    expectNoSecret(ok, 'arc-verify ok');
  }, 180_000);
});
