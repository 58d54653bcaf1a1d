import { createHash } from 'node:crypto';
import { redact } from '@arc-actions/core';
import { LIMITS, measure } from './limits.js';
import type { Octokit } from './octokit.js';
import { fitMarkdown } from './truncate.js';

export interface IssueOptions {
  owner: string;
  repo: string;
  /** The label that identifies the issue (one open issue per label). */
  label: string;
  title: string;
  /** The current report. When closing, it is posted as the closing comment (if not empty). */
  body: string;
  /** True while the problem persists; false closes the issue. */
  open: boolean;
  fullReport?: string;
}

export interface IssueResult {
  outcome: 'opened' | 'commented' | 'unchanged' | 'closed' | 'none';
  number?: number;
  htmlUrl?: string;
}

const DIGEST = /<!-- arc-actions:digest:([0-9a-f]{64}) -->/;

/** A body stamped with a digest of its full text, so that a later run can tell whether anything changed. */
function stamped(body: string, fullReport?: string): { text: string; digest: string } {
  const redacted = redact(body);
  const digest = createHash('sha256').update(redacted).digest('hex');
  const stamp = `\n<!-- arc-actions:digest:${digest} -->\n`;
  const limit = { ...LIMITS.issue, max: LIMITS.issue.max - measure(stamp, LIMITS.issue.unit) };
  return { text: fitMarkdown(redacted, limit, { fullReport }).text.replace(/\n*$/, '') + stamp, digest };
}

/**
 * A regression issue that follows a recurring check (arc-verify): opened when the problem appears, a comment
 * when the report changes, closed when the problem is gone. The issue is found by its label, among open
 * issues (pull requests are skipped).
 */
export async function upsertIssue(octokit: Octokit, options: IssueOptions): Promise<IssueResult> {
  const { owner, repo, label } = options;
  const open = (await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 }))
    .filter((i) => !i.pull_request)
    .sort((a, b) => a.number - b.number);
  const issue = open[0];
  const { text, digest } = stamped(options.body, options.fullReport);

  if (!options.open) {
    if (!issue) return { outcome: 'none' };
    if (options.body.trim()) await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: text });
    await octokit.rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
    return { outcome: 'closed', number: issue.number, htmlUrl: issue.html_url };
  }

  if (!issue) {
    const created = await octokit.rest.issues.create({ owner, repo, title: redact(options.title), body: text, labels: [label] });
    return { outcome: 'opened', number: created.data.number, htmlUrl: created.data.html_url };
  }

  // The latest report is in the newest comment that carries a digest, or else in the issue body.
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issue.number, per_page: 100 });
  const latest = [...comments].reverse().find((c) => DIGEST.test(c.body ?? ''))?.body ?? issue.body ?? '';
  if (DIGEST.exec(latest)?.[1] === digest) return { outcome: 'unchanged', number: issue.number, htmlUrl: issue.html_url };
  await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body: text });
  return { outcome: 'commented', number: issue.number, htmlUrl: issue.html_url };
}
