import { ConfigurationError, durationInput, integerInput, optionalString, requiredString, shown } from '@arc-actions/core';
import { clusterRef, parseClusterId, readAzureIdentityInputs, type AzureIdentityInputs, type ClusterRef } from '@arc-actions/azure';

export interface Inputs {
  identity: AzureIdentityInputs;
  /** The connected cluster to open (always an Arc connectedCluster: cluster connect is Arc's). */
  cluster: ClusterRef;
  /** A service account bearer token (a secret, masked): `az connectedk8s proxy --token`. Empty: Microsoft Entra. */
  token?: string;
  /** The proxy's local port; 0 picks a free one. */
  port: number;
  waitTimeoutMs: number;
}

const NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/;
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;

/** `cluster` is an ARM id, or a name with `resource-group` (and `subscription-id`). */
export function readCluster(subscriptionId: string | undefined): ClusterRef {
  const cluster = requiredString('cluster', { maxLength: 400 });
  const group = optionalString('resource-group', { maxLength: 90 });
  if (cluster.startsWith('/')) {
    const ref = parseClusterId(cluster, 'cluster');
    if (ref.type !== 'connectedClusters')
      throw new ConfigurationError(
        `Input "cluster" has ${shown(cluster)}, an AKS cluster; cluster connect opens Arc-connected clusters (Microsoft.Kubernetes/connectedClusters) only.`,
        'cluster',
      );
    if (group && group.toLowerCase() !== ref.resourceGroup.toLowerCase())
      throw new ConfigurationError(
        `Input "resource-group" has ${shown(group)}, but the cluster id is in resource group ${ref.resourceGroup}; leave resource-group empty when cluster is an id.`,
        'resource-group',
      );
    return ref;
  }
  if (!NAME.test(cluster))
    throw new ConfigurationError(
      `Input "cluster" has ${shown(cluster)}; allowed: a connected cluster's resource id, or its name (1-63 letters, digits, - _ .) with resource-group.`,
      'cluster',
    );
  if (!group)
    throw new ConfigurationError(
      `Input "resource-group" is empty; it is required when cluster is a name (${shown(cluster)}).`,
      'resource-group',
    );
  if (!RESOURCE_GROUP.test(group))
    throw new ConfigurationError(
      `Input "resource-group" has ${shown(group)}; allowed: a resource group name (1-90 letters, digits, - _ ( ) ., not ending in .).`,
      'resource-group',
    );
  if (!subscriptionId)
    throw new ConfigurationError(
      `Input "subscription-id" is empty; it is required when cluster is a name (${shown(cluster)}).`,
      'subscription-id',
    );
  return clusterRef(subscriptionId, group, cluster);
}

export function readInputs(): Inputs {
  const identity = readAzureIdentityInputs();
  // The token is a secret: masked before anything else can print it.
  const token = optionalString('token', { maxLength: 16384, secret: true });
  if (token && /\s/.test(token))
    throw new ConfigurationError(
      'Input "token" contains whitespace; give the service account token alone (one line, no "Bearer").',
      'token',
    );
  const cluster = readCluster(identity.subscriptionId);
  const port = integerInput('port', { default: 0, min: 0, max: 65535 });
  if (port > 0 && port < 1024)
    throw new ConfigurationError(`Input "port" has the value ${port}; allowed: 1024-65535, or 0 (empty) for a free port.`, 'port');
  const waitTimeoutMs = durationInput('wait-timeout', { default: '2m', min: '5s', max: '30m' });
  return { identity, cluster, token, port, waitTimeoutMs };
}
