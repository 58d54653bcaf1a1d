import * as core from '@actions/core';
import { join } from 'node:path';
import { errorMessage, formatDuration, log, redact, runAction, setOutput } from '@arc-actions/core';
import { armClientsFor, type ArmClients, clusterRef, workspaceRoot, identityView, type ClusterRef } from '@arc-actions/azure';
import { loadKubeConfig } from '@arc-actions/kube';
import { writeStepSummary } from '@arc-actions/report';
import { planMarkdown, type ActionPlan } from '@arc-actions/report';
import type { Inputs as ConnectInputs } from '../../arc-connect/src/inputs.js';
import { connectCluster, type ConnectResult } from '../../arc-connect/src/story.js';
import type { Inputs as FluxInputs } from '../../flux-apply/src/inputs.js';
import { applyFleet, type FleetResult } from '../../flux-apply/src/story.js';
import type { Inputs as PolicyInputs } from '../../policy-rollout/src/inputs.js';
import { runRollout, type RolloutResult } from '../../policy-rollout/src/story.js';
import type { Inputs as VerifyInputs } from '../../arc-verify/src/inputs.js';
import { runVerify, type VerifyOutcome } from '../../arc-verify/src/story.js';
import { readInputs, type Inputs } from './inputs.js';

export function baselinePlan(inputs: Inputs): ActionPlan {
  const { identity, cluster, access, proxy, flux, policies } = inputs;
  const id = clusterRef(identity.subscriptionId!, cluster.resourceGroup, cluster.clusterName).id;
  const auth = flux?.auth;
  return {
    action: 'baseline',
    dryRun: inputs.dryRun,
    inputs: {
      identity: identityView(identity),
      cluster,
      access: { kubeconfig: access.kubeconfig ? '***' : undefined, kubeContext: access.kubeContext, server: access.server },
      proxy: { https: proxy.display.https, http: proxy.display.http, skipRange: proxy.skipRange, cert: proxy.display.cert },
      extensions: inputs.extensions,
      addedExtensions: inputs.addedExtensions,
      roleAssignments: inputs.roleAssignments,
      flux: flux && {
        origin: flux.origin,
        name: flux.config.name,
        ref: flux.ref,
        kustomizations: Object.keys(flux.config.kustomizations),
        auth: auth?.kind,
      },
      policies,
      onboardingTimeout: formatDuration(inputs.onboardingTimeoutMs),
      timeout: formatDuration(inputs.timeoutMs),
      minAgentVersion: inputs.minAgentVersion,
      failOn: inputs.failOn,
      dryRun: inputs.dryRun,
    },
    steps: [
      {
        phase: 'inputs',
        what: `All inputs are valid${inputs.addedExtensions.length ? `; added extension(s) ${inputs.addedExtensions.join(', ')} that later steps need` : ''}.`,
      },
      {
        phase: 'credential',
        what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
      },
      {
        phase: 'targets',
        what: `Cluster ${id} in ${cluster.location}, reached through ${access.kubeconfig ? 'the kubeconfig input' : `the runner's kubeconfig`} (context ${access.kubeContext}).`,
      },
      {
        phase: 'plan',
        what: `Connect; extensions ${inputs.extensions.map((e) => e.name).join(', ') || 'none'}; ${flux ? `flux configuration ${flux.config.name}` : 'no flux configuration'}; ${policies ? `${policies.files.length} policy file(s) in audit` : 'no policies'}.`,
      },
      {
        phase: 'apply',
        what: inputs.dryRun
          ? 'Skipped: dry-run stops after the plan.'
          : 'In order: connect the cluster, install extensions, apply the flux configuration, assign policies in audit (never deny).',
      },
      {
        phase: 'observe',
        what: `Wait up to ${formatDuration(inputs.onboardingTimeoutMs)} for connectivity and extensions and ${formatDuration(inputs.timeoutMs)} for Flux compliance, then verify the cluster.`,
      },
      { phase: 'report', what: `Outputs cluster-id, status and plan; a summary per step; fail-on ${inputs.failOn}.` },
    ],
  };
}

/** What the baseline needs from outside: one set of ARM clients for every stage (tests pass one). */
export interface BaselineDeps {
  clients?: ArmClients;
  helmBinary?: string;
}

export type StageName = 'connect' | 'flux' | 'policy' | 'verify';

export interface StageOutcome {
  stage: StageName;
  status: 'ok' | 'failed' | 'skipped';
  detail: string;
}

export interface BaselineResult {
  clusterId: string;
  stages: StageOutcome[];
  connect?: ConnectResult;
  flux?: FleetResult;
  policy?: RolloutResult;
  verify?: VerifyOutcome;
  /** ok, warn or fail from the final verification; fail when a stage failed before it. */
  status: 'ok' | 'warn' | 'fail';
  summary: string;
  failure?: string;
}

