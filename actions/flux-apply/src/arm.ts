import { errorMessage, RetryBudget, sleep, stableStringify, waitFor } from '@arc-actions/core';
import { ifExists, type ArmClients, type ClusterType } from '@arc-actions/azure';

/**
 * The ARM calls of flux-apply, on the SDK clients of {@link ArmClients}, for Arc and AKS clusters alike (one code
 * path: clusterRp + clusterResourceName). The SDK already retries 429 (honouring Retry-After) and a few 5xx and
 * connection resets per call; when a call still fails transiently, it is retried again only while the run-wide
 * {@link RetryBudget} lasts, so a fleet-wide outage ends quickly with a result per cluster instead of a storm.
 */

export const FLUX_EXTENSION_TYPE = 'microsoft.flux';
export const FLUX_EXTENSION_NAME = 'flux';

export const CLUSTER_RP: Record<ClusterType, { clusterRp: string; clusterResourceName: string; apiVersion: string }> = {
  connectedClusters: { clusterRp: 'Microsoft.Kubernetes', clusterResourceName: 'connectedClusters', apiVersion: '2024-01-01' },
  managedClusters: { clusterRp: 'Microsoft.ContainerService', clusterResourceName: 'managedClusters', apiVersion: '2025-01-01' },
};

export interface ClusterRef {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  type: ClusterType;
}

type Sdk = Awaited<ReturnType<ArmClients['kubernetesConfiguration']>>;

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

const TRANSIENT_CODES = new Set(['REQUEST_SEND_ERROR', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']);

export function isTransient(error: unknown): boolean {
  const e = error as ErrorLike;
  if (typeof e?.statusCode === 'number') return e.statusCode === 429 || e.statusCode === 408 || e.statusCode >= 500;
  return (
    (e?.code !== undefined && TRANSIENT_CODES.has(e.code)) ||
    /socket hang up|ECONNRESET|other side closed|fetch failed/i.test(e?.message ?? '')
  );
}

/** A short, user-facing description of an ARM error: status, code and message. */
export function describeArmError(error: unknown): { code?: string; message: string } {
  const e = error as ErrorLike & { operation?: string };
  // Already named by the client pipeline (service, operation, attempts, status): keep it whole.
  if (typeof e?.operation === 'string') return { code: e.code, message: errorMessage(error).split('\n')[0] };
  const status = typeof e?.statusCode === 'number' ? `HTTP ${e.statusCode}` : undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = errorMessage(error).split('\n')[0];
  return {
    code,
    message: [status, code && code !== message ? code : undefined].filter(Boolean).join(' ') + (status || code ? ': ' : '') + message,
  };
}

const isThrottled = (error: unknown): boolean => (error as ErrorLike)?.statusCode === 429;

/** ARM's Retry-After of a throttled answer, in milliseconds (1 s when absent), with jitter so workers spread out. */
function retryAfterMs(error: unknown): number {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers;
  const seconds = Number(headers?.get?.('retry-after') ?? 1);
  return (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) : 1) * 1000 * (1 + Math.random() * 0.5);
}

/** Adds how often flux-apply itself sent a call (on top of the SDK's own attempts) to the error's message. */
function triedTimes(error: unknown, tries: number): unknown {
  const e = error as { message?: unknown };
  if (tries > 1 && e && typeof e === 'object' && typeof e.message === 'string')
    e.message = `${e.message} (flux-apply sent the call ${tries} times within its retry budget)`;
  return error;
}

/**
 * Runs `call`, retrying transient failures while the run-wide budget allows (at most `attempts` tries). Throttling
 * (429) is ARM pacing a large fleet, not a failure: it is waited out (the SDK honours Retry-After first) without
 * spending the budget, for up to 12 tries.
 */
export async function withBudget<T>(budget: RetryBudget, call: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const throttled = isThrottled(error);
      if (attempt >= (throttled ? 12 : attempts) || !isTransient(error) || (!throttled && !budget.take())) throw triedTimes(error, attempt);
      await sleep(throttled ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));
    }
  }
}

/**
 * A long-running write. The SDK sends the write and its first status poll inside `begin`, so a transient failure of
 * `begin` does not tell whether ARM accepted the write: before sending it again, `landed` reads the resource back, and
 * a write that already landed is never re-sent. Once ARM has accepted the write, a failed wait is not retried on the
 * poller (its result is cached, failure included) but by reading the resource back until it has settled.
 */
