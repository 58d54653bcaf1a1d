import { waitFor } from '@arc-actions/core';
import type { LocalCluster } from './cluster.js';
import type { KubeObject } from './rest.js';
import { firstNotReady } from './workloads.js';

const IMAGE = 'mcr.microsoft.com/azuremonitor/containerinsights/ciprod:3.1.30';

function workload(kind: 'DaemonSet' | 'Deployment', name: string): KubeObject {
  const labels = { component: name, 'kubernetes.azure.com/managedby': 'aks' };
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: 'kube-system', labels: { component: name, 'app.kubernetes.io/part-of': 'azuremonitor-containers' } },
    spec: {
      ...(kind === 'Deployment' ? { replicas: 1 } : {}),
      selector: { matchLabels: { component: name } },
      template: {
        metadata: { labels },
        spec: {
          automountServiceAccountToken: false,
          tolerations:
            kind === 'DaemonSet'
              ? [
                  { operator: 'Exists', effect: 'NoSchedule' },
                  { operator: 'Exists', effect: 'NoExecute' },
                ]
              : [],
          containers: [{ name: 'ama-logs', image: IMAGE, resources: { requests: { cpu: '75m', memory: '325Mi' } } }],
        },
      },
    },
  };
}

/**
 * The Azure Monitor extension's workloads: DaemonSet ama-logs (one pod per node, created by the controller-manager's
 * daemonset controller) and Deployment ama-logs-rs, in kube-system. Waits until both are ready unless wait is false.
 */
export async function installMonitoring(
  cluster: LocalCluster,
  options: { wait?: boolean; timeoutMs?: number } = {},
): Promise<{ ready: boolean; message?: string }> {
  const objects = [workload('DaemonSet', 'ama-logs'), workload('Deployment', 'ama-logs-rs')];
  for (const o of objects) await cluster.client.apply(o, 'azure-monitor-extension');
  if (options.wait === false) return { ready: false, message: 'not awaited' };
  let last: string | undefined;
  const done = await waitFor(
    async () => {
      last = await firstNotReady(cluster.client, objects);
      return last ? undefined : true;
    },
    { timeoutMs: options.timeoutMs ?? 60000, initialMs: 200, maxMs: 1000 },
  );
  return done.value ? { ready: true } : { ready: false, message: `timeout waiting for: [${last}]` };
}
