/**
 * Policy that proves itself before merge, on two real clusters with Gatekeeper (pv-canary in westeurope, pv-broad in
 * northeurope) behind the sandbox's Azure Policy add-on:
 * (1) a pull request removes `legacy` from a built-in assignment's excludedNamespaces and adds a custom Rego policy:
 *     plan's deny-impact preview (gator on the live objects, read through kubeconfigs) names exactly the pods Deny
 *     would reject, per cluster, with counts that add up, in the check run (annotations at each assignment's line)
 *     and the sticky comment; nothing is written;
 * (2) once applied, Gatekeeper's own audit reports the same objects;
 * (3) exemptions as code: plan shows the exemption, apply writes it, a rerun is unchanged with zero writes, the
 *     exempted cluster's state becomes Exempt;
 * (4) the fleet is fixed where not exempt, both assignments are promoted (the gate lists the exempted pod apart), and
 *     the webhook then rejects exactly the pods the preview named, assignment by assignment;
 * (5) arc-verify warns before the exemption expires and fails once it has expired and is still there; removing it
 *     from the files deletes it;
 * (6) ring by ring: a second assignment with rings canary (westeurope) and broad (northeurope) is promoted one ring at
 *     a time (broad first is refused), and each cluster starts denying when, and only when, its ring is Deny.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { waitFor } from '@arc-actions/core';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { KubeApiError, resolveClusterBins, startLocalCluster, type LocalCluster } from '../packages/sandbox/src/clusters/index.js';
import { startPolicyReconciler } from '../packages/sandbox/src/reconcile/policy.js';
import type { PolicyStateRecord } from '../packages/sandbox/src/state/types.js';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/policy-rollout/src/main.js';
import { run as verify } from '../actions/arc-verify/src/main.js';

const OWNER = 'acme';
const REPO = 'fleet';
const SHA = 'feed000000000000000000000000000000000017';
const PR = 17;
const CLUSTERS = [
  { name: 'pv-canary', location: 'westeurope', n: 1 },
  { name: 'pv-broad', location: 'northeurope', n: 2 },
];
const NO_PRIVILEGE = '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4';
const HOST_NAMESPACE = '/providers/Microsoft.Authorization/policyDefinitions/47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8';
const DAY = 86_400_000;

let sandbox: Sandbox;
let clusters: LocalCluster[];
let reconciler: { stop(): Promise<void> };
let sub: string;
let gatorDir: string;
const addonErrors: string[] = [];

const clusterId = (name: string) => `/subscriptions/${sub}/resourceGroups/edge/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const nameOf = (id: string) => id.split('/').pop()!;

/** The workloads of cluster n: what each policy should make of them is in the pod's name. */
function pods(n: number) {
  const pod = (namespace: string, name: string, opts: { privileged?: boolean; owner?: boolean } = {}) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${name}-${n}`, namespace, ...(opts.owner ? { labels: { owner: 'team-a' } } : {}) },
    spec: {
      containers: [{ name: 'app', image: 'busybox:1.36', ...(opts.privileged ? { securityContext: { privileged: true } } : {}) }],
    },
  });
  return [
    pod('legacy', 'agent', { privileged: true }), // privileged, no owner: denied by both once legacy is in scope
    pod('legacy', 'web', { owner: true }), // compliant
    pod('shop', 'api'), // no owner: denied by the custom policy only
    pod('kube-system', 'sys', { privileged: true }), // privileged and no owner, but kube-system is always excluded
  ];
}

const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: k8srequiredowner
spec:
  crd:
    spec:
      names:
        kind: K8sRequiredOwner
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8srequiredowner

        violation[{"msg": msg}] {
          not input.review.object.metadata.labels.owner
          msg := sprintf("pod %v must have the label owner", [input.review.object.metadata.name])
        }
`;

interface Files {
  legacyExcluded: boolean;
  owner: boolean;
  exemption?: { expiresOn: string };
}

/** The policy files of the repository at one point of its history. */
function files(f: Files): Record<string, string> {
  const baseline = [
    'assignments:',
    '  - name: no-privileged',
    '    display-name: No privileged containers',
    `    scope: /subscriptions/${sub}`,
    `    definition: ${NO_PRIVILEGE}`,
    '    stage: deny',
    '    parameters:',
    `      excludedNamespaces: [${f.legacyExcluded ? 'legacy' : ''}]`,
    '',
  ].join('\n');
  const out: Record<string, string> = { 'policies/baseline.yaml': baseline };
  if (f.owner) {
    out['policies/owners.yaml'] = [
      'assignments:',
      '  - name: owner-label',
      '    display-name: Pods name their owner',
      `    scope: /subscriptions/${sub}`,
      '    definition: custom:require-owner',
      '    stage: deny',
      'definitions:',
      '  - name: require-owner',
      '    constraint-template: templates/require-owner.yaml',
      '    kinds: [Pod]',
      ...(f.exemption
        ? [
            'exemptions:',
            '  - name: broad-api-waiver',
            '    assignment: owner-label',
            `    scope: ${clusterId('pv-broad')}`,
            '    category: Waiver',
            `    expires-on: ${f.exemption.expiresOn}`,
            '    description: shop/api-2 gets its owner label in the next release.',
          ]
        : []),
      '',
    ].join('\n');
    out['policies/templates/require-owner.yaml'] = TEMPLATE;
  }
  return out;
}
const BASELINE_LINE = 2;
const OWNER_LINE = 2;

const RINGS = () =>
  [
    'assignments:',
    '  - name: host-namespace',
    `    scope: /subscriptions/${sub}`,
    `    definition: ${HOST_NAMESPACE}`,
    '    stage: deny',
    '    rings:',
    '      - name: canary',
    '        locations: [westeurope]',
    '      - name: broad',
    '        locations: [northeurope]',
    '',
  ].join('\n');

const kubeconfigs = () => stringify(Object.fromEntries(clusters.map((c) => [c.name, c.kubeconfig])));

function step(mode: string, workspace: Record<string, string>, extra: Record<string, string> = {}, env: Record<string, string> = {}) {
  return runStep(
    () => run(),
    'policy-rollout/action.yml',
    {
      'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
      'subscription-id': sub,
      environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
      mode,
      policies: 'policies',
      'min-soak': '0s',
      'sync-allowance': '0s',
      'max-staleness': '10m',
      ...extra,
    },
    {
      files: workspace,
      env: {
        ...sandbox.env,
        PATH: `${gatorDir}:${process.env.PATH}`,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_SHA: SHA,
        GITHUB_RUN_ID: '1717',
        ...env,
      },
    },
  );
}

function planOnPullRequest(workspace: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'arc-pr-event-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', pull_request: { number: PR, head: { sha: SHA, ref: `pr-${PR}` } } }));
  return step(
    'plan',
    workspace,
    { 'github-token': sandbox.env.GITHUB_TOKEN, 'preview-access': 'kubeconfig', kubeconfigs: kubeconfigs(), 'preview-max-clusters': '5' },
    { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath },
  ).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const writes = (path?: RegExp) =>
  sandbox.calls().filter((c) => ['PUT', 'PATCH', 'DELETE'].includes(c.method) && (!path || path.test(c.path))).length;

