import * as core from '@actions/core';
import { runAction, setOutput } from '@arc-actions/core';
import { writeStepSummary } from '@arc-actions/report';
import { readInputs } from './inputs.js';
import { runRollout, type RolloutDeps, type RolloutResult } from './story.js';
import { previewOutput } from './preview/render.js';

/**
 * policy-rollout: plan (pull requests: check run, sticky comment, compliance diff), apply (idempotent writes with
 * provenance, policy extension on every cluster, evaluation triggered) and promote (audit → deny behind the gate).
 */
export async function run(deps: RolloutDeps = {}): Promise<void> {
  await runAction('policy-rollout', async () => {
    const inputs = readInputs();
    // The summary and outputs are written before the check run and the comment, which GitHub may refuse.
    const writeResult = async (result: RolloutResult) => {
      await writeStepSummary(result.markdown);
      setOutput('result', {
        mode: inputs.mode,
        dryRun: inputs.dryRun,
        assignments: result.outcomes.map(({ matrix: _m, ...o }) => o),
        exemptions: result.exemptions,
        preview: previewOutput(result.preview),
        errors: result.errors,
      });
      setOutput('promoted', String(result.promoted));
      setOutput('violations', String(result.violations));
      setOutput('gate', result.gate);
    };
    const result = await runRollout(inputs, { ...deps, onResult: writeResult });
    for (const o of result.outcomes) core.info(o.message);
    if (result.failure) core.setFailed(result.failure);
  });
}
