import { setOutput } from '@arc-actions/core';
import { getOctokit, publishOrWarn, readGitHubTarget, upsertStickyComment, type RunContext } from '@arc-actions/report';
import type { FleetResult } from './story.js';

/**
 * Writes what {@link applyFleet} returned: outputs `results` and `matrix`, the step summary, and then the sticky PR
 * comment when there is one and a token (a comment GitHub refuses is a warning naming the permission; the result
 * stands). Everything goes through redaction on the way out.
 */
export async function publishFleetResult(
  result: FleetResult,
  options: { token?: string; env?: NodeJS.ProcessEnv; summary: RunContext['summary'] },
): Promise<{ comment?: string }> {
  setOutput('results', result.report);
  setOutput('matrix', result.matrix);
  await options.summary(result.summary, { fullReport: 'in the `results` output of this step' });
  const target = readGitHubTarget(options.env);
  if (!result.comment || !options.token || !target?.pullRequest) return {};
  const { owner, repo, pullRequest: number } = target;
  const { comment } = result;
  const { token } = options;
  const posted = await publishOrWarn('pull request comment', () =>
    upsertStickyComment(getOctokit(token), {
      owner,
      repo,
      issueNumber: number,
      action: 'flux-apply',
      group: result.report.configuration,
      body: comment,
      fullReport: 'in the `results` output of the flux-apply step',
    }),
  );
  return { comment: posted?.htmlUrl };
}
