import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleet, stopFleet } from './clusters/fleet.js';
import type { LocalCluster } from './clusters/cluster.js';
import { attachRealClusters, type RealFleet, type RealFleetOptions } from './real-fleet.js';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';

export interface FleetSandbox {
  sandbox: Sandbox;
  clusters: LocalCluster[];
  fleet?: RealFleet;
  /** The sandbox's variables plus ARC_SANDBOX_KUBECONFIG_<i> (paths) and ARC_SANDBOX_CLUSTER_<i> (names), 1-based. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The sandbox with `clusters` real local clusters (etcd, kube-apiserver, controller-manager, Gatekeeper) attached:
 * agent emulation is switched off so that only the real agents (installed by arc-connect) report connectivity.
 */
export async function startFleetSandbox(
  options: SandboxOptions & {
    clusters?: number;
    dir?: string;
    auditIntervalSeconds?: number;
    realFleet?: RealFleetOptions;
    onProgress?: (message: string) => void;
  } = {},
): Promise<FleetSandbox> {
  const sandbox = await startSandbox(options);
  const count = options.clusters ?? 0;
  let clusters: LocalCluster[] = [];
  let fleet: RealFleet | undefined;
  const env: Record<string, string> = { ...sandbox.env };
  try {
    if (count > 0) {
      options.onProgress?.(`starting ${count} local clusters (etcd, kube-apiserver, kube-controller-manager, Gatekeeper)`);
      clusters = await startFleet(count, options.dir ?? mkdtempSync(join(tmpdir(), 'arc-fleet-')), {
        auditIntervalSeconds: options.auditIntervalSeconds ?? 5,
      });
      sandbox.setKnobs({ emulateAgents: false });
      fleet = attachRealClusters(sandbox.state.store, clusters, options.realFleet);
      clusters.forEach((c, i) => {
        env[`ARC_SANDBOX_KUBECONFIG_${i + 1}`] = c.kubeconfigPath;
        env[`ARC_SANDBOX_CLUSTER_${i + 1}`] = c.name;
      });
    }
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  return {
    sandbox,
    clusters,
    fleet,
    env,
    async stop() {
      await fleet?.stop();
      if (clusters.length) await stopFleet(clusters);
      await sandbox.stop();
    },
  };
}
