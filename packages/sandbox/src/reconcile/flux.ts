import { stableStringify } from '@arc-actions/core';
import { emulatedFluxStatus } from '../arm/cluster-extensions.js';
import { FLUX_TYPE } from '../arm/flux.js';
import type { LocalCluster } from '../clusters/cluster.js';
import { applyFluxConfiguration, type FluxApplyResult, type FluxConfigurationProperties } from '../clusters/flux.js';
import type { SandboxStore } from '../state/store.js';
import type { ArmResource } from '../state/types.js';

/**
 * Plays the microsoft.flux extension (fluxconfig-agent + kustomize-controller) for ARM fluxConfigurations:
 * when a configuration's write has finished (provisioningState Succeeded) and its spec is new, it is marked
 * Pending, then
 * - on clusters backed by a real cluster: applied with {@link applyFluxConfiguration} (git clone, dependsOn,
 *   server-side apply with admission, prune, health) and the outcome written back as ARM reports it:
 *   `complianceState`, `statuses[]` per object with a `Ready` condition, `sourceSyncedCommitId`, `statusUpdatedAt`;
 * - on emulated clusters: marked Compliant after `emulatedDelayMs` (unless agent emulation already did).
 */

export interface FluxReconcilerOptions {
  /** A local git repository standing in for remote gitRepository urls (the sandbox has no network). */
  repoRoot?: string;
  /** Where checkouts live (default: the cluster's own folder). */
  workDir?: string;
  /** Per kustomization bound for apply + health (default from timeoutInSeconds, at most 120 s). */
  timeoutMs?: number;
  /**
   * How often configurations on real clusters are reconciled again without an ARM change, as Flux polls its source
   * every sync interval (default: each configuration's gitRepository.syncIntervalInSeconds).
   */
  resyncMs?: number;
  /** Delay before an emulated cluster's configuration turns Compliant (default 200 ms). */
  emulatedDelayMs?: number;
  /** Told about reconciliations that could not run (no cluster handle, unexpected errors). */
  onError?: (configurationId: string, error: Error) => void;
  /** Told about every finished reconciliation (tests and the CLI log them). */
  onReconciled?: (configurationId: string, result: FluxApplyResult | undefined) => void;
}

export type ClusterLookup = ReadonlyMap<string, LocalCluster> | ((clusterId: string) => LocalCluster | undefined);

const clusterIdOf = (fluxId: string): string => fluxId.toLowerCase().split('/providers/microsoft.kubernetesconfiguration/')[0];

/** What makes a new generation: everything the user sets, nothing that the status writes. */
function specKey(r: ArmResource): string {
  const p = r.properties ?? {};
  return stableStringify({
    scope: p.scope,
    namespace: p.namespace,
    suspend: p.suspend,
    gitRepository: p.gitRepository,
    kustomizations: p.kustomizations,
  });
}

/** `main@sha1:abc` → `main/abc` (the shape of ARM's sourceSyncedCommitId), `sha1:abc` → `abc`. */
export function syncedCommitId(revision: string): string {
  const m = /^(?:(.+)@)?sha1:([0-9a-f]+)$/.exec(revision);
  return m ? (m[1] ? `${m[1]}/${m[2]}` : m[2]) : revision;
}

/** The ARM status of an applied configuration, from the emulation's result. */
export function fluxStatusFromResult(name: string, namespace: string, result: FluxApplyResult): Record<string, unknown> {
  const now = new Date().toISOString();
  const condition = (ready: boolean | 'unknown', reason: string, message: string) => [
    { lastTransitionTime: now, message, reason, status: ready === 'unknown' ? 'Unknown' : ready ? 'True' : 'False', type: 'Ready' },
  ];
  const kustomizations = result.kustomizations.map((k) => ({
    name: `${name}-${k.name}`,
    namespace,
    kind: 'Kustomization',
    complianceState: k.ready ? 'Compliant' : 'Non-Compliant',
    appliedBy: null,
    statusConditions: condition(k.ready, k.reason, k.message),
    helmReleaseProperties: null,
  }));
  const source = {
    name,
    namespace,
    kind: 'GitRepository',
    complianceState: 'Compliant',
    appliedBy: null,
    statusConditions: condition(true, 'Succeeded', `stored artifact for revision '${result.revision}'`),
    helmReleaseProperties: null,
  };
  return {
    complianceState: kustomizations.every((k) => k.complianceState === 'Compliant') ? 'Compliant' : 'Non-Compliant',
    statuses: [source, ...kustomizations],
    sourceSyncedCommitId: syncedCommitId(result.revision),
    sourceUpdatedAt: now,
    statusUpdatedAt: now,
  };
}

