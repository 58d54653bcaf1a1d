import {
  publishCheckRun,
  publishOrWarn,
  upsertStickyComment,
  type CheckAnnotation,
  type GitHubTarget,
  type Octokit,
} from '@arc-actions/report';
import { encodeSnapshot, violationKey, type Snapshot } from './compliance.js';
import { previewAnnotations } from './preview/render.js';
import type { AssignmentOutcome } from './rollout.js';
import type { RolloutResult } from './story.js';

/** The sticky comment's group: one comment per pull request for every policy file. */
export const COMMENT_GROUP = 'policies';

export interface PublishOptions {
  checkName: string;
  comment: boolean;
  previous?: Snapshot;
  conclusion: 'success' | 'failure';
  /** The check run's title when it fails. */
  title: string;
}

/**
 * What policy-rollout publishes to GitHub once its result is written (summary and outputs first): the check run with
 * annotations at each assignment's line, and the sticky pull-request comment with the compliance snapshot. A refusal
 * or failure from GitHub is a warning naming the permission (publishOrWarn); the run's result is unchanged.
 */
export async function publishRollout(octokit: Octokit, target: GitHubTarget, result: RolloutResult, options: PublishOptions) {
  const { outcomes, preview, markdown } = result;
  if (target.sha) {
    const conclusion = options.conclusion;
    const check = await publishOrWarn('check run', () =>
      publishCheckRun(octokit, {
        owner: target.owner,
        repo: target.repo,
        name: options.checkName,
        headSha: target.sha!,
        conclusion,
        title: conclusion === 'success' ? `${outcomes.length} assignments, ${result.violations} NonCompliant objects` : options.title,
        summary: markdown,
        annotations: [...annotations(outcomes), ...(preview ? previewAnnotations(preview) : [])],
      }),
    );
    if (check) result.checkRun = { id: check.id, conclusion };
  }
  const pullRequest = target.pullRequest;
  if (pullRequest && options.comment) {
    const snapshot: Snapshot = {
      ...(options.previous ?? {}),
      ...Object.fromEntries(outcomes.map((o) => [o.name, o.violations.map(violationKey)])),
    };
    const comment = await publishOrWarn('pull request comment', () =>
      upsertStickyComment(octokit, {
        owner: target.owner,
        repo: target.repo,
        issueNumber: pullRequest,
        action: 'policy-rollout',
        group: COMMENT_GROUP,
        body: `${encodeSnapshot(snapshot)}\n${markdown}`,
      }),
    );
    if (comment) result.comment = { id: comment.id, outcome: comment.outcome };
  }
}

function annotations(outcomes: AssignmentOutcome[]): CheckAnnotation[] {
  return outcomes
    .filter((o) => o.violations.length || o.action === 'refused')
    .map((o) => ({
      path: o.file,
      start_line: o.line,
      end_line: o.line,
      annotation_level: o.stage === 'deny' || o.action === 'refused' ? ('failure' as const) : ('warning' as const),
      title: `${o.name}: ${o.violations.length} NonCompliant objects`,
      message:
        o.action === 'refused'
          ? o.message
          : `${o.violations.length} objects would be rejected under Deny: ${o.violations
              .slice(0, 10)
              .map((v) => `${v.cluster} ${v.kind} ${v.namespace ? `${v.namespace}/` : ''}${v.name}`)
              .join(', ')}${o.violations.length > 10 ? ` and ${o.violations.length - 10} more` : ''}.`,
    }));
}
