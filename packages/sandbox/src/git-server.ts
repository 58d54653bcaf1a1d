import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { resolveClusterBins } from './clusters/bins.js';
import { startProcess, type ManagedProcess } from './clusters/processes.js';
import { waitUntilReady } from './clusters/readiness.js';
import { ensureSandboxCa, issueServerCertificate } from './tls.js';

const run = promisify(execFile);

/**
 * A real git server on loopback for tests and the demo (tools/gitserver, on github.com/fluxcd/gitkit, which runs
 * git's own upload-pack/receive-pack): smart HTTP without auth, HTTPS with basic auth (a user and a token, as a PAT
 * is used) and SSH that accepts one client key. The HTTPS certificate comes from the sandbox CA.
 */
export interface GitServer {
  /** Base URLs: http://127.0.0.1:<port>, https://127.0.0.1:<port>, ssh://git@127.0.0.1:<port>. */
  readonly http: string;
  readonly https: string;
  readonly ssh: string;
  /** HTTPS basic auth: the user and its token (what `httpsUser` and `httpsKey` carry). */
  readonly user: string;
  readonly token: string;
  /** The SSH client key the server accepts (PKCS#8 PEM) and the known_hosts line of the server's host key. */
  readonly sshPrivateKey: string;
  readonly knownHosts: string;
  /** The CA that signs the HTTPS certificate (the sandbox CA). */
  readonly caCertPath: string;
  readonly process: ManagedProcess;
  /** A new bare repository `<name>.git` (branch main) with these files committed, and a working copy to change it. */
  createRepository(name: string, files: Record<string, string>): Promise<GitRepository>;
  stop(): Promise<void>;
}

export interface GitRepository {
  readonly name: string;
  /** Clone URLs over each transport. */
  readonly httpUrl: string;
  readonly httpsUrl: string;
  readonly sshUrl: string;
  /** Writes (or, with `null`, deletes) files in the working copy, commits and pushes to main; resolves with the commit. */
  commit(message: string, files: Record<string, string | null>): Promise<string>;
}

export interface GitServerOptions {
  /** Working folder (repositories, keys, logs); what a previous run left in it is removed. */
  dir: string;
  /**
   * Folder of the sandbox CA (ca.crt, ca.key) that issues the HTTPS certificate; default, as startSandbox: the
   * folder of NODE_EXTRA_CA_CERTS when its key sits next to it, else a new one.
   */
  caDir?: string;
  /** HTTPS basic auth (default `git` and a random token). */
  user?: string;
  token?: string;
}

function defaultCaDir(): string {
  const trusted = process.env.NODE_EXTRA_CA_CERTS;
  if (trusted && existsSync(join(dirname(trusted), 'ca.key'))) return dirname(trusted);
  return mkdtempSync(join(tmpdir(), 'arc-sandbox-ca-'));
}

/** The OpenSSH authorized_keys line of an Ed25519 public key. */
function authorizedKey(publicKey: ReturnType<typeof generateKeyPairSync>['publicKey']): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const field = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]).toString('base64')} flux@arc-sandbox`;
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    ['-c', 'user.name=arc-sandbox', '-c', 'user.email=sandbox@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    },
  );
  return stdout.trim();
}

export async function startGitServer(options: GitServerOptions): Promise<GitServer> {
  const bins = await resolveClusterBins();
  const dir = options.dir;
  await rm(dir, { recursive: true, force: true });
  for (const sub of ['repos', 'work', 'keys', 'logs']) await mkdir(join(dir, sub), { recursive: true });
  const ca = ensureSandboxCa(options.caDir ?? defaultCaDir());
  const tls = issueServerCertificate(ca, ['127.0.0.1', 'localhost']);
  await writeFile(join(dir, 'keys/tls.crt'), tls.cert);
  await writeFile(join(dir, 'keys/tls.key'), tls.key, { mode: 0o600 });
  const token = options.token ?? randomBytes(20).toString('hex');
  const user = options.user ?? 'git';
  await writeFile(join(dir, 'keys/password'), token, { mode: 0o600 });
  const client = generateKeyPairSync('ed25519');
  await writeFile(join(dir, 'keys/authorized_keys'), `${authorizedKey(client.publicKey)}\n`);
  const addresses = join(dir, 'addresses.json');
  const proc = startProcess(
    'gitserver',
    bins.gitserver,
    [
      `-root=${join(dir, 'repos')}`,
      '-http=127.0.0.1:0',
      '-https=127.0.0.1:0',
      `-tls-cert=${join(dir, 'keys/tls.crt')}`,
      `-tls-key=${join(dir, 'keys/tls.key')}`,
      `-user=${user}`,
      `-password-file=${join(dir, 'keys/password')}`,
      '-ssh=127.0.0.1:0',
      `-host-key-dir=${join(dir, 'keys')}`,
      `-authorized-keys=${join(dir, 'keys/authorized_keys')}`,
      `-addresses=${addresses}`,
      '-auto-create', // a push over HTTPS or SSH creates the repository, as on a hosted server's "new repository"
    ],
    {
      logFile: join(dir, 'logs/gitserver.log'),
      // Repositories created by a push get `main` as HEAD (gitkit runs `git init --bare`).
      env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'init.defaultBranch', GIT_CONFIG_VALUE_0: 'main' },
    },
  );
  let urls: { http: string; https: string; ssh: string; hostKey: string } | undefined;
  await waitUntilReady(
    'the git server',
    proc,
    async () => {
      urls = JSON.parse(await readFile(addresses, 'utf8')) as typeof urls;
      return true;
    },
    30000,
  );
  const { http, https, ssh, hostKey } = urls!;
  const sshHost = new URL(ssh).host; // 127.0.0.1:<port>
  const [host, port] = [sshHost.slice(0, sshHost.lastIndexOf(':')), sshHost.slice(sshHost.lastIndexOf(':') + 1)];

  return {
    http,
    https,
    ssh,
    user,
    token,
    sshPrivateKey: String(client.privateKey.export({ type: 'pkcs8', format: 'pem' })),
    knownHosts: `[${host}]:${port} ${hostKey}`,
    caCertPath: ca.caCertPath,
    process: proc,
    async createRepository(name, files) {
      const bare = join(dir, 'repos', `${name}.git`);
      const work = join(dir, 'work', name);
      await run('git', ['init', '--quiet', '--bare', '-b', 'main', bare]);
      await mkdir(work, { recursive: true });
      await git(work, 'init', '--quiet', '-b', 'main');
      await git(work, 'remote', 'add', 'origin', bare);
      const repo: GitRepository = {
        name,
        httpUrl: `${http}/${name}.git`,
        httpsUrl: `${https}/${name}.git`,
        sshUrl: `${ssh}/${name}.git`,
        async commit(message, changes) {
          for (const [path, content] of Object.entries(changes)) {
            const file = join(work, path);
            if (content === null) await rm(file, { force: true });
            else {
              await mkdir(dirname(file), { recursive: true });
              await writeFile(file, content);
            }
          }
          await git(work, 'add', '-A');
          await git(work, 'commit', '--quiet', '--allow-empty', '-m', message);
          await git(work, 'push', '--quiet', 'origin', 'main');
          return git(work, 'rev-parse', 'HEAD');
        },
      };
      await repo.commit('initial', files);
      return repo;
    },
    stop: () => proc.stop(2000),
  };
}
