import type { SandboxRequest } from '../http.js';
import { userObject } from './objects.js';
import type { Params, Router, RouteMeta } from './router.js';
import type { GitHubState, PermissionLevel, Permissions, StoredComment, StoredIssue } from './state.js';
import { apiBase, bodyOf, charLength, json, nodeId, noContent, notFound, paginate, validationFailed } from './responses.js';

/** Issues (and pull requests seen as issues) and their comments. */

export const COMMENT_BODY_MAX_CHARS = 65_536;
export const ISSUE_BODY_MAX_CHARS = 65_536;
const DOCS_COMMENTS = 'https://docs.github.com/rest/issues/comments';
const DOCS_ISSUES = 'https://docs.github.com/rest/issues/issues';

/**
 * Issue endpoints on a pull request accept either permission ("Issues" or "Pull requests", as the fine-grained
 * permission tables list them); on an issue only `issues`.
 */
function issueOrPull(level: PermissionLevel, isPull: boolean): Permissions[] {
  return isPull ? [{ issues: level }, { pull_requests: level }] : [{ issues: level }];
}

function label(name: string, repoUrl: string): Record<string, unknown> {
  const id = [...name].reduce((h, c) => (h * 31 + c.codePointAt(0)!) >>> 0, 7);
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${repoUrl}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  };
}

