import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile, chmod, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskSecret, redact } from '@arc-actions/core';
import type { CheckRow } from './preflight.js';

export const RELEASE = 'azure-arc';
export const RELEASE_NAMESPACE = 'azure-arc-release';

/** An RSA key pair as az makes it: 4096 bits, public key = base64 of the PKCS#1 RSAPublicKey DER, private key PKCS#1 PEM. */
export function generateAgentKeys(bits = 4096): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'pkcs1', format: 'der' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  maskSecret(privateKey);
  return { publicKey: publicKey.toString('base64'), privateKey };
}

/**
 * The helm binary in a private temporary folder (mode 700): its own HELM_*_HOME, the kubeconfig (when given as
 * content) and values files live there and are deleted by `dispose()`. Secrets only ever reach helm through
 * files in that folder, never on its command line; helm's output is redacted before it is shown.
 */
export class Helm {
  private constructor(
    readonly dir: string,
    private readonly binary: string,
    private readonly kubeArgs: string[],
  ) {}

  static async create(options: { binary?: string; kubeconfig?: string; kubeContext?: string }): Promise<Helm> {
    const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'arc-connect-'));
    await chmod(dir, 0o700);
    const kubeArgs: string[] = [];
    if (options.kubeconfig) {
      const path = join(dir, 'kubeconfig');
      await writeFile(path, options.kubeconfig, { mode: 0o600 });
      kubeArgs.push('--kubeconfig', path);
    }
    if (options.kubeContext) kubeArgs.push('--kube-context', options.kubeContext);
    return new Helm(dir, options.binary ?? process.env.HELM_CLIENT_PATH ?? 'helm', kubeArgs);
  }

  run(args: string[], options: { kube?: boolean } = {}): Promise<string> {
    const env = {
      ...process.env,
      HELM_CACHE_HOME: join(this.dir, 'cache'),
      HELM_CONFIG_HOME: join(this.dir, 'config'),
      HELM_DATA_HOME: join(this.dir, 'data'),
    };
    const full = [...args, ...(options.kube === false ? [] : this.kubeArgs)];
    return new Promise((resolve, reject) => {
      execFile(this.binary, full, { env, maxBuffer: 32 * 1024 * 1024, timeout: 30 * 60_000 }, (error, stdout, stderr) => {
        if (error) {
          const detail = redact(
            String(stderr || error.message)
              .trim()
              .split('\n')
              .slice(-5)
              .join(' '),
          );
          reject(new Error(`helm ${args[0]} failed: ${detail}`));
        } else resolve(stdout);
      });
    });
  }

  /** The user-supplied values of the release (`helm get values -o json`), or undefined when it is not installed. */
  async getValues(): Promise<Record<string, any> | undefined> {
    const list = JSON.parse((await this.run(['list', '--namespace', RELEASE_NAMESPACE, '--all', '--output', 'json'])) || '[]') as {
      name: string;
      status: string;
    }[];
    if (!list.some((r) => r.name === RELEASE)) return undefined;
    const values = JSON.parse(await this.run(['get', 'values', RELEASE, '--namespace', RELEASE_NAMESPACE, '--output', 'json'])) as Record<
      string,
      any
    > | null;
    const key = values?.global?.onboardingPrivateKey;
    if (typeof key === 'string') maskSecret(key);
    return values ?? {};
  }

  /**
   * Fetches the agents chart named by GetLatestHelmPackagePath into the private folder: an https URL of a .tgz is
   * downloaded; an OCI reference (registry/repo:version, as the real service answers) is pulled with `helm pull`.
   */
  async fetchChart(repositoryPath: string, download: (url: string) => Promise<Buffer>): Promise<string> {
    const dest = join(this.dir, 'chart');
    if (/^https:\/\//i.test(repositoryPath)) {
      const file = join(this.dir, 'azure-arc-k8sagents.tgz');
      await writeFile(file, await download(repositoryPath), { mode: 0o600 });
      return file;
    }
    const ref = repositoryPath.replace(/^oci:\/\//i, '');
    const at = ref.lastIndexOf(':');
    const [repo, version] = at > ref.indexOf('/') ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, undefined];
    await this.run(['pull', `oci://${repo}`, ...(version ? ['--version', version] : []), '--destination', dest], { kube: false });
    const files = await readdir(dest);
    return join(dest, files.find((f) => f.endsWith('.tgz')) ?? files[0]);
  }

  /** `helm upgrade --install` of the agents with the values in a 0600 file that is deleted right after. */
  async installAgents(chart: string, values: Record<string, unknown>, timeoutSeconds: number): Promise<void> {
    const file = join(this.dir, `values-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(values), { mode: 0o600 });
    try {
      await this.run([
        'upgrade',
        '--install',
        RELEASE,
        chart,
        '--namespace',
        RELEASE_NAMESPACE,
        '--create-namespace',
        '--values',
        file,
        '--timeout',
        `${timeoutSeconds}s`,
      ]);
    } finally {
      await rm(file, { force: true });
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Pre-flight: the helm client that installs the agents is there (GitHub-hosted runners have it; self-hosted may not). */
export function helmClientCheck(binary?: string): Promise<CheckRow> {
  const bin = binary ?? process.env.HELM_CLIENT_PATH ?? 'helm';
  return new Promise((resolve) => {
    execFile(bin, ['version', '--short'], { timeout: 30_000 }, (error, stdout) => {
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        resolve({
          check: 'helm client',
          result: 'fail',
          detail: missing ? `${bin} is not on PATH` : `${bin} version failed: ${error.message.split('\n')[0]}`,
          fix: 'install helm 3 on the runner (GitHub-hosted runners have it; self-hosted: azure/setup-helm), or set HELM_CLIENT_PATH',
        });
      } else resolve({ check: 'helm client', result: 'pass', detail: stdout.trim() });
    });
  });
}
