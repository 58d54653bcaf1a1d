import { describe, expect, it } from '@jest/globals';
import { RetryBudget, shardOf } from '@arc-actions/core';
import { CLUSTER_RP, isTransient, withBudget } from '@arc-actions/azure';
import { parseConfiguration } from '../src/configuration.js';
import { createHash } from 'node:crypto';
import { armGitUrl, desiredBody, protectedSettings, settingsMarker } from '../src/desired.js';
import type { GitAuth } from '../src/inputs.js';
import { isFinal, readCompliance } from '../src/observe.js';
import { planFlux } from '../src/plan.js';
import { configurationsOf, formatProvenance, parseProvenance, sameSource, sourceOf } from '../src/provenance.js';
import { commentMarkdown, countTargets, summaryMarkdown, type FleetReport, type FluxTargetResult } from '../src/report.js';

const YAML = `
name: fleet-base
namespace: flux-system
source:
  gitRepository:
    url: https://github.com/acme/fleet-config
    branch: main
    sync-interval: 5m
kustomizations:
  infra:
    path: ./infra
    prune: true
  apps:
    path: ./apps
    depends-on: [infra]
    prune: true
    retry-interval: 2m
    post-build:
      substitute: { cluster_env: prod }
`;

const none: GitAuth = { kind: 'none' };
const https: GitAuth = { kind: 'https', user: 'x-access-token', key: 'ghp_supersecretvalue123', from: 'input https-key' };
const config = () => parseConfiguration(YAML).config;
const ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/c1/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/fleet-base';

/** What ARM returns after a PUT of `body` (defaults filled, read-only fields added). */
function asArm(body: Record<string, any>): Record<string, any> {
  const ks = Object.fromEntries(
    Object.entries(body.kustomizations).map(([n, k]: [string, any]) => [
      n,
      { name: n, ...k, retryIntervalInSeconds: k.retryIntervalInSeconds ?? null, postBuild: k.postBuild ?? null },
    ]),
  );
  return {
    ...body,
    kustomizations: ks,
    configurationProtectedSettings: {},
    statuses: [],
    complianceState: 'Compliant',
    provisioningState: 'Succeeded',
  };
}

