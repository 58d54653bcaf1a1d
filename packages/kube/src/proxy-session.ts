import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { errorMessage, maskSecret, redact, waitFor } from '@arc-actions/core';
import { maskKubeconfig } from './access.js';
import { loginAzureCli, proxyArgs, type AzLogin, type ProxyTarget } from './cluster-connect.js';

/**
 * Cluster connect that outlives the step which opened it: `az connectedk8s proxy` is started in its own process
 * group with its output in a log file (a child holding the step's stdout would keep the step from ending), and the
 * session is ready only when the API server answers `/version` through the kubeconfig the proxy wrote — an open port
 * is not enough, the relay behind it may not be up yet. `closeProxySession` (the post step) stops the group and
 * deletes the folder with the kubeconfig and the CLI's token cache.
 */

export interface OpenProxyOptions {
  /** A fresh folder for the kubeconfig, the CLI's config (its token cache) and the proxy's log; deleted on close. */
  dir: string;
  /** Local port of the proxy (az's default is 47011); 0 picks a free one. */
  port: number;
  /** Deadline for the proxy to answer through the API server. */
  timeoutMs: number;
  /** A service account bearer token (`az connectedk8s proxy --token`); without it, Microsoft Entra (the CLI's login). */
  token?: string;
  az?: string;
  /** Log the CLI in with the GitHub OIDC token first (in `dir`); without it, the CLI's existing login is used. */
  login?: AzLogin;
  /** Called with the pid as soon as the proxy runs, before the wait (so a cancelled step can still be cleaned up). */
  onStarted?: (pid: number) => void;
}

export interface ProxySessionInfo {
  pid: number;
  port: number;
  kubeconfigPath: string;
  /** The API server's version as answered through the proxy (the readiness evidence). */
  serverVersion: string;
  waitedMs: number;
}

/** One line that says why cluster connect did not open and what to do about it. */
export class ProxyNotReadyError extends Error {
  override name = 'ProxyNotReadyError';
}

/** A free loopback port, for a proxy the user gave no port for. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** What `/version` answered through the kubeconfig: the version, a refusal (401/403) or not yet. */
async function probeVersion(kubeconfig: string): Promise<{ version?: string; refused?: number; reason: string }> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromString(kubeconfig);
  } catch (error) {
    return { reason: `the kubeconfig the proxy wrote is not valid yet (${errorMessage(error).split('\n')[0]})` };
  }
  try {
    const info = await kc.makeApiClient(k8s.VersionApi).getCode();
    return { version: info.gitVersion, reason: 'ready' };
  } catch (error) {
    const code = Number((error as { code?: unknown }).code);
    if (code === 401 || code === 403) return { refused: code, reason: `the API server answered ${code}` };
    return { reason: code ? `the API server answered ${code} through the proxy` : errorMessage(error).split('\n')[0] };
  }
}

const tail = (file: string) => {
  try {
    return redact(readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' ')).slice(-600);
  } catch {
    return '';
  }
};