// Each action's Inputs, built from the baseline's inputs: the same library calls as the four actions.
export function connectInputs(inputs: Inputs): ConnectInputs {
  return {
    identity: inputs.identity,
    cluster: inputs.cluster,
    access: inputs.access,
    proxy: inputs.proxy,
    registerProviders: true,
    createResourceGroup: inputs.createResourceGroup,
    autoUpgrade: true,
    onboardingTimeoutMs: inputs.onboardingTimeoutMs,
    extensions: inputs.extensions,
    roleAssignments: inputs.roleAssignments,
    dryRun: inputs.dryRun,
  };
}

export function fluxInputs(inputs: Inputs, ref: ClusterRef): FluxInputs | undefined {
  if (!inputs.flux) return undefined;
  return {
    identity: inputs.identity,
    source: inputs.flux,
    targets: { kind: 'targets', targets: [ref] },
    clusterType: 'connectedClusters',
    wait: true,
    timeoutMs: inputs.timeoutMs,
    concurrency: 1,
    deleteMissing: false,
    dryRun: inputs.dryRun,
  };
}

export function policyInputs(inputs: Inputs): PolicyInputs | undefined {
  if (!inputs.policies) return undefined;
  return {
    identity: inputs.identity,
    mode: 'apply',
    policies: inputs.policies,
    // Only used by promote, which the baseline never runs.
    minSoakMs: 0,
    maxStalenessMs: 24 * 3_600_000,
    syncAllowanceMs: 30 * 60_000,
    checkName: 'Arc baseline policy',
    comment: false,
    dryRun: inputs.dryRun,
  };
}

export function verifyInputs(inputs: Inputs, ref: ClusterRef, kubeconfig: string): VerifyInputs {
  return {
    identity: inputs.identity,
    mode: 'verify',
    targets: { kind: 'targets', targets: [ref] },
    access: 'kubeconfig',
    kubeconfigs: { [ref.id]: kubeconfig },
    negativeTestNamespace: 'default',
    minAgentVersion: inputs.minAgentVersion,
    certExpiryWarningMs: 30 * 86_400_000,
    reportPath: join(process.env.RUNNER_TEMP || workspaceRoot(), 'arc-baseline-verify.json'),
    failOn: inputs.failOn,
    issue: false,
  };
}

/** The kubeconfig of the chosen context as content (the input's, or the runner's KUBECONFIG), for arc-verify. */
async function kubeconfigContent(inputs: Inputs): Promise<string> {
  const kc = await loadKubeConfig({ kubeconfig: inputs.access.kubeconfig, context: inputs.access.kubeContext });
  if (inputs.access.kubeContext) kc.setCurrentContext(inputs.access.kubeContext);
  const text = kc.exportConfig();
  core.setSecret(text);
  return text;
}

const section = (stage: string, markdown: string) => `<details open><summary><b>${stage}</b></summary>\n\n${markdown}\n\n</details>`;

