/**
 * The example workflows (`workflows-examples/*.yml`) end to end: each file is parsed and run by a tiny runner
 * (test/examples/runner.ts) that follows the GitHub runner's conventions and starts our committed bundles
 * (`dist/<name>/index.js`) against one sandbox with two real clusters, in the order a user would adopt them:
 * onboard each cluster → GitOps to the fleet → a policy pull request (plan) → merge (apply) and a promotion request →
 * the nightly verification with its matrix, artifacts and regression issue.
 *
 * What the test provides, and why:
 * - `vars.AZURE_*` are the sandbox's seeded app, tenant and subscription. Each job's `github.token` is a token of the
 *   sandbox's GitHub stand-in minted with exactly the job's `permissions:` (the repository default being GitHub's
 *   restricted one), so a permission an example forgets is refused with 403 as on GitHub, and the action's warning
 *   naming it fails this test. The sandbox's GITHUB_TOKEN variable is removed from the steps' environment: on a
 *   runner, actions only see the token through `${{ github.token }}` (inputs and their defaults).
 * - `environment` is not in the examples (they target Azure's public cloud, the input's default `AzureCloud`). The
 *   runner injects it into every step of ours that declares it: the sandbox's custom-environment JSON is this test's
 *   stand-in for "the runner is in Azure's public cloud".
 * - The OIDC token's subject follows GitHub's rules per job (environment → `repo:…:environment:<name>`, else
 *   `pull_request`, else `ref:<ref>`), and the app gets the federated credentials a user adds for these workflows.
 * - `az` for cluster connect (nightly-verify's verify job, `access: cluster-connect`): `az connectedk8s proxy` needs
 *   Azure's cluster connect relay, which the sandbox does not offer offline, so the step runs and its in-cluster
 *   checks report that cluster connect could not start (`az login` with the OIDC token against the public cloud fails
 *   offline, or `az` is missing); the ARM-side checks still run. That makes every cluster `fail`, which is what opens
 *   the regression issue.
 * - `az` and `kubectl` for on-call-access only: the step's `az connectedk8s proxy` is the stand-in of
 *   test/fixtures/fake-az.sh (it writes the kubeconfig and forwards the port to the first real cluster's API server, as
 *   the relay would), and `kubectl get nodes` is test/fixtures/fake-kubectl.sh (the Kubernetes client reading the
 *   exported KUBECONFIG): the local-cluster binaries have no kubectl. What runs for real is the action's bundle, its
 *   readiness check through the API server, KUBECONFIG handed to the next step through GITHUB_ENV, and its post step.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveClusterBins, startFleetSandbox, type FleetSandbox, type LocalCluster, type Sandbox } from '@arc-actions/sandbox';
import { condition, interpolate } from './examples/expressions.js';
import {
  expandMatrix,
  jobPermissions,
  parseOutputFile,
  runWorkflow,
  type RunnerOptions,
  type WorkflowEvent,
  type WorkflowRun,
} from './examples/runner.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'workflows-examples');
const OWNER = 'acme';
const REPO = 'fleet';
const SHA = '5e1f0c0ffee00000000000000000000000000042';
const PR = 12;
const PR_HEAD = 'bead0000000000000000000000000000000000a1';
const PLATFORM_GROUP_ID = '7d4f1a52-3c1e-4d3b-9a57-0c9e5e8e1b21';
const GITOPS_READ_TOKEN = 'ghp_examplesReadTokenThatMustNeverBePrinted0001';
const CLUSTER_ADMIN_ROLE = '8393591c-06b9-48a2-a542-1bd6b377f6a2';

let dir: string;
let fleet: FleetSandbox;
let sandbox: Sandbox;
let clusters: LocalCluster[];
let options: RunnerOptions;
let sub: string;
const runs: string[] = [];

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** The Git repository Flux syncs from, on the loopback git server (HTTPS; the token is the workflow's secret). */
async function fluxSource(): Promise<string> {
  const repo = await fleet.git!.createRepository('fleet-config', {
    'infra/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    'apps/storefront.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront\n  namespace: shop\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: storefront}}\n  template:\n    metadata: {labels: {app: storefront}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
  });
  return repo.httpsUrl;
}

