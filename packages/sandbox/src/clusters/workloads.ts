import type { KubeClient, KubeObject } from './rest.js';

/** Why a workload is not ready yet, or undefined when it is (kstatus-like rules for the common kinds). */
export function notReadyReason(object: any): string | undefined {
  const status = object?.status ?? {};
  const generation = object?.metadata?.generation ?? 0;
  const observed = status.observedGeneration ?? 0;
  switch (object?.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const want = object.spec?.replicas ?? 1;
      if (observed < generation) return 'the controller has not observed the latest generation';
      if ((status.readyReplicas ?? 0) < want || (status.updatedReplicas ?? (object.kind === 'ReplicaSet' ? want : 0)) < want)
        return `${status.readyReplicas ?? 0}/${want} replicas ready`;
      return undefined;
    }
    case 'DaemonSet': {
      if (observed < generation) return 'the controller has not observed the latest generation';
      const desired = status.desiredNumberScheduled ?? 0;
      if (desired === 0 || (status.numberReady ?? 0) < desired || (status.updatedNumberScheduled ?? 0) < desired)
        return `${status.numberReady ?? 0}/${desired} pods ready`;
      return undefined;
    }
    case 'Namespace':
      return status.phase === 'Active' ? undefined : `phase ${status.phase ?? 'unknown'}`;
    case 'CustomResourceDefinition':
      return (status.conditions ?? []).some((c: any) => c.type === 'Established' && c.status === 'True') ? undefined : 'not established';
    default:
      return undefined;
  }
}

/** The first object of `objects` that is not ready (re-read from the API server), or undefined when all are. */
export async function firstNotReady(client: KubeClient, objects: readonly KubeObject[]): Promise<string | undefined> {
  for (const o of objects) {
    const live = await client.get(o.apiVersion, o.kind, o.metadata.name, o.metadata.namespace);
    if (!live) return `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name} not found`;
    const reason = notReadyReason(live);
    if (reason) return `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}: ${reason}`;
  }
  return undefined;
}
