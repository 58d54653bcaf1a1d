/**
 * Fleet-scale benchmarks (`npm run bench`, GitHub issue 9). Starts the sandbox in this process with latency on
 * the ARM, Resource Graph and Policy Insights routes (20 + 0..20 ms, i.e. 30 ± 10 ms) and ARM/Resource Graph
 * throttling ON, then runs the committed bundles `dist/<action>/index.js` as child processes the way the runner
 * does (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) and reads, per run: wall time, ARM and Resource Graph calls
 * (sandbox call log), peak RSS of the action's process, and the ratio to a naive baseline (bench/naive.ts: four
 * ARM requests per cluster, one after another, through the SDK clients, against the same sandbox and knobs).
 * Then the cold start of every bundle and the size of dist/. Results: bench/results/latest.json and latest.md.
 *
 * Environment: BENCH_VERIFY_SIZES (default 100,1000,10000), BENCH_FLUX_SIZES (100,1000), BENCH_POLICY_SIZE (1000),
 * BENCH_NAIVE_MEASURE_MAX (largest fleet measured rather than extrapolated, default 1000), BENCH_NAIVE_SAMPLE (200),
 * BENCH_COLD_RUNS (15), BENCH_SANDBOX_THROUGHPUT=1 to append bench/sandbox-throughput.ts's figures.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startSandbox, type CallRecord, type KnobsPatch, type Sandbox } from '../packages/sandbox/src/index.js';
import { requireFixtures } from '../packages/sandbox/src/fixtures.js';
import { coldStart, ROOT, runChild, type ChildRun, type ColdStart } from './child.js';

const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const VERIFY_SIZES = sizes('BENCH_VERIFY_SIZES', '100,1000,10000');
const FLUX_SIZES = sizes('BENCH_FLUX_SIZES', '100,1000');
const POLICY_SIZE = Number(process.env.BENCH_POLICY_SIZE ?? 1000);
const NAIVE_MEASURE_MAX = Number(process.env.BENCH_NAIVE_MEASURE_MAX ?? 1000);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 200);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const ACTIONS = ['arc-connect', 'flux-apply', 'policy-rollout', 'arc-verify', 'baseline'];

const LATENCY = { fixedMs: 20, jitterMs: 20 };
const KNOBS: KnobsPatch = {
  routes: (['arm', 'graph', 'policyinsights'] as const).map((api) => ({ api, latency: LATENCY })),
  throttling: { enabled: true },
};
const CLUSTER_TYPE = 'Microsoft.Kubernetes/connectedClusters';
const BASELINE_SET = '/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d';
const MG_SCOPE = '/providers/Microsoft.Management/managementGroups/fleet-emulated';

interface Naive {
  clusters: number;
  ms: number;
  kind: 'measured' | 'extrapolated';
  /** For extrapolated figures: the measured sample. */
  sample?: { clusters: number; ms: number; throttled: number };
  throttled: number;
  failures: number;
  peakRssMb: number;
}

interface Row {
  scenario: string;
  clusters: number;
  ok: boolean;
  detail: string;
  wallMs: number;
  armCalls: number;
  graphCalls: number;
  armWrites: number;
  throttled: number;
  peakRssMb: number;
  naiveMs?: number;
  naiveKind?: Naive['kind'];
  /** naive ÷ action wall time: how many times faster than the naive baseline. */
  ratio?: number;
  /** flux-apply: the lower bound that ARM write throttling sets on the run. */
  writeBoundMs?: number;
  readBoundMs?: number;
  armReads?: number;
  /** Calls per method and route shape. */
  routes?: Record<string, number>;
}

const rows: Row[] = [];
const naive = new Map<number, Naive>();
const log = (line: string) => console.log(`[bench] ${line}`);

function countCalls(calls: CallRecord[]) {
  const arm = calls.filter((c) => c.api === 'arm');
  return {
    armCalls: arm.length,
    graphCalls: calls.filter((c) => c.api === 'graph').length,
    armWrites: arm.filter((c) => ['PUT', 'PATCH', 'DELETE', 'POST'].includes(c.method) && c.status < 400).length,
    armReads: arm.filter((c) => (c.method === 'GET' || c.method === 'HEAD') && c.status < 400).length,
    throttled: calls.filter((c) => c.status === 429).length,
    routes: routeHistogram(calls.filter((c) => c.api === 'arm' || c.api === 'graph')),
  };
}

