import { log, redact } from '@arc-actions/core';
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
  /** Comments by someone else that carry our marker (quoted, or planted): left alone. */
  foreign: number;
  truncated: boolean;
}

/** The author of comments made with GITHUB_TOKEN, the fallback when the token's identity cannot be read. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

const logins = new WeakMap<object, Promise<string>>();

/**
 * Who the token acts as, i.e. the author our comments get. GraphQL `viewer { login }` answers for every kind of token
 * (`github-actions[bot]` for GITHUB_TOKEN, `<app>[bot]` for an app's installation token, the user for a personal
 * token), whereas `GET /user` is refused to installation tokens ("Resource not accessible by integration"); it is
 * the fallback, then github-actions[bot]. Read once per client.
 */
export function authenticatedLogin(octokit: Octokit): Promise<string> {
  let login = logins.get(octokit);
  if (!login) {
    login = (async () => {
      try {
        return (await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')).viewer.login;
      } catch {
        try {
          return (await octokit.rest.users.getAuthenticated()).data.login;
        } catch {
          log.debug(`The token's identity could not be read; comments by ${ACTIONS_BOT_LOGIN} count as ours.`);
          return ACTIONS_BOT_LOGIN;
        }
      }
    })();
    logins.set(octokit, login);
  }
  return login;
}

interface ListedComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string } | null;
}

/**
 * The comments on the issue that carry our marker, split into ours (by the token's identity, oldest first) and
 * everyone else's. A comment is found by marker and author: someone quoting or planting the marker is never ours.
 */
async function markedComments(
  octokit: Octokit,
  options: Pick<StickyCommentOptions, 'owner' | 'repo' | 'issueNumber' | 'action' | 'group'>,
): Promise<{ ours: ListedComment[]; foreign: ListedComment[] }> {
  const marker = stickyMarker(options.action, options.group);
  const login = await authenticatedLogin(octokit);
  const author = login.toLowerCase();
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: options.owner,
    repo: options.repo,
    issue_number: options.issueNumber,
    per_page: 100,
  });
  const marked = comments.filter((c) => (c.body ?? '').trimStart().startsWith(marker)).sort((a, b) => a.id - b.id);
  const isOurs = (c: ListedComment) => c.user?.login.toLowerCase() === author;
  const foreign = marked.filter((c) => !isOurs(c));
  if (foreign.length) {
    log.info(
      `Left alone ${foreign.length} comment(s) on #${options.issueNumber} that carry the ${options.action} marker but were written by ${[
        ...new Set(foreign.map((c) => c.user?.login ?? 'a deleted user')),
      ].join(', ')}, not by ${login}.`,
    );
  }
  return { ours: marked.filter(isOurs), foreign };
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
 * creates it when missing and deletes extra copies (left by concurrent jobs). A comment is ours when it carries
 * the marker and was written by the token's identity; anyone else's comment is never edited or deleted. An
 * identical body is not rewritten.
 */
export async function upsertStickyComment(octokit: Octokit, options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber } = options;
  const marker = stickyMarker(options.action, options.group);
  const { text, truncated } = stickyBody(marker, options.body, options.fullReport);
  const { ours, foreign } = await markedComments(octokit, options);

  if (ours.length === 0) {
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
    return { id: created.data.id, htmlUrl: created.data.html_url, outcome: 'created', deleted: 0, foreign: foreign.length, truncated };
  }
  const [keep, ...extra] = ours;
  for (const copy of extra) await octokit.rest.issues.deleteComment({ owner, repo, comment_id: copy.id });
  const base = { deleted: extra.length, foreign: foreign.length, truncated };
  if (keep.body === text) return { id: keep.id, htmlUrl: keep.html_url, outcome: 'unchanged', ...base };
  const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: text });
  return { id: updated.data.id, htmlUrl: updated.data.html_url, outcome: 'updated', ...base };
}

/**
 * The body of our sticky comment on a pull request, if there is one (to read state a previous run left in it):
 * only a comment by the token's identity counts, so a snapshot in someone else's comment is never trusted.
 */
export async function findStickyComment(
  octokit: Octokit,
  options: Pick<StickyCommentOptions, 'owner' | 'repo' | 'issueNumber' | 'action' | 'group'>,
): Promise<string | undefined> {
  return (await markedComments(octokit, options)).ours[0]?.body ?? undefined;
}
