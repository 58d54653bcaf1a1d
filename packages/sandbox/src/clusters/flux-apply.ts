import { sleep } from '@arc-actions/core';
import type { LocalCluster } from './cluster.js';
import { CLUSTER_SCOPED } from './flux-source.js';
import { KubeApiError, type KubeObject } from './rest.js';
import { firstNotReady } from './workloads.js';

export const MANAGER = 'kustomize-controller';
export const INVENTORY_NS = 'flux-system';
export const NAME_LABEL = 'kustomize.toolkit.fluxcd.io/name';
export const NS_LABEL = 'kustomize.toolkit.fluxcd.io/namespace';

/** `Kind/namespace/name` (or `Kind/name` for cluster-scoped objects). */
export const ref = (o: KubeObject): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`.replace('//', '/');

export async function ensureNamespace(cluster: LocalCluster, name: string): Promise<void> {
  if (!(await cluster.client.get('v1', 'Namespace', name)))
    await cluster.client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, MANAGER);
}

/** Stage 1 (Namespaces, CRDs) applied first; the rest dry-run as a whole, then applied. Returns a failure message. */
export async function applyAll(cluster: LocalCluster, objects: KubeObject[]): Promise<string | undefined> {
  const first = objects.filter((o) => o.kind === 'Namespace' || o.kind === 'CustomResourceDefinition');
  const rest = objects.filter((o) => !first.includes(o));
  const attempt = async (o: KubeObject, dryRun: boolean): Promise<string | undefined> => {
    try {
      await cluster.client.apply(o, MANAGER, { dryRun });
      return undefined;
    } catch (error) {
      const reason = error instanceof KubeApiError && error.reason ? ` (${error.reason})` : '';
      return `${ref(o)} ${dryRun ? 'dry-run' : 'apply'} failed${reason}: ${(error as Error).message}`;
    }
  };
  for (const o of first) {
    const failure = await attempt(o, false);
    if (failure) return failure;
  }
  const deadline = Date.now() + 60000;
  while (first.length && (await firstNotReady(cluster.client, first)) && Date.now() < deadline) await sleep(200);
  for (const o of rest) {
    if (!o.metadata.namespace && !CLUSTER_SCOPED.has(o.kind)) {
      const info = await cluster.client.resourceFor(o.apiVersion, o.kind).catch(() => undefined);
      if (info?.namespaced ?? true) o.metadata.namespace = 'default';
    }
  }
  for (const o of rest) {
    const failure = await attempt(o, true);
    if (failure) return failure;
  }
  for (const o of rest) {
    const failure = await attempt(o, false);
    if (failure) return failure;
  }
  return undefined;
}

type InventoryEntry = { apiVersion: string; kind: string; namespace?: string; name: string };

async function loadInventory(cluster: LocalCluster, fullName: string): Promise<InventoryEntry[]> {
  const cm = await cluster.client.get('v1', 'ConfigMap', `${fullName}-inventory`, INVENTORY_NS);
  return cm?.data?.entries ? (JSON.parse(cm.data.entries) as InventoryEntry[]) : [];
}

/** The inventory (Flux keeps it in the Kustomization status; here a ConfigMap in flux-system). */
export async function saveInventory(cluster: LocalCluster, fullName: string, objects: KubeObject[]): Promise<void> {
  const entries: InventoryEntry[] = objects.map((o) => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    namespace: o.metadata.namespace,
    name: o.metadata.name,
  }));
  await cluster.client.apply(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${fullName}-inventory`, namespace: INVENTORY_NS, labels: { [NAME_LABEL]: fullName } },
      data: { entries: JSON.stringify(entries) },
    },
    MANAGER,
  );
}

/** Deletes what the previous inventory had and the source no longer has, if it still carries our label. */
export async function prune(cluster: LocalCluster, fullName: string, keep: Set<string>): Promise<string[]> {
  const pruned: string[] = [];
  for (const entry of await loadInventory(cluster, fullName)) {
    const id = `${entry.kind}/${entry.namespace ?? ''}/${entry.name}`.replace('//', '/');
    if (keep.has(id)) continue;
    const live = await cluster.client.get(entry.apiVersion, entry.kind, entry.name, entry.namespace).catch(() => undefined);
    if (!live || live.metadata?.labels?.[NAME_LABEL] !== fullName) continue;
    if (
      live.metadata?.labels?.['kustomize.toolkit.fluxcd.io/prune'] === 'disabled' ||
      live.metadata?.annotations?.['kustomize.toolkit.fluxcd.io/prune'] === 'disabled'
    )
      continue;
    await cluster.client.delete(entry.apiVersion, entry.kind, entry.name, entry.namespace);
    pruned.push(id);
  }
  return pruned;
}