/** Calls per method and route shape (names replaced by placeholders), most frequent first. */
function routeHistogram(calls: CallRecord[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const c of calls) {
    const shape = c.path
      .replace(/\/subscriptions\/[^/]+/i, '/subscriptions/{sub}')
      .replace(/\/resourceGroups\/[^/]+/i, '/resourceGroups/{rg}')
      .replace(/\/managementGroups\/[^/]+/i, '/managementGroups/{mg}')
      .replace(
        /\/(connectedClusters|fluxConfigurations|extensions|operations|policyAssignments|fluxConfigurationOperations)\/[^/]+/gi,
        '/$1/{name}',
      );
    const key = `${c.method} ${shape}${c.status === 429 ? ' (429)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

/** Fresh token buckets and call log before each measurement, so runs do not inherit each other's debt. */
function reset(sandbox: Sandbox): void {
  sandbox.setKnobs({ throttling: { enabled: true } });
  sandbox.clearCalls();
}

function identityInputs(sandbox: Sandbox): Record<string, string> {
  return {
    'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
    'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
    environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
  };
}

const runnerEnv = (sandbox: Sandbox, extra: Record<string, string> = {}) => ({
  ...sandbox.env,
  GITHUB_REPOSITORY: 'acme/fleet',
  GITHUB_RUN_ID: '9',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_EVENT_NAME: 'push',
  ...extra,
});

async function runAction(
  sandbox: Sandbox,
  action: string,
  inputs: Record<string, string>,
  options: { workspace?: string; env?: Record<string, string> } = {},
): Promise<{ run: ChildRun; calls: ReturnType<typeof countCalls> }> {
  reset(sandbox);
  const run = await runChild([join(ROOT, 'dist', action, 'index.js')], {
    env: runnerEnv(sandbox, options.env),
    inputs,
    workspace: options.workspace,
  });
  const calls = countCalls(sandbox.calls());
  if (run.code !== 0) log(`${action} exited ${run.code}; last log lines:\n${run.log.split('\n').slice(-15).join('\n')}`);
  return { run, calls };
}

async function measureNaive(
  sandbox: Sandbox,
  ids: string[],
): Promise<{ ms: number; throttled: number; failures: number; peakRssMb: number }> {
  reset(sandbox);
  const dir = mkdtempSync(join(tmpdir(), 'bench-naive-'));
  writeFileSync(join(dir, 'ids'), ids.join('\n'));
  const run = await runChild([join(ROOT, 'bench', 'naive.ts'), join(dir, 'ids'), join(dir, 'result.json')], {
    env: { ...sandbox.env },
    nodeArgs: ['--import', 'tsx'],
    workspace: ROOT,
  });
  if (run.code !== 0) throw new Error(`naive baseline failed (${run.code}):\n${run.log.slice(-2000)}`);
  const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { ms: number; failures: number; errors: string[] };
  if (result.failures) log(`naive baseline: ${result.failures} failed requests, e.g. ${result.errors[0]}`);
  return { ms: result.ms, throttled: countCalls(sandbox.calls()).throttled, failures: result.failures, peakRssMb: run.peakRssMb };
}

function clustersTagged(sandbox: Sandbox, tag: string): string[] {
  return [...sandbox.state.store.ofType(CLUSTER_TYPE)].filter((c) => c.tags?.bench === tag).map((c) => c.id);
}

async function naiveFor(sandbox: Sandbox, n: number, tag: string): Promise<void> {
  if (naive.has(n)) return;
  const ids = clustersTagged(sandbox, tag);
  if (n <= NAIVE_MEASURE_MAX) {
    const m = await measureNaive(sandbox, ids);
    naive.set(n, { clusters: n, kind: 'measured', ...m });
    log(`naive baseline, ${n} clusters: ${(m.ms / 1000).toFixed(1)} s measured (${m.throttled} × 429)`);
  } else {
    const sample = ids.slice(0, NAIVE_SAMPLE);
    const m = await measureNaive(sandbox, sample);
    naive.set(n, {
      clusters: n,
      kind: 'extrapolated',
      ms: (m.ms / sample.length) * n,
      sample: { clusters: sample.length, ms: m.ms, throttled: m.throttled },
      throttled: m.throttled,
      failures: m.failures,
      peakRssMb: m.peakRssMb,
    });
    log(
      `naive baseline, ${n} clusters: ${(((m.ms / sample.length) * n) / 1000).toFixed(0)} s extrapolated from ${sample.length} clusters in ${(m.ms / 1000).toFixed(1)} s (${m.throttled} × 429)`,
    );
  }
}

function addRow(row: Omit<Row, 'naiveMs' | 'naiveKind' | 'ratio'>): void {
  const base = naive.get(row.clusters);
  const full: Row = { ...row, ...(base ? { naiveMs: base.ms, naiveKind: base.kind, ratio: base.ms / row.wallMs } : {}) };
  rows.push(full);
  log(
    `${row.scenario} × ${row.clusters}: ${(row.wallMs / 1000).toFixed(1)} s, ${row.armCalls} ARM + ${row.graphCalls} Graph calls, ` +
      `${row.throttled} × 429, peak RSS ${row.peakRssMb.toFixed(0)} MB${full.ratio ? `, ${full.ratio.toFixed(1)}× faster than naive` : ''} — ${row.detail}`,
  );
}

// ---------------------------------------------------------------------------------------------------------- fleets

async function fleetBenchmarks(): Promise<void> {
  // One sandbox per fleet size: a fleet of N is exactly N clusters under `fleet-emulated` (arc-verify's policy
  // queries are scoped by management group, so other clusters there would count).
  for (const n of [...new Set([...VERIFY_SIZES, ...FLUX_SIZES])].sort((a, b) => a - b)) await fleetOf(n);
}

async function fleetOf(n: number): Promise<void> {
  const started = performance.now();
  const sandbox = await startSandbox({ knobs: KNOBS, emulatedClusters: { count: n, tags: { bench: `n${n}` }, prefix: `b${n}` } });
  log(`sandbox with ${n} emulated clusters seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    if (VERIFY_SIZES.includes(n)) {
      const { run, calls } = await runAction(sandbox, 'arc-verify', {
        ...identityInputs(sandbox),
        selector: `tags:\n  bench: n${n}\nmanagement-groups: [fleet-emulated]`,
        access: 'none',
        'fail-on': 'never',
      });
      let detail = `exit ${run.code}`;
      let ok = run.code === 0;
      try {
        const report = JSON.parse(run.outputs.report) as { clusters: unknown[]; complete: boolean; status: string };
        // The fleet read: at most 15 Resource Graph calls for 10,000 clusters (issue 15; 33 before the folded reads).
        const budget = Math.max(5, Math.ceil(n / 1000) + 5);
        ok &&= report.clusters.length === n && report.complete && calls.graphCalls <= budget;
        detail = `${report.clusters.length} clusters in the report, complete ${report.complete}, status ${report.status}; ${calls.graphCalls} Resource Graph calls (at most ${budget})`;
      } catch {
        ok = false;
      }
      await naiveFor(sandbox, n, `n${n}`);
      addRow({
        scenario: 'arc-verify (ARM plane, access none)',
        clusters: n,
        ok,
        detail,
        wallMs: run.wallMs,
        peakRssMb: run.peakRssMb,
        ...calls,
      });
    }
    if (FLUX_SIZES.includes(n)) {
      const { run, calls } = await runAction(sandbox, 'flux-apply', {
        ...identityInputs(sandbox),
        configuration: fluxConfiguration,
        'https-key': 'ghp_BenchmarkKeyThatMustNeverLeak000001',
        selector: `tags:\n  bench: n${n}\nmanagement-groups: [fleet-emulated]`,
        concurrency: '20',
        timeout: '10m',
      });
      const { writes } = sandbox.knobs().throttling;
      const { reads } = sandbox.knobs().throttling;
      const writeBoundMs = (Math.max(0, calls.armWrites - writes.burst) / writes.refillPerSecond) * 1000;
      const readBoundMs = (Math.max(0, calls.armReads - reads.burst) / reads.refillPerSecond) * 1000;
      let detail = `exit ${run.code}`;
      let ok = run.code === 0;
      try {
        const results = JSON.parse(run.outputs.results) as { counts?: Record<string, number>; targets?: { status: string }[] };
        const targets = results.targets ?? [];
        ok &&= targets.length === n && targets.every((t) => t.status === 'ok');
        detail = `${targets.length} targets, ${targets.filter((t) => t.status === 'ok').length} ok; ${calls.armWrites} ARM writes`;
      } catch {
        ok = false;
      }
      await naiveFor(sandbox, n, `n${n}`);
      addRow({
        scenario: 'flux-apply (create, wait for Compliant)',
        clusters: n,
        ok,
        detail,
        wallMs: run.wallMs,
        peakRssMb: run.peakRssMb,
        writeBoundMs,
        readBoundMs,
        ...calls,
      });
    }
  } finally {
    await sandbox.stop();
  }
}