function sourceFailure(name: string, namespace: string, message: string): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    complianceState: 'Non-Compliant',
    statuses: [
      {
        name,
        namespace,
        kind: 'GitRepository',
        complianceState: 'Non-Compliant',
        appliedBy: null,
        statusConditions: [{ lastTransitionTime: now, message, reason: 'GitOperationFailed', status: 'False', type: 'Ready' }],
        helmReleaseProperties: null,
      },
    ],
    statusUpdatedAt: now,
  };
}

export function startFluxReconciler(
  store: SandboxStore,
  clusters: ClusterLookup,
  options: FluxReconcilerOptions = {},
): { stop(): Promise<void> } {
  const lookup = (id: string): LocalCluster | undefined =>
    typeof clusters === 'function' ? clusters(id) : (clusters.get(id) ?? clusters.get(id.toLowerCase()));
  /** Spec last picked up per configuration (lower-case id). */
  const seen = new Map<string, string>();
  /** Per configuration: the running reconciliation, and whether another is due after it. */
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const write = (id: string, key: string, status: Record<string, unknown>): void => {
    const current = store.get(id);
    if (stopped || !current || specKey(current) !== key) return;
    store.put({ ...current, properties: { ...current.properties, ...status } }, 'patch');
  };

  const reconcileReal = async (id: string, cluster: LocalCluster): Promise<void> => {
    const r = store.get(id);
    if (!r) return;
    const key = specKey(r);
    const p = r.properties ?? {};
    const namespace = String(p.namespace ?? 'default');
    if (p.suspend) return write(id, key, { complianceState: 'Suspended', statusUpdatedAt: new Date().toISOString() });
    let result: FluxApplyResult | undefined;
    try {
      result = await applyFluxConfiguration(cluster, p as FluxConfigurationProperties, {
        repoRoot: options.repoRoot,
        name: r.name,
        workDir: options.workDir,
        timeoutMs: options.timeoutMs,
      });
      write(id, key, fluxStatusFromResult(r.name, namespace, result));
    } catch (error) {
      write(id, key, sourceFailure(r.name, namespace, (error as Error).message));
    }
    options.onReconciled?.(id, result);
  };

  const schedule = (id: string, cluster: LocalCluster): void => {
    const k = id.toLowerCase();
    if (running.has(k)) {
      dirty.add(k);
      return;
    }
    const run = (async () => {
      do {
        dirty.delete(k);
        try {
          await reconcileReal(id, cluster);
        } catch (error) {
          options.onError?.(id, error as Error);
        }
      } while (dirty.has(k) && !stopped);
    })().finally(() => running.delete(k));
    running.set(k, run);
  };

  const onChange = (r: ArmResource | undefined): void => {
    if (stopped || !r || r.type.toLowerCase() !== FLUX_TYPE.toLowerCase()) return;
    if (r.properties?.provisioningState !== 'Succeeded') return;
    const k = r.id.toLowerCase();
    const key = specKey(r);
    if (seen.get(k) === key) return;
    seen.set(k, key);
    const clusterId = clusterIdOf(r.id);
    if (store.realClusters.has(clusterId)) {
      const cluster = lookup(clusterId);
      if (!cluster) {
        options.onError?.(r.id, new Error(`No local cluster backs ${clusterId}; its flux configuration stays Pending.`));
        return;
      }
      // A new generation is Pending until the controllers have reconciled it (set now, before any client reads).
      store.put({ ...r, properties: { ...r.properties, complianceState: 'Pending' } }, 'patch');
      schedule(r.id, cluster);
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

  const listener = (kind: string, id: string, action: string): void => {
    if (kind !== 'fluxConfiguration') return;
    if (action === 'delete') {
      seen.delete(id.toLowerCase());
      return;
    }
    onChange(store.get(id));
  };
  store.on('change', listener);
  for (const r of store.ofType(FLUX_TYPE)) onChange(r);

  // Flux polls its git source: real clusters pick up new commits without any ARM change.
  const lastRun = new Map<string, number>();
  const resync = setInterval(
    () => {
      const now = Date.now();
      for (const r of store.ofType(FLUX_TYPE)) {
        const clusterId = clusterIdOf(r.id);
        if (!store.realClusters.has(clusterId) || r.properties?.provisioningState !== 'Succeeded' || r.properties?.suspend) continue;
        const every =
          options.resyncMs ??
          Number((r.properties?.gitRepository as { syncIntervalInSeconds?: number } | undefined)?.syncIntervalInSeconds ?? 600) * 1000;
        const k = r.id.toLowerCase();
        if (now - (lastRun.get(k) ?? now) < every) {
          if (!lastRun.has(k)) lastRun.set(k, now);
          continue;
        }
        lastRun.set(k, now);
        const cluster = lookup(clusterId);
        if (cluster) schedule(r.id, cluster);
      }
    },
    Math.max(250, Math.min(options.resyncMs ?? 5000, 5000)),
  );
  resync.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(resync);
      store.off('change', listener);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}
