import { RetryBudget, stableStringify, waitFor } from '@arc-actions/core';
import {
  CLUSTER_RP,
  extensionState,
  ExtensionInstaller,
  ifExists,
  withBudget,
  writeThenPoll,
  type ArmClients,
  type ClusterType,
  type ExtensionState,
} from '@arc-actions/azure';

/**
 * The ARM calls of flux-apply, on the SDK clients of {@link ArmClients}, for Arc and AKS clusters alike (one code
 * path: clusterRp + clusterResourceName). Retries go through the shared helpers of @arc-actions/azure (the SDK's own
 * 429/5xx retries first, then the run-wide {@link RetryBudget}); the microsoft.flux extension goes through the one
 * extension installer.
 */

export { CLUSTER_RP, describeArmError, isTransient, withBudget, writeThenPoll } from '@arc-actions/azure';
export type { ExtensionState } from '@arc-actions/azure';

export const FLUX_EXTENSION_TYPE = 'microsoft.flux';
export const FLUX_EXTENSION_NAME = 'flux';

export interface ClusterRef {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  type: ClusterType;
}

type Sdk = Awaited<ReturnType<ArmClients['kubernetesConfiguration']>>;

export class FluxArm {
  private readonly installer: ExtensionInstaller;

  constructor(
    readonly clients: ArmClients,
    readonly budget: RetryBudget,
  ) {
    this.installer = new ExtensionInstaller(clients, budget);
  }

  private target(cluster: ClusterRef) {
    return { subscriptionId: cluster.subscriptionId, resourceGroup: cluster.resourceGroup, name: cluster.name, type: cluster.type };
  }

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

  /** The microsoft.flux extension of the cluster (any name), if installed. */
  async getFluxExtension(cluster: ClusterRef): Promise<ExtensionState | undefined> {
    const found = await this.installer.findByType(this.target(cluster), FLUX_EXTENSION_TYPE);
    return found ? extensionState(found) : undefined;
  }

  /**
   * Installs microsoft.flux when it is missing, or again when it Failed (the installer waits for a running
   * operation first and for the final state after its write). Returns what was done: `present`, `installed` or
   * `repaired`; a Failed install throws with the extension's own error.
   */
  async ensureFluxExtension(
    cluster: ClusterRef,
    timeoutMs: number,
  ): Promise<{ outcome: 'present' | 'installed' | 'repaired'; state: ExtensionState }> {
    const installer = new ExtensionInstaller(this.clients, this.budget, { timeoutMs });
    const { plan, state } = await installer.ensure(
      this.target(cluster),
      {
        name: FLUX_EXTENSION_NAME,
        extensionType: FLUX_EXTENSION_TYPE,
        autoUpgradeMinorVersion: true,
        releaseTrain: 'Stable',
        scope: { cluster: { releaseNamespace: 'flux-system' } },
      },
      'present',
    );
    return { outcome: plan.action === 'create' ? 'installed' : plan.action === 'repair' ? 'repaired' : 'present', state };
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
