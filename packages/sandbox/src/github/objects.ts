import { createHash } from 'node:crypto';
import type { GitHubActor } from './state.js';

/**
 * The nested objects GitHub returns in full wherever a response names a user, an app or a repository, with the
 * fields `@octokit/openapi` requires (`simple-user`, `integration`, `repository`). URLs of the API point at the
 * stand-in (`base`), web URLs at github.com, as GitHub's own answers do.
 */

/** The `simple-user` object of an actor (users, bots and organisations alike). */
export function userObject(actor: GitHubActor, base: string): Record<string, unknown> {
  const url = `${base}/users/${encodeURIComponent(actor.login)}`;
  const bot = actor.type === 'Bot';
  return {
    login: actor.login,
    id: actor.id,
    node_id: actor.node_id,
    avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in/15368' : `u/${actor.id}`}?v=4`,
    gravatar_id: '',
    url,
    // Bots link to their app, e.g. https://github.com/apps/github-actions.
    html_url: bot ? `https://github.com/apps/${actor.login.replace(/\[bot\]$/, '')}` : `https://github.com/${actor.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: actor.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The organisation that owns the GitHub Actions app. */
const GITHUB_ORG: GitHubActor = { login: 'github', id: 9919, node_id: 'MDEyOk9yZ2FuaXphdGlvbjk5MTk=', type: 'Organization' };

/**
 * The `integration` object of the GitHub Actions app, the app behind GITHUB_TOKEN (check runs' `app`): id, slug,
 * node id and owner as GitHub answers them; the timestamps, permissions and events are illustrative.
 */
export function actionsApp(base: string): Record<string, unknown> {
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: userObject(GITHUB_ORG, base),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: 'https://github.com/apps/github-actions',
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2019-12-10T19:04:12Z',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      deployments: 'write',
      issues: 'write',
      metadata: 'read',
      packages: 'write',
      pages: 'write',
      pull_requests: 'write',
      statuses: 'write',
    },
    events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch', 'workflow_run'],
  };
}

/** A stable id for a repository name (the stand-in keeps no repository records). */
export function repositoryId(owner: string, repo: string): number {
  return createHash('sha1').update(`${owner}/${repo}`.toLowerCase()).digest().readUInt32BE(0) >>> 1;
}

/** The full `repository` object (as in a pull request's `head.repo` and `base.repo`). */
export function repositoryObject(owner: string, repo: string, base: string): Record<string, unknown> {
  const id = repositoryId(owner, repo);
  const url = `${base}/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;
  const ownerActor: GitHubActor = {
    login: owner,
    id: repositoryId(owner, ''),
    node_id: Buffer.from(`012:Organization${repositoryId(owner, '')}`).toString('base64'),
    type: 'Organization',
  };
  const at = '2024-01-02T03:04:05Z';
  return {
    id,
    node_id: Buffer.from(`010:Repository${id}`).toString('base64'),
    name: repo,
    full_name: `${owner}/${repo}`,
    license: null,
    forks: 0,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    owner: userObject(ownerActor, base),
    private: true,
    html_url: html,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${owner}/${repo}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${owner}/${repo}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: 'main',
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'private',
    pushed_at: at,
    created_at: at,
    updated_at: at,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_forking: false,
    web_commit_signoff_required: false,
    open_issues: 0,
    watchers: 0,
  };
}