const fluxConfiguration = `name: fleet-base
namespace: flux-system
source:
  gitRepository:
    url: https://github.com/acme/fleet-config
    branch: main
    https-user: x-access-token
kustomizations:
  infra:
    path: ./infra
    prune: true
  apps:
    path: ./apps
    depends-on: [infra]
    prune: true
`;

// -------------------------------------------------------------------------------------------------- policy-rollout

/** The baseline initiative's policies (reference id, definition id), from the sandbox's built-in fixtures. */
function initiativePolicies(): { ref: string; def: string }[] {
  const file = join(requireFixtures(), 'azure-policy/built-in-policies/policySetDefinitions/Kubernetes/PSPBaselineStandard.json');
  const set = JSON.parse(readFileSync(file, 'utf8')) as {
    properties: { policyDefinitions: { policyDefinitionReferenceId: string; policyDefinitionId: string }[] };
  };
  return set.properties.policyDefinitions.map((p) => ({ ref: p.policyDefinitionReferenceId, def: p.policyDefinitionId }));
}

/**
 * One state per cluster and policy of the initiative for the seeded `k8s-baseline` assignment, fresh (now); with
 * `violations`, every 7th cluster has a privileged Pod (NonCompliant component) under NoPrivilegedContainers.
 */
function seedPolicyStates(sandbox: Sandbox, violations: boolean): number {
  const store = sandbox.state.store;
  const assignmentId = `${MG_SCOPE}/providers/Microsoft.Authorization/policyAssignments/k8s-baseline`;
  const policies = initiativePolicies();
  const now = new Date().toISOString();
  store.policyStates.clear();
  let nonCompliant = 0;
  [...store.ofType(CLUSTER_TYPE)].forEach((c, i) => {
    for (const p of policies) {
      const bad = violations && i % 7 === 0 && p.ref === 'NoPrivilegedContainers';
      if (bad) nonCompliant++;
      store.putPolicyState({
        resourceId: c.id,
        resourceType: CLUSTER_TYPE,
        resourceLocation: c.location,
        policyAssignmentId: assignmentId,
        policyDefinitionId: p.def,
        policySetDefinitionId: BASELINE_SET,
        policyDefinitionReferenceId: p.ref,
        policyDefinitionAction: 'audit',
        complianceState: bad ? 'NonCompliant' : 'Compliant',
        timestamp: now,
        ...(bad
          ? {
              components: [
                { id: 'default/privileged-pod', type: 'Pod', name: 'privileged-pod', complianceState: 'NonCompliant', timestamp: now },
              ],
            }
          : {}),
      });
    }
  });
  return nonCompliant;
}