export function renderIssue(state: GitHubState, request: SandboxRequest, issue: StoredIssue): Record<string, unknown> {
  const repoUrl = `${apiBase(request)}/repos/${issue.owner}/${issue.repo}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  const html = `https://github.com/${issue.owner}/${issue.repo}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PullRequest' : 'Issue', issue.id),
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userObject(issue.user, apiBase(request)),
    labels: issue.labels.map((l) => label(l, repoUrl)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: state.commentsOn(issue.owner, issue.repo, issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: associationOf(issue.user),
    ...(issue.pull
      ? { pull_request: { url: `${repoUrl}/pulls/${issue.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch` } }
      : {}),
  };
}

/** Bots and outside people are NONE; the stand-in makes the repository's people members (octocat included). */
const associationOf = (user: { type: string }): string => (user.type === 'Bot' ? 'NONE' : 'MEMBER');

function renderComment(request: SandboxRequest, comment: StoredComment): Record<string, unknown> {
  const repoUrl = `${apiBase(request)}/repos/${comment.owner}/${comment.repo}`;
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${comment.owner}/${comment.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userObject(comment.user, apiBase(request)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: associationOf(comment.user),
    performed_via_github_app: null,
  };
}

/** GitHub's answer to a body over the limit (as quoted in reports since 2021: code `unprocessable`, field `data`). */
function tooLong(resource: 'IssueComment' | 'Issue', body: unknown, max: number, doc: string) {
  if (typeof body === 'string' && charLength(body) > max) {
    return validationFailed(
      [{ resource, code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${max} characters)` }],
      doc,
    );
  }
  return undefined;
}

export function issueRoutes(router: Router, state: GitHubState): void {
  const comment = (owner: string, repo: string, id: string) =>
    state.comments.find((c) => c.id === Number(id) && `${c.owner}/${c.repo}`.toLowerCase() === `${owner}/${repo}`.toLowerCase());
  const isPull = (owner: string, repo: string, number: number | undefined) =>
    number !== undefined && Boolean(state.issue(owner, repo, number)?.pull);
  /** An operation on an issue (or pull request) given by number. */
  const onIssue = (doc: string, level: PermissionLevel): RouteMeta => ({
    doc,
    permissions: ({ owner, repo, number }: Params) => issueOrPull(level, isPull(owner, repo, Number(number))),
  });
  /** An operation on a comment given by id: the permission follows the issue or pull request it is on. */
  const onComment = (doc: string, level: PermissionLevel): RouteMeta => ({
    doc,
    permissions: ({ owner, repo, id }: Params) => issueOrPull(level, isPull(owner, repo, comment(owner, repo, id)?.issueNumber)),
  });
  const onRepo = (doc: string, level: PermissionLevel): RouteMeta => ({ doc, permissions: () => [{ issues: level }] });
  const createComment = onIssue(`${DOCS_COMMENTS}#create-an-issue-comment`, 'write');
  const updateComment = onComment(`${DOCS_COMMENTS}#update-an-issue-comment`, 'write');
  const createIssue = onRepo(`${DOCS_ISSUES}#create-an-issue`, 'write');
  const updateIssue = onIssue(`${DOCS_ISSUES}#update-an-issue`, 'write');

  router.on(
    'GET',
    '/repos/:owner/:repo/issues/:number/comments',
    onIssue(`${DOCS_COMMENTS}#list-issue-comments`, 'read'),
    (request, { owner, repo, number }) => {
      if (!state.issue(owner, repo, Number(number))) return notFound();
      const page = paginate(request, state.commentsOn(owner, repo, Number(number)));
      return json(
        200,
        page.items.map((c) => renderComment(request, c)),
        page.headers,
      );
    },
  );

  router.on('POST', '/repos/:owner/:repo/issues/:number/comments', createComment, (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue) return notFound();
    const { body } = bodyOf(request);
    if (typeof body !== 'string')
      return validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], createComment.doc);
    const invalid = tooLong('IssueComment', body, COMMENT_BODY_MAX_CHARS, createComment.doc);
    if (invalid) return invalid;
    const now = state.now();
    const stored: StoredComment = {
      id: state.newId(),
      owner,
      repo,
      issueNumber: issue.number,
      body,
      user: state.actorOf(request),
      createdAt: now,
      updatedAt: now,
    };
    state.comments.push(stored);
    issue.updatedAt = now;
    return json(201, renderComment(request, stored), {
      location: `${apiBase(request)}/repos/${owner}/${repo}/issues/comments/${stored.id}`,
    });
  });

  router.on(
    'GET',
    '/repos/:owner/:repo/issues/comments/:id',
    onComment(`${DOCS_COMMENTS}#get-an-issue-comment`, 'read'),
    (request, { owner, repo, id }) => {
      const found = comment(owner, repo, id);
      return found ? json(200, renderComment(request, found)) : notFound();
    },
  );

  router.on('PATCH', '/repos/:owner/:repo/issues/comments/:id', updateComment, (request, { owner, repo, id }) => {
    const found = comment(owner, repo, id);
    if (!found) return notFound();
    const { body } = bodyOf(request);
    if (typeof body !== 'string')
      return validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], updateComment.doc);
    const invalid = tooLong('IssueComment', body, COMMENT_BODY_MAX_CHARS, updateComment.doc);
    if (invalid) return invalid;
    found.body = body;
    found.updatedAt = state.now();
    return json(200, renderComment(request, found));
  });

  router.on(
    'DELETE',
    '/repos/:owner/:repo/issues/comments/:id',
    onComment(`${DOCS_COMMENTS}#delete-an-issue-comment`, 'write'),
    (_request, { owner, repo, id }) => {
      const found = comment(owner, repo, id);
      if (!found) return notFound();
      state.comments.splice(state.comments.indexOf(found), 1);
      return noContent();
    },
  );

  router.on('GET', '/repos/:owner/:repo/issues', onRepo(`${DOCS_ISSUES}#list-repository-issues`, 'read'), (request, { owner, repo }) => {
    const query = request.url.searchParams;
    const wanted = query.get('state') ?? 'open';
    const labels = (query.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const items = state
      .issuesOf(owner, repo)
      .filter((i) => wanted === 'all' || i.state === wanted)
      .filter((i) => labels.every((l) => i.labels.some((own) => own.toLowerCase() === l)))
      .sort((a, b) => b.number - a.number);
    const page = paginate(request, items);
    return json(
      200,
      page.items.map((i) => renderIssue(state, request, i)),
      page.headers,
    );
  });

  router.on('POST', '/repos/:owner/:repo/issues', createIssue, (request, { owner, repo }) => {
    const body = bodyOf(request);
    if (typeof body.title !== 'string' || !body.title)
      return validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }], createIssue.doc);
    const invalid = tooLong('Issue', body.body, ISSUE_BODY_MAX_CHARS, createIssue.doc);
    if (invalid) return invalid;
    const now = state.now();
    const issue: StoredIssue = {
      id: state.newId(),
      owner,
      repo,
      number: state.nextNumber(owner, repo),
      title: body.title,
      body: typeof body.body === 'string' ? body.body : null,
      state: 'open',
      stateReason: null,
      labels: labelNames(body.labels),
      user: state.actorOf(request),
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    state.issues.push(issue);
    return json(201, renderIssue(state, request, issue), { location: `${apiBase(request)}/repos/${owner}/${repo}/issues/${issue.number}` });
  });

  router.on(
    'GET',
    '/repos/:owner/:repo/issues/:number',
    onIssue(`${DOCS_ISSUES}#get-an-issue`, 'read'),
    (request, { owner, repo, number }) => {
      const issue = state.issue(owner, repo, Number(number));
      return issue ? json(200, renderIssue(state, request, issue)) : notFound();
    },
  );

  router.on('PATCH', '/repos/:owner/:repo/issues/:number', updateIssue, (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue) return notFound();
    const body = bodyOf(request);
    const invalid = tooLong('Issue', body.body, ISSUE_BODY_MAX_CHARS, updateIssue.doc);
    if (invalid) return invalid;
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      return validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }], updateIssue.doc);
    }
    const now = state.now();
    if (typeof body.title === 'string') issue.title = body.title;
    if (body.body !== undefined) issue.body = typeof body.body === 'string' ? body.body : null;
    if (body.labels !== undefined) issue.labels = labelNames(body.labels);
    if (body.state === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closedAt = now;
      issue.stateReason = typeof body.state_reason === 'string' ? body.state_reason : 'completed';
    } else if (body.state === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.closedAt = null;
      issue.stateReason = 'reopened';
    }
    issue.updatedAt = now;
    return json(200, renderIssue(state, request, issue));
  });
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  const names = labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown })?.name ?? ''))).filter(Boolean);
  return [...new Set(names)];
}
