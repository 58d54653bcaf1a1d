import type { Handler, SandboxRequest, SandboxResponse } from '../http.js';
import { checkRunRoutes } from './check-runs.js';
import { graphql } from './graphql.js';
import { issueRoutes } from './issues.js';
import { apiRoot, authenticatedUser } from './meta.js';
import { pullRoutes } from './pulls.js';
import { DOCS, error } from './responses.js';
import { Router } from './router.js';
import { GitHubState, WRITE_ALL, type Permissions, type TokenGrant } from './state.js';

export interface GitHubApiOptions {
  /** The sandbox's own token (`Authorization: token X` or `Bearer X`): an installation token with every permission. */
  token: string;
}

/** The token from `Authorization: token X` / `Bearer X`, or undefined. */
function tokenOf(request: SandboxRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

const allows = (held: Permissions, needed: Permissions): boolean =>
  Object.entries(needed).every(([name, level]) => {
    const has = held[name as keyof Permissions];
    return has === 'write' || (level === 'read' && has === 'read');
  });

/** GitHub's `X-Accepted-GitHub-Permissions`: the sets separated by `; `, e.g. `issues=write; pull_requests=write`. */
const acceptedHeader = (sets: Permissions[]): string =>
  sets
    .map((set) =>
      Object.entries(set)
        .map(([name, level]) => `${name}=${level}`)
        .join(', '),
    )
    .join('; ');

/** GitHub's 403 for a token that lacks the permission: the wording depends on who holds the token. */
const forbidden = (grant: TokenGrant, doc: string): SandboxResponse =>
  error(403, grant.kind === 'user' ? 'Resource not accessible by personal access token' : 'Resource not accessible by integration', doc);

/**
 * A stand-in for the GitHub REST API (check runs, issue comments, issues, pull requests, the authenticated
 * identity) and the one GraphQL query the actions make (`viewer { login }`), mounted by the sandbox server at
 * `<url>/github`, so that `GITHUB_API_URL=<url>/github`. Every token has a set of permissions (GITHUB_TOKEN's
 * `permissions:`); a call without the permission it needs gets GitHub's 403 with `X-Accepted-GitHub-Permissions`.
 * Responses have the shapes `@octokit/openapi` describes; `state` holds what was written and a log of every request.
 */
export function createGitHubApi(options: GitHubApiOptions): { handler: Handler; state: GitHubState } {
  const state = new GitHubState();
  state.grant(options.token, { permissions: WRITE_ALL });
  const router = new Router();
  checkRunRoutes(router, state);
  issueRoutes(router, state);
  pullRoutes(router, state);

  const respond = async (request: SandboxRequest): Promise<SandboxResponse> => {
    const token = tokenOf(request);
    if (token === undefined) return error(401, 'Requires authentication');
    const grant = state.grantOf(token);
    if (!grant) return error(401, 'Bad credentials');
    const method = request.method.toUpperCase();
    const path = request.path.split('?')[0].replace(/\/+$/, '') || '/';
    if (path === '/' && method === 'GET') return apiRoot(request);
    if (path === '/user' && method === 'GET') return authenticatedUser(request, grant);
    if (path === '/graphql' && method === 'POST') return graphql(request, grant);
    const found = router.match(method, path);
    if (found === undefined || found === 'method-not-allowed') return error(404, 'Not Found');
    const accepted = found.meta.permissions(found.params);
    const header: Record<string, string> = accepted.length ? { 'x-accepted-github-permissions': acceptedHeader(accepted) } : {};
    if (accepted.length && !accepted.some((set) => allows(grant.permissions, set))) {
      const refused = forbidden(grant, found.meta.doc);
      return { ...refused, headers: { ...refused.headers, ...header } };
    }
    const response = await found.handler(request, found.params);
    // Errors name the operation's documentation, as GitHub's do.
    const body = response.body as { documentation_url?: string } | undefined;
    if (response.status >= 400 && body?.documentation_url === DOCS) body.documentation_url = found.meta.doc;
    return { ...response, headers: { ...response.headers, ...header } };
  };

  const handler: Handler = async (request) => {
    const response = await respond(request);
    const headers = {
      'x-github-request-id': `SANDBOX:${state.requests.length + 1}`,
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-resource': 'core',
      ...response.headers,
    };
    state.requests.push({
      method: request.method.toUpperCase(),
      path: request.path.split('?')[0],
      query: Object.fromEntries(request.url.searchParams),
      body: request.body,
      status: response.status,
    });
    return { ...response, headers };
  };
  return { handler, state };
}
