import type { KubeConfig } from '@kubernetes/client-node';
import { ConfigurationError, maskSecret } from '@arc-actions/core';

export interface ClusterAccessOptions {
  /** Kubeconfig content (a secret). When empty, the runner's KUBECONFIG or ~/.kube/config is used. */
  kubeconfig?: string;
  /** A context of that kubeconfig; its current context when empty. */
  context?: string;
  /** Which input the kubeconfig came from, for error messages. */
  input?: string;
}

/** Registers every credential inside a kubeconfig as a secret (tokens, keys, passwords, client certificates). */
export function maskKubeconfig(text: string): void {
  maskSecret(text);
  for (const match of text.matchAll(
    /^\s*(token|client-key-data|client-certificate-data|password|id-token|refresh-token):\s*["']?([^"'\s]+)/gm,
  )) {
    maskSecret(match[2]);
  }
}

/** Loads a kubeconfig (lazily importing the Kubernetes client, which is large). */
export async function loadKubeConfig(options: ClusterAccessOptions): Promise<KubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  const input = options.input ?? 'kubeconfig';
  if (options.kubeconfig) {
    maskKubeconfig(options.kubeconfig);
    try {
      kc.loadFromString(options.kubeconfig);
    } catch (error) {
      throw new ConfigurationError(`Input "${input}" is not a valid kubeconfig (${(error as Error).message.split('\n')[0]}).`, input);
    }
  } else {
    kc.loadFromDefault();
  }
  if (options.context) {
    if (!kc.getContexts().some((c) => c.name === options.context)) {
      throw new ConfigurationError(
        `Input "kube-context" names "${options.context}", which is not in the kubeconfig; it has: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(', ') || 'no contexts'
        }.`,
        'kube-context',
      );
    }
    kc.setCurrentContext(options.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new ConfigurationError(`Input "${input}" has no current cluster; set current-context or the "kube-context" input.`, input);
  }
  return kc;
}
