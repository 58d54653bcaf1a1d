import type { SandboxRequest, SandboxResponse } from '../http.js';
import { userObject } from './objects.js';
import { apiBase, error, json } from './responses.js';
import type { TokenGrant } from './state.js';

/** `GET /` (meta/root) and `GET /user` (users/get-authenticated). */

/** The API root: the URL templates of `components/examples/root` in `@octokit/openapi`, on the stand-in's base. */
export function apiRoot(request: SandboxRequest): SandboxResponse {
  const b = apiBase(request);
  const search = (what: string) => `${b}/search/${what}?q={query}{&page,per_page,sort,order}`;
  return json(200, {
    current_user_url: `${b}/user`,
    current_user_authorizations_html_url: 'https://github.com/settings/connections/applications{/client_id}',
    authorizations_url: `${b}/authorizations`,
    code_search_url: search('code'),
    commit_search_url: search('commits'),
    emails_url: `${b}/user/emails`,
    emojis_url: `${b}/emojis`,
    events_url: `${b}/events`,
    feeds_url: `${b}/feeds`,
    followers_url: `${b}/user/followers`,
    following_url: `${b}/user/following{/target}`,
    gists_url: `${b}/gists{/gist_id}`,
    issue_search_url: search('issues'),
    issues_url: `${b}/issues`,
    keys_url: `${b}/user/keys`,
    label_search_url: `${b}/search/labels?q={query}&repository_id={repository_id}{&page,per_page}`,
    notifications_url: `${b}/notifications`,
    organization_url: `${b}/orgs/{org}`,
    organization_repositories_url: `${b}/orgs/{org}/repos{?type,page,per_page,sort}`,
    organization_teams_url: `${b}/orgs/{org}/teams`,
    public_gists_url: `${b}/gists/public`,
    rate_limit_url: `${b}/rate_limit`,
    repository_url: `${b}/repos/{owner}/{repo}`,
    repository_search_url: search('repositories'),
    current_user_repositories_url: `${b}/user/repos{?type,page,per_page,sort}`,
    starred_url: `${b}/user/starred{/owner}{/repo}`,
    starred_gists_url: `${b}/gists/starred`,
    topic_search_url: `${b}/search/topics?q={query}{&page,per_page}`,
    user_url: `${b}/users/{user}`,
    user_organizations_url: `${b}/user/orgs`,
    user_repositories_url: `${b}/users/{user}/repos{?type,page,per_page,sort}`,
    user_search_url: search('users'),
  });
}

export const DOC_AUTHENTICATED_USER = 'https://docs.github.com/rest/users/users#get-the-authenticated-user';

/**
 * `GET /user`: a GitHub App installation token (GITHUB_TOKEN included) is refused with 403 "Resource not accessible
 * by integration", as GitHub does; a personal access token gets its user (`public-user`).
 */
export function authenticatedUser(request: SandboxRequest, grant: TokenGrant): SandboxResponse {
  if (grant.kind === 'installation') return error(403, 'Resource not accessible by integration', DOC_AUTHENTICATED_USER);
  return json(200, {
    ...userObject(grant.actor, apiBase(request)),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2011-01-25T18:44:36Z',
    updated_at: '2024-01-02T03:04:05Z',
  });
}