export async function writeThenPoll<T>(
  budget: RetryBudget,
  begin: () => Promise<{ poller: { pollUntilDone(): Promise<T> } }>,
  landed?: () => Promise<T | undefined>,
): Promise<T> {
  let poller: { pollUntilDone(): Promise<T> } | undefined;
  for (let attempt = 1; !poller; attempt++) {
    try {
      poller = (await begin()).poller;
    } catch (error) {
      const throttled = isThrottled(error);
      if (attempt >= (throttled ? 12 : 6) || !isTransient(error) || (!throttled && !budget.take())) throw triedTimes(error, attempt);
      const already = landed ? await landed().catch(() => undefined) : undefined;
      if (already !== undefined) return already;
      await sleep(throttled ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5));
    }
  }
  try {
    return await poller.pollUntilDone();
  } catch (error) {
    if (!landed || !isTransient(error)) throw error;
    for (let attempt = 1; attempt <= 12; attempt++) {
      const settled = await landed().catch(() => undefined);
      if (settled !== undefined) return settled;
      await sleep(isThrottled(error) ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)));
    }
    throw error;
  }
}

export interface ExtensionState {
  name: string;
  provisioningState?: string;
  version?: string;
  error?: string;
}

export class FluxArm {
  constructor(
    readonly clients: ArmClients,
    readonly budget: RetryBudget,
  ) {}

  private sdk(cluster: ClusterRef): Promise<Sdk> {
    return this.clients.kubernetesConfiguration(cluster.subscriptionId);
  }

  private args(cluster: ClusterRef): [string, string, string, string] {
    const rp = CLUSTER_RP[cluster.type];
    return [cluster.resourceGroup, rp.clusterRp, rp.clusterResourceName, cluster.name];
  }

  /** The flux configuration as ARM returns it (flattened SDK model), or undefined when there is none. */
  async getFlux(cluster: ClusterRef, name: string): Promise<Record<string, any> | undefined> {
    const sdk = await this.sdk(cluster);
    return (await ifExists(withBudget(this.budget, () => sdk.fluxConfigurations.get(...this.args(cluster), name)))) as
      Record<string, any> | undefined;
  }

  async createFlux(cluster: ClusterRef, name: string, body: Record<string, unknown>): Promise<Record<string, any>> {
    const sdk = await this.sdk(cluster);
    // Planned as a create: if the configuration exists now, this run's PUT reached ARM.
    const landed = async () => ((await this.getFlux(cluster, name)) ? this.settled(cluster, name) : undefined);
    return (await writeThenPoll(
      this.budget,
      async () => ({ poller: await sdk.fluxConfigurations.beginCreateOrUpdate(...this.args(cluster), name, body) }),
      landed,
    )) as Record<string, any>;
  }

  async patchFlux(cluster: ClusterRef, name: string, patch: Record<string, unknown>): Promise<Record<string, any>> {
    const sdk = await this.sdk(cluster);
    const sent = Date.now() - 5_000; // ARM's clock may lag the runner's a little
    const landed = async () => {
      const now = await this.getFlux(cluster, name);
      const modified = Date.parse(String(now?.systemData?.lastModifiedAt ?? ''));
      return modified >= sent ? this.settled(cluster, name) : undefined;
    };
    return (await writeThenPoll(
      this.budget,
      async () => ({ poller: await sdk.fluxConfigurations.beginUpdate(...this.args(cluster), name, patch) }),
      landed,
    )) as Record<string, any>;
  }

  /** Reads the configuration until its provisioning state is final (after a write that landed without a poller). */
  private async settled(cluster: ClusterRef, name: string): Promise<Record<string, any> | undefined> {
    const done = await waitFor(
      async () => {
        const now = await this.getFlux(cluster, name);
        return now && ['Succeeded', 'Failed', 'Canceled'].includes(String(now.provisioningState)) ? now : undefined;
      },
      { timeoutMs: 10 * 60_000, initialMs: 500, maxMs: 5000 },
    );
    return done.value;
  }

  async deleteFlux(cluster: ClusterRef, name: string): Promise<void> {
    const sdk = await this.sdk(cluster);
    await withBudget(this.budget, () => sdk.fluxConfigurations.beginDeleteAndWait(...this.args(cluster), name));
  }

