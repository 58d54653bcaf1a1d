import type { ConnectedCluster, ConnectedClusterPatch } from '@azure/arm-hybridkubernetes';
import { RetryBudget, stableStringify, waitFor } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import { withBudget, writeThenPoll } from './arm-retry.js';
import type { ArmClients } from './clients.js';
import { CLUSTER_RP, type ClusterRef } from './cluster-ref.js';

export type { ConnectedCluster } from '@azure/arm-hybridkubernetes';

/**
 * Clusters as ARM resources, Arc and AKS through one code path (a generic GET and tag PATCH by id, with each type's
 * api-version), plus the Arc-only connectedCluster writes of onboarding. Reads retry within the run's budget and treat
 * 404 as absence; writes read back before they are sent again (writeThenPoll), so a retried write never lands twice.
 */
export class Clusters {
  constructor(
    readonly clients: ArmClients,
    readonly budget: RetryBudget = new RetryBudget(20),
  ) {}

  /** The cluster as ARM knows it (Arc or AKS), or undefined when it does not exist. */
  async get(ref: ClusterRef): Promise<{ tags?: Record<string, string>; properties?: Record<string, unknown> } | undefined> {
    const resources = await this.clients.resources(ref.subscriptionId);
    return ifExists(withBudget(this.budget, () => resources.resources.getById(ref.id, CLUSTER_RP[ref.type].apiVersion)));
  }

  /** Replaces the cluster's tags (PATCH of the cluster resource; `tags` is the complete new set). */
  async setTags(ref: ClusterRef, tags: Record<string, string>): Promise<void> {
    const resources = await this.clients.resources(ref.subscriptionId);
    // The tags are the whole desired set: if ARM already holds exactly them, the PATCH landed.
    const landed = async () => {
      const now = (await this.get(ref))?.tags ?? {};
      return stableStringify(now) === stableStringify(tags) ? (null as unknown) : undefined;
    };
    await writeThenPoll(
      this.budget,
      async () => {
        const poller = resources.resources.updateById(ref.id, CLUSTER_RP[ref.type].apiVersion, { tags });
        await poller.submitted();
        return { poller };
      },
      landed,
    );
  }

  /** An Arc connected cluster (the typed SDK model, with its connectivity and agent fields), or undefined. */
  async connected(ref: ClusterRef): Promise<ConnectedCluster | undefined> {
    const hybrid = await this.clients.connectedClusters(ref.subscriptionId);
    return ifExists(withBudget(this.budget, () => hybrid.connectedClusterOperations.get(ref.resourceGroup, ref.name)));
  }

  /** PUT of an Arc connected cluster (onboarding with a new agent key), waited for. */
  async putConnected(ref: ClusterRef, body: ConnectedCluster): Promise<ConnectedCluster> {
    const hybrid = await this.clients.connectedClusters(ref.subscriptionId);
    return hybrid.connectedClusterOperations.beginCreateAndWait(ref.resourceGroup, ref.name, body);
  }

  /** PATCH of an Arc connected cluster (tags, distribution). */
  async patchConnected(ref: ClusterRef, patch: ConnectedClusterPatch): Promise<ConnectedCluster> {
    const hybrid = await this.clients.connectedClusters(ref.subscriptionId);
    return withBudget(this.budget, () => hybrid.connectedClusterOperations.update(ref.resourceGroup, ref.name, patch));
  }

  /** Reads the connected cluster until its connectivity status is Connected or the deadline passes. */
  async waitConnected(
    ref: ClusterRef,
    options: { timeoutMs: number; initialMs?: number; maxMs?: number },
  ): Promise<{ connected: boolean; connectivityStatus?: string; agentVersion?: string }> {
    let last: ConnectedCluster | undefined;
    const waited = await waitFor(
      async () => {
        last = await this.connected(ref);
        return last?.connectivityStatus === 'Connected' ? last : undefined;
      },
      { timeoutMs: options.timeoutMs, initialMs: options.initialMs ?? 2000, maxMs: options.maxMs ?? 15_000 },
    );
    return { connected: !!waited.value, connectivityStatus: last?.connectivityStatus, agentVersion: last?.agentVersion };
  }
}
