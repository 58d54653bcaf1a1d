/**
 * policy-rollout on a pull request against the sandbox's GitHub API: mode plan publishes exactly one check run and
 * one sticky comment, both updated (not duplicated) on rerun; the comment's compliance diff shows new and resolved
 * violations between runs; annotations sit at the assignment's YAML line; the check fails when the file's stage is
 * deny and there are violations. Then 500 clusters × 5 policies: the comment stays under GitHub's 65,536 characters
 * and says what it left out.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OCTOCAT, startSandbox, type PolicyComponent, type Sandbox } from '@arc-actions/sandbox';
import { stickyMarker } from '@arc-actions/report';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { encodeSnapshot } from '../actions/policy-rollout/src/compliance.js';
import { run } from '../actions/policy-rollout/src/main.js';

const MG = '/providers/Microsoft.Management/managementGroups/fleet-emulated';
const ASSIGNMENT = `${MG}/providers/Microsoft.Authorization/policyAssignments/k8s-baseline`;
const SET = '/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d';
/** The five policies of the baseline initiative: reference id → definition id. */
const POLICIES: Record<string, string> = {
  NoPrivilegedContainers: '95edb821-ddaf-4404-9732-666045e056b4',
  BlockUsingHostNetwork: '82985f06-dc18-4a48-bc1c-b9f4f0098cfe',
  BlockUsingHostProcessIDAndIPC: '47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8',
  ContainerCapabilities: 'c26596ff-4d70-4e6a-9a30-c2506bd2f80c',
  NoHostPathVolume: '098fc59e-46c7-4d99-9b16-64990e543d75',
};
const OWNER = 'acme';
const REPO = 'fleet';
const SHA = 'c0ffee0000000000000000000000000000000001';

const policyFile = (stage: 'audit' | 'deny') =>
  [
    '# Fleet baseline, changed in this pull request',
    '',
    'assignments:',
    '  - name: k8s-baseline',
    '    display-name: Kubernetes pod security baseline',
    `    scope: ${MG}`,
    `    definition: ${SET}`,
    `    stage: ${stage}`,
    '',
  ].join('\n');
const ASSIGNMENT_LINE = 4;

function pod(ns: string, name: string): PolicyComponent {
  return { id: `${ns}/${name}`, type: 'Pod', name, complianceState: 'NonCompliant' };
}