  /** The microsoft.flux extension of the cluster, if installed. */
  async getFluxExtension(cluster: ClusterRef): Promise<ExtensionState | undefined> {
    const sdk = await this.sdk(cluster);
    const list = await withBudget(this.budget, async () => {
      const out: Record<string, any>[] = [];
      for await (const e of sdk.extensions.list(...this.args(cluster))) out.push(e as Record<string, any>);
      return out;
    });
    const ext = list.find((e) => String(e.extensionType ?? '').toLowerCase() === FLUX_EXTENSION_TYPE);
    return ext ? toExtensionState(ext) : undefined;
  }

  /**
   * Installs microsoft.flux when it is missing, or installs it again when it Failed; waits for Succeeded.
   * Returns what was done: `present`, `installed` or `repaired`.
   */
  async ensureFluxExtension(
    cluster: ClusterRef,
    timeoutMs: number,
  ): Promise<{ outcome: 'present' | 'installed' | 'repaired'; state: ExtensionState }> {
    const sdk = await this.sdk(cluster);
    let current = await this.getFluxExtension(cluster);
    if (current && ['Creating', 'Updating'].includes(current.provisioningState ?? '')) {
      const settled = await waitFor(
        async () => {
          const s = await this.getFluxExtension(cluster);
          return s && !['Creating', 'Updating'].includes(s.provisioningState ?? '') ? s : undefined;
        },
        { timeoutMs, initialMs: 1000, maxMs: 10_000 },
      );
      if (!settled.value)
        throw new Error(`The flux extension is still ${current.provisioningState} after ${Math.round(timeoutMs / 1000)} s.`);
      current = settled.value;
    }
    if (current?.provisioningState === 'Deleting')
      throw new Error(`The flux extension "${current.name}" is being deleted; run again once it is gone.`);
    if (current && current.provisioningState !== 'Failed') return { outcome: 'present', state: current };
    const name = current?.name ?? FLUX_EXTENSION_NAME;
    const body: Record<string, unknown> = {
      extensionType: FLUX_EXTENSION_TYPE,
      autoUpgradeMinorVersion: true,
      releaseTrain: 'Stable',
      scope: { cluster: { releaseNamespace: 'flux-system' } },
      // As the Azure CLI does: Arc clusters get a system-assigned identity, AKS clusters never.
      ...(cluster.type === 'connectedClusters' ? { identity: { type: 'SystemAssigned' } } : {}),
    };
    const created = (await withBudget(this.budget, () => sdk.extensions.beginCreateAndWait(...this.args(cluster), name, body))) as Record<
      string,
      any
    >;
    const state = toExtensionState(created);
    if (state.provisioningState !== 'Succeeded')
      throw new Error(`The flux extension ended ${state.provisioningState ?? 'without a state'}${state.error ? `: ${state.error}` : ''}.`);
    return { outcome: current ? 'repaired' : 'installed', state };
  }

  /** Replaces the cluster's tags (PATCH of the cluster resource; `tags` is the complete new set). */
  async setClusterTags(cluster: ClusterRef, tags: Record<string, string>): Promise<void> {
    const resources = await this.clients.resources(cluster.subscriptionId);
    // The tags are the whole desired set: if ARM already holds exactly them, the PATCH landed.
    const landed = async () => {
      const now = (await this.getCluster(cluster))?.tags ?? {};
      return stableStringify(now) === stableStringify(tags) ? (null as unknown) : undefined;
    };
    await writeThenPoll(
      this.budget,
      async () => {
        const poller = resources.resources.updateById(cluster.id, CLUSTER_RP[cluster.type].apiVersion, { tags });
        await poller.submitted();
        return { poller };
      },
      landed,
    );
  }

  /** The cluster as ARM knows it (for ids that Resource Graph has not indexed yet). */
  async getCluster(cluster: ClusterRef): Promise<{ tags?: Record<string, string> } | undefined> {
    const resources = await this.clients.resources(cluster.subscriptionId);
    return ifExists(withBudget(this.budget, () => resources.resources.getById(cluster.id, CLUSTER_RP[cluster.type].apiVersion)));
  }
}

function toExtensionState(e: Record<string, any>): ExtensionState {
  const err =
    e.errorInfo?.message ?? (e.statuses as { level?: string; message?: string }[] | undefined)?.find((s) => s.level === 'Error')?.message;
  return {
    name: String(e.name ?? FLUX_EXTENSION_NAME),
    provisioningState: e.provisioningState,
    version: e.currentVersion ?? e.version,
    ...(err ? { error: String(err) } : {}),
  };
}
