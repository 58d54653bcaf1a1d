/**
 * `npm run demo`: the whole story against the sandbox and three real local clusters, running the committed action
 * bundles exactly as the GitHub runner starts them:
 *   onboard (arc-connect ×3) → GitOps (flux-apply) → policy in Audit (policy-rollout apply) with one violation →
 *   refused promotion → fix in Git → clean evaluation → promotion → nightly verify with the negative test and the top
 *   container log errors of a crash-looping workload (Container Insights → ContainerLogV2 → the Logs query API).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../packages/core/src/index.js';
import { resolveClusterBins, startFleetSandbox, type FleetSandbox } from '../packages/sandbox/src/index.js';
import { CRASH_LOOP_ANNOTATION } from '../packages/sandbox/src/clusters/pod-runner.js';
import { runBundle, type StepRun } from './demo/step.js';
import { renderForTerminal } from './demo/terminal.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (text: string) => console.log(`\n\x1b[36m▶ ${text}\x1b[0m`);
const started = Date.now();

function buildClusterBinaries(): void {
  say('Local clusters: etcd, kube-apiserver, kube-controller-manager, Gatekeeper and helm, built from Go modules (cached)');
  const build = spawnSync('bash', [join(root, 'scripts/build-cluster-bins.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error('Building the cluster binaries failed; see above.');
}

/** What the crash-looping payment API writes to stderr before it exits 1 (the sandbox's pod runner plays the crash loop). */
const CRASH_LINE = 'ERROR payment-api: cannot connect to orders-db:5432 (connection refused)';

/** The fleet's GitOps repository, pushed to the loopback git server that the clusters' Flux pulls from. */
const FLEET_CONFIG: Record<string, string> = {
  // Applied without health checks (kustomization payments, wait: false): the crash loop does not hold up the GitOps
  // rollout; the nightly report is where it shows.
  'payments/payment-api.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payment-api\n  namespace: shop\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: payment-api}}\n  template:\n    metadata:\n      labels: {app: payment-api}\n      annotations: {${CRASH_LOOP_ANNOTATION}: ${JSON.stringify(CRASH_LINE)}}\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/payment-api:1.4.2\n`,
  'infra/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  'apps/storefront.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront\n  namespace: shop\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: storefront}}\n  template:\n    metadata: {labels: {app: storefront}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
  'apps/legacy-agent.yaml':
    'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: legacy-agent\n  namespace: shop\nspec:\n  selector: {matchLabels: {app: legacy-agent}}\n  template:\n    metadata: {labels: {app: legacy-agent}}\n    spec:\n      containers:\n        - name: agent\n          image: busybox:1.36\n          securityContext: {privileged: true}\n',
};

function workspaceFiles(workspace: string, subscription: string, repoUrl: string, user: string): void {
  mkdirSync(join(workspace, 'gitops'), { recursive: true });
  mkdirSync(join(workspace, 'policies'), { recursive: true });
  writeFileSync(
    join(workspace, 'gitops/fleet.yaml'),
    `name: fleet\nnamespace: flux-system\nscope: cluster\nsource:\n  gitRepository:\n    url: ${repoUrl}\n    branch: main\n    https-user: ${user}\n    sync-interval: 10s\nkustomizations:\n  infra:\n    path: ./infra\n  apps:\n    path: ./apps\n    depends-on: [infra]\n  payments:\n    path: ./payments\n    depends-on: [infra]\n    wait: false\n`,
  );
  writeFileSync(
    join(workspace, 'policies/no-privileged.yaml'),
    `assignments:\n  - name: no-privileged\n    display-name: No privileged containers, anywhere\n    scope: /subscriptions/${subscription}\n    definition: /providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4\n    stage: deny\n`,
  );
}

/** The demo's story must hold at every turn: a step that does not end as the story says stops the demo with exit 1. */
function expectStep(title: string, run: StepRun, ok: boolean, what: string): void {
  if (!ok) throw new Error(`${title}: expected ${what}, got exit ${run.code} and outputs ${JSON.stringify(run.outputs).slice(0, 400)}`);
}

function show(title: string, run: StepRun): StepRun {
  say(`${title}: exit ${run.code}`);
  console.log(
    renderForTerminal(
      run.summary ||
        run.log
          .split('\n')
          .filter((l) => l.startsWith('::error::'))
          .join('\n'),
    ),
  );
  return run;
}