/** Starts cluster connect for later steps and returns once the API server answers through it (or throws, cleaned up). */
export async function openProxySession(cluster: ProxyTarget, options: OpenProxyOptions): Promise<ProxySessionInfo> {
  if (options.token) maskSecret(options.token);
  const kubeconfigPath = join(options.dir, 'kubeconfig');
  const configDir = join(options.dir, 'azure');
  const logPath = join(options.dir, 'proxy.log');
  if (options.login) await loginAzureCli(options.login, configDir, options.az);
  const port = options.port || (await freePort());
  const out = openSync(logPath, 'a');
  const child = spawn(options.az ?? 'az', proxyArgs(cluster, port, kubeconfigPath, options.token), {
    detached: true,
    stdio: ['ignore', out, out],
    env: options.login ? { ...process.env, AZURE_CONFIG_DIR: configDir } : process.env,
  });
  closeSync(out);
  let spawnError: Error | undefined;
  let exitCode: number | null | undefined;
  child.on('error', (e) => (spawnError = e));
  child.on('exit', (code) => (exitCode = code));
  child.unref();
  const pid = child.pid;
  if (!pid) {
    await new Promise((r) => setImmediate(r));
    rmSync(options.dir, { recursive: true, force: true });
    throw new ProxyNotReadyError(
      `The Azure CLI could not be started (${errorMessage(spawnError ?? 'no pid')}); cluster connect runs "az connectedk8s proxy": install the Azure CLI on the runner (GitHub-hosted Ubuntu runners have it).`,
    );
  }
  options.onStarted?.(pid);
  let last = 'the proxy has not written its kubeconfig yet';
  let refused: number | undefined;
  const ready = await waitFor(
    async () => {
      if (spawnError || exitCode !== undefined || !alive(pid)) return null;
      if (!existsSync(kubeconfigPath)) return undefined;
      const kubeconfig = readFileSync(kubeconfigPath, 'utf8');
      if (!kubeconfig.trim()) return undefined;
      maskKubeconfig(kubeconfig);
      const probe = await probeVersion(kubeconfig);
      last = probe.reason;
      if (probe.refused) {
        refused = probe.refused;
        return null;
      }
      return probe.version;
    },
    { timeoutMs: options.timeoutMs, initialMs: 100, maxMs: 2000 },
  );
  if (typeof ready.value === 'string') return { pid, port, kubeconfigPath, serverVersion: ready.value, waitedMs: ready.waitedMs };
  const log = tail(logPath);
  // Whether the proxy ended by itself, read before closing it (which ends it too).
  const exited = spawnError !== undefined || exitCode !== undefined;
  const code = exitCode;
  await closeProxySession({ pid, dir: options.dir });
  const subject = `Cluster connect to ${cluster.name} (resource group ${cluster.resourceGroup})`;
  if (refused)
    throw new ProxyNotReadyError(
      `${subject} opened, but the API server refused the credentials with ${refused}: ${options.token ? 'the token input is not a valid service account token of this cluster' : 'grant the identity an Azure Arc Kubernetes role on the cluster (Azure RBAC) or a Kubernetes RBAC binding for its object id'}.`,
    );
  if (exited)
    throw new ProxyNotReadyError(
      `${subject} failed: az connectedk8s proxy exited${code !== undefined && code !== null ? ` with code ${code}` : ''}${spawnError ? ` (${errorMessage(spawnError)})` : ''}${log ? `: ${log}` : ''}. Check that the cluster is Connected with the cluster-connect feature on (az connectedk8s enable-features --features cluster-connect) and that the identity may list the cluster user credential (Azure Arc Enabled Kubernetes Cluster User Role).`,
    );
  throw new ProxyNotReadyError(
    `${subject} was not ready within ${Math.round(options.timeoutMs / 1000)} s (last: ${last})${log ? `; the proxy said: ${log}` : ''}. Check that the cluster is Connected with the cluster-connect feature on (az connectedk8s enable-features --features cluster-connect), or raise wait-timeout if its relay is slow to answer.`,
  );
}

/**
 * Whether the process is still the proxy of this session: its command line names the session's folder (`--file
 * <dir>/kubeconfig`). The post step runs long after the main step, and a pid can be reused in between; where the
 * command line cannot be read (no /proc, as on macOS runners), the pid alone is trusted.
 */
function isSessionProxy(pid: number, dir: string | undefined): boolean {
  if (!dir) return true;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return true;
  }
  return cmdline.split('\0').some((arg) => arg.includes(dir));
}

/**
 * Stops the proxy's process group (SIGTERM, then SIGKILL after 5 s) and deletes its folder (kubeconfig, the CLI's
 * token cache, the log). Returns whether the process was still running and is gone now. A pid that now belongs to
 * another program is left alone.
 */
export async function closeProxySession(session: { pid?: number; dir?: string }): Promise<{ stopped: boolean; removed: boolean }> {
  let stopped = false;
  const { pid } = session;
  if (pid && alive(pid) && isSessionProxy(pid, session.dir)) {
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-pid, s);
      } catch {
        try {
          process.kill(pid, s);
        } catch {
          /* already gone */
        }
      }
    };
    signal('SIGTERM');
    const gone = await waitFor(async () => (alive(pid) ? undefined : true), { timeoutMs: 5000, initialMs: 50, maxMs: 250 });
    if (!gone.value) {
      signal('SIGKILL');
      await waitFor(async () => (alive(pid) ? undefined : true), { timeoutMs: 2000, initialMs: 50, maxMs: 250 });
    }
    stopped = !alive(pid);
  }
  let removed = false;
  if (session.dir && existsSync(session.dir)) {
    rmSync(session.dir, { recursive: true, force: true });
    removed = !existsSync(session.dir);
  }
  return { stopped, removed };
}
