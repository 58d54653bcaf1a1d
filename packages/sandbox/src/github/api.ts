import type { Handler, SandboxRequest, SandboxResponse } from '../http.js';
import { checkRunRoutes } from './check-runs.js';
import { issueRoutes } from './issues.js';
import { pullRoutes } from './pulls.js';
import { error, json } from './responses.js';
import { Router } from './router.js';
import { GitHubState } from './state.js';

export interface GitHubApiOptions {
  /** The one token accepted, sent as `Authorization: token X` or `Bearer X`. */
  token: string;
}

/** The token from `Authorization: token X` / `Bearer X`, or undefined. */
function tokenOf(request: SandboxRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * A stand-in for the GitHub REST API (check runs, issue comments, issues, pull request files), mounted by the
 * sandbox server at `<url>/github`, so that `GITHUB_API_URL=<url>/github`. Responses have GitHub's shapes,
 * errors and limits; `state` holds what was written and a log of every request.
 */
export function createGitHubApi(options: GitHubApiOptions): { handler: Handler; state: GitHubState } {
  const state = new GitHubState();
  const router = new Router();
  checkRunRoutes(router, state);
  issueRoutes(router, state);
  pullRoutes(router, state);

  const respond = async (request: SandboxRequest): Promise<SandboxResponse> => {
    const token = tokenOf(request);
    if (token === undefined) return error(401, 'Requires authentication');
    if (token !== options.token) return error(401, 'Bad credentials');
    const path = request.path.split('?')[0].replace(/\/+$/, '') || '/';
    if (path === '/') return json(200, { current_user_url: `${request.url.origin}/user` });
    const found = router.match(request.method.toUpperCase(), path);
    if (found === undefined) return error(404, 'Not Found');
    if (found === 'method-not-allowed') return error(404, 'Not Found');
    return found.handler(request, found.params);
  };

  const handler: Handler = async (request) => {
    const response = await respond(request);
    const headers = {
      'x-github-request-id': `SANDBOX:${state.requests.length + 1}`,
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