/** connect → extensions (with connect) → Flux → policy in audit → verify, for one cluster; stops after a failed connect. */
export async function runBaseline(inputs: Inputs, deps: BaselineDeps = {}): Promise<BaselineResult> {
  const ref = clusterRef(inputs.identity.subscriptionId!, inputs.cluster.resourceGroup, inputs.cluster.clusterName);
  const { id } = ref;
  const clients = deps.clients ?? (await armClientsFor(inputs.identity));
  const result: BaselineResult = { clusterId: id, stages: [], status: 'ok', summary: '' };
  const parts: string[] = [];
  const stage = (s: StageOutcome) => {
    result.stages.push(s);
    (s.status === 'failed' ? log.error : log.info)(`${s.stage}: ${s.status}: ${s.detail}`);
  };

  // 1. connect, with the extensions and role assignments.
  const connect = await log.group('baseline: connect', () =>
    connectCluster(connectInputs(inputs), { arm: clients, helmBinary: deps.helmBinary }),
  );
  result.connect = connect;
  parts.push(section('1. Connect and extensions', connect.summary));
  stage({
    stage: 'connect',
    status: connect.failure ? 'failed' : 'ok',
    detail:
      connect.failure ?? `${connect.result}, ${connect.connectivityStatus ?? 'no status'}, agents ${connect.agentVersion ?? 'unknown'}`,
  });
  const skipRest = (why: string) => {
    for (const s of ['flux', 'policy', 'verify'] as const)
      if (!result.stages.some((x) => x.stage === s)) stage({ stage: s, status: 'skipped', detail: why });
  };
  if (connect.failure) {
    skipRest('the cluster is not connected.');
    result.failure = `baseline stopped after connect: ${connect.failure}`;
  } else if (inputs.dryRun && connect.result === 'created') {
    skipRest('dry-run and the cluster does not exist yet, so later stages have nothing to plan against.');
  } else {
    // 2. Flux, for this one cluster.
    const flux = fluxInputs(inputs, ref);
    if (!flux) stage({ stage: 'flux', status: 'skipped', detail: 'no configuration input.' });
    else {
      try {
        const r = await log.group('baseline: flux', () => applyFleet(flux, { clients }));
        result.flux = r;
        parts.push(section('2. Flux', r.summary));
        const t = r.report.targets[0];
        stage({ stage: 'flux', status: r.failed ? 'failed' : 'ok', detail: t?.message ?? `${flux.source.config.name}` });
      } catch (error) {
        stage({ stage: 'flux', status: 'failed', detail: errorMessage(error) });
      }
    }
    // 3. policy, in audit only (apply mode never writes Deny for anything new).
    const policy = policyInputs(inputs);
    if (!policy) stage({ stage: 'policy', status: 'skipped', detail: 'no policies input.' });
    else {
      try {
        const r = await log.group('baseline: policy', () => runRollout(policy, { clients }));
        result.policy = r;
        parts.push(section('3. Policy (audit)', r.markdown));
        stage({
          stage: 'policy',
          status: r.failure ? 'failed' : 'ok',
          detail: r.failure ?? r.outcomes.map((o) => `${o.name}: ${o.action}, ${o.effectAfter}`).join('; '),
        });
      } catch (error) {
        stage({ stage: 'policy', status: 'failed', detail: errorMessage(error) });
      }
    }
    // 4. verify, with the same kubeconfig.
    if (inputs.dryRun) stage({ stage: 'verify', status: 'skipped', detail: 'dry-run changes nothing, so there is nothing new to verify.' });
    else {
      try {
        const r = await log.group('baseline: verify', async () =>
          runVerify(verifyInputs(inputs, ref, await kubeconfigContent(inputs)), { clients }),
        );
        result.verify = r;
        parts.push(section('4. Verify', r.markdown));
        stage({ stage: 'verify', status: 'ok', detail: `${r.report.status} (${r.report.counts.fail} fail, ${r.report.counts.warn} warn)` });
      } catch (error) {
        stage({ stage: 'verify', status: 'failed', detail: errorMessage(error) });
      }
    }
    const failed = result.stages.filter((s) => s.status === 'failed');
    if (failed.length) result.failure = `baseline: ${failed.map((s) => `${s.stage} failed (${s.detail})`).join('; ')}`;
  }
  const failedStage = result.stages.some((s) => s.status === 'failed');
  result.status = failedStage ? 'fail' : (result.verify?.report.status ?? 'ok');
  const ICON = { ok: '✅', failed: '❌', skipped: '➖' } as const;
  result.summary = redact(
    [
      `## Arc baseline: ${inputs.cluster.clusterName}${inputs.dryRun ? ' (dry run)' : ''}`,
      '',
      `Cluster \`${id}\`: **${result.status}**.`,
      '',
      '| Stage | Result | Detail |',
      '|---|---|---|',
      ...result.stages.map(
        (s) => `| ${s.stage} | ${ICON[s.status]} ${s.status} | ${s.detail.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')} |`,
      ),
      '',
      ...parts,
      '',
    ].join('\n'),
  );
  return result;
}

export async function run(deps: BaselineDeps = {}): Promise<void> {
  await runAction('baseline', async () => {
    const inputs = readInputs();
    for (const warning of inputs.flux?.warnings ?? []) log.warning(warning);
    const plan = baselinePlan(inputs);
    setOutput('cluster-id', clusterRef(inputs.identity.subscriptionId!, inputs.cluster.resourceGroup, inputs.cluster.clusterName).id);
    setOutput('plan', plan);
    await log.group('baseline: plan', async () => {
      for (const step of plan.steps) log.info(`${step.phase.padEnd(10)} ${step.what}`);
    });
    let result: BaselineResult;
    try {
      result = await runBaseline(inputs, deps);
    } catch (error) {
      await writeStepSummary(planMarkdown(plan, `The baseline stopped before connecting: ${errorMessage(error)}`));
      throw error;
    }
    setOutput('status', result.status);
    setOutput('stages', result.stages);
    if (result.connect) {
      setOutput('connect-result', result.connect.result);
      setOutput('connectivity-status', result.connect.connectivityStatus ?? '');
      setOutput('agent-version', result.connect.agentVersion ?? '');
    }
    if (result.flux) setOutput('flux-results', result.flux.report);
    if (result.policy)
      setOutput('policy-result', { assignments: result.policy.outcomes.map(({ matrix: _m, ...o }) => o), errors: result.policy.errors });
    if (result.verify) setOutput('verify-report', result.verify.report);
    await writeStepSummary(`${result.summary}\n${planMarkdown(plan, 'The plan this run followed.')}`);
    if (result.failure) core.setFailed(redact(result.failure));
    else if ((inputs.failOn === 'fail' && result.status === 'fail') || (inputs.failOn === 'warn' && result.status !== 'ok'))
      core.setFailed(`Verification of ${inputs.cluster.clusterName} ended ${result.status} (fail-on: ${inputs.failOn}).`);
  });
}