describe('desired body', () => {
  it('writes out every ARM default and converts durations to seconds', () => {
    const body = desiredBody(config(), none);
    expect(body).toMatchObject({ scope: 'cluster', namespace: 'flux-system', sourceKind: 'GitRepository', suspend: false });
    expect(body.gitRepository).toEqual({
      url: 'https://github.com/acme/fleet-config',
      repositoryRef: { branch: 'main' },
      timeoutInSeconds: 600,
      syncIntervalInSeconds: 300,
      httpsUser: null,
      sshKnownHosts: null,
    });
    expect(body.kustomizations.apps).toEqual({
      path: './apps',
      dependsOn: ['infra'],
      timeoutInSeconds: 600,
      syncIntervalInSeconds: 600,
      retryIntervalInSeconds: 120,
      prune: true,
      force: false,
      wait: true,
      postBuild: { substitute: { cluster_env: 'prod' } },
    });
  });

  it('turns scp-like git URLs into ssh:// URLs', () => {
    expect(armGitUrl('git@github.com:acme/fleet.git')).toBe('ssh://git@github.com/acme/fleet.git');
    expect(armGitUrl('https://github.com/acme/fleet')).toBe('https://github.com/acme/fleet');
  });

  it('puts keys only in base64 protected settings, and fingerprints them per configuration', () => {
    const settings = protectedSettings(https);
    expect(settings).toEqual({ httpsKey: Buffer.from('ghp_supersecretvalue123').toString('base64') });
    expect(JSON.stringify(desiredBody(config(), https))).not.toContain('ghp_supersecretvalue123');
    const KEY = 'k'.repeat(40);
    const h = settingsMarker(ID, settings, KEY);
    expect(h).toMatch(/^hmac-[0-9a-f]{32}$/);
    expect(settingsMarker(ID.toUpperCase(), settings, KEY)).toBe(h);
    expect(settingsMarker(ID.replace('c1', 'c2'), settings, KEY)).not.toBe(h);
    expect(settingsMarker(ID, { httpsKey: 'b3RoZXI=' }, KEY)).not.toBe(h);
    expect(settingsMarker(ID, {}, KEY)).toBe('none');
    // Without the fingerprint key nothing derived from the value is recorded: only which settings were sent.
    expect(settingsMarker(ID, settings)).toBe('set-httpsKey');
    expect(settingsMarker(ID, { httpsKey: 'b3RoZXI=' })).toBe('set-httpsKey');
  });

  it('records nothing a Reader can test a guessed key against offline', () => {
    // A Reader knows the configuration id (public) and sees the tag; with the old design (sha256 of id + settings)
    // hashing a guess reproduced the tag. With the HMAC, the same guess computed without the workflow's key does not.
    const settings = protectedSettings(https);
    const guess = { httpsKey: Buffer.from('ghp_supersecretvalue123').toString('base64') };
    const oldDesign = (s: Record<string, string>) =>
      createHash('sha256').update(ID.toLowerCase()).update('\n').update(JSON.stringify(s)).digest('hex').slice(0, 32);
    const recorded = settingsMarker(ID, settings, 'workflow-secret-key-0123456789abcdef');
    expect(recorded).not.toContain(oldDesign(guess));
    for (const attempt of [undefined, '', ID, ID.toLowerCase(), 'none'])
      expect(settingsMarker(ID, guess, attempt || undefined)).not.toBe(recorded);
    expect(settingsMarker(ID, settings)).not.toMatch(/[0-9a-f]{16}/);
  });

  it('resends protected settings only when asked or when the marker differs (legacy hashes are replaced once)', () => {
    const desired = desiredBody(config(), https);
    const arm = asArm(desired);
    expect(planFlux(desired, arm, { desired: 'set-httpsKey', recorded: 'set-httpsKey' }).action).toBe('unchanged');
    expect(planFlux(desired, arm, { desired: 'set-httpsKey', recorded: 'set-httpsKey', resend: true }).sendSettings).toBe(true);
    expect(planFlux(desired, arm, { desired: 'set-httpsKey', recorded: '0123456789abcdef0123456789abcdef' }).sendSettings).toBe(true);
  });
});

