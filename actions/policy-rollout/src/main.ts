import { log, setOutput } from '@arc-actions/core';
import { runAction } from '@arc-actions/report';
import { readInputs } from './inputs.js';
import { runRollout, type RolloutDeps, type RolloutResult } from './story.js';
import { previewOutput } from './preview/render.js';

/**
 * policy-rollout: plan (pull requests: check run, sticky comment, compliance diff), apply (idempotent writes with
 * provenance, policy extension on every cluster, evaluation triggered) and promote (audit → deny behind the gate).
 */
export async function run(deps: RolloutDeps = {}): Promise<void> {
  await runAction('policy-rollout', async (action) => {
    const inputs = await action.phase('inputs', async () => readInputs());
    // The summary and outputs are written before the check run and the comment, which GitHub may refuse.
    const writeResult = async (result: RolloutResult) => {
      await action.summary(result.markdown);
      setOutput('result', {
        mode: inputs.mode,
        dryRun: inputs.dryRun,
        assignments: result.outcomes.map(({ matrix: _m, ...o }) => o),
        exemptions: result.exemptions,
        bootstrap: result.bootstrap.bootstrap,
        access: result.bootstrap.access,
        preview: previewOutput(result.preview),
        errors: result.errors,
      });
      setOutput('promoted', String(result.promoted));
      setOutput('violations', String(result.violations));
      setOutput('gate', result.gate);
    };
    // Each assignment is its own log group (runRollout), so the story is not wrapped in one.
    const result = await runRollout(inputs, { ...deps, onResult: writeResult });
    for (const o of result.outcomes) log.info(o.message);
    if (result.failure) action.fail(result.failure);
  });
}
