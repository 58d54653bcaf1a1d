import { createHash } from 'node:crypto';
import { sleep } from '@arc-actions/core';
import type { LocalCluster } from '../clusters/cluster.js';
import { installMonitoring } from '../clusters/monitoring.js';
import { CRASH_LOOP_ANNOTATION } from '../clusters/pod-runner.js';
import { key } from '../state/ids.js';
import type { SandboxStore } from '../state/store.js';

/**
 * Plays the Azure Monitor (Container Insights) extension of clusters backed by a real apiserver: when an extension of
 * type Microsoft.AzureMonitor.Containers is created it installs the ama-logs workloads, and on every tick it ingests
 * the container logs of the cluster into the workspace the extension's `logAnalyticsWorkspaceResourceID` setting
 * names, as ContainerLogV2 rows (Learn, Azure Monitor reference, tables/containerlogv2): TimeGenerated, Computer,
 * ContainerId, ContainerName, PodName, PodNamespace, LogMessage, LogSource, LogLevel, KubernetesMetadata,
 * _ResourceId (the cluster's ARM id), TenantId (the workspace id), Type.
 *
 * There is no container runtime, so the only logs are those of crash-looping workloads (pods annotated
 * `sandbox.arc-actions.dev/crash-loop`, see pod-runner.ts): each restart writes the annotation's lines to stderr.
 * LogLevel comes from the line's leading word (CRITICAL/FATAL, ERROR, WARN/WARNING, INFO, DEBUG, TRACE; else UNKNOWN),
 * a simplification of the agent's own level detection.
 */
export interface MonitoringReconcilerOptions {
  intervalMs?: number;
  onError?: (cluster: string, error: unknown) => void;
}

const EXTENSION_TYPE = 'microsoft.azuremonitor.containers';
/** Rows kept per workspace table (oldest dropped first). */
const MAX_ROWS = 50_000;

export function logLevelOf(line: string): string {
  const word = /^\W*([A-Za-z]+)/.exec(line)?.[1]?.toUpperCase() ?? '';
  if (word === 'CRITICAL' || word === 'FATAL' || word === 'PANIC') return 'CRITICAL';
  if (word === 'ERROR' || word === 'ERR') return 'ERROR';
  if (word === 'WARN' || word === 'WARNING') return 'WARNING';
  if (['INFO', 'DEBUG', 'TRACE'].includes(word)) return word;
  return 'UNKNOWN';
}

interface Monitored {
  clusterId: string;
  cluster: LocalCluster;
  workspaceId: string;
}

export function startMonitoringReconciler(
  store: SandboxStore,
  lookup: (clusterId: string) => LocalCluster | undefined,
  options: MonitoringReconcilerOptions = {},
): { stop(): Promise<void> } {
  const installed = new Set<string>();
  /** Restarts already ingested, by cluster/namespace/pod/container. */
  const seen = new Map<string, number>();
  let stopped = false;

  const monitored = (): Monitored[] =>
    store
      .ofType('Microsoft.KubernetesConfiguration/extensions')
      .filter((e) => String(e.properties?.extensionType ?? '').toLowerCase() === EXTENSION_TYPE)
      .flatMap((e) => {
        const clusterKey = key(e.id).split('/providers/microsoft.kubernetesconfiguration/')[0];
        const cluster = lookup(clusterKey);
        const workspaceId = (e.properties?.configurationSettings as Record<string, string> | undefined)?.logAnalyticsWorkspaceResourceID;
        const armCluster = store.get(clusterKey);
        return cluster && workspaceId && armCluster ? [{ clusterId: armCluster.id, cluster, workspaceId }] : [];
      });

  const ingest = async (m: Monitored): Promise<void> => {
    const workspace = store.get(m.workspaceId);
    if (!workspace) return;
    const pods = await m.cluster.client.request<{ items: any[] }>('GET', '/api/v1/pods', { timeoutMs: 10000 });
    const rows: Record<string, unknown>[] = [];
    for (const pod of pods.items) {
      const lines = pod.metadata.annotations?.[CRASH_LOOP_ANNOTATION];
      if (lines === undefined) continue;
      for (const status of pod.status?.containerStatuses ?? []) {
        const id = `${m.clusterId}/${pod.metadata.namespace}/${pod.metadata.name}/${status.name}`.toLowerCase();
        const restarts = Number(status.restartCount ?? 0) + (status.lastState?.terminated ? 1 : 0);
        const before = seen.get(id) ?? 0;
        if (restarts <= before) continue;
        seen.set(id, restarts);
        const at = status.lastState?.terminated?.finishedAt ?? new Date().toISOString();
        const containerId = createHash('sha256').update(`${pod.metadata.uid}/${status.name}/${restarts}`).digest('hex');
        for (let n = before; n < restarts; n++)
          for (const line of String(lines).split('\n').filter(Boolean))
            rows.push({
              TimeGenerated: new Date(Date.parse(at)).toISOString(),
              Computer: pod.spec.nodeName ?? '',
              ContainerId: containerId,
              ContainerName: status.name,
              PodName: pod.metadata.name,
              PodNamespace: pod.metadata.namespace,
              LogMessage: line,
              LogSource: 'stderr',
              LogLevel: logLevelOf(line),
              KubernetesMetadata: {
                podUid: pod.metadata.uid,
                podLabels: pod.metadata.labels ?? {},
                podAnnotations: pod.metadata.annotations ?? {},
                image: status.image,
              },
              _ResourceId: m.clusterId,
              TenantId: String(workspace.properties?.customerId ?? ''),
              SourceSystem: 'Container',
              Type: 'ContainerLogV2',
            });
      }
    }
    if (!rows.length) return;
    const wsKey = workspace.id.toLowerCase();
    let tables = store.logTables.get(wsKey);
    if (!tables) store.logTables.set(wsKey, (tables = new Map()));
    const table = [...(tables.get('ContainerLogV2') ?? []), ...rows];
    tables.set('ContainerLogV2', table.slice(Math.max(0, table.length - MAX_ROWS)));
  };

  const loop = (async () => {
    while (!stopped) {
      for (const m of monitored()) {
        if (!installed.has(m.clusterId.toLowerCase())) {
          installed.add(m.clusterId.toLowerCase());
          installMonitoring(m.cluster).catch((e) => options.onError?.(m.cluster.name, e));
        }
        await ingest(m).catch((e) => options.onError?.(m.cluster.name, e));
      }
      await sleep(options.intervalMs ?? 2000);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
