import { redact } from '@arc-actions/core';
import { LIMITS, measure } from './limits.js';
import type { Octokit } from './octokit.js';
import { fitMarkdown } from './truncate.js';

export interface StickyCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  /** The action that owns the comment, e.g. `policy-rollout`. */
  action: string;
  /** The target group it reports on, e.g. `prod` (one comment per action and group). */
  group: string;
  body: string;
  fullReport?: string;
}

export interface StickyCommentResult {
  id: number;
  htmlUrl: string;
  outcome: 'created' | 'updated' | 'unchanged';
  /** Extra copies that were deleted. */
  deleted: number;
  truncated: boolean;
}

const safe = (part: string): string => part.replace(/[^A-Za-z0-9._/@-]+/g, '-').replace(/-{2,}/g, '-');

/** The hidden marker that identifies our comment: `<!-- arc-actions:<action>:<group> -->`. */
export function stickyMarker(action: string, group: string): string {
  return `<!-- arc-actions:${safe(action)}:${safe(group)} -->`;
}

/** The comment body: the marker on the first line, then the redacted body cut below GitHub's limit. */
export function stickyBody(marker: string, body: string, fullReport?: string): { text: string; truncated: boolean } {
  const prefix = `${marker}\n`;
  const limit = { ...LIMITS.comment, max: LIMITS.comment.max - measure(prefix, LIMITS.comment.unit) };
  const fitted = fitMarkdown(redact(body), limit, { fullReport });
  return { text: prefix + fitted.text, truncated: fitted.truncated };
}

/**
 * Keeps exactly one comment per action and target group on a pull request or issue: updates ours in place,
 * creates it when missing and deletes extra copies (left by concurrent jobs). An identical body is not rewritten.
 */
export async function upsertStickyComment(octokit: Octokit, options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber } = options;
  const marker = stickyMarker(options.action, options.group);
  const { text, truncated } = stickyBody(marker, options.body, options.fullReport);

  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const ours = comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id);

  if (ours.length === 0) {
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
    return { id: created.data.id, htmlUrl: created.data.html_url, outcome: 'created', deleted: 0, truncated };
  }
  const [keep, ...extra] = ours;
  for (const copy of extra) await octokit.rest.issues.deleteComment({ owner, repo, comment_id: copy.id });
  if (keep.body === text) return { id: keep.id, htmlUrl: keep.html_url, outcome: 'unchanged', deleted: extra.length, truncated };
  const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text });
  return { id: updated.data.id, htmlUrl: updated.data.html_url, outcome: 'updated', deleted: extra.length, truncated };
}

/** The body of our sticky comment on a pull request, if there is one (to read state a previous run left in it). */
export async function findStickyComment(
  octokit: Octokit,
  options: Pick<StickyCommentOptions, 'owner' | 'repo' | 'issueNumber' | 'action' | 'group'>,
): Promise<string | undefined> {
  const marker = stickyMarker(options.action, options.group);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  });
  return comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id)[0]?.body ?? undefined;
}