function actionOf(run: ChildRun): string {
  try {
    const result = JSON.parse(run.outputs.result) as { assignments: { action: string; clusters: number }[] };
    return result.assignments.map((a) => `${a.action} over ${a.clusters} clusters`).join(', ') || 'no assignment';
  } catch {
    return `exit ${run.code}, no result`;
  }
}

async function policyBenchmarks(): Promise<void> {
  const n = POLICY_SIZE;
  const sandbox = await startSandbox({ knobs: KNOBS, emulatedClusters: { count: n, tags: { bench: `n${n}` }, prefix: `b${n}` } });
  try {
    // The seeded assignment, created two hours ago and in Audit since then (soak and freshness both measurable), with the
    // parameters apply writes for the file below: the effect, and the system namespaces policy-rollout excludes by default
    // (promote refuses an assignment that differs from the file, so the fixture must be what apply would have written).
    const assignmentId = `${MG_SCOPE}/providers/Microsoft.Authorization/policyAssignments/k8s-baseline`;
    const assignment = sandbox.state.get(assignmentId)!;
    const twoHoursAgo = new Date(Date.now() - 7_200_000).toISOString();
    const systemNamespaces = ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'];
    sandbox.state.put({
      ...assignment,
      properties: {
        ...assignment.properties,
        parameters: { effect: { value: 'Audit' }, excludedNamespaces: { value: systemNamespaces } },
        metadata: { createdOn: twoHoursAgo },
      },
    });
    const workspace = mkdtempSync(join(tmpdir(), 'bench-policy-'));
    mkdirSync(join(workspace, 'policies'));
    writeFileSync(
      join(workspace, 'policies', 'baseline.yaml'),
      `assignments:
  - name: k8s-baseline
    display-name: Kubernetes pod security baseline
    scope: ${MG_SCOPE}
    definition: ${BASELINE_SET}
    stage: deny
`,
    );
    const inputs = (mode: string) => ({
      ...identityInputs(sandbox),
      'subscription-id': sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID,
      mode,
      policies: 'policies',
      'min-soak': '1h',
      'sync-allowance': '0s',
      'max-staleness': '1h',
      'github-token': sandbox.env.GITHUB_TOKEN,
    });
    await naiveFor(sandbox, n, `n${n}`);

    const violating = seedPolicyStates(sandbox, true);
    const plan = await runAction(sandbox, 'policy-rollout', inputs('plan'), { workspace });
    const planViolations = Number(plan.run.outputs.violations);
    addRow({
      scenario: 'policy-rollout plan',
      clusters: n,
      ok: plan.run.code === 0 && planViolations === violating,
      detail: `${actionOf(plan.run)}, ${plan.run.outputs.violations ?? '?'} violations found (${violating} seeded)`,
      wallMs: plan.run.wallMs,
      peakRssMb: plan.run.peakRssMb,
      ...plan.calls,
    });

    seedPolicyStates(sandbox, false);
    const promote = await runAction(sandbox, 'policy-rollout', inputs('promote'), { workspace });
    addRow({
      scenario: 'policy-rollout promote (gate passes)',
      clusters: n,
      ok: promote.run.code === 0 && promote.run.outputs.promoted === 'true',
      detail: `${actionOf(promote.run)}, promoted ${promote.run.outputs.promoted ?? '?'}, ${promote.calls.armWrites} ARM writes`,
      wallMs: promote.run.wallMs,
      peakRssMb: promote.run.peakRssMb,
      ...promote.calls,
    });
  } finally {
    await sandbox.stop();
  }
}

