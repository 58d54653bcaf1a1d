import type { LocalCluster } from './cluster.js';
import {
  CONFIGURATION_LABEL,
  fluxObjects,
  KUSTOMIZE_API,
  secretName,
  SOURCE_API,
  type FluxConfigurationProperties,
  type ProtectedSettings,
} from './flux-objects.js';
import type { KubeObject } from './rest.js';

/**
 * The sandbox's fluxconfig-agent for a real local cluster: it writes the Flux objects of an ARM fluxConfiguration
 * into the API server (the real source-controller and kustomize-controller reconcile them: clone, build, apply,
 * prune, health, dependsOn) and reads their status back in the shape ARM reports.
 */

export type { FluxConfigurationProperties, ProtectedSettings } from './flux-objects.js';

const AGENT = 'fluxconfig-agent';

/** Creates or updates the configuration's Secret, GitRepository and Kustomizations; deletes the Kustomizations it no longer has. */
export async function applyFluxConfiguration(
  cluster: LocalCluster,
  name: string,
  props: FluxConfigurationProperties,
  settings: ProtectedSettings = {},
): Promise<void> {
  const { namespace, secret, gitRepository, kustomizations } = fluxObjects(name, props, settings);
  const { client } = cluster;
  await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, AGENT);
  if (secret) await client.apply(secret, AGENT);
  else await client.delete('v1', 'Secret', secretName(name), namespace);
  await client.apply(gitRepository, AGENT);
  for (const k of kustomizations) await client.apply(k, AGENT);
  const wanted = new Set(kustomizations.map((k) => k.metadata.name));
  const existing = await client.list<KubeObject>(KUSTOMIZE_API, 'Kustomization', {
    namespace,
    labelSelector: `${CONFIGURATION_LABEL}=${name}`,
  });
  for (const k of existing)
    if (!wanted.has(k.metadata.name)) await client.delete(KUSTOMIZE_API, 'Kustomization', k.metadata.name, namespace);
}

/** Deletes the configuration's Flux objects (kustomize-controller's finalizer prunes what a `prune: true` Kustomization applied). */
export async function deleteFluxConfiguration(cluster: LocalCluster, name: string, namespace: string): Promise<void> {
  const { client } = cluster;
  const selector = `${CONFIGURATION_LABEL}=${name}`;
  for (const k of await client.list<KubeObject>(KUSTOMIZE_API, 'Kustomization', { namespace, labelSelector: selector }))
    await client.delete(KUSTOMIZE_API, 'Kustomization', k.metadata.name, namespace);
  await client.delete(SOURCE_API, 'GitRepository', name, namespace);
  await client.delete('v1', 'Secret', secretName(name), namespace);
}

export type ComplianceState = 'Compliant' | 'Non-Compliant' | 'Pending' | 'Suspended';

export interface StatusCondition {
  lastTransitionTime: string;
  message: string;
  reason: string;
  status: string;
  type: string;
}

/** One entry of the ARM resource's `statuses`. */
export interface ObjectStatus {
  name: string;
  namespace: string;
  kind: 'GitRepository' | 'Kustomization';
  complianceState: ComplianceState;
  appliedBy: null;
  statusConditions: StatusCondition[];
  helmReleaseProperties: null;
}

/** The read-only properties fluxconfig-agent reports on the ARM resource. */
export interface FluxStatus {
  complianceState: ComplianceState;
  statuses: ObjectStatus[];
  sourceSyncedCommitId: string | null;
  sourceUpdatedAt: string | null;
}

/** The parts of a GitRepository or Kustomization that its status is read from. */
interface FluxObject {
  metadata: { name: string; generation?: number };
  spec?: { suspend?: boolean };
  status?: {
    observedGeneration?: number;
    conditions?: (Partial<StatusCondition> & { observedGeneration?: number })[];
    artifact?: { revision?: string; lastUpdateTime?: string };
  };
}

/** `main@sha1:abc` → `main/abc` (the shape of ARM's sourceSyncedCommitId), `sha1:abc` → `abc`. */
export function syncedCommitId(revision: string): string {
  const m = /^(?:(.+)@)?sha1:([0-9a-f]+)$/.exec(revision);
  return m ? (m[1] ? `${m[1]}/${m[2]}` : m[2]) : revision;
}

/**
 * An object's compliance from its own status: Suspended when suspended, Pending until the controller has observed
 * the current generation or while Ready is Unknown, Compliant when Ready is True, Non-Compliant when it is False.
 * Flux leaves `status.observedGeneration` behind when a reconciliation fails; the Ready condition's own
 * `observedGeneration` says which generation it is about.
 */
export function objectCompliance(object: FluxObject | undefined): ComplianceState {
  if (!object) return 'Pending';
  if (object.spec?.suspend) return 'Suspended';
  const ready = (object.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if ((ready?.observedGeneration ?? object.status?.observedGeneration ?? 0) < (object.metadata.generation ?? 1)) return 'Pending';
  return ready?.status === 'True' ? 'Compliant' : ready?.status === 'False' ? 'Non-Compliant' : 'Pending';
}

function objectStatus(kind: ObjectStatus['kind'], name: string, namespace: string, object: FluxObject | undefined): ObjectStatus {
  const conditions = (object?.status?.conditions ?? []).map((c) => ({
    lastTransitionTime: c.lastTransitionTime ?? '',
    message: c.message ?? '',
    reason: c.reason ?? '',
    status: c.status ?? 'Unknown',
    type: c.type ?? '',
  }));
  // Ready first: readers that look at one condition look at the first.
  conditions.sort((a, b) => Number(b.type === 'Ready') - Number(a.type === 'Ready'));
  return {
    name,
    namespace,
    kind,
    complianceState: objectCompliance(object),
    appliedBy: null,
    statusConditions: conditions,
    helmReleaseProperties: null,
  };
}

/** Aggregate: Suspended if all are, else Non-Compliant if any is, else Pending if any is, else Compliant. */
function overall(states: ComplianceState[]): ComplianceState {
  if (states.length && states.every((s) => s === 'Suspended')) return 'Suspended';
  if (states.includes('Non-Compliant')) return 'Non-Compliant';
  if (states.includes('Pending')) return 'Pending';
  return 'Compliant';
}

/** Reads the configuration's GitRepository and Kustomizations and reports them as fluxconfig-agent does on the ARM resource. */
export async function readFluxStatus(
  cluster: LocalCluster,
  name: string,
  namespace: string,
  kustomizations: readonly string[],
): Promise<FluxStatus> {
  const { client } = cluster;
  const source = await client.get<FluxObject>(SOURCE_API, 'GitRepository', name, namespace);
  const statuses = [objectStatus('GitRepository', name, namespace, source)];
  for (const k of kustomizations) {
    const full = `${name}-${k}`;
    statuses.push(
      objectStatus('Kustomization', full, namespace, await client.get<FluxObject>(KUSTOMIZE_API, 'Kustomization', full, namespace)),
    );
  }
  const artifact = source?.status?.artifact;
  return {
    complianceState: overall(statuses.map((s) => s.complianceState)),
    statuses,
    sourceSyncedCommitId: artifact?.revision ? syncedCommitId(artifact.revision) : null,
    sourceUpdatedAt: artifact?.lastUpdateTime ?? null,
  };
}