async function main(): Promise<void> {
  buildClusterBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'arc-demo-'));
  say('Starting the sandbox (Entra, ARM, Resource Graph, Policy Insights, GitHub), a git server and three real clusters');
  let fleet: FleetSandbox | undefined;
  try {
    fleet = await startFleetSandbox({
      clusters: 3,
      dir: join(dir, 'clusters'),
      auditIntervalSeconds: 3,
      gitServer: true,
      onProgress: (m) => console.log(`  ${m}`),
    });
    const { sandbox, clusters } = fleet;
    const git = fleet.git!;
    const repo = await git.createRepository('fleet-config', FLEET_CONFIG);
    console.log(`  git server: ${git.https} (HTTPS, token), ${git.ssh} (SSH), ${git.http}; repository ${repo.httpsUrl}`);
    // helm is on every GitHub-hosted runner; here it comes from the same Go-built cache as the clusters.
    const bins = await resolveClusterBins();
    const env: Record<string, string> = {
      ...fleet.env,
      PATH: `${bins.dir}:${process.env.PATH}`,
      GITHUB_REPOSITORY: 'acme/fleet',
      GITHUB_SHA: 'f1e2d3c4',
      GITHUB_RUN_ID: '1001',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
    };
    const sub = env.ARC_SANDBOX_SUBSCRIPTION_ID;
    console.log(
      `  sandbox at ${sandbox.url}; clusters ${clusters.map((c) => c.name).join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    const workspace = join(dir, 'workspace');
    workspaceFiles(workspace, sub, repo.httpsUrl, git.user);
    const identity = {
      'client-id': env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': env.ARC_SANDBOX_TENANT_ID,
      'subscription-id': sub,
      environment: env.ARC_SANDBOX_ENVIRONMENT,
    };
    const action = (name: string, inputs: Record<string, string>) => runBundle(root, name, { ...identity, ...inputs }, env, workspace);

    for (const cluster of clusters) {
      const connect = show(
        `arc-connect ${cluster.name}`,
        await action('arc-connect', {
          'cluster-name': cluster.name,
          'resource-group': 'rg-fleet',
          location: 'westeurope',
          kubeconfig: cluster.kubeconfig,
          tags: 'env: demo\nowner: platform',
          extensions: '- azurepolicy\n- flux\n- azuremonitor-containers',
          'onboarding-timeout': '3m',
        }),
      );
      expectStep(
        `arc-connect ${cluster.name}`,
        connect,
        connect.code === 0 && connect.outputs['connectivity-status'] === 'Connected',
        'a connected cluster',
      );
      // The region's allowlist for the proxy team (output `allowlist`, file `allowlist-file`), from bundles that have it.
      if (connect.outputs['allowlist-file'])
        say(
          `allowlist for the proxy team: ${(JSON.parse(connect.outputs.allowlist) as { hosts: unknown[] }).hosts.length} hosts in ${connect.outputs['allowlist-file']}`,
        );
    }

    const gitops = show(
      'flux-apply to every cluster tagged env=demo (the real source-controller and kustomize-controller pull over HTTPS)',
      await action('flux-apply', {
        configuration: 'gitops/fleet.yaml',
        selector: `tags:\n  env: demo\nsubscriptions: [${sub}]`,
        'https-key': git.token,
        timeout: '3m',
      }),
    );
    expectStep('flux-apply', gitops, gitops.code === 0, 'exit 0');

    const apply = show(
      'policy-rollout apply: "no privileged containers", in Audit',
      await action('policy-rollout', { mode: 'apply', policies: 'policies' }),
    );
    expectStep('policy-rollout apply', apply, apply.code === 0, 'exit 0');
    say('Waiting for the Azure Policy add-on (Gatekeeper audit) to report the privileged DaemonSet');
    await waitFor(
      async () =>
        sandbox.state.policyStates().filter((s) => s.complianceState === 'NonCompliant').length >= clusters.length ? true : undefined,
      { timeoutMs: 180_000, initialMs: 1000, maxMs: 3000 },
    );
    show('policy-rollout plan', await action('policy-rollout', { mode: 'plan', policies: 'policies' }));
    const refused = show(
      'policy-rollout promote (refused: the fleet still has violations)',
      await action('policy-rollout', {
        mode: 'promote',
        policies: 'policies',
        'min-soak': '0s',
        'sync-allowance': '0s',
        'max-staleness': '10m',
      }),
    );

    expectStep(
      'the first promotion',
      refused,
      refused.code !== 0 && refused.outputs.promoted !== 'true' && Number(refused.outputs.violations) > 0,
      'a refusal that names the violations',
    );

    say('Fixing it in Git: the privileged DaemonSet is removed, Flux prunes it');
    await repo.commit('remove the privileged legacy agent', { 'apps/legacy-agent.yaml': null });
    const again = show(
      'flux-apply again (nothing changed in ARM; Flux picks up the new commit)',
      await action('flux-apply', {
        configuration: 'gitops/fleet.yaml',
        selector: `tags:\n  env: demo\nsubscriptions: [${sub}]`,
        'https-key': git.token,
        timeout: '3m',
      }),
    );
    expectStep('flux-apply again', again, again.code === 0, 'exit 0');
    const fixedAt = Date.now();
    await waitFor(
      async () => {
        const states = sandbox.state.policyStates();
        return states.length >= clusters.length &&
          states.every((s) => s.complianceState === 'Compliant' && Date.parse(s.timestamp ?? '') > fixedAt)
          ? true
          : undefined;
      },
      { timeoutMs: 180_000, initialMs: 1000, maxMs: 3000 },
    );
    const promoted = show(
      'policy-rollout promote (clean, fresh and complete evidence)',
      await action('policy-rollout', {
        mode: 'promote',
        policies: 'policies',
        'min-soak': '0s',
        'sync-allowance': '0s',
        'max-staleness': '10m',
      }),
    );

    expectStep('the second promotion', promoted, promoted.code === 0 && promoted.outputs.promoted === 'true', 'a promotion to Deny');

    say('Nightly verify: ARM plane through Resource Graph, in-cluster checks through kubeconfigs, the privileged-pod negative test');
    const kubeconfigs = clusters
      .map(
        (c) =>
          `${c.name}: |\n${c.kubeconfig
            .split('\n')
            .map((l) => `  ${l}`)
            .join('\n')}`,
      )
      .join('\n');
    await waitFor(
      async () =>
        (await clusters[0].client.list('constraints.gatekeeper.sh/v1beta1', 'K8sAzureV2NoPrivilege').catch(() => [])).some(
          (c: any) => c.spec?.enforcementAction === 'deny',
        )
          ? true
          : undefined,
      { timeoutMs: 60_000 },
    );
    // Container Insights (the sandbox's monitoring add-on) has ingested the payment API's crashes on every cluster.
    await waitFor(
      async () => {
        const rows = [...sandbox.state.store.logTables.values()].flatMap((t) => t.get('ContainerLogV2') ?? []);
        const crashing = new Set(rows.filter((r) => r.LogMessage === CRASH_LINE).map((r) => String(r._ResourceId).toLowerCase()));
        return crashing.size >= clusters.length ? true : undefined;
      },
      { timeoutMs: 120_000, initialMs: 1000, maxMs: 3000 },
    );
    const verify = show(
      'arc-verify (with the top container log errors of the last hour, required tags and Kubernetes version currency)',
      await action('arc-verify', {
        selector: `tags:\n  env: demo\nsubscriptions: [${sub}]`,
        access: 'kubeconfig',
        kubeconfigs,
        'log-errors': '1h',
        'required-tags': 'env, owner',
        'fail-on': 'never',
      }),
    );
    const report = JSON.parse(verify.outputs.report ?? '{}') as {
      clusters?: { name: string; checks: { check: string; status: string; evidence?: { outcome?: string } }[] }[];
      logErrors?: { rows: { cluster: string; namespace: string; message: string; count: number }[] };
    };
    const denied = (report.clusters ?? []).filter((c) =>
      c.checks.some((k) => k.check === 'negative-test' && k.evidence?.outcome === 'denied'),
    );
    const crashing = new Set(
      (report.logErrors?.rows ?? []).filter((r) => r.message === CRASH_LINE && r.namespace === 'shop').map((r) => r.cluster),
    );
    // The crash loop makes each cluster warn on log-errors, and nothing else may be wrong.
    const otherProblems = (report.clusters ?? []).flatMap((c) =>
      c.checks.filter((k) => k.check !== 'log-errors' && (k.status === 'warn' || k.status === 'fail')).map((k) => `${c.name}/${k.check}`),
    );
    expectStep(
      'arc-verify',
      verify,
      verify.code === 0 && denied.length === clusters.length && otherProblems.length === 0,
      `the privileged pod denied by Gatekeeper on all ${clusters.length} clusters (denied on ${denied.length}) and no warning but log errors (${otherProblems.join(', ') || 'none'})`,
    );
    expectStep(
      'the nightly report',
      verify,
      verify.outputs.status === 'warn' && crashing.size === clusters.length && verify.summary.includes(CRASH_LINE),
      `the payment API's crash loop among the top log errors of all ${clusters.length} clusters in the report and the summary (found on ${crashing.size})`,
    );
    say(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s: fleet status ${verify.outputs.status}; the story reached its end.`);
  } finally {
    await fleet?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  process.exit(1);
});
