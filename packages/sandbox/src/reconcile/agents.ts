import { readAgentState, type AgentState } from '../clusters/agents.js';
import type { LocalCluster } from '../clusters/cluster.js';
import type { SandboxStore } from '../state/store.js';
import type { ArmResource } from '../state/types.js';

/**
 * Plays the Arc agents' heartbeat for real clusters: polls each cluster's `azure-arc/azure-clusterconfig` (through
 * readAgentState) and writes what the agents would report into the matching ARM connectedCluster —
 * connectivityStatus Connected, agentVersion, kubernetesVersion, totalNodeCount, distribution, lastConnectivityTime —
 * once every agent Deployment is ready. When the API server stops answering, the cluster turns Offline after
 * `offlineAfterMs` (Azure waits about 15 minutes; tests use seconds). Writes go straight to the store (no call-log
 * entries: they are not client calls), and only when something changed, except lastConnectivityTime, which is
 * refreshed every `heartbeatMs` as the real agents do.
 */
export interface AgentReconcilerOptions {
  /** Poll interval (default 1 s). */
  intervalMs?: number;
  /** How long a cluster may be unreachable before it is Offline (default 15 s). */
  offlineAfterMs?: number;
  /** How often lastConnectivityTime is refreshed while nothing else changes (default 60 s). */
  heartbeatMs?: number;
  /** Called with errors that are not "the API server is down" (for the sandbox log). */
  onError?: (cluster: string, error: unknown) => void;
}

interface Seen {
  resourceId?: string;
  lastOk: number;
  lastBeat: number;
}

export function startAgentReconciler(
  store: SandboxStore,
  clusters: () => Iterable<LocalCluster>,
  options: AgentReconcilerOptions = {},
): { stop(): Promise<void>; tick(): Promise<void> } {
  const interval = options.intervalMs ?? 1000;
  const offlineAfter = options.offlineAfterMs ?? 15_000;
  const heartbeat = options.heartbeatMs ?? 60_000;
  const seen = new Map<string, Seen>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const update = (resource: ArmResource, props: Record<string, unknown>, now: number, s: Seen) => {
    const changed = Object.entries(props).some(([k, v]) => resource.properties?.[k] !== v);
    if (!changed && now - s.lastBeat < heartbeat) return;
    s.lastBeat = now;
    store.put(
      { ...resource, properties: { ...resource.properties, ...props, lastConnectivityTime: new Date(now).toISOString() } },
      'patch',
    );
  };

  const one = async (cluster: LocalCluster) => {
    const s = seen.get(cluster.name) ?? { lastOk: Date.now(), lastBeat: 0 };
    seen.set(cluster.name, s);
    let state: AgentState | undefined;
    try {
      state = await readAgentState(cluster);
    } catch (error) {
      const now = Date.now();
      const resource = s.resourceId ? store.get(s.resourceId) : undefined;
      if (resource && now - s.lastOk >= offlineAfter && resource.properties?.connectivityStatus !== 'Offline') {
        store.put({ ...resource, properties: { ...resource.properties, connectivityStatus: 'Offline' } }, 'patch');
      }
      if (!/could not be read/.test(String((error as Error).message))) options.onError?.(cluster.name, error);
      return;
    }
    const now = Date.now();
    s.lastOk = now;
    if (!state?.resourceId) return;
    if (s.resourceId && s.resourceId.toLowerCase() !== state.resourceId.toLowerCase()) {
      // Re-onboarded to another resource: the old one stops hearing from its agents.
      const old = store.get(s.resourceId);
      if (old && old.properties?.connectivityStatus === 'Connected')
        store.put({ ...old, properties: { ...old.properties, connectivityStatus: 'Offline' } }, 'patch');
    }
    s.resourceId = state.resourceId;
    const resource = store.get(state.resourceId);
    if (!resource) return;
    store.realClusters.add(resource.id.toLowerCase());
    if (!store.kubeconfigs.has(resource.id.toLowerCase())) store.kubeconfigs.set(resource.id.toLowerCase(), cluster.kubeconfig);
    if (!state.podsReady) return;
    if (state.agentError) {
      // The agents run but cannot reach Azure: the cluster never connects, and the error shows in arcAgentProfile.
      const errors = [
        { message: state.agentError, severity: 'Error', component: 'clusteridentityoperator', time: new Date(now).toISOString() },
      ];
      if (resource.properties?.arcAgentProfile?.agentErrors?.[0]?.message !== state.agentError)
        store.put(
          {
            ...resource,
            properties: {
              ...resource.properties,
              connectivityStatus: resource.properties?.connectivityStatus === 'Connected' ? 'Offline' : 'Connecting',
              arcAgentProfile: { ...(resource.properties?.arcAgentProfile ?? {}), agentErrors: errors },
            },
          },
          'patch',
        );
      return;
    }
    const profile = resource.properties?.arcAgentProfile as { agentErrors?: unknown[] } | undefined;
    if (profile?.agentErrors?.length)
      store.put({ ...resource, properties: { ...resource.properties, arcAgentProfile: { ...profile, agentErrors: [] } } }, 'patch');
    update(
      store.get(resource.id)!,
      {
        connectivityStatus: 'Connected',
        agentVersion: state.agentVersion ?? null,
        kubernetesVersion: state.kubernetesVersion.replace(/^v/, ''),
        totalNodeCount: state.nodeCount,
        distribution: state.distribution,
      },
      now,
      s,
    );
  };

  const tick = (): Promise<void> =>
    (running ??= (async () => {
      try {
        await Promise.all([...clusters()].map((c) => one(c).catch((e: unknown) => options.onError?.(c.name, e))));
      } finally {
        running = undefined;
      }
    })());

  const loop = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(loop), interval);
  };
  loop();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
