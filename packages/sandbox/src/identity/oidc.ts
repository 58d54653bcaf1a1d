import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { SandboxRequest, SandboxResponse } from '../http.js';

export const OIDC_PREFIX = '/oidc';

/** Default claims: a workflow of acme/fleet deploying to the `prod` environment. */
export function defaultOidcClaims(): SandboxContext['oidc']['claims'] {
  return {
    sub: 'repo:acme/fleet:environment:prod',
    repository: 'acme/fleet',
    repository_owner: 'acme',
    repository_id: '123456789',
    repository_owner_id: '987654',
    ref: 'refs/heads/main',
    ref_type: 'branch',
    sha: '0123456789abcdef0123456789abcdef01234567',
    workflow: 'fleet',
    workflow_ref: 'acme/fleet/.github/workflows/fleet.yml@refs/heads/main',
    job_workflow_ref: 'acme/fleet/.github/workflows/fleet.yml@refs/heads/main',
    environment: 'prod',
    event_name: 'push',
    run_id: '1000',
    run_number: '1',
    run_attempt: '1',
    actor: 'octocat',
    runner_environment: 'github-hosted',
  };
}

/**
 * The GitHub Actions OIDC provider: `ACTIONS_ID_TOKEN_REQUEST_URL` (bearer request token, `?audience=`),
 * the openid-configuration and the JWKS of the issuer.
 */
export async function handleOidc(ctx: SandboxContext, req: SandboxRequest): Promise<SandboxResponse | undefined> {
  const path = req.path.toLowerCase();
  const issuer = ctx.oidc.issuer;
  if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
    return {
      status: 200,
      body: {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: [
          'sub',
          'aud',
          'exp',
          'iat',
          'iss',
          'jti',
          'nbf',
          'ref',
          'sha',
          'repository',
          'repository_owner',
          'run_id',
          'run_number',
          'run_attempt',
          'actor',
          'workflow',
          'workflow_ref',
          'job_workflow_ref',
          'event_name',
          'ref_type',
          'environment',
        ],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
      },
    };
  }
  if (req.method === 'GET' && path === '/.well-known/jwks') return { status: 200, body: ctx.oidcKey.jwks };
  if (req.method === 'GET' && path === '/idtoken') {
    const auth = String(req.headers.authorization ?? '');
    if (auth !== `Bearer ${ctx.identity.oidcRequestToken}`) {
      return { status: 401, body: { message: 'The request token is missing or not valid for this run.' } };
    }
    const audience = req.url.searchParams.get('audience') || `https://github.com/${ctx.oidc.claims.repository_owner}`;
    const now = Math.floor(Date.now() / 1000);
    const lifetime = ctx.knobs().tokens.oidcTokenSeconds;
    const token = await ctx.oidcKey.sign({
      jti: randomUUID(),
      ...ctx.oidc.claims,
      aud: audience,
      iss: issuer,
      nbf: Math.min(now - 5, now + lifetime - 1),
      iat: Math.min(now, now + lifetime - 1),
      exp: now + lifetime,
    });
    return { status: 200, body: { count: 1, value: token } };
  }
  return undefined;
}
