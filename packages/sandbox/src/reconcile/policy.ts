import { errorMessage } from '@arc-actions/core';
import {
  readAuditResults,
  syncPolicyAssignments,
  type PolicyAssignment,
  type PolicyAssignmentDefinition,
  type PolicyEffect,
  type PolicyInstallFailure,
} from '../clusters/policy.js';
import { kubernetesDefinition } from '../clusters/policy-definitions.js';
import type { LocalCluster } from '../clusters/cluster.js';
import { builtIns } from '../arm/policy-builtins.js';
import { POLICY_ASSIGNMENT_TYPE } from '../arm/policy.js';
import { applyExemptions } from '../arm/policy-exemptions.js';
import { key } from '../state/ids.js';
import type { SandboxStore } from '../state/store.js';
import type { ArmResource, PolicyStateRecord } from '../state/types.js';

/**
 * Plays the Azure Policy add-on for clusters backed by a real apiserver: on every tick, for each cluster with a
 * Succeeded `Microsoft.PolicyInsights` extension, it turns the assignments in scope (inherited from management groups,
 * subscription and resource group; effect overrides by resource location applied) into Gatekeeper templates and
 * constraints (built-in definitions with Azure Policy's templates, custom ones with their Base64 template), then
 * reports one state per assignment and definition: Gatekeeper's audit as Compliant / NonCompliant with components, or
 * Error / Conflict for a definition that could not be installed.
 */
export interface PolicyReconcilerOptions {
  intervalMs?: number;
  /**
   * How soon a sync that left definitions uninstalled is tried again with unchanged assignments (the add-on retries on
   * its next sync cycle; a template Gatekeeper was too slow to compile on a loaded machine installs then). Default 20 s.
   */
  retryFailedMs?: number;
  onError?: (cluster: string, error: unknown) => void;
}

const EXTENSION_TYPE = 'Microsoft.KubernetesConfiguration/extensions';
const PARAM_REF = /^\[parameters\('([^']+)'\)\]$/;

const valueOf = (params: Record<string, { value?: unknown }> | undefined, name: string) => params?.[name]?.value;

function definitionOf(store: SandboxStore, id: string): ArmResource | undefined {
  const name = id.split('/').pop()!.toLowerCase();
  const isSet = /\/policysetdefinitions\//i.test(id);
  return store.get(id) ?? (isSet ? builtIns().sets : builtIns().definitions).get(name);
}

/** A custom definition (one the store holds, not a built-in of the fixtures) travels with the assignment. */
function customDefinition(store: SandboxStore, id: string) {
  const resource = store.get(id);
  if (!resource || resource.properties?.policyType === 'BuiltIn') return undefined;
  return kubernetesDefinition(resource.name, (resource.properties ?? {}) as Record<string, any>);
}

