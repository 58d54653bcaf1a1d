import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { bitString, boolean, context, explicit, integer, octetString, oid, sequence, set, time, toPem, utf8String } from './der.js';

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';

export interface SandboxCa {
  caCertPath: string;
  /** PEM. */
  caCert: string;
  /** PEM (PKCS#8). */
  caKey: string;
}

export interface IssuedCertificate {
  cert: string;
  key: string;
}

const name = (commonName: string): Buffer => sequence(set(sequence(oid('2.5.4.3'), utf8String(commonName))));
const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));

function keyId(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  authorityKeyId: Buffer;
  days: number;
  isCa: boolean;
  hosts?: string[];
}

function certificate(spec: CertificateSpec): Buffer {
  const now = Date.now();
  const extensions = [
    extension('2.5.29.19', true, spec.isCa ? sequence(boolean(true)) : sequence()),
    // keyCertSign + cRLSign for the CA, digitalSignature for the server.
    extension('2.5.29.15', true, spec.isCa ? bitString(Buffer.from([0x06]), 1) : bitString(Buffer.from([0x80]), 7)),
    extension('2.5.29.14', false, octetString(keyId(spec.publicKey))),
    extension('2.5.29.35', false, sequence(context(0, spec.authorityKeyId))),
  ];
  if (!spec.isCa) {
    extensions.push(extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))));
    const names = (spec.hosts ?? []).map((host) => {
      const family = isIP(host);
      if (family === 4) return context(7, Buffer.from(host.split('.').map(Number)));
      if (family === 6) return context(7, ipv6Bytes(host));
      return context(2, Buffer.from(host, 'ascii'));
    });
    extensions.push(extension('2.5.29.17', false, sequence(...names)));
  }
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(randomBytes(16)),
    sequence(oid(ECDSA_SHA256)),
    name(spec.issuer),
    sequence(time(new Date(now - 3600_000)), time(new Date(now + spec.days * 86400_000))),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, spec.signingKey);
  return sequence(tbs, sequence(oid(ECDSA_SHA256)), bitString(signature));
}

function ipv6Bytes(host: string): Buffer {
  const [head, tail = ''] = host.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = host.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

function newCa(): { cert: string; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = certificate({
    subject: 'arc-actions sandbox CA',
    issuer: 'arc-actions sandbox CA',
    publicKey,
    signingKey: privateKey,
    authorityKeyId: keyId(publicKey),
    days: 3650,
    isCa: true,
  });
  return { cert: toPem('CERTIFICATE', der), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/**
 * Creates the sandbox CA in `dir` (ca.crt, ca.key) once and reuses it afterwards, so that a test runner can export
 * NODE_EXTRA_CA_CERTS=<dir>/ca.crt before node starts.
 */
export function ensureSandboxCa(dir: string): SandboxCa {
  const caCertPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');
  if (existsSync(caCertPath) && existsSync(keyPath)) {
    return { caCertPath, caCert: readFileSync(caCertPath, 'utf8'), caKey: readFileSync(keyPath, 'utf8') };
  }
  mkdirSync(dir, { recursive: true });
  const { cert, key } = newCa();
  writeFileSync(keyPath, key, { mode: 0o600 });
  writeFileSync(caCertPath, cert);
  return { caCertPath, caCert: cert, caKey: key };
}

/** A server certificate for `hosts` (DNS names or IPs), signed by the CA. */
export function issueServerCertificate(ca: Pick<SandboxCa, 'caCert' | 'caKey'>, hosts: string[]): IssuedCertificate {
  const caKey = createPrivateKey(ca.caKey);
  const caPublic = createPublicKey(caKey);
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = certificate({
    subject: hosts[0] ?? 'localhost',
    issuer: 'arc-actions sandbox CA',
    publicKey,
    signingKey: caKey,
    authorityKeyId: keyId(caPublic),
    days: 30,
    isCa: false,
    hosts,
  });
  return { cert: toPem('CERTIFICATE', der), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}