/** The user's repository (acme/fleet), which actions/checkout copies into each job's workspace. */
function userRepository(root: string, fluxUrl: string): string {
  const repo = join(root, 'acme-fleet');
  write(
    repo,
    'gitops/fleet.yaml',
    [
      'name: fleet',
      'namespace: flux-system',
      'scope: cluster',
      'source:',
      '  gitRepository:',
      `    url: ${fluxUrl}`,
      '    branch: main',
      '    https-user: x-access-token',
      'kustomizations:',
      '  infra:',
      '    path: ./infra',
      '  apps:',
      '    path: ./apps',
      '    depends-on: [infra]',
      '',
    ].join('\n'),
  );
  write(
    repo,
    'policies/no-privileged.yaml',
    [
      'assignments:',
      '  - name: no-privileged',
      '    display-name: No privileged containers',
      `    scope: /subscriptions/${sub}`,
      '    definition: /providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4',
      '    stage: deny',
      '',
    ].join('\n'),
  );
  return repo;
}

async function run(
  file: string,
  event: WorkflowEvent,
  secrets: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<WorkflowRun> {
  runs.push(file);
  const r = await runWorkflow(join(EXAMPLES, file), event, {
    ...options,
    env: { ...options.env, ...env },
    secrets: { ...options.secrets, ...secrets },
  });
  // Every `with:` key of the example is an input its action.yml declares (the runner would warn otherwise).
  const steps = Object.values(r.jobs).flatMap((jobs) => jobs.flatMap((j) => j.steps));
  expect(steps.flatMap((s) => s.warnings.filter((w) => w.startsWith('Unexpected input')))).toEqual([]);
  // Every job has the permissions its publications need: GitHub refuses the others (403), which the actions report
  // as a warning naming the permission to add.
  expect(steps.flatMap((s) => s.warnings.filter((w) => /^Could not (publish|read) the /.test(w)))).toEqual([]);
  return r;
}

/** What a failing assertion should show: each step's conclusion, reason and errors. */
function story(r: WorkflowRun): string {
  return Object.values(r.jobs)
    .flat()
    .map(
      (j) =>
        `${j.id}${j.matrix ? JSON.stringify(j.matrix) : ''}: ${j.conclusion}${j.reason ? ` (${j.reason})` : ''}\n` +
        j.steps.map((s) => `  ${s.name}: ${s.conclusion}${s.reason ? ` (${s.reason})` : ''} ${s.errors.join(' | ')}`).join('\n'),
    )
    .join('\n');
}

const clusterId = (name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/${name}`;

describe('example workflows against the sandbox', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arc-examples-'));
    fleet = await startFleetSandbox({
      clusters: 2,
      dir: join(dir, 'clusters'),
      auditIntervalSeconds: 3,
      gitServer: { user: 'x-access-token', token: GITOPS_READ_TOKEN },
    });
    ({ sandbox, clusters } = fleet);
    sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
    // The federated credentials a user adds for these workflows: their environments, pull requests and main.
    sandbox.state.setFederatedCredentials(
      ['environment:fleet-prod', 'environment:fleet-readonly', 'environment:policy-promotion', 'pull_request', 'ref:refs/heads/main'].map(
        (s) => ({
          name: s.replace(/[^\w-]/g, '-'),
          issuer: sandbox.state.oidcIssuer,
          subject: `repo:${OWNER}/${REPO}:${s}`,
          audiences: ['api://AzureADTokenExchange'],
        }),
      ),
    );
    // helm is on every GitHub-hosted runner; here it comes from the same Go-built cache as the clusters.
    const bins = await resolveClusterBins();
    const { GITHUB_TOKEN: token, ...env } = fleet.env;
    options = {
      actionsRoot: ROOT,
      repository: userRepository(dir, await fluxSource()),
      env: { ...env, PATH: `${bins.dir}:${process.env.PATH}`, HOME: process.env.HOME ?? dir },
      vars: {
        AZURE_CLIENT_ID: sandbox.env.ARC_SANDBOX_CLIENT_ID,
        AZURE_TENANT_ID: sandbox.env.ARC_SANDBOX_TENANT_ID,
        AZURE_SUBSCRIPTION_ID: sub,
        PLATFORM_GROUP_ID,
      },
      secrets: { GITOPS_READ_TOKEN },
      github: { repository: `${OWNER}/${REPO}`, sha: SHA, runId: '4242', token, apiUrl: sandbox.env.GITHUB_API_URL },
      implicitInputs: { environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT },
      mintToken: (permissions) => sandbox.github.mintToken({ permissions }),
      defaultPermissions: 'restricted',
      beforeJob: ({ environment, event, ref }) => {
        const subject = environment ? `environment:${environment}` : event === 'pull_request' ? 'pull_request' : `ref:${ref}`;
        sandbox.state.setOidcClaims({ sub: `repo:${OWNER}/${REPO}:${subject}`, ref, event_name: event, environment });
      },
      workDir: join(dir, 'runs'),
      stepTimeoutMs: 300_000,
    };
  }, 300_000);

  afterAll(async () => {
    await fleet?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('has an example for each workflow this test runs', () => {
    expect(
      readdirSync(EXAMPLES)
        .filter((f) => f.endsWith('.yml'))
        .sort(),
    ).toEqual([
      'gitops-fleet.yml',
      'nightly-verify.yml',
      'on-call-access.yml',
      'onboard-cluster.yml',
      'policy-plan.yml',
      'policy-promote.yml',
    ]);
  });

  it('onboard-cluster: a dispatch per cluster connects it to Arc with tags, extensions and the role assignment', async () => {
    for (const cluster of clusters) {
      const r = await run(
        'onboard-cluster.yml',
        { name: 'workflow_dispatch', inputs: { cluster: cluster.name } },
        { CLUSTER_KUBECONFIG: cluster.kubeconfig },
      );
      expect(story(r)).not.toContain('failure');
      expect(r.concurrencyGroup).toBe(`onboard-${cluster.name}`);
      const connect = r.step('onboard', 'connect');
      expect(connect.outputs.result).toBe('created');
      expect(connect.outputs['cluster-id'].toLowerCase()).toBe(clusterId(cluster.name).toLowerCase());
      expect(connect.outputs['connectivity-status']).toBe('Connected');
      // The echo step got the outputs through its env.
      expect(r.step('onboard', 'Show the result').log.trim()).toBe(`${connect.outputs['cluster-id']}: created`);
      // The kubeconfig secret (its bearer token) appears nowhere the user can read.
      const token = /token: (\S+)/.exec(cluster.kubeconfig)![1];
      expect(connect.summary).not.toContain(token);
      expect(JSON.stringify(connect.outputs)).not.toContain(token);
      expect(connect.summary).toContain(cluster.name);

      const arm = sandbox.state.get(clusterId(cluster.name))!;
      expect(arm.location).toBe('westeurope');
      expect(arm.tags).toMatchObject({ env: 'prod', owner: 'platform' });
      const extensions = [...sandbox.state.store.ofType('Microsoft.KubernetesConfiguration/extensions')]
        .filter((e) => e.id.toLowerCase().startsWith(clusterId(cluster.name).toLowerCase()))
        .map((e) => (e.properties as { extensionType: string }).extensionType.toLowerCase());
      expect(extensions.sort()).toEqual(['microsoft.flux', 'microsoft.policyinsights']);
      const grants = sandbox.state.store
        .ofType('Microsoft.Authorization/roleAssignments', clusterId(cluster.name))
        .filter((a) => (a.properties as { principalId: string }).principalId === PLATFORM_GROUP_ID);
      expect(grants.map((a) => (a.properties as { roleDefinitionId: string }).roleDefinitionId.split('/').pop())).toEqual([
        CLUSTER_ADMIN_ROLE,
      ]);
    }
  }, 600_000);

  it('gitops-fleet: a push applies gitops/fleet.yaml to every env=prod cluster, and Flux deploys it', async () => {
    const r = await run('gitops-fleet.yml', { name: 'push', payload: { ref: 'refs/heads/main', after: SHA } });
    expect(story(r)).not.toContain('failure');
    const apply = r.step('apply', 'Apply Flux configuration');
    const results = JSON.parse(apply.outputs.results) as {
      configuration: string;
      counts: { fail: number };
      targets: { name: string; status: string; action: string; protectedSettings: string; compliance?: { state: string } }[];
    };
    expect(results.configuration).toBe('fleet');
    expect(results.counts.fail).toBe(0);
    expect(results.targets.map((t) => t.name).sort()).toEqual(clusters.map((c) => c.name).sort());
    for (const t of results.targets)
      expect(t).toMatchObject({ status: 'ok', action: 'create', protectedSettings: 'sent', compliance: { state: 'Compliant' } });
    expect(JSON.parse(apply.outputs.matrix).include).toHaveLength(clusters.length);
    // The HTTPS token went to ARM as a protected setting, never into the summary or the outputs.
    expect(apply.summary).not.toContain(GITOPS_READ_TOKEN);
    expect(JSON.stringify(apply.outputs)).not.toContain(GITOPS_READ_TOKEN);
    for (const cluster of clusters) {
      const flux = sandbox.state.get(`${clusterId(cluster.name)}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/fleet`)!;
      expect((flux.properties as { complianceState: string }).complianceState).toBe('Compliant');
      const deployment = await cluster.client.request('GET', '/apis/apps/v1/namespaces/shop/deployments/storefront');
      expect((deployment as { metadata: { name: string } }).metadata.name).toBe('storefront');
    }
  }, 600_000);

  it('policy-plan: a pull request gets one check run and one sticky comment, updated on the next push', async () => {
    sandbox.github.seedPullRequest({
      owner: OWNER,
      repo: REPO,
      number: PR,
      headSha: PR_HEAD,
      files: [{ filename: 'policies/no-privileged.yaml' }],
    });
    const payload = (action: string) => ({
      action,
      number: PR,
      pull_request: { number: PR, head: { sha: PR_HEAD, ref: `policy-${PR}` }, base: { ref: 'main' } },
    });
    const event = (action: string): WorkflowEvent => ({ name: 'pull_request', payload: payload(action), ref: `refs/pull/${PR}/merge` });
    const first = await run('policy-plan.yml', event('opened'));
    expect(story(first)).not.toContain('failure');
    expect(first.concurrencyGroup).toBe(`policy-plan-${PR}`);
    const plan = first.step('plan', 'Plan policy rollout');
    expect(JSON.parse(plan.outputs.result).assignments[0]).toMatchObject({ name: 'no-privileged', action: 'create' });
    // The step's token (its github-token input defaults to github.token) has exactly the workflow's permissions.
    expect(sandbox.github.grantOf(plan.inputs['github-token'])?.permissions).toEqual({
      contents: 'read',
      checks: 'write',
      pull_requests: 'write',
      metadata: 'read',
    });
    expect(plan.summary).toContain('no-privileged');

    const second = await run('policy-plan.yml', event('synchronize'));
    expect(story(second)).not.toContain('failure');
    const checks = sandbox.github.checkRunsOf(OWNER, REPO);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: 'Arc policy rollout', headSha: PR_HEAD, status: 'completed' });
    const comments = sandbox.github.commentsOn(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('no-privileged');
  }, 300_000);

  it('policy-promote: a push applies in Audit (promote skipped); a dispatch runs promote, refused before the 7-day soak', async () => {
    const assignmentId = `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/no-privileged`;
    const pushed = await run('policy-promote.yml', { name: 'push', payload: { ref: 'refs/heads/main', after: SHA } });
    expect(story(pushed)).not.toContain('failure');
    expect(pushed.jobs.apply[0].conclusion).toBe('success');
    expect(pushed.jobs.promote[0]).toMatchObject({ conclusion: 'skipped', steps: [] });
    const applied = JSON.parse(pushed.jobs.apply[0].steps[1].outputs.result);
    expect(applied.assignments[0]).toMatchObject({ name: 'no-privileged', action: 'create', effectAfter: 'Audit' });
    const assignment = () => sandbox.state.get(assignmentId)!.properties as { parameters: { effect: { value: string } } };
    expect(assignment().parameters.effect.value).toBe('Audit');
    // The check run on the pushed commit (the workflow grants checks: write; without it GitHub answers 403).
    const onCommit = () => sandbox.github.checkRunsOf(OWNER, REPO).filter((c) => c.headSha === SHA && c.name === 'Arc policy rollout');
    expect(onCommit()).toMatchObject([{ status: 'completed', conclusion: 'success' }]);

    // The promotion request: the assignment entered Audit seconds ago and the example asks for min-soak 7d, so the
    // gate refuses (whatever the compliance data says), the step fails with promoted=false, the echo step after it is
    // skipped (no `if: always()`), and the assignment stays in Audit.
    const dispatched = await run('policy-promote.yml', { name: 'workflow_dispatch', inputs: { assignment: 'no-privileged' } });
    expect(dispatched.jobs.apply[0]).toMatchObject({ conclusion: 'skipped', reason: "if: github.event_name == 'push' is false" });
    const promote = dispatched.step('promote', 'promote');
    expect(promote.inputs).toMatchObject({ assignment: 'no-privileged', ring: '', 'min-soak': '7d', 'max-staleness': '24h' });
    expect(promote.conclusion).toBe('failure');
    expect(promote.outputs.promoted).toBe('false');
    const gate = JSON.parse(promote.outputs.gate)['no-privileged'];
    const soak = gate.conditions.find((c: { id: string }) => c.id === 'soak');
    expect(soak.passed).toBe(false);
    expect(JSON.parse(promote.outputs.result).assignments[0]).toMatchObject({ name: 'no-privileged', action: 'refused' });
    expect(promote.errors.length).toBeGreaterThan(0);
    expect(dispatched.step('promote', 'Record the outcome')).toMatchObject({ conclusion: 'skipped', reason: 'an earlier step failed' });
    expect(dispatched.jobs.promote[0].conclusion).toBe('failure');
    expect(assignment().parameters.effect.value).toBe('Audit');
    // The refusal is on the same check run of the commit, now failed.
    expect(onCommit()).toMatchObject([{ conclusion: 'failure' }]);
  }, 300_000);

  it('nightly-verify: discover → one shard per matrix entry (cluster connect unavailable offline) → artifacts → aggregate with the regression issue', async () => {
    const r = await run('nightly-verify.yml', { name: 'schedule', payload: { schedule: '17 2 * * *' } });
    // Discover: ARM plane only, the matrix of shards (one shard holds up to 50 clusters).
    const discover = r.step('discover', 'fleet');
    expect(discover.conclusion).toBe('success');
    expect(JSON.parse(r.jobs.discover[0].outputs.matrix)).toEqual({ shard: ['1/1'] });
    expect(JSON.parse(readFileSync(join(r.jobs.discover[0].workspace!, 'reports/discover.json'), 'utf8')).clusters).toHaveLength(
      clusters.length,
    );

    // Verify: one job per matrix entry, each with its shard report uploaded as verify-<job-index>.
    expect(r.jobs.verify.map((j) => j.matrix)).toEqual([{ shard: '1/1' }]);
    expect(r.jobs.verify.every((j) => j.conclusion === 'success')).toBe(true);
    const verify = r.jobs.verify[0].steps[1];
    expect(verify.inputs).toMatchObject({ access: 'cluster-connect', shard: '1/1', 'report-path': 'reports/shard.json' });
    expect(verify.outputs.status).toBe('fail');
    expect(readdirSync(r.artifactsDir)).toEqual(['verify-0']);
    const shard = JSON.parse(readFileSync(join(r.artifactsDir, 'verify-0/shard.json'), 'utf8'));
    expect(shard.shard).toBe('1/1');
    expect(shard.clusters.map((c: { name: string }) => c.name).sort()).toEqual(clusters.map((c) => c.name).sort());
    for (const c of shard.clusters as { checks: { check: string; status: string; reason?: string }[] }[]) {
      const nodes = c.checks.find((k) => k.check === 'get-nodes')!;
      expect(nodes.status).toBe('fail');
      expect(nodes.reason).toMatch(/^az (cloud|login|connectedk8s)/);
      // The ARM-side checks ran: connectivity is fine.
      expect(c.checks.find((k) => k.check === 'connectivity')?.status).toBe('ok');
    }

    // Aggregate (if: always()): downloads every artifact into reports/<name>/, merges, writes the fleet report, and
    // opens the regression issue. The example leaves fail-on at its default (fail), so the nightly run ends red
    // because the fleet's status is fail: the aggregate step (and job) fail after publishing everything.
    const aggregate = r.jobs.aggregate[0];
    expect(aggregate.steps.map((s) => s.conclusion)).toEqual(['success', 'success', 'failure']);
    expect(aggregate.conclusion).toBe('failure');
    expect(aggregate.steps[2].errors).toEqual([`Fleet verification ended fail: ${clusters.length} clusters fail, 0 warn (fail-on: fail).`]);
    expect(existsSync(join(aggregate.workspace!, 'reports/verify-0/shard.json'))).toBe(true);
    const merged = JSON.parse(readFileSync(join(aggregate.workspace!, 'reports/arc-verify-fleet-report.json'), 'utf8'));
    expect(merged.status).toBe('fail');
    expect(merged.clusters).toHaveLength(clusters.length);
    const step = aggregate.steps[2];
    expect(step.outputs.status).toBe('fail');
    expect(step.summary).toContain(clusters[0].name);
    const issues = sandbox.github.issuesOf(OWNER, REPO).filter((i) => i.labels.includes('arc-verify'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', title: `Fleet verification: ${clusters.length} clusters failing` });
    expect(issues[0].body).toContain('/actions/runs/4242');
  }, 600_000);

  it('on-call-access: opens cluster connect, the next step runs kubectl get nodes through it, the post step closes it', async () => {
    const cluster = clusters[0];
    const id = clusterId(cluster.name);
    // Run on its own (jest -t), the cluster has not been onboarded by onboard-cluster: it is put in ARM as Connected.
    if (!sandbox.state.get(id)) {
      sandbox.state.put({
        id,
        name: cluster.name,
        type: 'Microsoft.Kubernetes/connectedClusters',
        location: 'westeurope',
        tags: {},
        properties: {},
      });
      sandbox.state.setClusterConnectivity(id, 'Connected');
    }
    const bin = mkdtempSync(join(dir, 'on-call-bin-'));
    symlinkSync(join(ROOT, 'test/fixtures/fake-az.sh'), join(bin, 'az'));
    symlinkSync(join(ROOT, 'test/fixtures/fake-kubectl.sh'), join(bin, 'kubectl'));
    const azLog = join(bin, 'az.log');
    const r = await run(
      'on-call-access.yml',
      { name: 'workflow_dispatch', inputs: { cluster: cluster.name } },
      {},
      {
        PATH: `${bin}:${options.env.PATH}`,
        FAKE_AZ_UPSTREAM: `127.0.0.1:${new URL(cluster.server).port}`,
        FAKE_AZ_KUBECONFIG: cluster.kubeconfigPath,
        FAKE_AZ_LOG: azLog,
        FAKE_AZ_READY_AFTER_MS: '1500',
      },
    );
    expect(story(r)).not.toContain('failure');
    expect(r.concurrencyGroup).toBe(`on-call-${cluster.name}`);
    const access = r.step('on-call', 'access');
    expect(access.outputs['cluster-id'].toLowerCase()).toBe(id.toLowerCase());
    expect(readFileSync(azLog, 'utf8')).toContain(`connectedk8s proxy -n ${cluster.name} -g rg-fleet`);
    const nodes = (await cluster.client.request<{ items: { metadata: { name: string } }[] }>('GET', '/api/v1/nodes')).items.map(
      (n) => n.metadata.name,
    );
    const listed = r.step('on-call', 'Nodes').log.trim().split('\n');
    expect(listed[0]).toBe('NAME');
    expect(listed.slice(1).sort()).toEqual(nodes.sort());
    const steps = r.jobs['on-call'][0].steps;
    expect(steps.map((s) => [s.name, s.conclusion])).toEqual([
      ['Open cluster connect', 'success'],
      ['Nodes', 'success'],
      ['Post Open cluster connect', 'success'],
    ]);
    expect(steps[2].log).toMatch(/Closed cluster connect: proxy \(pid \d+\) stopped, kubeconfig and CLI login deleted\./);
    expect(existsSync(access.outputs.kubeconfig)).toBe(false);
  }, 300_000);

  it('ran every example', () => {
    expect(new Set(runs)).toEqual(new Set(readdirSync(EXAMPLES).filter((f) => f.endsWith('.yml'))));
  });
});

describe('the example runner', () => {
  const ctx = {
    contexts: {
      github: { event_name: 'pull_request', event: { pull_request: { number: 12 } } },
      steps: { connect: { outputs: { 'cluster-id': '/subscriptions/s/c1', result: 'created' } } },
      needs: { discover: { outputs: { matrix: '{"shard":["1/2","2/2"]}' } } },
      strategy: { 'job-index': 1 },
      inputs: { ring: '' },
    },
    succeeded: true,
  };

  it('evaluates the expression forms of the examples', () => {
    expect(interpolate('${{ steps.connect.outputs.cluster-id }}: ${{ steps.connect.outputs.result }}', ctx)).toBe(
      '/subscriptions/s/c1: created',
    );
    expect(interpolate('${{ fromJSON(needs.discover.outputs.matrix) }}', ctx)).toEqual({ shard: ['1/2', '2/2'] });
    expect(interpolate('verify-${{ strategy.job-index }}', ctx)).toBe('verify-1');
    expect(interpolate('policy-plan-${{ github.event.pull_request.number }}', ctx)).toBe('policy-plan-12');
    expect(interpolate("${{ inputs.ring || 'all' }}", ctx)).toBe('all');
    expect(interpolate('${{ vars.MISSING }}', { ...ctx, contexts: { ...ctx.contexts, vars: {} } })).toBeNull();
    expect(() => interpolate('${{ unknown.thing }}', ctx)).toThrow("unknown context 'unknown'");
  });

  it('follows GitHub for if: conditions', () => {
    expect(condition("github.event_name == 'PULL_REQUEST'", ctx)).toBe(true);
    expect(condition("${{ github.event_name == 'push' }}", ctx)).toBe(false);
    expect(condition('always()', { ...ctx, succeeded: false })).toBe(true);
    expect(condition("github.event_name == 'pull_request'", { ...ctx, succeeded: false })).toBe(false);
    expect(condition(undefined, { ...ctx, succeeded: false })).toBe(false);
  });

  it("computes each job's GITHUB_TOKEN permissions as GitHub does", () => {
    // Nothing declared: the repository default (restricted unless the repository says permissive).
    expect(jobPermissions(undefined, undefined)).toEqual({ contents: 'read', packages: 'read', metadata: 'read' });
    expect(jobPermissions(undefined, undefined, 'permissive')).toMatchObject({ checks: 'write', models: 'read', metadata: 'read' });
    expect(jobPermissions(undefined, undefined, 'permissive')['id-token']).toBeUndefined();
    // The workflow's mapping: every scope it does not name is none.
    expect(jobPermissions(undefined, { contents: 'read', 'id-token': 'write' })).toEqual({
      contents: 'read',
      'id-token': 'write',
      metadata: 'read',
    });
    // The job's own permissions replace the workflow's entirely.
    expect(jobPermissions({ issues: 'write' }, { contents: 'read', checks: 'write' })).toEqual({ issues: 'write', metadata: 'read' });
    expect(jobPermissions({ checks: 'none' }, undefined)).toEqual({ metadata: 'read' });
    expect(jobPermissions({}, 'write-all')).toEqual({ metadata: 'read' });
    expect(jobPermissions(undefined, 'read-all')).toMatchObject({ checks: 'read', 'pull-requests': 'read', metadata: 'read' });
    expect(() => jobPermissions({ 'pull-request': 'write' }, undefined)).toThrow('unknown scope pull-request');
  });

  it('expands matrices and reads GITHUB_OUTPUT files', () => {
    expect(expandMatrix({ shard: ['1/2', '2/2'] })).toEqual([{ shard: '1/2' }, { shard: '2/2' }]);
    expect(
      expandMatrix({ os: ['a', 'b'], v: [1, 2], exclude: [{ os: 'b', v: 2 }], include: [{ os: 'a', extra: true }, { os: 'c' }] }),
    ).toEqual([{ os: 'a', v: 1, extra: true }, { os: 'a', v: 2, extra: true }, { os: 'b', v: 1 }, { os: 'c' }]);
    expect(parseOutputFile('a=1\nmatrix<<ghadelimiter_x\n{\n "k": 2\n}\nghadelimiter_x\nb=x=y\n')).toEqual({
      a: '1',
      matrix: '{\n "k": 2\n}',
      b: 'x=y',
    });
  });
});
