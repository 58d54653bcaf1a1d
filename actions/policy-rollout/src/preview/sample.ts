import type { KubeConfig } from '@kubernetes/client-node';
import { kqlString, queryGraph, type ArmClients } from '@arc-actions/azure';
import { loadKubeConfig, startClusterConnect, type AzLogin } from '@arc-actions/kube';
import { graphScopeOf } from '../fleet-evidence.js';

export type PreviewAccess = 'kubeconfig' | 'cluster-connect' | 'none';

export interface PreviewOptions {
  access: PreviewAccess;
  /** Cluster name → kubeconfig content (secrets, already masked). */
  kubeconfigs: Record<string, string>;
  /** Sample only the clusters of this ring (the ring's locations), for assignments that have it. */
  ring?: string;
  /** At most this many clusters per assignment (the first by name). */
  maxClusters: number;
  /** For cluster connect: the identity `az` logs in with (absent outside GitHub Actions). */
  login?: AzLogin;
}

export interface InventoryCluster {
  id: string;
  name: string;
  location?: string;
  resourceGroup: string;
  subscriptionId: string;
  connectivityStatus?: string;
}

/** The connected clusters an assignment's scope covers (optionally only those in `locations`), from Resource Graph. */
export async function clustersInScope(
  clients: ArmClients,
  scope: string,
  locations?: string[],
): Promise<{ clusters: InventoryCluster[]; complete: boolean }> {
  const { scope: graphScope, where } = graphScopeOf(scope);
  const result = await queryGraph<InventoryCluster>(
    clients,
    [
      "resources\n| where type =~ 'microsoft.kubernetes/connectedclusters'",
      ...where,
      ...(locations?.length ? [`| where location in~ (${locations.map(kqlString).join(', ')})`] : []),
      '| project id, name, location, resourceGroup, subscriptionId, connectivityStatus = tostring(properties.connectivityStatus)',
      '| order by name asc',
    ].join('\n'),
    graphScope,
  );
  return { clusters: result.rows, complete: result.complete };
}

export interface Sample {
  sampled: InventoryCluster[];
  /** Clusters in scope that were not sampled, with why (no kubeconfig, beyond max-clusters). */
  notSampled: { cluster: string; reason: string }[];
  note?: string;
}

/** Which clusters of those in scope the preview reads: with kubeconfig access, those that have one; at most max. */
export function chooseSample(inScope: InventoryCluster[], options: PreviewOptions): Sample {
  const notSampled: Sample['notSampled'] = [];
  const candidates: InventoryCluster[] = [];
  for (const c of inScope) {
    if (options.access === 'kubeconfig' && !(c.name in options.kubeconfigs)) notSampled.push({ cluster: c.name, reason: 'no kubeconfig' });
    else candidates.push(c);
  }
  const sampled = candidates.slice(0, options.maxClusters);
  for (const c of candidates.slice(options.maxClusters))
    notSampled.push({ cluster: c.name, reason: `beyond preview-max-clusters (${options.maxClusters})` });
  return { sampled, notSampled };
}

/** Opens one cluster read-only, runs `read`, and closes whatever was opened (the cluster connect proxy). */
export async function withCluster<T>(
  cluster: InventoryCluster,
  options: PreviewOptions,
  port: number,
  read: (kc: KubeConfig) => Promise<T>,
): Promise<T> {
  if (options.access === 'kubeconfig') {
    const kubeconfig = options.kubeconfigs[cluster.name];
    if (!kubeconfig) throw new Error('no kubeconfig for this cluster in "kubeconfigs"');
    return read(await loadKubeConfig({ kubeconfig, input: 'kubeconfigs' }));
  }
  const session = await startClusterConnect(cluster, { port, login: options.login });
  try {
    return await read(await loadKubeConfig({ kubeconfig: session.kubeconfig, input: 'kubeconfigs' }));
  } finally {
    await session.stop();
  }
}
