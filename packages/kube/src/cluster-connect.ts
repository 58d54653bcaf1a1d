import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import * as core from '@actions/core';
import { maskSecret, waitFor } from '@arc-actions/core';

/** What `az cloud set/register` needs of an Azure environment (structurally the @arc-actions/azure environment). */
export interface AzCloud {
  name: string;
  custom?: boolean;
  resourceManager: string;
  authorityHost: string;
  activeDirectoryResourceId: string;
}

export interface AzLogin {
  clientId: string;
  tenantId: string;
  audience: string;
  /** The cloud to log in to (default: az's default, AzureCloud). */
  environment?: AzCloud;
}

/** The CLI's names of the clouds it knows (`az cloud list`). */
const CLI_CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'];

/**
 * The `az cloud` calls that select the environment's cloud before `az login` (Microsoft Learn, "Azure cloud
 * management with the Azure CLI": `az cloud set --name`, and `az cloud register` for a cloud the CLI does not know).
 * A custom environment is registered with its ARM and Entra endpoints and its management audience.
 */
export function cloudCommands(environment: AzCloud | undefined): string[][] {
  if (!environment) return [];
  const known = CLI_CLOUDS.find((c) => c.toLowerCase() === environment.name.toLowerCase());
  if (known && !environment.custom) return [['cloud', 'set', '--name', known, '--output', 'none']];
  const name = `arc-actions-${environment.name.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return [
    [
      'cloud',
      'register',
      '--name',
      name,
      '--endpoint-resource-manager',
      `${environment.resourceManager}/`,
      '--endpoint-active-directory',
      environment.authorityHost,
      '--endpoint-active-directory-resource-id',
      environment.activeDirectoryResourceId,
      '--output',
      'none',
    ],
    ['cloud', 'set', '--name', name, '--output', 'none'],
  ];
}

/**
 * Logs the Azure CLI in with a fresh GitHub OIDC token, in a private AZURE_CONFIG_DIR, in the environment's cloud
 * (selected or registered first: az logs in to AzureCloud otherwise, and sovereign clouds fail), and makes sure the
 * connectedk8s extension is there: `az connectedk8s proxy` authenticates with the CLI's credential.
 */
export async function loginAzureCli(login: AzLogin, configDir: string, az = 'az'): Promise<void> {
  const token = await core.getIDToken(login.audience);
  maskSecret(token);
  const env = { ...process.env, AZURE_CONFIG_DIR: configDir, AZURE_CORE_COLLECT_TELEMETRY: 'false' };
  const run = (args: string[]) => spawnSync(az, args, { env, encoding: 'utf8' });
  for (const args of cloudCommands(login.environment)) {
    const selected = run(args);
    if (selected.status !== 0)
      throw new Error(
        `az ${args.slice(0, 2).join(' ')} for the ${login.environment!.name} environment failed: ${(selected.stderr || selected.stdout || String(selected.error)).trim().split('\n').pop()}`,
      );
  }
  const result = run([
    'login',
    '--service-principal',
    '-u',
    login.clientId,
    '-t',
    login.tenantId,
    '--federated-token',
    token,
    '--allow-no-subscriptions',
    '--output',
    'none',
  ]);
  if (result.status !== 0)
    throw new Error(
      `az login with the GitHub OIDC token failed: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').pop()}`,
    );
  if (run(['extension', 'show', '--name', 'connectedk8s', '--output', 'none']).status !== 0) {
    const add = run(['extension', 'add', '--name', 'connectedk8s', '--yes', '--output', 'none']);
    if (add.status !== 0) throw new Error(`az extension add --name connectedk8s failed: ${(add.stderr || '').trim().split('\n').pop()}`);
  }
}

export interface ProxySession {
  kubeconfig: string;
  port: number;
  stop(): Promise<void>;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/**
 * Cluster connect: starts `az connectedk8s proxy` in the background (its own process group), waits until its port
 * accepts connections and the kubeconfig it writes exists (never a blind sleep), and stops it afterwards.
 */
export async function startClusterConnect(
  cluster: ProxyTarget,
  options: { port: number; timeoutMs?: number; az?: string; login?: AzLogin },
): Promise<ProxySession> {
  const dir = mkdtempSync(join(tmpdir(), 'arc-verify-proxy-'));
  const file = join(dir, 'kubeconfig');
  const configDir = join(dir, 'azure');
  if (options.login) await loginAzureCli(options.login, configDir, options.az);
  const child: ChildProcess = spawn(options.az ?? 'az', proxyArgs(cluster, options.port, file), {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.login ? { ...process.env, AZURE_CONFIG_DIR: configDir } : process.env,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const stop = async () => {
    if (exited === undefined && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await waitFor(async () => (exited !== undefined ? true : undefined), { timeoutMs: 5000, initialMs: 50 });
      if (exited === undefined) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = await waitFor(
    async () => {
      if (exited !== undefined) return false;
      if (!(await portOpen(options.port))) return undefined;
      try {
        return readFileSync(file, 'utf8') ? true : undefined;
      } catch {
        return undefined;
      }
    },
    { timeoutMs: options.timeoutMs ?? 60_000, initialMs: 100, maxMs: 1000 },
  );
  if (ready.value !== true) {
    await stop();
    const why =
      exited !== undefined
        ? `exited with code ${exited}`
        : `did not open port ${options.port} within ${Math.round(ready.waitedMs / 1000)} s`;
    throw new Error(`az connectedk8s proxy for ${cluster.name} ${why}: ${output.trim().split('\n').slice(-3).join(' ')}`);
  }
  return { kubeconfig: readFileSync(file, 'utf8'), port: options.port, stop };
}

/** The connected cluster `az connectedk8s proxy` opens. */
export interface ProxyTarget {
  name: string;
  resourceGroup: string;
  subscriptionId: string;
}

/** The arguments of `az connectedk8s proxy` (the kubeconfig to write, and a service account token when given). */
export function proxyArgs(cluster: ProxyTarget, port: number, file: string, token?: string): string[] {
  return [
    'connectedk8s',
    'proxy',
    '-n',
    cluster.name,
    '-g',
    cluster.resourceGroup,
    '--subscription',
    cluster.subscriptionId,
    '--port',
    String(port),
    '--file',
    file,
    ...(token ? ['--token', token] : []),
  ];
}