function statesOf(assignment: string): Map<string, PolicyStateRecord> {
  return new Map(
    sandbox.state
      .policyStates()
      .filter((s) => nameOf(s.policyAssignmentId).toLowerCase() === assignment)
      .map((s) => [`${nameOf(s.resourceId)}`, s]),
  );
}

/** Waits until every cluster has a state of `assignment` evaluated after `after` and `ok` holds. */
async function waitForStates(assignment: string, after: number, ok: (states: Map<string, PolicyStateRecord>) => boolean) {
  const result = await waitFor(
    async () => {
      const states = statesOf(assignment);
      if (states.size < CLUSTERS.length || [...states.values()].some((s) => Date.parse(s.timestamp ?? '') <= after)) return undefined;
      return ok(states) ? states : undefined;
    },
    { timeoutMs: 300_000, initialMs: 500, maxMs: 2000 },
  );
  if (!result.value)
    throw new Error(
      `The states of ${assignment} did not settle within 300 s: ${JSON.stringify([...statesOf(assignment)].map(([k, s]) => [k, s.complianceState, s.timestamp, (s.components ?? []).map((c) => c.id)]))}; add-on errors: ${addonErrors.join(' | ')}`,
    );
  return result.value;
}

const nonCompliant = (s: PolicyStateRecord | undefined) =>
  (s?.components ?? [])
    .filter((c) => c.complianceState === 'NonCompliant')
    .map((c) => c.id)
    .sort();

