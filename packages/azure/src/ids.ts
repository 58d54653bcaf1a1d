import { ConfigurationError, shown } from '@arc-actions/core';

/** The parts of an ARM resource id that the actions use. */
export interface ResourceId {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  provider: string;
  type: string;
  name: string;
}

const CLUSTER_ID =
  /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]{1,90})\/providers\/(Microsoft\.Kubernetes\/connectedClusters|Microsoft\.ContainerService\/managedClusters)\/([A-Za-z0-9][-A-Za-z0-9_.]{0,62})$/i;

/** Parses the ARM id of an Arc-connected or AKS cluster; throws a ConfigurationError naming the input otherwise. */
export function parseClusterId(id: string, input = 'targets'): ResourceId {
  const match = CLUSTER_ID.exec(id.trim());
  if (!match) {
    throw new ConfigurationError(
      `Input "${input}" has ${shown(id)}, which is not a cluster resource id; expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.Kubernetes/connectedClusters/<name> (or Microsoft.ContainerService/managedClusters).`,
      input,
    );
  }
  const [provider, type] = match[3].split('/');
  return { id: match[0], subscriptionId: match[1].toLowerCase(), resourceGroup: match[2], provider, type, name: match[4] };
}

export function clusterId(
  subscriptionId: string,
  resourceGroup: string,
  name: string,
  type = 'Microsoft.Kubernetes/connectedClusters',
): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}
