import { setOutput } from '@arc-actions/core';
import { runAction } from '@arc-actions/report';
import { readInputs } from './inputs.js';
import { runVerify, type VerifyDeps, type VerifyOutcome } from './story.js';

/** arc-verify: the nightly checklist of a governed fleet, as a JSON report, a step summary and a regression issue. */
export async function run(deps: VerifyDeps = {}): Promise<void> {
  await runAction('arc-verify', async (action) => {
    const inputs = await action.phase('inputs', async () => readInputs());
    // The summary and outputs are written before the regression issue, which GitHub may refuse.
    const writeOutcome = async (outcome: VerifyOutcome) => {
      await action.summary(outcome.markdown);
      setOutput('report', outcome.report);
      setOutput('status', outcome.report.status);
      setOutput('matrix', outcome.matrix);
    };
    const outcome = await action.phase(inputs.mode, () => runVerify(inputs, { ...deps, onOutcome: writeOutcome }));
    const { status } = outcome.report;
    if ((inputs.failOn === 'fail' && status === 'fail') || (inputs.failOn === 'warn' && status !== 'ok'))
      action.fail(
        `Fleet verification ended ${status}: ${outcome.report.counts.fail} clusters fail, ${outcome.report.counts.warn} warn (fail-on: ${inputs.failOn}).`,
      );
  });
}