/** Submits a pod (dry run) and says which assignments' constraints denied it; `[]` when the webhook admitted it. */
async function deniedBy(cluster: LocalCluster, pod: ReturnType<typeof pods>[number]): Promise<string[]> {
  try {
    await cluster.client.request('POST', `/api/v1/namespaces/${pod.metadata.namespace}/pods`, { body: pod, query: { dryRun: 'All' } });
    return [];
  } catch (error) {
    if (!(error instanceof KubeApiError)) throw error;
    // 409: the pod exists, so admission let it through to storage.
    if (error.status === 409) return [];
    if (error.status !== 403 || !/validation\.gatekeeper\.sh/.test(error.message)) throw error;
    const out: string[] = [];
    if (/\[azurepolicy-k8sazurev2noprivilege-/.test(error.message)) out.push('no-privileged');
    if (/\[azurepolicy-k8srequiredowner-/.test(error.message)) out.push('owner-label');
    return out;
  }
}

beforeAll(async () => {
  const bins = await resolveClusterBins();
  gatorDir = mkdtempSync(join(tmpdir(), 'arc-gator-path-'));
  // Only gator on this PATH entry: the action finds Gatekeeper's CLI as it would on a runner that installed it.
  writeFileSync(join(gatorDir, 'gator'), `#!/bin/sh\nexec "${bins.gator}" "$@"\n`, { mode: 0o755 });
  sandbox = await startSandbox();
  sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  sandbox.state.addResourceGroup(sub, 'edge', 'westeurope');
  clusters = await Promise.all(
    CLUSTERS.map(async (c) =>
      startLocalCluster({ name: c.name, dir: await mkdtemp(join(tmpdir(), `arc-pv-${c.name}-`)), auditIntervalSeconds: 2 }),
    ),
  );
  for (const [i, cluster] of clusters.entries()) {
    const id = clusterId(cluster.name);
    sandbox.state.put({
      id,
      name: cluster.name,
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: CLUSTERS[i].location,
      tags: {},
      properties: { provisioningState: 'Succeeded', distribution: 'k3s' },
    });
    sandbox.state.attachRealCluster(id, cluster.kubeconfig);
    sandbox.state.setClusterConnectivity(id, 'Connected');
    sandbox.state.put({
      id: `${id}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`,
      name: 'azurepolicy',
      type: 'Microsoft.KubernetesConfiguration/extensions',
      properties: { extensionType: 'microsoft.policyinsights', provisioningState: 'Succeeded' },
    });
    for (const ns of ['legacy', 'shop'])
      await cluster.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    for (const pod of pods(CLUSTERS[i].n))
      await cluster.client.request('POST', `/api/v1/namespaces/${pod.metadata.namespace}/pods`, { body: pod });
  }
  const byId = new Map(clusters.map((c) => [clusterId(c.name).toLowerCase(), c]));
  reconciler = startPolicyReconciler(sandbox.state.store, (id) => byId.get(id.toLowerCase()), {
    intervalMs: 1000,
    onError: (where, error) => addonErrors.push(`${where}: ${String(error)}`),
  });
  sandbox.github.seedPullRequest({ owner: OWNER, repo: REPO, number: PR, headSha: SHA, files: [{ filename: 'policies/baseline.yaml' }] });
}, 300_000);

afterAll(async () => {
  await reconciler?.stop();
  await Promise.all((clusters ?? []).map((c) => c.stop()));
  await sandbox?.stop();
  if (gatorDir) rmSync(gatorDir, { recursive: true, force: true });
});

/** What the preview said would be denied, per assignment, as `cluster ns/name`. */
const previewed: Record<string, string[]> = {};

describe('deny-impact preview, then the same policy promoted', () => {
  it('starts from the baseline assignment in Audit with legacy excluded: every cluster Compliant', async () => {
    const since = Date.now();
    const applied = await step('apply', files({ legacyExcluded: true, owner: false }));
    expect(applied.errors).toEqual([]);
    await waitForStates('no-privileged', since, (s) => [...s.values()].every((x) => x.complianceState === 'Compliant'));
  }, 400_000);

  it('a pull request that removes legacy from excludedNamespaces and adds a custom Rego policy shows the exact pods Deny would reject', async () => {
    sandbox.clearCalls();
    const r = await planOnPullRequest(files({ legacyExcluded: false, owner: true }));
    expect(writes()).toBe(0);
    const result = JSON.parse(r.outputs.result);
    const preview = result.preview;
    expect(preview.gator.source).toBe('PATH');
    const byName = Object.fromEntries(preview.assignments.map((a: { name: string }) => [a.name, a]));
    const np = byName['no-privileged'];
    const ow = byName['owner-label'];
    expect(np).toMatchObject({ status: 'evaluated', compared: true, inScope: 2, sampled: ['pv-broad', 'pv-canary'], unreadable: [] });
    expect(ow).toMatchObject({ status: 'evaluated', compared: false, inScope: 2 });
    const denied = (a: { objects: { verdict: string; cluster: string; namespace: string; name: string }[] }) =>
      a.objects
        .filter((o) => o.verdict === 'denied')
        .map((o) => `${o.cluster} ${o.namespace}/${o.name}`)
        .sort();
    previewed['no-privileged'] = denied(np);
    previewed['owner-label'] = denied(ow);
    expect(previewed['no-privileged']).toEqual(['pv-broad legacy/agent-2', 'pv-canary legacy/agent-1']);
    expect(previewed['owner-label']).toEqual([
      'pv-broad legacy/agent-2',
      'pv-broad shop/api-2',
      'pv-canary legacy/agent-1',
      'pv-canary shop/api-1',
    ]);
    // Evaluated: every pod of the cluster (ours and whatever else runs there), each in exactly one bucket.
    const podCount = Object.fromEntries(
      await Promise.all(clusters.map(async (c) => [c.name, (await c.client.list('v1', 'Pod')).length] as const)),
    );
    for (const c of np.clusters)
      expect(c).toEqual({
        cluster: c.cluster,
        evaluated: podCount[c.cluster],
        wouldBeDenied: 1,
        newlyDenied: 1,
        wouldNewlyPass: 0,
        unchanged: podCount[c.cluster] - 1,
      });
    for (const c of ow.clusters)
      expect(c).toEqual({
        cluster: c.cluster,
        evaluated: podCount[c.cluster],
        wouldBeDenied: 2,
        newlyDenied: 2,
        wouldNewlyPass: 0,
        unchanged: podCount[c.cluster] - 2,
      });
    for (const a of [np, ow]) expect(a.totals.evaluated).toBe(a.totals.wouldBeDenied + a.totals.wouldNewlyPass + a.totals.unchanged);
    const total = podCount['pv-canary'] + podCount['pv-broad'];

    const checks = sandbox.github.checkRunsOf(OWNER, REPO).filter((c) => c.headSha === SHA);
    expect(checks).toHaveLength(1);
    expect(checks[0].conclusion).toBe('failure');
    expect(checks[0].output.title).toContain('objects would be denied under Deny');
    const at = (path: string) => checks[0].annotations.filter((a) => a.path === path && /would be denied/.test(a.title ?? ''));
    expect(at('policies/baseline.yaml')).toEqual([
      expect.objectContaining({
        start_line: BASELINE_LINE,
        annotation_level: 'failure',
        message: expect.stringContaining('pv-canary Pod legacy/agent-1'),
      }),
    ]);
    expect(at('policies/owners.yaml')[0]).toMatchObject({ start_line: OWNER_LINE, annotation_level: 'failure' });
    expect(at('policies/owners.yaml')[0].message).toContain('pv-broad Pod shop/api-2');

    const comments = sandbox.github.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(body).toContain('### Deny-impact preview');
    expect(body).toContain('Sampled 2 of 2 clusters in scope: pv-broad, pv-canary.');
    expect(body).toContain(`${total} objects evaluated = 2 would be denied (2 new) + 0 would newly pass + ${total - 2} unchanged`);
    expect(body).toContain(`| no-privileged | pv-canary | ${podCount['pv-canary']} | 1 | 1 | 0 | ${podCount['pv-canary'] - 1} |`);
  }, 400_000);

  it('reads clusters through cluster connect too (az connectedk8s proxy), sampling at most preview-max-clusters', async () => {
    const azDir = mkdtempSync(join(tmpdir(), 'arc-fake-az-'));
    const log = join(azDir, 'az.log');
    writeFileSync(join(azDir, 'az'), `#!/bin/sh\nexec bash "${join(process.cwd(), 'test/fixtures/fake-az.sh')}" "$@"\n`, { mode: 0o755 });
    const broad = clusters[1];
    try {
      sandbox.clearCalls();
      const r = await step(
        'plan',
        files({ legacyExcluded: false, owner: true }),
        { 'preview-access': 'cluster-connect', 'preview-max-clusters': '1' },
        {
          PATH: `${azDir}:${gatorDir}:${process.env.PATH}`,
          FAKE_AZ_UPSTREAM: `127.0.0.1:${new URL(broad.server).port}`,
          FAKE_AZ_KUBECONFIG: broad.kubeconfigPath,
          FAKE_AZ_LOG: log,
        },
      );
      expect(writes()).toBe(0);
      const np = JSON.parse(r.outputs.result).preview.assignments.find((a: { name: string }) => a.name === 'no-privileged');
      expect(np).toMatchObject({
        status: 'evaluated',
        sampled: ['pv-broad'],
        notSampled: [{ cluster: 'pv-canary', reason: 'beyond preview-max-clusters (1)' }],
      });
      expect(np.objects.map((o: { namespace: string; name: string }) => `${o.namespace}/${o.name}`)).toEqual(['legacy/agent-2']);
      expect(readFileSync(log, 'utf8')).toMatch(/connectedk8s proxy -n pv-broad -g edge --subscription \S+ --port \d+ --file /);
    } finally {
      rmSync(azDir, { recursive: true, force: true });
    }
  }, 400_000);

  it('once applied, Gatekeeper’s own audit finds exactly the objects the preview named', async () => {
    const since = Date.now();
    const applied = await step('apply', files({ legacyExcluded: false, owner: true }));
    expect(applied.errors).toEqual([]);
    for (const assignment of ['no-privileged', 'owner-label']) {
      const states = await waitForStates(assignment, since, (s) => [...s.values()].every((x) => x.complianceState === 'NonCompliant'));
      const audited = [...states].flatMap(([cluster, s]) => nonCompliant(s).map((id) => `${cluster} ${id}`)).sort();
      expect(audited).toEqual(previewed[assignment]);
    }
  }, 300_000);

  it('exemptions as code: plan shows it, apply writes it, a rerun is unchanged, the exempted cluster is Exempt', async () => {
    const expiresOn = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const workspace = files({ legacyExcluded: false, owner: true, exemption: { expiresOn } });
    sandbox.clearCalls();
    const planned = await step('plan', workspace);
    expect(writes()).toBe(0);
    expect(JSON.parse(planned.outputs.result).exemptions).toEqual([
      expect.objectContaining({ name: 'broad-api-waiver', action: 'create', written: false, category: 'Waiver' }),
    ]);
    expect(planned.summary).toContain('### Exemptions');

    const since = Date.now();
    const applied = await step('apply', workspace);
    expect(applied.errors).toEqual([]);
    expect(JSON.parse(applied.outputs.result).exemptions[0]).toMatchObject({ action: 'create', written: true });
    const exemption = sandbox.state.get(`${clusterId('pv-broad')}/providers/Microsoft.Authorization/policyExemptions/broad-api-waiver`)!;
    expect(exemption.properties).toMatchObject({
      policyAssignmentId: `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/owner-label`,
      exemptionCategory: 'Waiver',
      expiresOn: `${expiresOn}T00:00:00.000Z`,
    });

    sandbox.clearCalls();
    const again = await step('apply', workspace);
    expect(JSON.parse(again.outputs.result).exemptions[0]).toMatchObject({ action: 'unchanged', written: false });
    expect(writes()).toBe(0);

    const states = await waitForStates('owner-label', since, (s) => s.get('pv-broad')?.complianceState === 'Exempt');
    expect(states.get('pv-broad')!.components!.every((c) => c.complianceState === 'Exempt')).toBe(true);
    expect(states.get('pv-canary')!.complianceState).toBe('NonCompliant');
  }, 300_000);

  it('after the fixes, both promote (the gate lists the exempted pod apart) and the webhook rejects exactly the previewed pods', async () => {
    const expiresOn = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    const workspace = files({ legacyExcluded: false, owner: true, exemption: { expiresOn } });
    // The teams fix their workloads, except shop/api-2, which the waiver covers.
    const fixed = [
      [clusters[0], 'legacy', 'agent-1'],
      [clusters[1], 'legacy', 'agent-2'],
      [clusters[0], 'shop', 'api-1'],
    ] as const;
    for (const [cluster, ns, name] of fixed)
      await cluster.client.request('DELETE', `/api/v1/namespaces/${ns}/pods/${name}`, { query: { gracePeriodSeconds: '0' } });
    const since = Date.now();
    await waitForStates('no-privileged', since, (s) => [...s.values()].every((x) => x.complianceState === 'Compliant'));
    await waitForStates(
      'owner-label',
      since,
      (s) => s.get('pv-canary')?.complianceState === 'Compliant' && s.get('pv-broad')?.complianceState === 'Exempt',
    );

    const promoted = await step('promote', workspace);
    expect(promoted.errors).toEqual([]);
    const gate = JSON.parse(promoted.outputs.gate);
    expect(gate['no-privileged'].passed).toBe(true);
    expect(gate['owner-label'].passed).toBe(true);
    expect(gate['owner-label'].exempt).toEqual([
      expect.objectContaining({ cluster: 'pv-broad', kind: 'Pod', namespace: 'shop', name: 'api-2' }),
    ]);

    // Under Deny, resubmitting each original workload is rejected exactly where the preview said, by exactly the
    // assignments it named; the others are admitted.
    const rejected: Record<string, string[]> = { 'no-privileged': [], 'owner-label': [] };
    for (const [i, cluster] of clusters.entries()) {
      for (const pod of pods(CLUSTERS[i].n)) {
        const by = await waitFor(
          async () => {
            const denied = await deniedBy(cluster, pod);
            // The webhook starts denying once the add-on has synced the Deny constraints: wait for the privileged agent.
            return pod.metadata.name.startsWith('agent') && denied.length < 2 ? undefined : denied;
          },
          { timeoutMs: 90_000, initialMs: 500, maxMs: 2000 },
        );
        for (const a of by.value ?? []) rejected[a].push(`${cluster.name} ${pod.metadata.namespace}/${pod.metadata.name}`);
      }
    }
    expect(rejected['no-privileged'].sort()).toEqual(previewed['no-privileged']);
    expect(rejected['owner-label'].sort()).toEqual(previewed['owner-label']);
  }, 400_000);

  it('arc-verify warns before the exemption expires and fails once it has expired and is still there', async () => {
    const arcVerify = (now: number) =>
      runStep(
        () => verify({ now: () => now }),
        'arc-verify/action.yml',
        {
          'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
          'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
          'subscription-id': sub,
          environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
          targets: CLUSTERS.map((c) => clusterId(c.name)).join('\n'),
          'exemption-warning-days': '30',
          'fail-on': 'never',
        },
        { env: { ...sandbox.env } },
      );
    const check = (r: Awaited<ReturnType<typeof arcVerify>>, cluster: string) =>
      JSON.parse(r.outputs.report)
        .clusters.find((c: { name: string }) => c.name === cluster)
        .checks.find((c: { check: string }) => c.check === 'policy-exemptions');
    const today = await arcVerify(Date.now());
    expect(check(today, 'pv-broad')).toMatchObject({ status: 'warn', reason: expect.stringMatching(/broad-api-waiver .*in (19|20) days/) });
    expect(check(today, 'pv-canary')).toMatchObject({ status: 'skipped' });
    const later = await arcVerify(Date.now() + 21 * DAY);
    expect(check(later, 'pv-broad')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('expired exemptions are still present'),
    });
  }, 120_000);

  it('removing the exemption from the files deletes it on apply', async () => {
    const workspace = files({ legacyExcluded: false, owner: true });
    const planned = await step('plan', workspace);
    expect(JSON.parse(planned.outputs.result).exemptions).toEqual([
      expect.objectContaining({ name: 'broad-api-waiver', action: 'delete', written: false }),
    ]);
    const applied = await step('apply', workspace);
    expect(JSON.parse(applied.outputs.result).exemptions).toEqual([expect.objectContaining({ action: 'delete', written: true })]);
    expect(
      sandbox.state.get(`${clusterId('pv-broad')}/providers/Microsoft.Authorization/policyExemptions/broad-api-waiver`),
    ).toBeUndefined();
  }, 120_000);
});

describe('ring by ring', () => {
  const workspace = () => ({ 'policies/rings.yaml': RINGS() });
  // Labelled with its owner and not privileged: only the host-namespace policy has something against it.
  const hostPidPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'host-pid', namespace: 'shop', labels: { owner: 'team-a' } },
    spec: { hostPID: true, containers: [{ name: 'c', image: 'busybox' }] },
  };
  const denies = async (cluster: LocalCluster) => {
    try {
      await cluster.client.request('POST', '/api/v1/namespaces/shop/pods', { body: hostPidPod, query: { dryRun: 'All' } });
      return false;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 403 && /\[azurepolicy-k8sazurev3blockhostnamespace-/.test(error.message))
        return true;
      throw error;
    }
  };
  /** Waits until the webhook's answer on each cluster is the expected one (the add-on syncs on its own cycle). */
  const expectDenial = async (expected: [boolean, boolean]) => {
    const settled = await waitFor(
      async () => {
        const now = [await denies(clusters[0]), await denies(clusters[1])];
        return now[0] === expected[0] && now[1] === expected[1] ? now : undefined;
      },
      { timeoutMs: 90_000, initialMs: 500, maxMs: 2000 },
    );
    expect(settled.value).toEqual(expected);
  };
  const promote = (ring?: string) => step('promote', workspace(), { assignment: 'host-namespace', ...(ring ? { ring } : {}) });

  it('applies in Audit everywhere; promoting broad before canary is refused with zero writes', async () => {
    const since = Date.now();
    expect((await step('apply', workspace(), { assignment: 'host-namespace' })).errors).toEqual([]);
    await waitForStates('host-namespace', since, (s) => [...s.values()].every((x) => x.complianceState === 'Compliant'));
    await expectDenial([false, false]);
    sandbox.clearCalls();
    const refused = await promote('broad');
    expect(refused.failed).toBe(true);
    expect(writes()).toBe(0);
    expect(JSON.parse(refused.outputs.result).assignments[0].message).toContain('promote ring canary first');
  }, 300_000);

  it('canary first: only the westeurope cluster denies; a rerun is unchanged', async () => {
    const canary = await promote('canary');
    expect(canary.errors).toEqual([]);
    let since = Date.now();
    expect(canary.outputs.promoted).toBe('true');
    const assignment = sandbox.state.get(`/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/host-namespace`)!;
    expect((assignment.properties as any).parameters.effect.value).toBe('Audit');
    expect((assignment.properties as any).overrides).toEqual([
      { kind: 'policyEffect', value: 'Deny', selectors: [{ kind: 'resourceLocation', in: ['westeurope'] }] },
    ]);
    await expectDenial([true, false]);
    sandbox.clearCalls();
    const again = await promote('canary');
    expect(JSON.parse(again.outputs.result).assignments[0].action).toBe('unchanged');
    expect(writes()).toBe(0);

    // broad, once its states are fresh after the canary change.
    await waitForStates('host-namespace', since, () => true);
    const broad = await promote('broad');
    expect(broad.errors).toEqual([]);
    since = Date.now();
    await expectDenial([true, true]);

    // The whole assignment, once every ring is Deny: effect Deny, no overrides left.
    await waitForStates('host-namespace', since, () => true);
    const whole = await promote();
    expect(whole.errors).toEqual([]);
    const final = sandbox.state.get(`/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/host-namespace`)!;
    expect((final.properties as any).parameters.effect.value).toBe('Deny');
    expect((final.properties as any).overrides ?? []).toEqual([]);
    await expectDenial([true, true]);
  }, 400_000);
});
