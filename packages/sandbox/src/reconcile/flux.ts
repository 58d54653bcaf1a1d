import { createHash } from 'node:crypto';
import { stableStringify } from '@arc-actions/core';
import { emulatedFluxStatus } from '../arm/cluster-extensions.js';
import { FLUX_TYPE } from '../arm/flux.js';
import type { LocalCluster } from '../clusters/cluster.js';
import { startFluxControllers, type FluxControllerOptions } from '../clusters/flux-controllers.js';
import {
  applyFluxConfiguration,
  deleteFluxConfiguration,
  readFluxStatus,
  type FluxConfigurationProperties,
  type FluxStatus,
} from '../clusters/flux.js';
import type { SandboxStore } from '../state/store.js';
import type { ArmResource } from '../state/types.js';

/**
 * Plays the microsoft.flux extension's fluxconfig-agent for ARM fluxConfigurations:
 * - on clusters backed by a real local cluster, installing the extension starts the real source-controller and
 *   kustomize-controller (lazily, once per cluster); a configuration whose write has finished becomes a Secret, a
 *   GitRepository and Kustomizations in the cluster (see clusters/flux-objects.ts), and what the controllers report
 *   on those objects is written back to the ARM resource (`complianceState`, `statuses`, `sourceSyncedCommitId`)
 *   whenever it changes. Deleting the configuration deletes the objects (Flux prunes with `prune: true`).
 * - on emulated clusters (no API server): marked Compliant after `emulatedDelayMs` (unless agent emulation did).
 */

export interface FluxReconcilerOptions extends FluxControllerOptions {
  /** How often the Flux objects' status is read back on real clusters (default 1 s). */
  statusIntervalMs?: number;
  /** Delay before an emulated cluster's configuration turns Compliant (default 200 ms). */
  emulatedDelayMs?: number;
  /** Told about work that failed (controllers that would not start, objects the API server refused). */
  onError?: (resourceId: string, error: Error) => void;
  /** Told about every status written to a configuration on a real cluster (tests and the CLI log them). */
  onStatus?: (configurationId: string, status: FluxStatus) => void;
}

export type ClusterLookup = ReadonlyMap<string, LocalCluster> | ((clusterId: string) => LocalCluster | undefined);

const clusterIdOf = (id: string): string => id.toLowerCase().split('/providers/microsoft.kubernetesconfiguration/')[0];

/** What makes a new generation: everything the user sets (protected settings by digest), nothing the status writes. */
function specKey(r: ArmResource, settings: Record<string, string> | undefined): string {
  const p = r.properties ?? {};
  return stableStringify({
    scope: p.scope,
    namespace: p.namespace,
    suspend: p.suspend,
    sourceKind: p.sourceKind,
    gitRepository: p.gitRepository,
    kustomizations: p.kustomizations,
    settings: createHash('sha256')
      .update(stableStringify(settings ?? {}))
      .digest('hex'),
  });
}

interface Tracked {
  id: string;
  name: string;
  namespace: string;
  cluster: LocalCluster;
  kustomizations: string[];
  /** Spec key of the generation whose objects are in the cluster (status is read only for it). */
  applied?: string;
  /** The last status written (without timestamps). */
  written?: string;
  /** Whether the last read failed (reported once, not every round). */
  failing?: boolean;
}

