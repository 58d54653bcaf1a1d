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
    /** One stage: skipped without its input, else run in its log group, its summary a section; a throw fails it. */
    const runStage = async <T>(
      name: StageName,
      title: string,
      skipped: string | undefined,
      go: () => Promise<T>,
      judge: (r: T) => { markdown: string; failed: boolean; detail: string },
    ): Promise<T | undefined> => {
      if (skipped) return void stage({ stage: name, status: 'skipped', detail: skipped });
      try {
        const r = await log.group(`baseline: ${name}`, go);
        const { markdown, failed, detail } = judge(r);
        parts.push(section(title, markdown));
        stage({ stage: name, status: failed ? 'failed' : 'ok', detail });
        return r;
      } catch (error) {
        stage({ stage: name, status: 'failed', detail: errorMessage(error) });
        return undefined;
      }
    };
    // 2. Flux, for this one cluster.
    const flux = fluxInputs(inputs, ref);
    result.flux = await runStage(
      'flux',
      '2. Flux',
      flux ? undefined : 'no configuration input.',
      () => applyFleet(flux!, { clients }),
      (r) => ({ markdown: r.summary, failed: r.failed, detail: r.report.targets[0]?.message ?? flux!.source.config.name }),
    );
    // 3. policy, in audit only (apply mode never writes Deny for anything new).
    const policy = policyInputs(inputs);
    result.policy = await runStage(
      'policy',
      '3. Policy (audit)',
      policy ? undefined : 'no policies input.',
      () => runRollout(policy!, { clients }),
      (r) => ({
        markdown: r.markdown,
        failed: !!r.failure,
        detail: r.failure ?? r.outcomes.map((o) => `${o.name}: ${o.action}, ${o.effectAfter}`).join('; '),
      }),
    );
    // 4. verify, with the same kubeconfig.
    result.verify = await runStage(
      'verify',
      '4. Verify',
      inputs.dryRun ? 'dry-run changes nothing, so there is nothing new to verify.' : undefined,
      async () => runVerify(verifyInputs(inputs, ref, await kubeconfigContent(inputs)), { clients }),
      (r) => ({
        markdown: r.markdown,
        failed: false,
        detail: `${r.report.status} (${r.report.counts.fail} fail, ${r.report.counts.warn} warn)`,
      }),
    );
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
