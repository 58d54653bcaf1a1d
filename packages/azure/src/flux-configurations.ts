import { RetryBudget, waitFor } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import { withBudget, writeThenPoll } from './arm-retry.js';
import type { ArmClients } from './clients.js';
import { CLUSTER_RP, type ClusterRef } from './cluster-ref.js';
import { extensionState, ExtensionInstaller, type ExtensionState } from './extensions.js';

/**
 * Flux configurations (Microsoft.KubernetesConfiguration/fluxConfigurations) on Arc and AKS clusters alike (one code
 * path: clusterRp + clusterResourceName), and the microsoft.flux extension they need, through the one extension
 * installer. Reads retry within the run's budget and treat 404 as absence; a write whose `begin` failed transiently is
 * read back before it is sent again.
 */

export const FLUX_EXTENSION_TYPE = 'microsoft.flux';
export const FLUX_EXTENSION_NAME = 'flux';

type Sdk = Awaited<ReturnType<ArmClients['kubernetesConfiguration']>>;

export class FluxConfigurations {
  private readonly installer: ExtensionInstaller;

  constructor(
    readonly clients: ArmClients,
    readonly budget: RetryBudget = new RetryBudget(20),
  ) {
    this.installer = new ExtensionInstaller(clients, budget);
  }

  private sdk(cluster: ClusterRef): Promise<Sdk> {
    return this.clients.kubernetesConfiguration(cluster.subscriptionId);
  }

  private args(cluster: ClusterRef): [string, string, string, string] {
    const rp = CLUSTER_RP[cluster.type];
    return [cluster.resourceGroup, rp.clusterRp, rp.clusterResourceName, cluster.name];
  }

  /** The flux configuration as ARM returns it (flattened SDK model), or undefined when there is none. */
  async get(cluster: ClusterRef, name: string): Promise<Record<string, any> | undefined> {
    const sdk = await this.sdk(cluster);
    return (await ifExists(withBudget(this.budget, () => sdk.fluxConfigurations.get(...this.args(cluster), name)))) as
      Record<string, any> | undefined;
  }

  async create(cluster: ClusterRef, name: string, body: Record<string, unknown>): Promise<Record<string, any>> {
    const sdk = await this.sdk(cluster);
    // Planned as a create: if the configuration exists now, this run's PUT reached ARM.
    const landed = async () => ((await this.get(cluster, name)) ? this.settled(cluster, name) : undefined);
    return (await writeThenPoll(
      this.budget,
      async () => ({ poller: await sdk.fluxConfigurations.beginCreateOrUpdate(...this.args(cluster), name, body) }),
      landed,
    )) as Record<string, any>;
  }

  async patch(cluster: ClusterRef, name: string, patch: Record<string, unknown>): Promise<Record<string, any>> {
    const sdk = await this.sdk(cluster);
    const sent = Date.now() - 5_000; // ARM's clock may lag the runner's a little
    const landed = async () => {
      const now = await this.get(cluster, name);
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
        const now = await this.get(cluster, name);
        return now && ['Succeeded', 'Failed', 'Canceled'].includes(String(now.provisioningState)) ? now : undefined;
      },
      { timeoutMs: 10 * 60_000, initialMs: 500, maxMs: 5000 },
    );
    return done.value;
  }

  async delete(cluster: ClusterRef, name: string): Promise<void> {
    const sdk = await this.sdk(cluster);
    await withBudget(this.budget, () => sdk.fluxConfigurations.beginDeleteAndWait(...this.args(cluster), name));
  }

  /** The microsoft.flux extension of the cluster (any name), if installed. */
  async fluxExtension(cluster: ClusterRef): Promise<ExtensionState | undefined> {
    const found = await this.installer.findByType(cluster, FLUX_EXTENSION_TYPE);
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
      cluster,
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
}
