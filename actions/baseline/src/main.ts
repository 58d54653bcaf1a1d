import { errorMessage, log, setOutput } from '@arc-actions/core';
import { clusterRef } from '@arc-actions/azure';
import { planMarkdown, runAction } from '@arc-actions/report';
import { readInputs } from './inputs.js';
import { baselinePlan } from './plan.js';
import { runBaseline, type BaselineDeps, type BaselineResult } from './story.js';

export { baselinePlan } from './plan.js';
export { runBaseline, type BaselineDeps, type BaselineResult } from './story.js';

/** The outputs of each stage that ran. */
function stageOutputs(result: BaselineResult): void {
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
}

export async function run(deps: BaselineDeps = {}): Promise<void> {
  await runAction('baseline', async (action) => {
    const { inputs, plan } = await action.phase('inputs', async () => {
      const read = readInputs();
      for (const warning of read.flux?.warnings ?? []) log.warning(warning);
      const planned = baselinePlan(read);
      for (const step of planned.steps) log.info(`${step.phase.padEnd(10)} ${step.what}`);
      return { inputs: read, plan: planned };
    });
    setOutput('cluster-id', clusterRef(inputs.identity.subscriptionId!, inputs.cluster.resourceGroup, inputs.cluster.clusterName).id);
    setOutput('plan', plan);
    let result: BaselineResult;
    try {
      result = await runBaseline(inputs, deps);
    } catch (error) {
      await action.summary(planMarkdown(plan, `The baseline stopped before connecting: ${errorMessage(error)}`));
      throw error;
    }
    stageOutputs(result);
    await action.summary(`${result.summary}\n${planMarkdown(plan, 'The plan this run followed.')}`);
    if (result.failure) action.fail(result.failure);
    else if ((inputs.failOn === 'fail' && result.status === 'fail') || (inputs.failOn === 'warn' && result.status !== 'ok'))
      action.fail(`Verification of ${inputs.cluster.clusterName} ended ${result.status} (fail-on: ${inputs.failOn}).`);
  });
}
