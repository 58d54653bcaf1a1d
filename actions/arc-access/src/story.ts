import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { armClientsFor, Clusters, type ArmClients } from '@arc-actions/azure';
import { formatDuration, readEnv } from '@arc-actions/core';
import { closeProxySession, openProxySession, ProxyNotReadyError, type ProxySessionInfo } from '@arc-actions/kube';
import type { Inputs } from './inputs.js';

export interface AccessDeps {
  /** ARM clients for the connectivity check (default: GitHub OIDC credential for the identity inputs). */
  arm?: ArmClients;
  /** The Azure CLI (default `az` on PATH). */
  az?: string;
  /** Where the session's folder goes (default RUNNER_TEMP, else the system's temp folder). */
  tempDir?: string;
  /** Called once the proxy runs, before the readiness wait: the post step needs the pid even if the wait fails. */
  onStarted?: (session: { pid: number; dir: string }) => void;
}

export interface OpenedAccess extends ProxySessionInfo {
  dir: string;
  connectivityStatus: string;
}

/**
 * Opens cluster connect for later steps of the job: the connected cluster must exist and be Connected (ARM says so
 * before any proxy starts), then `az connectedk8s proxy` runs in the background until the API server answers through
 * it. A failure leaves nothing running and no file behind.
 */
export async function openAccess(inputs: Inputs, deps: AccessDeps = {}): Promise<OpenedAccess> {
  const { cluster, identity } = inputs;
  const arm = deps.arm ?? (await armClientsFor(identity));
  const connected = await new Clusters(arm).connected(cluster);
  if (!connected)
    throw new ProxyNotReadyError(
      `Cluster ${cluster.id} does not exist (or the identity ${identity.clientId} cannot read it): check the cluster input and grant the identity a reader role on the cluster.`,
    );
  const status = connected.connectivityStatus ?? 'unknown';
  if (status !== 'Connected')
    throw new ProxyNotReadyError(
      `Cluster ${cluster.name} is ${status}, not Connected: cluster connect goes through the cluster's Arc agents, so they must be running and reporting (see arc-verify's connectivity check) before this step can open it.`,
    );
  const dir = mkdtempSync(join(deps.tempDir ?? readEnv('RUNNER_TEMP') ?? tmpdir(), 'arc-access-'));
  const opened = await openProxySession(cluster, {
    dir,
    port: inputs.port,
    timeoutMs: inputs.waitTimeoutMs,
    token: inputs.token,
    az: deps.az,
    login: { clientId: identity.clientId, tenantId: identity.tenantId, audience: identity.audience, environment: identity.environment },
    onStarted: (pid) => deps.onStarted?.({ pid, dir }),
  });
  return { ...opened, dir, connectivityStatus: status };
}

export function openedSummary(inputs: Inputs, opened: OpenedAccess): string {
  return [
    `## arc-access: cluster connect open to ${inputs.cluster.name}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Cluster | \`${inputs.cluster.id}\` (${opened.connectivityStatus}) |`,
    `| Authentication | ${inputs.token ? 'service account token (masked)' : 'Microsoft Entra (the workflow identity)'} |`,
    `| Ready | the API server answered ${opened.serverVersion} through 127.0.0.1:${opened.port} after ${formatDuration(opened.waitedMs)} |`,
    `| KUBECONFIG | \`${opened.kubeconfigPath}\` (exported for the later steps of this job) |`,
    '',
    'The post step of this action stops the proxy and deletes the kubeconfig when the job ends.',
    '',
  ].join('\n');
}

/** The post step: stops the proxy the main step started and deletes its folder (kubeconfig, CLI token cache). */
export async function closeAccess(state: { pid?: number; dir?: string }): Promise<string> {
  if (!state.pid && !state.dir) return 'Nothing to close: the main step did not start cluster connect.';
  const closed = await closeProxySession(state);
  const parts = [
    state.pid ? (closed.stopped ? `proxy (pid ${state.pid}) stopped` : `proxy (pid ${state.pid}) had already ended`) : undefined,
    state.dir ? (closed.removed ? 'kubeconfig and CLI login deleted' : 'kubeconfig folder already gone') : undefined,
  ].filter(Boolean);
  return `Closed cluster connect: ${parts.join(', ')}.`;
}
