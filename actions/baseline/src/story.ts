import { errorMessage, log, maskSecret, redact } from '@arc-actions/core';
import { armClientsFor, clusterRef, type ArmClients } from '@arc-actions/azure';
import { loadKubeConfig } from '@arc-actions/kube';
import { connectCluster, type ConnectResult } from '@arc-actions/action-arc-connect/story';
import { applyFleet, type FleetResult } from '@arc-actions/action-flux-apply/story';
import { runRollout, type RolloutResult } from '@arc-actions/action-policy-rollout/story';
import { runVerify, type VerifyOutcome } from '@arc-actions/action-arc-verify/story';
import type { Inputs } from './inputs.js';
import { connectInputs, fluxInputs, policyInputs, verifyInputs } from './stages.js';

/**
 * The baseline composes the four actions through their package exports (`@arc-actions/action-<name>/story`), never
 * their source files: the same stories, with one set of ARM clients.
 */

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

/** The kubeconfig of the chosen context as content (the input's, or the runner's KUBECONFIG), for arc-verify. */
async function kubeconfigContent(inputs: Inputs): Promise<string> {
  const kc = await loadKubeConfig({ kubeconfig: inputs.access.kubeconfig, context: inputs.access.kubeContext });
  if (inputs.access.kubeContext) kc.setCurrentContext(inputs.access.kubeContext);
  const text = kc.exportConfig();
  maskSecret(text);
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
