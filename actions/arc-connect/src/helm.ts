import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile, chmod, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { rootCertificates } from 'node:tls';
import { join } from 'node:path';
import { maskSecret, readEnv, redact } from '@arc-actions/core';
import type { CheckRow } from './preflight.js';

export const RELEASE = 'azure-arc';
export const RELEASE_NAMESPACE = 'azure-arc-release';
/** az refuses stable agent charts older than this (connectedk8s _utils.py `pull_helm_chart`). */
export const MIN_AGENT_VERSION = '1.14.0';

/** The agents release wherever it is (az: `helm list -a --all-namespaces`, _utils.py `get_release_namespace`). */
export interface AgentRelease {
  namespace: string;
  status: string;
}

/**
 * Where helm pulls the agents chart from, as az derives it from GetLatestHelmPackagePath's `repositoryPath`
 * (`<registry>/<path>/azure-arc-k8sagents:<version>`, _utils.py `pull_helm_chart` with new_path): the chart lives
 * under `<path>/v2/azure-arc-k8sagents`, and stable versions (no pre-release suffix) older than 1.14 are refused.
 */
export function chartReference(repositoryPath: string): { oci: string; version: string } {
  const ref = repositoryPath.trim().replace(/^oci:\/\//i, '');
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (slash < 0 || colon < slash)
    throw new Error(
      `GetLatestHelmPackagePath answered ${JSON.stringify(repositoryPath)}, which is not <registry>/<path>/<chart>:<version>.`,
    );
  const [path, version] = [ref.slice(0, colon), ref.slice(colon + 1)];
  if (!version.includes('-') && compareVersions(version, MIN_AGENT_VERSION) < 0)
    throw new Error(
      `The Arc config data plane offers agents ${version}, older than ${MIN_AGENT_VERSION}, which az connectedk8s refuses to install ("This CLI version does not support upgrading to Agents versions older than v1.14"); set RELEASETRAIN to a train with newer agents or retry later.`,
    );
  const dir = path.slice(0, path.lastIndexOf('/'));
  const chart = path.slice(path.lastIndexOf('/') + 1);
  return { oci: `oci://${dir}/v2/${chart}`, version };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number(x));
  const pb = b.split(/[.+-]/).map((x) => Number(x));
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  return 0;
}

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
    private readonly caFile?: string,
  ) {}

  /**
   * `trust`: extra CA certificates (PEM) for pulling the chart, e.g. a TLS-inspecting proxy's. With them, or with
   * NODE_EXTRA_CA_CERTS set (the runner trusts more than the public roots), helm pulls with a CA bundle of Node's
   * public roots plus those, so it trusts what the action trusts (helm's --ca-file replaces the system roots).
   */
  static async create(options: { binary?: string; kubeconfig?: string; kubeContext?: string; trust?: string[] }): Promise<Helm> {
    const dir = await mkdtemp(join(readEnv('RUNNER_TEMP') ?? tmpdir(), 'arc-connect-'));
    await chmod(dir, 0o700);
    const kubeArgs: string[] = [];
    if (options.kubeconfig) {
      const path = join(dir, 'kubeconfig');
      await writeFile(path, options.kubeconfig, { mode: 0o600 });
      kubeArgs.push('--kubeconfig', path);
    }
    if (options.kubeContext) kubeArgs.push('--kube-context', options.kubeContext);
    const extra = [...(options.trust ?? [])];
    const extraCa = readEnv('NODE_EXTRA_CA_CERTS');
    if (extraCa) extra.push(await readFile(extraCa, 'utf8').catch(() => ''));
    let caFile: string | undefined;
    if (extra.some((pem) => pem.includes('BEGIN CERTIFICATE'))) {
      caFile = join(dir, 'ca-bundle.pem');
      await writeFile(caFile, [...rootCertificates, ...extra].join('\n'), { mode: 0o600 });
    }
    return new Helm(dir, options.binary ?? readEnv('HELM_CLIENT_PATH') ?? 'helm', kubeArgs, caFile);
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

  /** The agents release in any namespace (az: `helm list -a --all-namespaces`), or undefined. */
  async findRelease(): Promise<AgentRelease | undefined> {
    const list = JSON.parse((await this.run(['list', '--all', '--all-namespaces', '--output', 'json'])) || '[]') as {
      name: string;
      namespace: string;
      status: string;
    }[];
    const found = list.find((r) => r.name === RELEASE);
    return found ? { namespace: found.namespace, status: found.status } : undefined;
  }

  /** The user-supplied values of the release (`helm get values -o json`). */
  async getValues(namespace: string): Promise<Record<string, any>> {
    const values = JSON.parse(await this.run(['get', 'values', RELEASE, '--namespace', namespace, '--output', 'json'])) as Record<
      string,
      any
    > | null;
    const key = values?.global?.onboardingPrivateKey;
    if (typeof key === 'string') maskSecret(key);
    return values ?? {};
  }

  /** Pulls the agents chart named by GetLatestHelmPackagePath, as az does (the /v2/ path, the minimum version). */
  async fetchChart(repositoryPath: string): Promise<string> {
    const { oci, version } = chartReference(repositoryPath);
    const dest = join(this.dir, 'chart');
    await mkdir(dest, { recursive: true, mode: 0o700 });
    let last: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.run(['pull', oci, '--version', version, '--destination', dest, ...(this.caFile ? ['--ca-file', this.caFile] : [])], {
          kube: false,
        });
        last = undefined;
        break;
      } catch (error) {
        last = error;
      }
    }
    if (last) throw last;
    const files = await readdir(dest);
    return join(dest, files.find((f) => f.endsWith('.tgz')) ?? files[0]);
  }

  /** `helm upgrade --install` of the agents with the values in a 0600 file that is deleted right after. */
  async installAgents(
    chart: string,
    values: Record<string, unknown>,
    timeoutSeconds: number,
    namespace = RELEASE_NAMESPACE,
  ): Promise<void> {
    const file = join(this.dir, `values-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(values), { mode: 0o600 });
    try {
      await this.run([
        'upgrade',
        '--install',
        RELEASE,
        chart,
        '--namespace',
        namespace,
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
  const bin = binary ?? readEnv('HELM_CLIENT_PATH') ?? 'helm';
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