describe('plan', () => {
  it('creates with a PUT of the whole body when there is none', () => {
    const plan = planFlux(desiredBody(config(), https), undefined, { desired: 'abc' });
    expect(plan.action).toBe('create');
    expect(plan.sendSettings).toBe(true);
    expect(plan.put?.kustomizations.infra.path).toBe('./infra');
  });

  it('is unchanged against what ARM returns for the same body (no write on a rerun)', () => {
    const desired = desiredBody(config(), none);
    const plan = planFlux(desired, asArm(desired), { desired: 'none', recorded: 'none' });
    expect(plan).toMatchObject({ action: 'unchanged', fields: [] });
  });

  it('does not fight an ARM default for an unset retry interval', () => {
    const desired = desiredBody(config(), none);
    const arm = asArm(desired);
    arm.kustomizations.infra.retryIntervalInSeconds = 600;
    expect(planFlux(desired, arm, { desired: 'none', recorded: 'none' }).action).toBe('unchanged');
  });

  it('patches only the changed kustomization even when ARM filled in the retry interval of the others', () => {
    const desired = desiredBody(config(), none);
    const arm = asArm(desired);
    arm.kustomizations.infra.retryIntervalInSeconds = arm.kustomizations.infra.syncIntervalInSeconds; // server-side default
    const changed = config();
    changed.kustomizations.apps.path = './apps-v2';
    const plan = planFlux(desiredBody(changed, none), arm, { desired: 'none', recorded: 'none' });
    expect(plan.action).toBe('update');
    expect(Object.keys((plan.patch?.kustomizations ?? {}) as object)).toEqual(['apps']);
  });

  it('patches only the changed kustomization, and nulls a removed one', () => {
    const before = desiredBody(config(), none);
    const arm = asArm({ ...before, kustomizations: { ...before.kustomizations, old: { ...before.kustomizations.infra, path: './old' } } });
    const changed = config();
    changed.kustomizations.apps.path = './apps-v2';
    const plan = planFlux(desiredBody(changed, none), arm, { desired: 'none', recorded: 'none' });
    expect(plan.action).toBe('update');
    expect(plan.patch).toEqual({
      kustomizations: { apps: expect.objectContaining({ path: './apps-v2', dependsOn: ['infra'] }), old: null },
    });
    expect(plan.fields.map((f) => f.path).sort()).toEqual(['kustomizations.apps.path', 'kustomizations.old']);
    expect(plan.sendSettings).toBe(false);
  });

  it('sends the whole source block with the other reference kinds cleared', () => {
    const before = desiredBody(config(), none);
    const changed = config();
    delete changed.source.gitRepository.branch;
    changed.source.gitRepository.tag = 'v1.2.0';
    const plan = planFlux(desiredBody(changed, none), asArm(before), { desired: 'none', recorded: 'none' });
    expect(plan.patch).toMatchObject({
      sourceKind: 'GitRepository',
      gitRepository: { repositoryRef: { tag: 'v1.2.0', branch: null, semver: null, commit: null } },
    });
    expect(plan.patch?.kustomizations).toBeUndefined();
  });

  it('re-sends protected settings only when their fingerprint changed', () => {
    const desired = desiredBody(config(), https);
    const arm = asArm(desired);
    expect(planFlux(desired, arm, { desired: 'h1', recorded: 'h1' }).action).toBe('unchanged');
    const plan = planFlux(desired, arm, { desired: 'h2', recorded: 'h1' });
    expect(plan).toMatchObject({ action: 'update', sendSettings: true, patch: {} });
    expect(plan.fields).toEqual([{ path: 'configurationProtectedSettings', before: '(set before)', after: '(set)' }]);
    expect(planFlux(desired, arm, { desired: 'h2' }).sendSettings).toBe(true);
  });

  it('refuses to change create-only fields', () => {
    const desired = desiredBody(config(), none);
    const plan = planFlux(desired, asArm({ ...desired, namespace: 'default' }), { desired: 'none', recorded: 'none' });
    expect(plan.blocked).toMatch(/namespace "default" → "flux-system" can only be set when the configuration is created/);
  });
});

describe('provenance', () => {
  it('round-trips, recognises our source and lists the configurations it manages', () => {
    const source = sourceOf('clusters/flux.yaml', { GITHUB_REPOSITORY: 'acme/fleet' });
    expect(source).toBe('acme/fleet:clusters/flux.yaml');
    expect(
      sourceOf('inline', {
        GITHUB_REPOSITORY: 'acme/fleet',
        GITHUB_WORKFLOW_REF: 'acme/fleet/.github/workflows/gitops.yml@refs/heads/main',
      }),
    ).toBe('acme/fleet:inline@.github/workflows/gitops.yml');
    const value = formatProvenance({ settings: 'none', source });
    expect(parseProvenance(value)).toEqual({ settings: 'none', source });
    const long = 'acme/fleet:' + 'x/'.repeat(200) + 'f.yaml';
    const short = formatProvenance({ settings: 'abc', source: long });
    expect(short.length).toBeLessThanOrEqual(256);
    expect(sameSource(parseProvenance(short)!.source, long)).toBe(true);
    const tags = {
      env: 'prod',
      'arc-actions.flux.old': value,
      'arc-actions.flux.theirs': formatProvenance({ settings: 'none', source: 'other/repo:x.yaml' }),
    };
    expect(configurationsOf(tags, source)).toEqual(['old']);
  });
});