function putState(sandbox: Sandbox, clusterId: string, policy: string, components: PolicyComponent[]): void {
  sandbox.state.putPolicyState({
    resourceId: clusterId,
    resourceType: 'Microsoft.Kubernetes/connectedClusters',
    policyAssignmentId: ASSIGNMENT,
    policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${POLICIES[policy]}`,
    policySetDefinitionId: SET,
    policyDefinitionReferenceId: policy,
    complianceState: components.length ? 'NonCompliant' : 'Compliant',
    components,
  });
}

const clusterIds = (sandbox: Sandbox) => [...sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters')].map((c) => c.id).sort();

function planStep(sandbox: Sandbox, workspaceFiles: Record<string, string>, pr: number, token = sandbox.env.GITHUB_TOKEN) {
  const env = sandbox.env;
  const dir = mkdtempSync(join(tmpdir(), 'arc-pr-event-'));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', pull_request: { number: pr, head: { sha: SHA, ref: `pr-${pr}` } } }));
  return runStep(
    () => run(),
    'policy-rollout/action.yml',
    {
      'client-id': env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': env.ARC_SANDBOX_TENANT_ID,
      'subscription-id': env.ARC_SANDBOX_SUBSCRIPTION_ID,
      environment: env.ARC_SANDBOX_ENVIRONMENT,
      mode: 'plan',
      policies: 'policies',
      'github-token': token,
    },
    {
      files: workspaceFiles,
      env: {
        ...env,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_SHA: 'ffffffffffffffffffffffffffffffffffffffff',
        GITHUB_RUN_ID: '77',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
      },
    },
  ).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe('policy-rollout plan on a pull request', () => {
  let sandbox: Sandbox;
  let ids: string[];
  const PR = 7;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.seedEmulatedClusters(3, { nonCompliantEvery: 0 });
    ids = clusterIds(sandbox);
    sandbox.github.seedPullRequest({ owner: OWNER, repo: REPO, number: PR, headSha: SHA, files: [{ filename: 'policies/baseline.yaml' }] });
  }, 60_000);
  afterAll(async () => sandbox?.stop());

  const comments = () => sandbox.github.commentsOn(OWNER, REPO, PR);
  const checks = () => sandbox.github.checkRunsOf(OWNER, REPO).filter((c) => c.headSha === SHA);

  it('publishes one check run with annotations at the assignment line and one sticky comment', async () => {
    for (const id of ids) for (const p of Object.keys(POLICIES)) putState(sandbox, id, p, []);
    putState(sandbox, ids[0], 'NoPrivilegedContainers', [pod('default', 'privileged-a')]);
    putState(sandbox, ids[1], 'NoHostPathVolume', [pod('shop', 'hostpath-b')]);

    const r = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('audit') }, PR);
    expect(r.errors).toEqual([]);
    expect(r.outputs.violations).toBe('2');

    expect(checks()).toHaveLength(1);
    const [check] = checks();
    expect(check).toMatchObject({ name: 'Arc policy rollout', status: 'completed', conclusion: 'success' });
    expect(check.annotations).toHaveLength(1);
    expect(check.annotations[0]).toMatchObject({
      path: 'policies/baseline.yaml',
      start_line: ASSIGNMENT_LINE,
      end_line: ASSIGNMENT_LINE,
      annotation_level: 'warning',
    });
    expect(check.annotations[0].message).toContain('2 objects would be rejected under Deny');

    expect(comments()).toHaveLength(1);
    const body = comments()[0].body;
    expect(body).toContain('## Policy rollout: plan');
    expect(body).toMatch(/privileged-a/);
    expect(body).not.toContain('Since the previous evaluation');
  }, 120_000);

  it('updates the same check run and comment on rerun, with the new and resolved violations, and fails for deny', async () => {
    const firstComment = comments()[0];
    const firstCheck = checks()[0];
    // Between runs: the privileged pod was fixed, a new hostNetwork pod appeared on the third cluster.
    putState(sandbox, ids[0], 'NoPrivilegedContainers', []);
    putState(sandbox, ids[2], 'BlockUsingHostNetwork', [pod('edge', 'hostnet-c')]);

    const r = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('deny') }, PR);
    expect(r.outputs.violations).toBe('2');

    expect(comments()).toHaveLength(1);
    expect(comments()[0].id).toBe(firstComment.id);
    const body = comments()[0].body;
    expect(body).toContain('**Since the previous evaluation:** 1 new, 1 resolved, 1 unchanged violations.');
    const newSection = body.slice(body.indexOf('New violations'), body.indexOf('Resolved violations'));
    expect(newSection).toContain('hostnet-c');
    expect(body.slice(body.indexOf('Resolved violations'))).toContain('privileged-a');
    expect(body).toContain('+1 / −1');

    expect(checks()).toHaveLength(1);
    const [check] = checks();
    expect(check.id).toBe(firstCheck.id);
    expect(check.conclusion).toBe('failure');
    expect(check.output.title).toContain('k8s-baseline would move to Deny');
    // GitHub appends annotations on update (they cannot be removed): the first run's warning stays, and this run
    // adds one failure at the same line.
    const failures = check.annotations.filter((a) => a.annotation_level === 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ path: 'policies/baseline.yaml', start_line: ASSIGNMENT_LINE, end_line: ASSIGNMENT_LINE });
    expect(failures[0].message).toContain('edge/hostnet-c');

    // A third run with nothing changed: still one comment, now with nothing new or resolved.
    const again = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('deny') }, PR);
    expect(again.outputs.violations).toBe('2');
    expect(comments()).toHaveLength(1);
    expect(checks()).toHaveLength(1);
    expect(comments()[0].body).toContain('0 new, 0 resolved, 2 unchanged violations');
  }, 120_000);

  it('a token without checks: write loses nothing: summary and outputs, the comment, a warning naming the permission', async () => {
    const pr = 9;
    sandbox.github.seedPullRequest({ owner: OWNER, repo: REPO, number: pr, headSha: SHA });
    const before = sandbox.github.checkRunsOf(OWNER, REPO).map((c) => [c.id, c.output.summary, c.annotations.length]);
    const noChecks = sandbox.github.mintToken({ permissions: { pull_requests: 'write', contents: 'read' } });
    const r = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('audit') }, pr, noChecks);
    // The result is the run's own: not failed (audit stage), the outputs and the summary written.
    expect(r.failed).toBe(false);
    expect(r.errors).toEqual([]);
    expect(r.outputs.violations).toBe('2');
    expect(JSON.parse(r.outputs.result).assignments[0]).toMatchObject({ name: 'k8s-baseline' });
    expect(r.summary).toContain('## Policy rollout: plan');
    expect(r.warnings).toEqual([
      'Could not publish the check run: GitHub answered 403 Resource not accessible by integration. Add `permissions: checks: write` to the job (the token lacks it). The result of this run is unchanged: see the step summary and the outputs.',
    ]);
    expect(sandbox.github.checkRunsOf(OWNER, REPO).map((c) => [c.id, c.output.summary, c.annotations.length])).toEqual(before);
    expect(sandbox.github.commentsOn(OWNER, REPO, pr)).toHaveLength(1);

    // Neither checks nor pull requests: two warnings (and the previous comment could not be read), same result.
    const readOnly = sandbox.github.mintToken({ permissions: { contents: 'read' } });
    const bare = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('audit') }, pr, readOnly);
    expect(bare).toMatchObject({ failed: false, errors: [], outputs: { violations: '2' } });
    expect(bare.warnings[0]).toMatch(/^Could not read the previous pull request comment: GitHub answered 403 /);
    expect(
      bare.warnings.map((w) =>
        /Could not (?:publish|read) the ([a-z ]+):.*?(`permissions: .*?`(?: or `permissions: .*?`)?)/.exec(w)?.slice(1),
      ),
    ).toEqual([
      ['previous pull request comment', '`permissions: issues: read` or `permissions: pull-requests: read`'],
      ['check run', '`permissions: checks: write`'],
      ['pull request comment', '`permissions: issues: write` or `permissions: pull-requests: write`'],
    ]);
  }, 120_000);

  it("never edits another's comment that carries the marker, nor trusts the snapshot in it", async () => {
    const pr = 10;
    sandbox.github.seedPullRequest({ owner: OWNER, repo: REPO, number: pr, headSha: SHA });
    // Someone quotes the bot's comment with a forged snapshot claiming three other violations were there before.
    const forged = `${stickyMarker('policy-rollout', 'policies')}\n${encodeSnapshot({
      'k8s-baseline': ['c/forged/Pod/a', 'c/forged/Pod/b', 'c/forged/Pod/c'],
    })}\nforged`;
    const theirs = sandbox.github.seedComment({ owner: OWNER, repo: REPO, issueNumber: pr, body: forged, user: OCTOCAT });
    const r = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('audit') }, pr);
    expect(r.errors).toEqual([]);
    const onPr = sandbox.github.commentsOn(OWNER, REPO, pr);
    expect(onPr).toHaveLength(2);
    expect(onPr[0]).toMatchObject({ id: theirs.id, body: forged, user: { login: 'octocat' } });
    expect(onPr[1].user.login).toBe('github-actions[bot]');
    // No diff against the forged snapshot: nothing "resolved" that was never ours.
    expect(onPr[1].body).not.toContain('Since the previous evaluation');
    expect(onPr[1].body).not.toContain('forged');
    expect(r.visibleStdout).toContain('Left alone 1 comment(s) on #10 that carry the policy-rollout marker but were written by octocat');

    // Our next run diffs against our own comment only, and still leaves theirs alone.
    const again = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('audit') }, pr);
    expect(again.errors).toEqual([]);
    const after = sandbox.github.commentsOn(OWNER, REPO, pr);
    expect(after.map((c) => c.id)).toEqual([theirs.id, onPr[1].id]);
    expect(after[0].body).toBe(forged);
    expect(after[1].body).toContain('0 new, 0 resolved, 2 unchanged violations');
  }, 120_000);
});

describe('policy-rollout plan on a pull request, 500 clusters × 5 policies', () => {
  let sandbox: Sandbox;
  const PR = 8;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.seedEmulatedClusters(500, { nonCompliantEvery: 0 });
    const ids = clusterIds(sandbox);
    ids.forEach((id, i) =>
      Object.keys(POLICIES).forEach((p, j) =>
        putState(sandbox, id, p, (i + j) % 2 === 0 ? Array.from({ length: 3 }, (_, k) => pod(`team-${k}`, `workload-${i}-${j}-${k}`)) : []),
      ),
    );
    sandbox.github.seedPullRequest({ owner: OWNER, repo: REPO, number: PR, headSha: SHA });
  }, 120_000);
  afterAll(async () => sandbox?.stop());

  it('keeps the comment under 65,536 characters and says what it left out', async () => {
    const r = await planStep(sandbox, { 'policies/baseline.yaml': policyFile('deny') }, PR);
    const violations = Number(r.outputs.violations);
    // (i + j) even: 3 objects; per cluster 3 or 2 of the 5 policies, alternating: 250 × 9 + 250 × 6.
    expect(violations).toBe(3750);
    expect(violations).toBeGreaterThan(3000);
    const comments = sandbox.github.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('## Policy rollout: plan');
    expect(body).toMatch(/omitted/);
    expect(body).toMatch(/rows? omitted \([\d,]+ of [\d,]+ shown\)/);
    const check = sandbox.github.checkRunsOf(OWNER, REPO).filter((c) => c.name === 'Arc policy rollout' && c.headSha === SHA);
    expect(check).toHaveLength(1);
    expect(check[0].conclusion).toBe('failure');
    expect(Buffer.byteLength(check[0].output.summary ?? '')).toBeLessThanOrEqual(65_535);
  }, 300_000);
});
