import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Everything a local control plane needs to authenticate: CA, serving certs, SA key pair and an admin token. */
export interface ClusterPki {
  dir: string;
  caCert: string;
  caKey: string;
  caPem: string;
  apiserverCert: string;
  apiserverKey: string;
  /** Folder with tls.crt/tls.key for Gatekeeper's webhook server (IP SAN 127.0.0.1). */
  gatekeeperCertDir: string;
  saKey: string;
  saPub: string;
  tokenFile: string;
  /** Bearer token of user `admin` in group system:masters. */
  adminToken: string;
}

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd });
  } catch (error) {
    throw new Error(`openssl ${args[0]} failed in ${cwd}: ${String((error as { stderr?: string }).stderr ?? error)}`, { cause: error });
  }
}

async function servingCert(cwd: string, name: string, san: string): Promise<void> {
  await openssl(cwd, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`]);
  const ext = `subjectAltName=${san}\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=critical,digitalSignature,keyEncipherment\nbasicConstraints=CA:FALSE\n`;
  await writeFile(join(cwd, `${name}.ext`), ext);
  await openssl(cwd, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '3650',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  ]);
}

/** The first usable address of an IPv4 CIDR (the `kubernetes` service IP). */
export function firstServiceIp(cidr: string): string {
  const [base] = cidr.split('/');
  const parts = base.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) throw new Error(`The service CIDR ${cidr} is not an IPv4 CIDR.`);
  parts[3] += 1;
  return parts.join('.');
}

/** Creates the PKI with the openssl CLI under `dir`. */
export async function createPki(dir: string, serviceCidr: string): Promise<ClusterPki> {
  await mkdir(dir, { recursive: true });
  await openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '3650',
    '-subj',
    '/CN=arc-sandbox-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
  ]);
  const svcIp = firstServiceIp(serviceCidr);
  await servingCert(
    dir,
    'apiserver',
    `IP:127.0.0.1,DNS:localhost,IP:${svcIp},DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc`,
  );
  await servingCert(dir, 'gatekeeper', 'IP:127.0.0.1,DNS:localhost,DNS:gatekeeper-webhook-service.gatekeeper-system.svc');
  await openssl(dir, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'sa.key']);
  await openssl(dir, ['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub']);
  const adminToken = randomBytes(24).toString('hex');
  await writeFile(join(dir, 'tokens.csv'), `${adminToken},admin,admin-uid,"system:masters"\n`, { mode: 0o600 });
  const gatekeeperCertDir = join(dir, 'gatekeeper-certs');
  await mkdir(gatekeeperCertDir, { recursive: true });
  await copyFile(join(dir, 'gatekeeper.crt'), join(gatekeeperCertDir, 'tls.crt'));
  await copyFile(join(dir, 'gatekeeper.key'), join(gatekeeperCertDir, 'tls.key'));
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    caPem: await readFile(join(dir, 'ca.crt'), 'utf8'),
    apiserverCert: join(dir, 'apiserver.crt'),
    apiserverKey: join(dir, 'apiserver.key'),
    gatekeeperCertDir,
    saKey: join(dir, 'sa.key'),
    saPub: join(dir, 'sa.pub'),
    tokenFile: join(dir, 'tokens.csv'),
    adminToken,
  };
}
