import * as core from '@actions/core';
import { runAction, setOutput } from '@arc-actions/core';
import { writeStepSummary } from '@arc-actions/report';
import { readInputs } from './inputs.js';
import { runVerify, type VerifyDeps, type VerifyOutcome } from './story.js';

export { shardOf } from './story.js';

/** arc-verify: the nightly checklist of a governed fleet, as a JSON report, a step summary and a regression issue. */
export async function run(deps: VerifyDeps = {}): Promise<void> {
  await runAction('arc-verify', async () => {
    const inputs = readInputs();
    // The summary and outputs are written before the regression issue, which GitHub may refuse.
    const writeOutcome = async (outcome: VerifyOutcome) => {
      await writeStepSummary(outcome.markdown);
      setOutput('report', outcome.report);
      setOutput('status', outcome.report.status);
      setOutput('matrix', outcome.matrix);
    };
    const outcome = await runVerify(inputs, { ...deps, onOutcome: writeOutcome });
    const { status } = outcome.report;
    if ((inputs.failOn === 'fail' && status === 'fail') || (inputs.failOn === 'warn' && status !== 'ok')) {
      core.setFailed(
        `Fleet verification ended ${status}: ${outcome.report.counts.fail} clusters fail, ${outcome.report.counts.warn} warn (fail-on: ${inputs.failOn}).`,
      );
    }
  });
}