export function startFluxReconciler(
  store: SandboxStore,
  clusters: ClusterLookup,
  options: FluxReconcilerOptions = {},
): { stop(): Promise<void> } {
  const lookup = (id: string): LocalCluster | undefined =>
    typeof clusters === 'function' ? clusters(id) : (clusters.get(id) ?? clusters.get(id.toLowerCase()));
  const onError = (id: string, error: unknown): void => options.onError?.(id, error as Error);
  const settingsOf = (id: string) => store.secrets.get(id.toLowerCase());
  const keyOf = (r: ArmResource) => specKey(r, settingsOf(r.id));
  /** Spec last picked up per configuration (lower-case id). */
  const seen = new Map<string, string>();
  const tracked = new Map<string, Tracked>();
  /** Per configuration: the running apply or delete, and whether another is due after it. */
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const write = (id: string, key: string, status: Record<string, unknown>): boolean => {
    const current = store.get(id);
    if (stopped || !current || keyOf(current) !== key) return false;
    store.put({ ...current, properties: { ...current.properties, ...status } }, 'patch');
    return true;
  };

  const apply = async (k: string): Promise<void> => {
    const t = tracked.get(k);
    const r = store.get(t?.id ?? '');
    if (!t || !r) return;
    const key = keyOf(r);
    const props = (r.properties ?? {}) as FluxConfigurationProperties;
    t.kustomizations = Object.keys(props.kustomizations ?? {});
    try {
      await startFluxControllers(t.cluster, options);
      await applyFluxConfiguration(t.cluster, r.name, props, settingsOf(r.id));
      t.applied = key;
      t.written = undefined;
    } catch (error) {
      // What the agent reports when it cannot create the objects: the configuration fails with the reason.
      const message = (error as Error).message;
      write(r.id, key, { complianceState: 'Non-Compliant', errorMessage: message, statusUpdatedAt: new Date().toISOString() });
      onError(r.id, error);
    }
  };

  const schedule = (k: string, work: (k: string) => Promise<void>): void => {
    if (running.has(k)) {
      dirty.add(k);
      return;
    }
    const run = (async () => {
      do {
        dirty.delete(k);
        await work(k).catch((e: unknown) => onError(k, e));
      } while (dirty.has(k) && !stopped && tracked.has(k));
    })().finally(() => running.delete(k));
    running.set(k, run);
  };

  const onFlux = (r: ArmResource): void => {
    if (r.properties?.provisioningState !== 'Succeeded') return;
    const k = r.id.toLowerCase();
    const key = keyOf(r);
    if (seen.get(k) === key) return;
    seen.set(k, key);
    const clusterId = clusterIdOf(r.id);
    if (store.realClusters.has(clusterId)) {
      const cluster = lookup(clusterId);
      if (!cluster) return onError(r.id, new Error(`No local cluster backs ${clusterId}; its flux configuration stays Pending.`));
      const namespace = String(r.properties?.namespace ?? 'default');
      const previous = tracked.get(k);
      tracked.set(k, { ...previous, id: r.id, name: r.name, namespace, cluster, kustomizations: previous?.kustomizations ?? [] });
      // A new generation is Pending until the controllers have reconciled it (set now, before any client reads).
      store.put({ ...r, properties: { ...r.properties, complianceState: 'Pending', errorMessage: '' } }, 'patch');
      schedule(k, apply);
      return;
    }
    if (r.properties?.complianceState === 'Compliant' || r.properties?.complianceState === 'Suspended') {
      // Agent emulation already reported it; only a stale status from an earlier generation needs redoing.
      const updated = Date.parse(String(r.properties?.statusUpdatedAt ?? '')) || 0;
      const modified = Date.parse(String((r.systemData as { lastModifiedAt?: string } | undefined)?.lastModifiedAt ?? '')) || 0;
      if (updated >= modified) return;
    }
    store.put({ ...r, properties: { ...r.properties, complianceState: 'Pending' } }, 'patch');
    const timer = setTimeout(() => {
      timers.delete(timer);
      const current = store.get(r.id);
      if (current) write(r.id, key, emulatedFluxStatus(current));
    }, options.emulatedDelayMs ?? 200);
    timer.unref();
    timers.add(timer);
  };

  const onDelete = (k: string): void => {
    seen.delete(k);
    const t = tracked.get(k);
    if (!t) return;
    tracked.delete(k);
    const remove = (): Promise<void> => deleteFluxConfiguration(t.cluster, t.name, t.namespace);
    void (running.get(k) ?? Promise.resolve()).then(remove).catch((e: unknown) => onError(t.id, e));
  };

  /** Installing microsoft.flux on a real cluster starts its controllers (before any configuration arrives). */
  const onExtension = (r: ArmResource): void => {
    if (String(r.properties?.extensionType ?? '').toLowerCase() !== 'microsoft.flux') return;
    const clusterId = clusterIdOf(r.id);
    const cluster = store.realClusters.has(clusterId) ? lookup(clusterId) : undefined;
    if (cluster) startFluxControllers(cluster, options).catch((e: unknown) => onError(r.id, e));
  };

  const listener = (kind: string, id: string, action: string): void => {
    if (stopped) return;
    if (kind === 'extension' && action !== 'delete') {
      const r = store.get(id);
      if (r) onExtension(r);
      return;
    }
    if (kind !== 'fluxConfiguration') return;
    if (action === 'delete') return onDelete(id.toLowerCase());
    const r = store.get(id);
    if (r) onFlux(r);
  };
  store.on('change', listener);
  for (const r of store.ofType('Microsoft.KubernetesConfiguration/extensions')) onExtension(r);
  for (const r of store.ofType(FLUX_TYPE)) onFlux(r);

  // What the controllers report, read back like fluxconfig-agent does; written only when it changed.
  let polling = false;
  const poll = setInterval(() => {
    if (polling || stopped) return;
    polling = true;
    void (async () => {
      for (const [k, t] of tracked) {
        const r = store.get(t.id);
        if (!r || !t.applied || running.has(k) || keyOf(r) !== t.applied) continue;
        try {
          const status = await readFluxStatus(t.cluster, t.name, t.namespace, t.kustomizations);
          t.failing = false;
          const comparable = stableStringify(status);
          if (comparable === t.written) continue;
          if (write(t.id, t.applied, { ...status, errorMessage: '', statusUpdatedAt: new Date().toISOString() })) {
            t.written = comparable;
            options.onStatus?.(t.id, status);
          }
        } catch (error) {
          if (!t.failing) onError(t.id, error); // the API server may be down (outage tests); the next round tries again
          t.failing = true;
        }
      }
    })().finally(() => (polling = false));
  }, options.statusIntervalMs ?? 1000);
  poll.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      store.off('change', listener);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}
