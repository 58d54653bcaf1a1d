import { join } from 'node:path';
import { resolveClusterBins } from './bins.js';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from './cluster.js';

const NAMES = [
  'eks-prod-use1',
  'gke-loyalty',
  'onprem-dc1',
  'k3s-store-0042',
  'rke2-factory-fra1',
  'openshift-payments',
  'eks-dev-usw2',
  'gke-analytics-euw1',
  'onprem-dc2',
  'tkg-branch-nyc',
];

/** Fleet-like cluster names: the first three, then more, then `edge-<n>`. */
export function fleetClusterNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => NAMES[i] ?? `edge-${String(i + 1).padStart(3, '0')}`);
}

/** The Arc distribution a fleet name suggests (eks, gke, k3s, rke2, openshift, tkg, else generic). */
export function distributionOf(name: string): string {
  const prefix = name.split('-')[0];
  return ['eks', 'gke', 'k3s', 'rke2', 'openshift', 'tkg'].includes(prefix) ? prefix : 'generic';
}

/**
 * Starts `n` clusters in parallel under `dir/<name>`, sharing the built binaries. If one fails to start, the others
 * are stopped and the first error is thrown.
 */
export async function startFleet(
  n: number,
  dir: string,
  options: Omit<LocalClusterOptions, 'name' | 'dir' | 'bins'> = {},
): Promise<LocalCluster[]> {
  const bins = await resolveClusterBins();
  const settled = await Promise.allSettled(
    fleetClusterNames(n).map((name) => startLocalCluster({ ...options, name, dir: join(dir, name), bins })),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const clusters = settled.filter((s): s is PromiseFulfilledResult<LocalCluster> => s.status === 'fulfilled').map((s) => s.value);
  if (failed) {
    await Promise.all(clusters.map((c) => c.stop()));
    throw failed.reason;
  }
  return clusters;
}

/** Stops every cluster (in parallel). */
export async function stopFleet(clusters: readonly LocalCluster[]): Promise<void> {
  await Promise.all(clusters.map((c) => c.stop()));
}
