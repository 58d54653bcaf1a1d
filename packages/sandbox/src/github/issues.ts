import type { SandboxRequest } from '../http.js';
import type { Router } from './router.js';
import type { GitHubState, StoredComment, StoredIssue } from './state.js';
import { apiBase, bodyOf, charLength, json, nodeId, noContent, notFound, paginate, validationFailed } from './responses.js';

/** Issues (and pull requests seen as issues) and their comments. */

export const COMMENT_BODY_MAX_CHARS = 65_536;
export const ISSUE_BODY_MAX_CHARS = 65_536;
const DOC_COMMENT = 'https://docs.github.com/rest/issues/comments#create-an-issue-comment';
const DOC_ISSUE = 'https://docs.github.com/rest/issues/issues#create-an-issue';

function label(name: string): Record<string, unknown> {
  const id = [...name].reduce((h, c) => (h * 31 + c.codePointAt(0)!) >>> 0, 7);
  return { id, node_id: nodeId('Label', id), name, color: 'ededed', default: false, description: null };
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
    user: issue.user,
    labels: issue.labels.map(label),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: state.commentsOn(issue.owner, issue.repo, issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: 'NONE',
    ...(issue.pull
      ? { pull_request: { url: `${repoUrl}/pulls/${issue.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch` } }
      : {}),
  };
}

function renderComment(request: SandboxRequest, comment: StoredComment): Record<string, unknown> {
  const repoUrl = `${apiBase(request)}/repos/${comment.owner}/${comment.repo}`;
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${comment.owner}/${comment.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: comment.user,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
    performed_via_github_app: null,
  };
}

function tooLong(resource: 'IssueComment' | 'Issue', body: unknown, max: number, doc: string) {
  if (typeof body === 'string' && charLength(body) > max) {
    return validationFailed([{ resource, field: 'body', message: `body is too long (maximum is ${max} characters)` }], doc);
  }
  return undefined;
}

export function issueRoutes(router: Router, state: GitHubState): void {
  const comment = (owner: string, repo: string, id: string) =>
    state.comments.find((c) => c.id === Number(id) && `${c.owner}/${c.repo}`.toLowerCase() === `${owner}/${repo}`.toLowerCase());

  router.on('GET', '/repos/:owner/:repo/issues/:number/comments', (request, { owner, repo, number }) => {
    if (!state.issue(owner, repo, Number(number))) return notFound();
    const page = paginate(request, state.commentsOn(owner, repo, Number(number)));
    return json(
      200,
      page.items.map((c) => renderComment(request, c)),
      page.headers,
    );
  });

  router.on('POST', '/repos/:owner/:repo/issues/:number/comments', (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue) return notFound();
    const { body } = bodyOf(request);
    if (typeof body !== 'string')
      return validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], DOC_COMMENT);
    const invalid = tooLong('IssueComment', body, COMMENT_BODY_MAX_CHARS, DOC_COMMENT);
    if (invalid) return invalid;
    const now = state.now();
    const stored: StoredComment = {
      id: state.newId(),
      owner,
      repo,
      issueNumber: issue.number,
      body,
      user: state.actor,
      createdAt: now,
      updatedAt: now,
    };
    state.comments.push(stored);
    issue.updatedAt = now;
    return json(201, renderComment(request, stored), {
      location: `${apiBase(request)}/repos/${owner}/${repo}/issues/comments/${stored.id}`,
    });
  });

  router.on('GET', '/repos/:owner/:repo/issues/comments/:id', (request, { owner, repo, id }) => {
    const found = comment(owner, repo, id);
    return found ? json(200, renderComment(request, found)) : notFound();
  });

  router.on('PATCH', '/repos/:owner/:repo/issues/comments/:id', (request, { owner, repo, id }) => {
    const found = comment(owner, repo, id);
    if (!found) return notFound();
    const { body } = bodyOf(request);
    if (typeof body !== 'string')
      return validationFailed([{ resource: 'IssueComment', field: 'body', code: 'missing_field' }], DOC_COMMENT);
    const invalid = tooLong('IssueComment', body, COMMENT_BODY_MAX_CHARS, DOC_COMMENT);
    if (invalid) return invalid;
    found.body = body;
    found.updatedAt = state.now();
    return json(200, renderComment(request, found));
  });

  router.on('DELETE', '/repos/:owner/:repo/issues/comments/:id', (_request, { owner, repo, id }) => {
    const found = comment(owner, repo, id);
    if (!found) return notFound();
    state.comments.splice(state.comments.indexOf(found), 1);
    return noContent();
  });

  router.on('GET', '/repos/:owner/:repo/issues', (request, { owner, repo }) => {
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

  router.on('POST', '/repos/:owner/:repo/issues', (request, { owner, repo }) => {
    const body = bodyOf(request);
    if (typeof body.title !== 'string' || !body.title)
      return validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }], DOC_ISSUE);
    const invalid = tooLong('Issue', body.body, ISSUE_BODY_MAX_CHARS, DOC_ISSUE);
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
      user: state.actor,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    state.issues.push(issue);
    return json(201, renderIssue(state, request, issue), { location: `${apiBase(request)}/repos/${owner}/${repo}/issues/${issue.number}` });
  });

  router.on('GET', '/repos/:owner/:repo/issues/:number', (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    return issue ? json(200, renderIssue(state, request, issue)) : notFound();
  });

  router.on('PATCH', '/repos/:owner/:repo/issues/:number', (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue) return notFound();
    const body = bodyOf(request);
    const invalid = tooLong('Issue', body.body, ISSUE_BODY_MAX_CHARS, 'https://docs.github.com/rest/issues/issues#update-an-issue');
    if (invalid) return invalid;
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      return validationFailed([{ resource: 'Issue', field: 'state', code: 'invalid' }]);
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
