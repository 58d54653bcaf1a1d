import type { SandboxContext } from './context.js';
import { OCTOCAT, type GitHubActor, type GitHubState, type Permissions } from './github/index.js';
import type { SandboxRequest, SandboxResponse } from './http.js';
import type { KnobsPatch } from './knobs.js';
import { seedEmulatedClusters } from './emulated.js';
import type { SandboxState } from './state-api.js';
import type { ArmResource, PolicyStateRecord } from './state/types.js';

/**
 * `/_sandbox/...`: the call log (GET/DELETE calls) and state seeding (GET/PUT state/<part>), for tests written in
 * any language and for the CLI's users.
 */
export async function handleSandboxApi(
  ctx: SandboxContext,
  state: SandboxState,
  setKnobs: (p: KnobsPatch) => void,
  req: SandboxRequest,
  github?: GitHubState,
): Promise<SandboxResponse> {
  const path = req.path.replace(/\/+$/, '');
  const body = req.body as any;
  const is = (method: string, p: string) => req.method === method && path.toLowerCase() === p.toLowerCase();
  if (is('GET', '/health')) return { status: 200, body: { status: 'ok', url: ctx.url } };
  if (is('GET', '/calls')) {
    const api = req.url.searchParams.get('api');
    const since = Number(req.url.searchParams.get('since') ?? 0);
    return { status: 200, body: ctx.calls.list().filter((c) => (!api || c.api === api) && c.seq > since) };
  }
  if (is('DELETE', '/calls')) {
    ctx.calls.clear();
    return { status: 204 };
  }
  if (is('GET', '/state')) {
    return {
      status: 200,
      body: {
        identity: { ...ctx.identity, oidcRequestToken: undefined, githubToken: undefined },
        resources: ctx.store.resourceCount,
        policyStates: ctx.store.policyStates.size,
        subscriptions: [...ctx.store.subscriptions.values()],
        managementGroups: [...ctx.store.managementGroups.values()],
      },
    };
  }
  if (is('GET', '/state/knobs')) return { status: 200, body: ctx.knobs() };
  if (is('PUT', '/state/knobs')) {
    setKnobs(body ?? {});
    return { status: 200, body: ctx.knobs() };
  }
  if (is('GET', '/state/oidc')) return { status: 200, body: { issuer: ctx.oidc.issuer, claims: ctx.oidc.claims } };
  if (is('PUT', '/state/oidc')) return { status: 200, body: { issuer: ctx.oidc.issuer, claims: state.setOidcClaims(body ?? {}) } };
  if (is('GET', '/state/apps')) return { status: 200, body: [...ctx.store.apps.values()] };
  const fic = /^\/state\/apps\/([^/]+)\/federatedcredentials$/i.exec(path);
  if (fic && req.method === 'PUT') {
    state.setFederatedCredentials(body ?? [], fic[1]);
    return { status: 200, body: ctx.store.app(fic[1]) };
  }
  const app = /^\/state\/apps\/([^/]+)$/i.exec(path);
  if (app && req.method === 'PUT')
    return { status: 200, body: state.addApp({ federatedCredentials: [], displayName: app[1], ...body, clientId: app[1] }) };
  if (is('GET', '/state/resources')) {
    const id = req.url.searchParams.get('id');
    const type = req.url.searchParams.get('type');
    if (id) {
      const r = ctx.store.get(id);
      return r ? { status: 200, body: r } : { status: 404, body: { message: `The resource '${id}' does not exist in the sandbox.` } };
    }
    return { status: 200, body: type ? ctx.store.ofType(type) : [...ctx.store.allResources()] };
  }
  if (is('PUT', '/state/resources')) {
    const list: ArmResource[] = Array.isArray(body) ? body : [body];
    for (const r of list) ctx.store.put(r);
    return { status: 200, body: { count: list.length } };
  }
  if (is('GET', '/state/policystates')) return { status: 200, body: state.policyStates() };
  if (is('PUT', '/state/policystates')) {
    const list: PolicyStateRecord[] = Array.isArray(body) ? body : [body];
    for (const s of list) state.putPolicyState(s);
    return { status: 200, body: { count: list.length } };
  }
  if (is('PUT', '/state/subscriptions')) return { status: 200, body: state.addSubscription(body) };
  if (github && path.toLowerCase().startsWith('/state/github')) return githubState(github, req, path.slice('/state/github'.length));
  if (is('PUT', '/state/emulatedclusters')) return { status: 200, body: seedEmulatedClusters(ctx, body?.count ?? 1, body ?? {}) };
  return { status: 404, body: { message: `No sandbox API at ${req.method} /_sandbox${path}; see docs/sandbox.md.` } };
}

/**
 * `/_sandbox/state/github[/pulls|/comments|/tokens]`: what the GitHub stand-in holds (issues, pull requests, comments,
 * check runs; never tokens), and seeding: a pull request, a comment by someone else, a token with given permissions.
 */
function githubState(github: GitHubState, req: SandboxRequest, sub: string): SandboxResponse {
  const body = (req.body ?? {}) as Record<string, any>;
  const bad = (message: string): SandboxResponse => ({ status: 400, body: { message } });
  const what = `${req.method} ${sub.toLowerCase().replace(/\/+$/, '') || '/'}`;
  try {
    switch (what) {
      case 'GET /':
        return { status: 200, body: { issues: github.issues, comments: github.comments, checkRuns: github.checkRuns } };
      case 'PUT /pulls': {
        if (typeof body.owner !== 'string' || typeof body.repo !== 'string')
          return bad(
            'A pull request needs "owner" and "repo" (and may give number, title, body, headSha, baseSha, baseRef, headRef, files).',
          );
        return { status: 200, body: github.seedPullRequest({ ...body, owner: body.owner, repo: body.repo }) };
      }
      case 'PUT /comments': {
        if (
          typeof body.owner !== 'string' ||
          typeof body.repo !== 'string' ||
          !Number.isInteger(body.issueNumber) ||
          typeof body.body !== 'string'
        )
          return bad('A comment needs "owner", "repo", "issueNumber" and "body" (and may give "user": {login, id, node_id, type}).');
        const user: GitHubActor = body.user ? { ...OCTOCAT, ...body.user } : OCTOCAT;
        return {
          status: 200,
          body: github.seedComment({ owner: body.owner, repo: body.repo, issueNumber: body.issueNumber, body: body.body, user }),
        };
      }
      case 'PUT /tokens': {
        const permissions = (body.permissions ?? {}) as Permissions;
        const kind = body.kind === 'user' ? 'user' : 'installation';
        const actor = body.user ? { ...OCTOCAT, ...body.user } : kind === 'user' ? OCTOCAT : undefined;
        return { status: 200, body: { token: github.mintToken({ kind, permissions, ...(actor ? { actor } : {}) }) } };
      }
      default:
        return { status: 404, body: { message: `No sandbox API at ${req.method} /_sandbox/state/github${sub}; see docs/sandbox.md.` } };
    }
  } catch (error) {
    return bad((error as Error).message);
  }
}