// ------------------------------------------------------------------------------------------------ bundles and dist

async function bundleBenchmarks() {
  const cold: Record<string, ColdStart> = {};
  // Node's own start-up, the yardstick of the fail-fast path (interleaved with the bundles, so load hits both alike).
  cold['node -e 0'] = await coldStart(['-e', '0'], COLD_RUNS, {});
  for (const action of ACTIONS) {
    const file = join(ROOT, 'dist', action, 'index.js');
    try {
      statSync(file);
    } catch {
      continue;
    }
    cold[action] = await coldStart([file], COLD_RUNS, {});
    log(
      `cold start ${action}: first line ${cold[action].medianMs.toFixed(0)} ms, exit ${cold[action].exitMedianMs.toFixed(0)} ms (median of ${COLD_RUNS})`,
    );
  }
  const sizes: Record<string, { bytes: number; files: number }> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const top = relative(join(ROOT, 'dist'), p).split('/')[0];
        const key = top === entry.name ? top : `${top}/`;
        const bytes = statSync(p).size;
        for (const k of [key, 'total']) {
          sizes[k] ??= { bytes: 0, files: 0 };
          sizes[k].bytes += bytes;
          sizes[k].files++;
        }
      }
    }
  };
  walk(join(ROOT, 'dist'));
  return { cold, sizes };
}

