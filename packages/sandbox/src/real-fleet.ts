import { errorMessage } from '@arc-actions/core';
import type { LocalCluster } from './clusters/cluster.js';
import { startAgentReconciler } from './reconcile/agents.js';
import { startFluxReconciler } from './reconcile/flux.js';
import { startMonitoringReconciler } from './reconcile/monitoring.js';
import { startPolicyReconciler } from './reconcile/policy.js';
import { key } from './state/ids.js';
import type { SandboxStore } from './state/store.js';

export interface RealFleetOptions {
  /** How often the agents report and the policy add-on syncs (default 1 s and 3 s). */
  agentIntervalMs?: number;
  policyIntervalMs?: number;
  /** How often the monitoring add-on ingests container logs (default 2 s). */
  monitoringIntervalMs?: number;
  /** How long an unreachable cluster stays Connected (default 15 s). */
  offlineAfterMs?: number;
  /**
   * A CA certificate file the clusters' Flux controllers trust besides the system roots (the sandbox CA, which
   * signs the loopback git server's HTTPS certificate; startFleetSandbox passes it).
   */
  fluxCaFile?: string;
  onError?: (where: string, error: unknown) => void;
}

export interface RealFleet {
  clusters: LocalCluster[];
  /** The real cluster behind an ARM cluster id, once its agents have reported. */
  lookup(clusterId: string): LocalCluster | undefined;
  stop(): Promise<void>;
}

/**
 * Connects real local clusters to the sandbox's ARM side: the Arc agents' heartbeat (Connected / Offline), Flux
 * (the real source-controller and kustomize-controller, started when microsoft.flux is installed, reconcile the
 * fluxConfigurations), the Azure Policy add-on (assignments → Gatekeeper
 * constraints, audit → policy states) and the monitoring extension (ama-logs workloads; crash-looping workloads'
 * stderr as ContainerLogV2 rows in the extension's workspace).
 */
export function attachRealClusters(store: SandboxStore, clusters: LocalCluster[], options: RealFleetOptions = {}): RealFleet {
  const onError =
    options.onError ?? ((where: string, error: unknown) => process.stderr.write(`[sandbox] ${where}: ${errorMessage(error)}\n`));
  const lookup = (clusterId: string) => {
    const kubeconfig = store.kubeconfigs.get(key(clusterId));
    return kubeconfig ? clusters.find((c) => c.kubeconfig === kubeconfig) : undefined;
  };
  const agents = startAgentReconciler(store, () => clusters, {
    intervalMs: options.agentIntervalMs,
    offlineAfterMs: options.offlineAfterMs,
    onError: (c, e) => onError(`agents ${c}`, e),
  });
  const flux = startFluxReconciler(store, lookup, { caFile: options.fluxCaFile, onError: (id, e) => onError(`flux ${id}`, e) });
  const policy = startPolicyReconciler(store, lookup, {
    intervalMs: options.policyIntervalMs,
    onError: (c, e) => onError(`policy add-on ${c}`, e),
  });
  const monitoring = startMonitoringReconciler(store, lookup, {
    intervalMs: options.monitoringIntervalMs,
    onError: (c, e) => onError(`monitoring ${c}`, e),
  });
  return {
    clusters,
    lookup,
    async stop() {
      await Promise.all([agents.stop(), flux.stop(), policy.stop(), monitoring.stop()]);
    },
  };
}
