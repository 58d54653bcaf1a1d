import { ConfigurationError, enumInput, integerInput, optionalString } from '@arc-actions/core';
import { readKubeconfigMap } from '@arc-actions/kube';
import type { AzureIdentityInputs } from '@arc-actions/azure';
import type { PreviewOptions } from './sample.js';

const ACCESS = ['kubeconfig', 'cluster-connect', 'none'] as const;
const RING = { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a ring name: lowercase letters, digits and -' };

/**
 * `preview-access`, `kubeconfigs`, `preview-ring`, `preview-max-clusters`: how the plan's deny-impact preview reads
 * clusters (apply and promote ignore them).
 */
export function readPreviewInputs(identity: AzureIdentityInputs): PreviewOptions {
  const access = enumInput('preview-access', ACCESS, 'none');
  const kubeconfigs = readKubeconfigMap('kubeconfigs');
  if (access === 'kubeconfig' && !Object.keys(kubeconfigs).length)
    throw new ConfigurationError(
      'Input "kubeconfigs" is empty but "preview-access" is kubeconfig; pass a YAML map of cluster name to kubeconfig from a secret, or set preview-access: cluster-connect.',
      'kubeconfigs',
    );
  if (access !== 'kubeconfig' && Object.keys(kubeconfigs).length)
    throw new ConfigurationError(
      `Input "kubeconfigs" is set but "preview-access" is ${access}; set preview-access: kubeconfig or remove kubeconfigs.`,
      'kubeconfigs',
    );
  const ring = optionalString('preview-ring', { pattern: RING });
  const maxClusters = integerInput('preview-max-clusters', { default: 3, min: 1, max: 50 });
  return {
    access,
    kubeconfigs,
    ring,
    maxClusters,
    login: process.env.ACTIONS_ID_TOKEN_REQUEST_URL
      ? { clientId: identity.clientId, tenantId: identity.tenantId, audience: identity.audience }
      : undefined,
  };
}
