import type { SandboxRequest } from '../http.js';
import { repositoryObject, userObject } from './objects.js';
import type { Router, RouteMeta } from './router.js';
import type { GitHubState, StoredIssue } from './state.js';
import { apiBase, json, notFound, paginate } from './responses.js';

/** Pull requests: read one (the `pull-request` object in full) and list its changed files (seeded with `seedPullRequest`). */

const DOCS_PULLS = 'https://docs.github.com/rest/pulls/pulls';
const read = (doc: string): RouteMeta => ({ doc: `${DOCS_PULLS}#${doc}`, permissions: () => [{ pull_requests: 'read' }] });

function renderPull(state: GitHubState, request: SandboxRequest, issue: StoredIssue & { pull: NonNullable<StoredIssue['pull']> }) {
  const base = apiBase(request);
  const { owner, repo, number, pull } = issue;
  const repoUrl = `${base}/repos/${owner}/${repo}`;
  const url = `${repoUrl}/pulls/${number}`;
  const html = `https://github.com/${owner}/${repo}/pull/${number}`;
  const repository = repositoryObject(owner, repo, base);
  const ownerObject = repository.owner;
  const additions = pull.files.reduce((n, f) => n + (f.additions ?? 0), 0);
  const deletions = pull.files.reduce((n, f) => n + (f.deletions ?? 0), 0);
  const link = (href: string) => ({ href });
  return {
    url,
    id: issue.id,
    node_id: Buffer.from(`011:PullRequest${issue.id}`).toString('base64'),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${repoUrl}/issues/${number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${repoUrl}/issues/${number}/comments`,
    statuses_url: `${repoUrl}/statuses/${pull.headSha}`,
    number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userObject(issue.user, base),
    body: issue.body,
    labels: issue.labels.map((name) => ({
      id: 1,
      node_id: 'LA_sandbox',
      url: `${repoUrl}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'ededed',
      default: false,
    })),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${owner}:${pull.headRef}`, ref: pull.headRef, sha: pull.headSha, user: ownerObject, repo: repository },
    base: { label: `${owner}:${pull.baseRef}`, ref: pull.baseRef, sha: pull.baseSha, user: ownerObject, repo: repository },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(`${repoUrl}/issues/${number}`),
      comments: link(`${repoUrl}/issues/${number}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repoUrl}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${repoUrl}/statuses/${pull.headSha}`),
    },
    author_association: issue.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    auto_merge: null,
    draft: false,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: state.commentsOn(owner, repo, number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions,
    deletions,
    changed_files: pull.files.length,
  };
}

export function pullRoutes(router: Router, state: GitHubState): void {
  router.on('GET', '/repos/:owner/:repo/pulls/:number', read('get-a-pull-request'), (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue?.pull) return notFound();
    return json(200, renderPull(state, request, issue as StoredIssue & { pull: NonNullable<StoredIssue['pull']> }));
  });

  router.on('GET', '/repos/:owner/:repo/pulls/:number/files', read('list-pull-requests-files'), (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue?.pull) return notFound();
    const sha = issue.pull.headSha;
    const files = issue.pull.files.slice(0, 3000).map((f, i) => {
      const additions = f.additions ?? 0;
      const deletions = f.deletions ?? 0;
      const path = encodeURIComponent(f.filename).replace(/%2F/g, '/');
      return {
        sha: (i + 1).toString(16).padStart(40, '0'),
        filename: f.filename,
        status: f.status ?? 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `https://github.com/${owner}/${repo}/blob/${sha}/${path}`,
        raw_url: `https://github.com/${owner}/${repo}/raw/${sha}/${path}`,
        contents_url: `${apiBase(request)}/repos/${owner}/${repo}/contents/${path}?ref=${sha}`,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      };
    });
    const page = paginate(request, files);
    return json(200, page.items, page.headers);
  });
}
