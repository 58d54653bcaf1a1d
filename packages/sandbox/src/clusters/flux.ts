import { isAbsolute, join, resolve } from 'node:path';
import { ConfigurationError, sleep } from '@arc-actions/core';
import type { LocalCluster } from './cluster.js';
import { applyAll, ensureNamespace, INVENTORY_NS, NAME_LABEL, NS_LABEL, prune, ref, saveInventory } from './flux-apply.js';
import { buildPath, checkoutSource, type RepositoryRef } from './flux-source.js';
import { firstNotReady } from './workloads.js';

/** The ARM fluxConfiguration properties this emulation understands (GitRepository sources). */
export interface FluxConfigurationProperties {
  scope?: 'cluster' | 'namespace';
  /** Namespace of the configuration (default `default`, as in ARM). */
  namespace?: string;
  sourceKind?: 'GitRepository';
  suspend?: boolean;
  gitRepository: { url: string; repositoryRef?: RepositoryRef };
  kustomizations: Record<
    string,
    { name?: string; path?: string; dependsOn?: string[]; prune?: boolean; wait?: boolean; timeoutInSeconds?: number }
  >;
}

export interface FluxApplyOptions {
  /** A local git repository standing in for gitRepository.url when the url is remote (the sandbox has no network). */
  repoRoot?: string;
  /** Name of the fluxConfiguration resource (default `cluster-config`); objects are labelled `<name>-<kustomization>`. */
  name?: string;
  /** Where checkouts live (default `<cluster dir>/flux`). */
  workDir?: string;
  /** Upper bound per kustomization for apply + readiness (default min(timeoutInSeconds, 120) s). */
  timeoutMs?: number;
}

export interface KustomizationResult {
  name: string;
  appliedRevision?: string;
  ready: boolean;
  /** Flux's Ready condition reason: ReconciliationSucceeded, ReconciliationFailed, HealthCheckFailed, DependencyNotReady, PruneFailed. */
  reason: string;
  message: string;
  /** `Kind/namespace/name` of every object applied (the inventory). */
  objects: string[];
  pruned: string[];
}

export interface FluxEvent {
  at: string;
  kustomization: string;
  reason: string;
  message: string;
}

export interface FluxApplyResult {
  revision: string;
  kustomizations: KustomizationResult[];
  /** Timeline of this reconciliation (Progressing, Applied, Pruned, ReconciliationSucceeded, ...), in order. */
  events: FluxEvent[];
}

function localUrl(url: string, repoRoot: string | undefined): string {
  if (url.startsWith('file://') || isAbsolute(url) || url.startsWith('.')) return url.startsWith('.') ? resolve(url) : url;
  if (!repoRoot)
    throw new ConfigurationError(
      `The git url ${url} is not local and no repoRoot stands in for it; the sandbox cannot reach remote repositories.`,
      'gitRepository.url',
    );
  return repoRoot;
}

/** Kustomization names in dependency order; refuses cycles. */
function order(kustomizations: FluxConfigurationProperties['kustomizations']): string[] {
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done' || !kustomizations[name]) return;
    if (state.get(name) === 'visiting')
      throw new ConfigurationError(`The kustomizations have a dependency cycle: ${[...path, name].join(' -> ')}.`, 'dependsOn');
    state.set(name, 'visiting');
    for (const dep of kustomizations[name].dependsOn ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
    out.push(name);
  };
  for (const name of Object.keys(kustomizations).sort()) visit(name, []);
  return out;
}

/**
 * What the microsoft.flux extension does for one fluxConfiguration: checks out the source with git, builds each
 * kustomization, server-side applies it (field manager kustomize-controller, dry-run first so a denial applies
 * nothing), prunes what it applied before and is gone from the source, waits for workloads, honours dependsOn.
 */
