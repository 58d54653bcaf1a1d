import { compactVerify, decodeJwt, type JWTPayload } from 'jose';
import type { SandboxContext } from '../context.js';
import { ARM_AUDIENCES } from './entra.js';

export type TokenCheck =
  { ok: true; principal: string; claims: JWTPayload } | { ok: false; code: string; message: string; challenge: string };

const verified = new WeakMap<SandboxContext, Map<string, JWTPayload>>();

/** The date format ARM uses in its expiry message, e.g. `4/1/2026 10:00:00 AM`. */
function armTime(d: Date): string {
  let h = d.getUTCHours();
  const ampm = h >= 12 ? 'PM' : 'AM';
  h = h % 12 || 12;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${ampm}`;
}

/** Checks an ARM bearer token as ARM does: signature (Entra's key), audience, tenant and expiry. */
export async function checkAccessToken(
  ctx: SandboxContext,
  authorization: string | undefined,
  audiences: readonly string[] = ARM_AUDIENCES,
): Promise<TokenCheck> {
  const fail = (code: string, message: string): TokenCheck => ({
    ok: false,
    code,
    message,
    challenge: `Bearer authorization_uri="${ctx.url}/${ctx.identity.tenantId}", error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
  });
  if (!authorization) return fail('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
  const m = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!m)
    return fail('AuthenticationFailedInvalidHeader', "Authentication failed. The 'Authorization' header is provided in an invalid format.");
  const token = m[1];
  let cache = verified.get(ctx);
  if (!cache) verified.set(ctx, (cache = new Map()));
  let claims = cache.get(token);
  if (!claims) {
    try {
      decodeJwt(token);
      await compactVerify(token, ctx.entraKey.publicKey);
      claims = decodeJwt(token);
    } catch {
      return fail('InvalidAuthenticationToken', 'The access token is invalid.');
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(token, claims);
  }
  const aud = String(claims.aud ?? '');
  if (!audiences.includes(aud)) {
    return fail(
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences ${audiences.map((a) => `'${a}'`).join(',')}.`,
    );
  }
  if (String(claims.tid ?? '').toLowerCase() !== ctx.identity.tenantId.toLowerCase()) {
    return fail(
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer '${String(claims.iss)}'. It must match the tenant '${ctx.url}/${ctx.identity.tenantId}/' associated with this subscription.`,
    );
  }
  const now = new Date();
  if (Number(claims.exp ?? 0) * 1000 <= now.getTime()) {
    return fail(
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${armTime(new Date(Number(claims.exp) * 1000))}' is earlier than current UTC time '${armTime(now)}'.`,
    );
  }
  return { ok: true, principal: String(claims.oid ?? claims.sub ?? ''), claims };
}