/** The assignment as the add-on sees it for one cluster: resolved effect and one entry per Kubernetes definition. */
export function assignmentForCluster(
  store: SandboxStore,
  assignment: ArmResource,
  location: string | undefined,
): PolicyAssignment | undefined {
  const p = (assignment.properties ?? {}) as Record<string, any>;
  const definition = definitionOf(store, p.policyDefinitionId ?? '');
  if (!definition) return undefined;
  // DeployIfNotExists and other Resource Manager definitions (mode Indexed/All) are Azure Policy's, not the add-on's.
  const isSetDefinition = /\/policysetdefinitions\//i.test(p.policyDefinitionId ?? '');
  if (!isSetDefinition && String(definition.properties?.mode ?? '').toLowerCase() !== 'microsoft.kubernetes.data') return undefined;
  const params = (p.parameters ?? {}) as Record<string, { value?: unknown }>;
  const declared = (definition.properties?.parameters ?? {}) as Record<string, { defaultValue?: unknown }>;
  const param = (name: string) => valueOf(params, name) ?? declared[name]?.defaultValue;
  let effect = String(param('effect') ?? 'Audit');
  for (const o of (p.overrides ?? []) as {
    kind?: string;
    value?: string;
    selectors?: { kind?: string; in?: string[]; notIn?: string[] }[];
  }[]) {
    if (o.kind !== 'policyEffect' || !o.value) continue;
    const matches = (o.selectors ?? []).every(
      (s) => s.kind !== 'resourceLocation' || (s.in ? s.in.includes(location ?? '') : !(s.notIn ?? []).includes(location ?? '')),
    );
    if (matches) effect = o.value;
  }
  const resolve = (value: unknown) => {
    const ref = typeof value === 'string' ? PARAM_REF.exec(value) : null;
    return ref ? param(ref[1]) : value;
  };
  const isSet = /\/policysetdefinitions\//i.test(p.policyDefinitionId);
  const definitions: PolicyAssignmentDefinition[] = isSet
    ? ((definition.properties?.policyDefinitions ?? []) as any[]).map((m) => ({
        definitionId: m.policyDefinitionId,
        definition: customDefinition(store, m.policyDefinitionId),
        definitionReferenceId: m.policyDefinitionReferenceId,
        definitionVersion: m.definitionVersion,
        parameters: Object.fromEntries(
          Object.entries((m.parameters ?? {}) as Record<string, { value?: unknown }>)
            .filter(([k]) => k !== 'effect')
            .map(([k, v]) => [k, resolve(v.value)]),
        ),
      }))
    : [
        {
          definitionId: p.policyDefinitionId,
          definition: customDefinition(store, p.policyDefinitionId),
          parameters: Object.fromEntries(
            Object.keys(params)
              .filter((k) => k !== 'effect')
              .map((k) => [k, valueOf(params, k)]),
          ),
        },
      ];
  const normal = (effect.charAt(0).toUpperCase() + effect.slice(1).toLowerCase()) as PolicyEffect;
  return {
    id: assignment.id,
    name: assignment.name,
    effect: normal,
    enforcementMode: String(p.enforcementMode ?? 'Default').toLowerCase() === 'donotenforce' ? 'DoNotEnforce' : 'Default',
    setDefinitionId: isSet ? p.policyDefinitionId : undefined,
    definitions,
  };
}

function hasPolicyExtension(store: SandboxStore, clusterId: string): boolean {
  const prefix = `${key(clusterId)}/providers/microsoft.kubernetesconfiguration/extensions/`;
  return store
    .ofType(EXTENSION_TYPE)
    .some(
      (e) =>
        key(e.id).startsWith(prefix) &&
        String(e.properties?.extensionType ?? '').toLowerCase() === 'microsoft.policyinsights' &&
        e.properties?.provisioningState === 'Succeeded',
    );
}