describe('observe', () => {
  const raw = {
    complianceState: 'Non-Compliant',
    provisioningState: 'Succeeded',
    statusUpdatedAt: '2026-01-01T00:01:00Z',
    statuses: [
      {
        name: 'fleet-base',
        kind: 'GitRepository',
        complianceState: 'Compliant',
        statusConditions: [{ type: 'Ready', status: 'True', reason: 'Succeeded', message: 'stored artifact' }],
      },
      {
        name: 'fleet-base-infra',
        kind: 'Kustomization',
        complianceState: 'Non-Compliant',
        statusConditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'ReconciliationFailed',
            message:
              'Pod/infra/priv dry-run failed (Forbidden): admission webhook "validation.gatekeeper.sh" denied the request: [azurepolicy-k8sazurev2noprivilege-abc] Privileged container is not allowed: shell',
          },
        ],
      },
      {
        name: 'fleet-base-apps',
        kind: 'Kustomization',
        complianceState: 'Non-Compliant',
        statusConditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'DependencyNotReady',
            message: "dependency 'flux-system/fleet-base-infra' is not ready",
          },
        ],
      },
    ],
  };

  it('reads per-kustomization states and messages, and treats a denial as final', () => {
    const c = readCompliance(raw, 'fleet-base', ['infra', 'apps']);
    expect(c.state).toBe('Non-Compliant');
    expect(c.kustomizations[0]).toMatchObject({
      name: 'infra',
      complianceState: 'Non-Compliant',
      ready: 'False',
      reason: 'ReconciliationFailed',
    });
    expect(c.kustomizations[0].message).toContain('denied the request: [azurepolicy-');
    expect(isFinal(c)).toBe(true);
  });

  it('waits while something progresses, while provisioning runs, and for a status older than the write', () => {
    const progressing = structuredClone(raw);
    progressing.statuses[1].statusConditions[0] = {
      type: 'Ready',
      status: 'Unknown',
      reason: 'Progressing',
      message: 'Reconciliation in progress',
    };
    expect(isFinal(readCompliance(progressing, 'fleet-base', ['infra', 'apps']))).toBe(false);
    expect(isFinal(readCompliance({ ...raw, provisioningState: 'Updating' }, 'fleet-base', []))).toBe(false);
    const compliant = readCompliance({ ...raw, complianceState: 'Compliant' }, 'fleet-base', []);
    expect(isFinal(compliant, Date.parse('2026-01-01T00:00:30Z'))).toBe(true);
    expect(isFinal(compliant, Date.parse('2026-01-01T00:05:00Z'))).toBe(false);
    expect(isFinal(readCompliance({ ...raw, complianceState: 'Pending' }, 'fleet-base', []))).toBe(false);
  });

  it('waits for a kustomization whose dependency is ready but not yet seen by it (DependencyNotReady alone)', () => {
    const waiting = structuredClone(raw);
    waiting.statuses[1].complianceState = 'Compliant';
    waiting.statuses[1].statusConditions[0] = { type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded', message: 'Applied' };
    expect(isFinal(readCompliance(waiting, 'fleet-base', ['infra', 'apps']))).toBe(false);
    // A source that cannot be fetched is final for everything that waits on it.
    waiting.statuses[0].complianceState = 'Non-Compliant';
    waiting.statuses[0].statusConditions[0] = {
      type: 'Ready',
      status: 'False',
      reason: 'GitOperationFailed',
      message: 'authentication required',
    };
    expect(isFinal(readCompliance(waiting, 'fleet-base', ['infra', 'apps']))).toBe(true);
  });
});

