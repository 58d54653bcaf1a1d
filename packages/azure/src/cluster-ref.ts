import { ConfigurationError, shown } from '@arc-actions/core';

/**
 * A cluster, as every action names it: the ARM id parsed once into its parts. A `ClusterRef` travels from the input
 * (`targets`, a selector's Resource Graph row, `cluster-name`) to the report row; nothing re-splits the id by position
 * or lower-cases it again. `key` (the lower-cased id) is what maps, report rows and kubeconfigs are keyed by, because
 * two clusters may share a name in two resource groups.
 */

/** Arc-connected (`Microsoft.Kubernetes/connectedClusters`) or AKS (`Microsoft.ContainerService/managedClusters`). */
export type ClusterType = 'connectedClusters' | 'managedClusters';

export interface ClusterRef {
  /** The ARM id as Azure (or the user) spells it. */
  id: string;
  /** The id lower-cased: the key of every map and row. */
  key: string;
  /** Lower-cased GUID. */
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  type: ClusterType;
}

/** Each cluster type's resource provider, its ARM type, its Resource Graph type and the api-version of a generic GET. */
export const CLUSTER_RP: Record<
  ClusterType,
  { clusterRp: string; clusterResourceName: string; armType: string; graphType: string; apiVersion: string; label: string }
> = {
  connectedClusters: {
    clusterRp: 'Microsoft.Kubernetes',
    clusterResourceName: 'connectedClusters',
    armType: 'Microsoft.Kubernetes/connectedClusters',
    graphType: 'microsoft.kubernetes/connectedclusters',
    apiVersion: '2024-01-01',
    label: 'Arc',
  },
  managedClusters: {
    clusterRp: 'Microsoft.ContainerService',
    clusterResourceName: 'managedClusters',
    armType: 'Microsoft.ContainerService/managedClusters',
    graphType: 'microsoft.containerservice/managedclusters',
    apiVersion: '2025-01-01',
    label: 'AKS',
  },
};

const CLUSTER_ID =
  /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]{1,90})\/providers\/(Microsoft\.Kubernetes\/connectedClusters|Microsoft\.ContainerService\/managedClusters)\/([A-Za-z0-9][-A-Za-z0-9_.]{0,62})$/i;

/** Parses the ARM id of an Arc-connected or AKS cluster; throws a ConfigurationError naming the input otherwise. */
export function parseClusterId(id: string, input = 'targets'): ClusterRef {
  const match = CLUSTER_ID.exec(id.trim());
  if (!match) {
    throw new ConfigurationError(
      `Input "${input}" has ${shown(id)}, which is not a cluster resource id; expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name> (or Microsoft.ContainerService/managedClusters).`,
      input,
    );
  }
  const type: ClusterType = match[3].toLowerCase().startsWith('microsoft.kubernetes/') ? 'connectedClusters' : 'managedClusters';
  return {
    id: match[0],
    key: match[0].toLowerCase(),
    subscriptionId: match[1].toLowerCase(),
    resourceGroup: match[2],
    name: match[4],
    type,
  };
}

/** The ref of a cluster named by its parts (arc-connect's `cluster-name` and `resource-group`). */
export function clusterRef(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  type: ClusterType = 'connectedClusters',
): ClusterRef {
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${CLUSTER_RP[type].armType}/${name}`;
  return { id, key: id.toLowerCase(), subscriptionId: subscriptionId.toLowerCase(), resourceGroup, name, type };
}

/** The ref of a Resource Graph or ARM row (`id`, and `type` when the row has it); undefined when the id is not a cluster's. */
export function refOfRow(row: { id: string }): ClusterRef | undefined {
  try {
    return parseClusterId(row.id);
  } catch {
    return undefined;
  }
}

/**
 * The key of the cluster that a child resource belongs to (an extension, a Flux configuration, a policy state's
 * resource): the lower-cased id up to the cluster's name.
 */
export function clusterKeyOf(resourceId: string): string {
  const lower = resourceId.toLowerCase();
  const cut = lower.indexOf('/providers/microsoft.kubernetesconfiguration/');
  return cut >= 0 ? lower.slice(0, cut) : lower;
}

/**
 * How report rows show each cluster: its name, or its id where two clusters of the list share that name (two resource
 * groups, two subscriptions), so that no two rows read the same.
 */
export function clusterLabels(refs: readonly Pick<ClusterRef, 'key' | 'name' | 'id'>[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of refs) count.set(r.name.toLowerCase(), (count.get(r.name.toLowerCase()) ?? 0) + 1);
  return new Map(refs.map((r) => [r.key, (count.get(r.name.toLowerCase()) ?? 0) > 1 ? r.id : r.name]));
}

/** "AKS cluster x" or "cluster x", for messages. */
export const describeCluster = (c: Pick<ClusterRef, 'name' | 'type'>): string =>
  `${c.type === 'managedClusters' ? 'AKS cluster' : 'cluster'} ${c.name}`;