export function startPolicyReconciler(
  store: SandboxStore,
  lookup: (clusterId: string) => LocalCluster | undefined,
  options: PolicyReconcilerOptions = {},
): { stop(): Promise<void>; tick(): Promise<void> } {
  const interval = options.intervalMs ?? 3000;
  /** Per cluster: what was last synced, and the definitions that could not be installed then (with when). */
  const synced = new Map<string, { signature: string; failures: PolicyInstallFailure[]; at: string; atMs: number }>();
  const retryFailedMs = options.retryFailedMs ?? 20_000;
  /** Failures already reported through onError (the add-on logs them in its pod). */
  const reported = new Set<string>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const one = async (clusterId: string) => {
    const cluster = lookup(clusterId);
    const resource = store.get(clusterId);
    if (!cluster?.gatekeeper || !resource) return;
    const chain = new Set(store.scopeChain(clusterId).map(key));
    const assignments = hasPolicyExtension(store, clusterId)
      ? store
          .ofType(POLICY_ASSIGNMENT_TYPE)
          .filter((a) => chain.has(key(String(a.properties?.scope ?? a.id.split('/providers/Microsoft.Authorization/')[0]))))
          .map((a) => assignmentForCluster(store, a, resource.location))
          .filter((a): a is PolicyAssignment => !!a)
      : [];
    const signature = JSON.stringify(assignments);
    const last = synced.get(clusterId);
    const retry = !!last?.failures.length && Date.now() - last.atMs >= retryFailedMs;
    if (last?.signature !== signature || retry) {
      const result = await syncPolicyAssignments(cluster, assignments);
      synced.set(clusterId, { signature, failures: result.failures, at: new Date().toISOString(), atMs: Date.now() });
      for (const f of result.failures) {
        const k = `${clusterId}|${f.assignmentId}|${f.definitionReferenceId ?? f.definitionId}|${f.message}`.toLowerCase();
        if (reported.has(k)) continue;
        reported.add(k);
        options.onError?.(
          `policy add-on ${cluster.name}`,
          new Error(
            `${f.definitionReferenceId ?? f.definitionId} of ${f.assignmentId.split('/').pop()}: ${f.complianceState} (${f.reason}): ${f.message}`,
          ),
        );
      }
    }
    const byId = new Map(assignments.map((a) => [key(a.id), a]));
    const state = (
      assignment: PolicyAssignment,
      r: { definitionId: string; definitionReferenceId?: string },
      complianceState: string,
      timestamp: string,
      components: PolicyStateRecord['components'] = [],
    ): PolicyStateRecord => ({
      resourceId: resource.id,
      resourceType: 'Microsoft.Kubernetes/connectedClusters',
      resourceLocation: resource.location,
      policyAssignmentId: assignment.id,
      policyDefinitionId: r.definitionId,
      policySetDefinitionId: assignment.setDefinitionId,
      policyDefinitionReferenceId: r.definitionReferenceId,
      policyDefinitionAction: assignment.effect.toLowerCase(),
      complianceState,
      timestamp,
      components,
    });
    const { failures = [], at = new Date().toISOString() } = synced.get(clusterId) ?? {};
    for (const f of failures) {
      const assignment = byId.get(key(f.assignmentId));
      if (assignment) store.putPolicyState(applyExemptions({ store }, state(assignment, f, f.complianceState, at)));
    }
    for (const r of await readAuditResults(cluster)) {
      const assignment = byId.get(key(r.assignmentId));
      if (!assignment || !r.auditTimestamp) continue;
      store.putPolicyState(
        applyExemptions(
          { store },
          state(
            assignment,
            r,
            r.totalViolations > 0 ? 'NonCompliant' : 'Compliant',
            r.auditTimestamp,
            r.violations.map((v) => ({
              id: v.namespace ? `${v.namespace}/${v.name}` : v.name,
              type: v.kind,
              name: v.name,
              timestamp: r.auditTimestamp,
              complianceState: 'NonCompliant',
            })),
          ),
        ),
      );
    }
    // States of assignments (or of initiative members) that no longer apply disappear, as Policy Insights drops them
    // after re-evaluation.
    const member = (assignmentId: string, definitionId: string, referenceId?: string) =>
      `${key(assignmentId)}|${(referenceId ?? definitionId).toLowerCase()}`;
    const members = new Set(assignments.flatMap((a) => a.definitions.map((d) => member(a.id, d.definitionId, d.definitionReferenceId))));
    for (const [k, s] of store.policyStates) {
      if (key(s.resourceId) !== key(resource.id)) continue;
      if (!members.has(member(s.policyAssignmentId, s.policyDefinitionId, s.policyDefinitionReferenceId))) store.policyStates.delete(k);
    }
  };

  const tick = async () => {
    for (const id of [...store.realClusters]) {
      try {
        await one(id);
      } catch (error) {
        options.onError?.(id, error);
        if (!options.onError) process.stderr.write(`[sandbox] policy add-on on ${id}: ${errorMessage(error)}\n`);
      }
    }
  };
  const loop = async () => {
    if (stopped) return;
    running = tick();
    await running;
    if (!stopped) timer = setTimeout(loop, interval);
  };
  timer = setTimeout(loop, 0);
  return {
    tick: async () => {
      await running;
      await tick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