async function sandboxThroughput(): Promise<string[]> {
  const run = await runChild([join(ROOT, 'bench', 'sandbox-throughput.ts')], {
    env: { BENCH_CLUSTERS: '10000', BENCH_REQUESTS: '10000' },
    nodeArgs: ['--import', 'tsx'],
    workspace: ROOT,
  });
  return run.log.split('\n').filter((l) => /\S/.test(l));
}

// ----------------------------------------------------------------------------------------------------------- report

const s = (ms: number) => (ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);
const mb = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} MB` : '?');

function markdown(result: Awaited<ReturnType<typeof bundleBenchmarks>>, throughput: string[], meta: Record<string, string>): string {
  const lines = [
    '# Benchmarks',
    '',
    `Run of \`npm run bench\` (bench/run.ts) on ${meta.date}, Node ${meta.node}, ${meta.cpus} (figures are indicative: shared 2-core machine).`,
    '',
    'Sandbox: latency 20 + 0..20 ms (30 ± 10 ms) on every ARM, Resource Graph and Policy Insights request; throttling ON ' +
      '(ARM reads 250 burst + 25/s, writes 200 burst + 10/s per principal; Resource Graph 15 queries per 5 s). Every action ' +
      'runs as the committed bundle `node dist/<action>/index.js` in a child process, as the runner starts it; wall time is ' +
      'spawn to exit (Node start-up, OIDC → Entra token, queries, report). Calls come from the sandbox call log ' +
      '(ARM includes Policy Insights; 429 = throttled answers, retried). Peak RSS is `process.resourceUsage().maxRSS` of the ' +
      "action's process.",
    '',
    'Naive baseline (bench/naive.ts): per cluster, one after another, through the same SDK clients and sandbox: GET the ' +
      'connected cluster, GET its extensions, GET its Flux configurations, and the Policy Insights states of the cluster ' +
      '(`queryResults`, which ARM only offers as POST) — 4 ARM requests per cluster, timed without start-up and token. ' +
      'Ratio = naive time ÷ action time.',
    '',
    '| scenario | clusters | wall time | ARM calls | Graph calls | ARM writes | 429s | peak RSS | naive baseline | ratio | check |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.clusters.toLocaleString('en-US')} | ${s(r.wallMs)} | ${r.armCalls} | ${r.graphCalls} | ${r.armWrites} | ${r.throttled} | ${mb(r.peakRssMb)} | ` +
        `${r.naiveMs === undefined ? '—' : `${s(r.naiveMs)}${r.naiveKind === 'extrapolated' ? ' (extrapolated)' : ''}`} | ` +
        `${r.ratio === undefined ? '—' : `${r.ratio.toFixed(1)}×`} | ${r.ok ? 'ok' : 'FAILED'}: ${r.detail} |`,
    ),
    '',
  ];
  const flux = rows.filter((r) => r.writeBoundMs !== undefined);
  if (flux.length) {
    lines.push(
      '## flux-apply against ARM write throttling',
      '',
      'Lower bound that ARM throttling sets: (requests needed − burst) ÷ refill rate, per operation class, for one principal.',
      '',
      '| clusters | ARM writes (successful) | write bound (writes − 200) ÷ 10/s | successful ARM reads | read bound (reads − 250) ÷ 25/s | wall time | wall ÷ larger bound |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...flux.map((r) => {
        const reads = Math.round((r.readBoundMs! / 1000) * 25 + 250);
        const bound = Math.max(r.writeBoundMs!, r.readBoundMs!);
        return `| ${r.clusters.toLocaleString('en-US')} | ${r.armWrites} | ${s(r.writeBoundMs!)} | ${r.readBoundMs! > 0 ? reads : '≤ 250'} | ${s(r.readBoundMs!)} | ${s(r.wallMs)} | ${bound > 0 ? `${(r.wallMs / bound).toFixed(2)}` : '—'} |`;
      }),
      '',
    );
  }
  const extrapolated = [...naive.values()].filter((n) => n.kind === 'extrapolated');
  lines.push(
    '## Naive baseline',
    '',
    '| clusters | time | how | 429s | failed requests | peak RSS (with tsx) |',
    '| ---: | ---: | --- | ---: | ---: | ---: |',
  );
  for (const n of [...naive.values()].sort((a, b) => a.clusters - b.clusters))
    lines.push(
      `| ${n.clusters.toLocaleString('en-US')} | ${s(n.ms)} | ${n.kind === 'measured' ? 'measured' : `extrapolated linearly from ${n.sample!.clusters} clusters measured in ${s(n.sample!.ms)}`} | ${n.throttled} | ${n.failures} | ${mb(n.peakRssMb)} |`,
    );
  if (extrapolated.length)
    lines.push(
      '',
      'Extrapolation is linear: one request after another at ~30 ms each stays below the read refill rate (25/s), so ' +
        'the sample is latency-bound like the full run would be (the 429 column of the sample shows whether it was throttled).',
    );
  const node = result.cold['node -e 0'];
  lines.push(
    '',
    '## Cold start: a missing input fails fast',
    '',
    `\`node dist/<action>/index.js\` with no inputs (client-id missing), ${COLD_RUNS} runs each: median time from spawn to ` +
      'the first stdout line (the `::error::` line) and to exit, against `node -e 0` measured in the same run. The bundle ' +
      "entry answers a missing client-id before the action's chunk loads (actions/entry.ts). Target: exit within 2× `node -e 0`.",
    '',
    '| bundle | first line (median) | exit (median) | exit min – max | exit ÷ node -e 0 |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const [action, c] of Object.entries(result.cold))
    lines.push(
      `| ${action} | ${c.medianMs.toFixed(0)} ms | ${c.exitMedianMs.toFixed(0)} ms | ${Math.min(...c.exitSamples).toFixed(0)} – ${Math.max(...c.exitSamples).toFixed(0)} ms | ${node ? `${(c.exitMedianMs / node.exitMedianMs).toFixed(2)}×` : '—'} |`,
    );
  lines.push('', '| dist/ | size | files |', '| --- | ---: | ---: |');
  for (const [key, v] of Object.entries(result.sizes).sort(([a], [b]) => (a === 'total' ? 1 : b === 'total' ? -1 : a.localeCompare(b))))
    lines.push(
      `| ${key} | ${v.bytes < 1048576 ? `${(v.bytes / 1024).toFixed(1)} KiB` : `${(v.bytes / 1048576).toFixed(2)} MiB`} | ${v.files} |`,
    );
  if (throughput.length) lines.push('', '## Sandbox throughput (bench/sandbox-throughput.ts)', '', '```', ...throughput, '```');
  lines.push('');
  return lines.join('\n');
}

const startedAt = performance.now();
await fleetBenchmarks();
await policyBenchmarks();
const bundles = await bundleBenchmarks();
const throughput = process.env.BENCH_SANDBOX_THROUGHPUT === '1' ? await sandboxThroughput() : [];
const { cpus } = await import('node:os');
const meta = {
  date: new Date().toISOString().slice(0, 10),
  node: process.versions.node,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
  totalSeconds: ((performance.now() - startedAt) / 1000).toFixed(0),
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'latest.json'),
  `${JSON.stringify({ meta, knobs: KNOBS, rows, naive: [...naive.values()], ...bundles, sandboxThroughput: throughput }, null, 2)}\n`,
);
writeFileSync(join(ROOT, 'bench', 'results', 'latest.md'), markdown(bundles, throughput, meta));
log(`done in ${meta.totalSeconds} s: bench/results/latest.json and bench/results/latest.md`);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