describe('report', () => {
  const target = (name: string, extra: Partial<FluxTargetResult>): FluxTargetResult => ({
    target: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/${name}`,
    name,
    status: 'ok',
    changes: [],
    action: 'unchanged',
    configuration: 'fleet-base',
    fields: [],
    deleted: [],
    protectedSettings: 'none',
    ...extra,
  });
  const targets = [
    target('c1', { action: 'update', fields: [{ path: 'kustomizations.apps.path', before: './apps', after: './apps-v2' }] }),
    target('c2', { action: 'update', fields: [{ path: 'kustomizations.apps.path', before: './apps', after: './apps-v2' }] }),
    target('c3', {
      status: 'fail',
      action: 'create',
      message: 'Non-Compliant: infra',
      compliance: {
        state: 'Non-Compliant',
        final: true,
        waitedMs: 1000,
        kustomizations: [
          {
            name: 'infra',
            complianceState: 'Non-Compliant',
            reason: 'ReconciliationFailed',
            message: 'admission webhook "validation.gatekeeper.sh" denied the request: [azurepolicy-x] no | pipes',
          },
        ],
      },
    }),
  ];
  const report: FleetReport = {
    action: 'flux-apply',
    dryRun: true,
    startedAt: '',
    configuration: 'fleet-base',
    source: 'acme/fleet:flux.yaml',
    counts: countTargets(targets, true),
    targets,
  };

  it('renders a cluster × kustomization table with the denial message', () => {
    const md = summaryMarkdown(report, ['infra', 'apps']);
    expect(md).toContain('| Cluster | Configuration | Compliance | infra | apps |');
    expect(md).toContain('denied the request: [azurepolicy-x] no \\| pipes');
    expect(report.counts).toMatchObject({ targets: 3, ok: 2, fail: 1, update: 2, create: 1 });
  });

  it('outside a dry run, counts only the writes that succeeded', () => {
    // Planned: two updates and a create; only one update was written (an applied change), the rest failed.
    const written = targets.map((t, i) =>
      i === 0
        ? {
            ...t,
            changes: [{ kind: t.action, resourceType: 'fluxConfiguration', resourceId: t.target, name: 'x', fields: [], applied: true }],
          }
        : t,
    ) as FluxTargetResult[];
    const counts = countTargets(written, false);
    expect(counts).toMatchObject({ update: 1, create: 0, notWritten: 2 });
    const md = summaryMarkdown({ ...report, dryRun: false, counts, targets: written }, ['infra', 'apps']);
    expect(md).toContain('configuration 0 created, 1 updated');
    expect(md).toContain('2 not written');
  });

  it('groups identical plans in the PR comment', () => {
    const md = commentMarkdown(report);
    expect(md).toContain('| update | 2: c1, c2 | 1 field(s) |');
    expect(md).toContain('kustomizations.apps.path: ./apps → ./apps-v2');
  });
});

describe('fan-out and retries', () => {
  it('addresses Arc and AKS clusters through one code path', () => {
    expect(CLUSTER_RP.connectedClusters).toMatchObject({ clusterRp: 'Microsoft.Kubernetes', clusterResourceName: 'connectedClusters' });
    expect(CLUSTER_RP.managedClusters).toMatchObject({ clusterRp: 'Microsoft.ContainerService', clusterResourceName: 'managedClusters' });
  });

  it('splits targets into disjoint shards that cover the fleet', () => {
    const targets = Array.from({ length: 10 }, (_, i) => ({ id: `/x/c${i}` }));
    const shards = [0, 1, 2].map((index) => shardOf(targets, { index: index + 1, count: 3 }).map((t) => t.id));
    expect(shards.flat().sort()).toEqual(targets.map((t) => t.id).sort());
    expect(shards.map((s) => s.length)).toEqual([4, 3, 3]);
  });

  it('retries transient failures only while the run-wide budget lasts', async () => {
    expect(isTransient({ statusCode: 500 })).toBe(true);
    expect(isTransient({ statusCode: 429 })).toBe(true);
    expect(isTransient({ code: 'ECONNRESET' })).toBe(true);
    expect(isTransient({ statusCode: 400 })).toBe(false);
    const budget = new RetryBudget(1);
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject(Object.assign(new Error('boom'), { statusCode: 503 })) : Promise.resolve('ok'));
    await expect(withBudget(budget, flaky)).rejects.toThrow('boom');
    expect(calls).toBe(2);
    expect(budget.spent).toBe(1);
    calls = 0;
    await expect(withBudget(new RetryBudget(5), flaky)).resolves.toBe('ok');
  });
});