export async function applyFluxConfiguration(
  cluster: LocalCluster,
  config: FluxConfigurationProperties,
  options: FluxApplyOptions = {},
): Promise<FluxApplyResult> {
  const configName = options.name ?? 'cluster-config';
  if (config.suspend) {
    const at = new Date().toISOString();
    const names = Object.keys(config.kustomizations);
    return {
      revision: '',
      kustomizations: names.map((name) => ({
        name,
        ready: false,
        reason: 'Suspended',
        message: 'Reconciliation is suspended for this object',
        objects: [],
        pruned: [],
      })),
      events: names.map((kustomization) => ({
        at,
        kustomization,
        reason: 'Suspended',
        message: 'Reconciliation is suspended for this object',
      })),
    };
  }
  const namespace = config.namespace ?? 'default';
  const checkout = join(options.workDir ?? join(cluster.dir, 'flux'), configName);
  const { revision } = await checkoutSource(
    localUrl(config.gitRepository.url, options.repoRoot),
    config.gitRepository.repositoryRef ?? { branch: 'master' },
    checkout,
  );
  const events: FluxEvent[] = [];
  const event = (kustomization: string, reason: string, message: string): void => {
    events.push({ at: new Date().toISOString(), kustomization, reason, message });
  };
  const results = new Map<string, KustomizationResult>();
  await ensureNamespace(cluster, INVENTORY_NS);

  for (const ksName of order(config.kustomizations)) {
    const ks = config.kustomizations[ksName];
    const fullName = `${configName}-${ksName}`;
    const result: KustomizationResult = {
      name: ksName,
      ready: false,
      reason: 'Progressing',
      message: 'Reconciliation in progress',
      objects: [],
      pruned: [],
    };
    results.set(ksName, result);
    const blocked = (ks.dependsOn ?? []).find((d) => !results.get(d)?.ready);
    if (blocked) {
      Object.assign(result, { reason: 'DependencyNotReady', message: `dependency '${namespace}/${configName}-${blocked}' is not ready` });
      event(ksName, result.reason, result.message);
      continue;
    }
    event(ksName, 'Progressing', `building ${ks.path ?? './'} at ${revision}`);
    const deadline = Date.now() + (options.timeoutMs ?? Math.min(ks.timeoutInSeconds ?? 600, 120) * 1000);
    try {
      const objects = await buildPath(checkout, ks.path ?? './');
      for (const o of objects) o.metadata.labels = { ...o.metadata.labels, [NAME_LABEL]: fullName, [NS_LABEL]: namespace };
      const failure = await applyAll(cluster, objects);
      if (failure) {
        Object.assign(result, { reason: 'ReconciliationFailed', message: failure });
        event(ksName, result.reason, failure);
        continue;
      }
      result.objects = objects.map(ref);
      result.appliedRevision = revision;
      event(ksName, 'Applied', `applied ${objects.length} objects at ${revision}`);
      if (ks.prune) {
        result.pruned = await prune(cluster, fullName, new Set(result.objects));
        if (result.pruned.length) event(ksName, 'Pruned', result.pruned.join(', '));
      }
      await saveInventory(cluster, fullName, objects);
      if (ks.wait !== false) {
        let waiting: string | undefined;
        while ((waiting = await firstNotReady(cluster.client, objects)) && Date.now() < deadline) await sleep(250);
        if (waiting) {
          Object.assign(result, { reason: 'HealthCheckFailed', message: `timeout waiting for: [${waiting}]` });
          event(ksName, result.reason, result.message);
          continue;
        }
      }
      Object.assign(result, { ready: true, reason: 'ReconciliationSucceeded', message: `Applied revision: ${revision}` });
      event(ksName, result.reason, result.message);
    } catch (error) {
      if (error instanceof ConfigurationError) Object.assign(result, { reason: 'BuildFailed', message: error.message });
      else Object.assign(result, { reason: 'ReconciliationFailed', message: (error as Error).message });
      event(ksName, result.reason, result.message);
    }
  }
  return {
    revision,
    kustomizations: Object.keys(config.kustomizations)
      .map((k) => results.get(k)!)
      .filter(Boolean),
    events,
  };
}
