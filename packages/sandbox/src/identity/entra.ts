import { compactVerify, decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import { aad } from './aad-errors.js';

/** Resources (token audiences) that ARM accepts. */
export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com',
];

/** Resources the Log Analytics query API accepts (Learn, Logs API "Access the API": https://api.loganalytics.io). */
export const LOG_ANALYTICS_AUDIENCES = ['https://api.loganalytics.io/', 'https://api.loganalytics.io'];

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function openidConfiguration(ctx: SandboxContext, base: string, issuer: string) {
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.url}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'oid'],
    tenant_region_scope: 'WW',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/**
 * Entra ID: tenant discovery, JWKS and the token endpoint for client_credentials with a federated client assertion;
 * plus the ADFS-style paths (`/adfs/...`) with which MSAL Python (azure-cli) skips instance discovery.
 */
export async function handleEntra(ctx: SandboxContext, req: SandboxRequest): Promise<SandboxResponse | undefined> {
  const m =
    /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|\.well-known\/openid-configuration|discovery\/v2\.0\/keys|discovery\/keys|oauth2\/v2\.0\/token|oauth2\/token)$/i.exec(
      req.path,
    );
  if (!m) {
    if (/^\/common\/discovery\/instance$/i.test(req.path)) {
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${ctx.url}/${ctx.identity.tenantId}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [],
        },
      };
    }
    return undefined;
  }
  const [, tenantSegment, rest] = m;
  const adfs = tenantSegment.toLowerCase() === 'adfs';
  const tenant = ctx.identity.tenantId;
  if (!adfs && tenantSegment.toLowerCase() !== tenant.toLowerCase() && !['organizations', 'common'].includes(tenantSegment.toLowerCase())) {
    return aad.tenantNotFound(tenantSegment);
  }
  const base = `${ctx.url}/${adfs ? 'adfs' : tenantSegment}`;
  const lower = rest.toLowerCase();
  if (req.method === 'GET' && lower.endsWith('openid-configuration')) {
    return { status: 200, body: openidConfiguration(ctx, base, adfs ? base : `${ctx.url}/${tenant}/v2.0`) };
  }
  if (req.method === 'GET' && lower.includes('keys')) return { status: 200, body: ctx.entraKey.jwks };
  if (req.method === 'POST' && lower.includes('token')) return token(ctx, req);
  return undefined;
}

async function token(ctx: SandboxContext, req: SandboxRequest): Promise<SandboxResponse> {
  const form = (req.body ?? {}) as Record<string, string>;
  const tenant = ctx.identity.tenantId;
  if (form.grant_type !== 'client_credentials') return aad.unsupportedGrant(form.grant_type ?? '');
  const app = form.client_id ? ctx.store.app(form.client_id) : undefined;
  if (!app) return aad.unknownApp(form.client_id ?? '', tenant);
  if (!form.client_assertion) return aad.missingAssertion();
  if (form.client_assertion_type !== JWT_BEARER) return aad.badAssertionType(form.client_assertion_type ?? '');
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(form.client_assertion);
  } catch {
    return aad.malformed();
  }
  const issuer = String(claims.iss ?? '');
  const subject = String(claims.sub ?? '');
  const audiences = Array.isArray(claims.aud) ? claims.aud : [String(claims.aud ?? '')];
  if (!app.federatedCredentials.some((f) => f.issuer === issuer)) return aad.issuerMismatch(issuer);
  if (issuer !== ctx.oidc.issuer) return aad.externalOidcFailed(issuer);
  try {
    await compactVerify(form.client_assertion, ctx.oidcKey.publicKey);
  } catch {
    return aad.badSignature();
  }
  const now = Date.now();
  const skewMs = 0;
  const exp = Number(claims.exp ?? 0) * 1000;
  const nbf = Number(claims.nbf ?? claims.iat ?? 0) * 1000;
  if (exp <= now - skewMs || nbf > now + 300_000) return aad.expired(new Date(now), new Date(nbf), new Date(exp));
  const sameIssuer = app.federatedCredentials.filter((f) => f.issuer === issuer);
  const sameSubject = sameIssuer.filter((f) => f.subject === subject);
  if (sameSubject.length === 0) {
    return ctx.knobs().subjectMismatchCode === 700213 ? aad.subjectMismatch(subject) : aad.noMatch(issuer, subject, audiences.join(','));
  }
  if (!sameSubject.some((f) => f.audiences.some((a) => audiences.includes(a)))) return aad.audienceMismatch(audiences.join(','));

  const scopes = String(form.scope ?? '')
    .split(/\s+/)
    .filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s));
  const resource = (scopes[0] ?? '').replace(/\/\.default$/, '') || 'https://management.azure.com';
  const normalized = resource.endsWith('/') ? resource : `${resource}/`;
  if (!ARM_AUDIENCES.includes(normalized) && !LOG_ANALYTICS_AUDIENCES.includes(normalized)) return aad.unknownResource(resource, tenant);
  const lifetime = ctx.knobs().tokens.accessTokenSeconds;
  const iat = Math.floor(now / 1000);
  const accessToken = await ctx.entraKey.sign({
    aud: normalized,
    iss: `${ctx.url}/${tenant}/`,
    iat,
    nbf: iat - 5,
    exp: iat + lifetime,
    aio: 'sandbox',
    appid: app.clientId,
    appidacr: '2',
    idp: `${ctx.url}/${tenant}/`,
    idtyp: 'app',
    oid: app.objectId,
    rh: 'sandbox',
    sub: app.objectId,
    tid: tenant,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '1.0',
    ...(form.claims?.includes('xms_cc') ? { xms_cc: ['CP1'] } : {}),
  });
  return {
    status: 200,
    headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
    body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken },
  };
}
