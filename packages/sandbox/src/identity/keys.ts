import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';

/** An RS256 signing key with its public JWKS, as an issuer publishes it. */
type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export interface SigningKey {
  kid: string;
  privateKey: KeyPair['privateKey'];
  publicKey: KeyPair['publicKey'];
  jwks: { keys: JWK[] };
  sign(payload: JWTPayload, typ?: string): Promise<string>;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID().replace(/-/g, '').slice(0, 20);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    kid,
    privateKey,
    publicKey,
    jwks: { keys: [jwk] },
    sign: (payload, typ = 'JWT') => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ, kid }).sign(privateKey),
  };
}
