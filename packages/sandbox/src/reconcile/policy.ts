import { errorMessage } from '@arc-actions/core';
import {
  planConstraint,
  readAuditResults,
  syncPolicyAssignments,
  type PolicyAssignment,
  type PolicyAssignmentDefinition,
  type PolicyEffect,
} from '../clusters/policy.js';
import type { LocalCluster } from '../clusters/cluster.js';
import { builtIns } from '../arm/policy-builtins.js';
import { POLICY_ASSIGNMENT_TYPE } from '../arm/policy.js';
import { key } from '../state/ids.js';
import type { SandboxStore } from '../state/store.js';
import type { ArmResource, PolicyStateRecord } from '../state/types.js';

/**
 * Plays the Azure Policy add-on for clusters backed by a real apiserver: on every tick, for each cluster with a
 * Succeeded `Microsoft.PolicyInsights` extension, it turns the assignments in scope (inherited from management groups,
 * subscription and resource group; effect overrides by resource location applied) into Gatekeeper templates and
 * constraints, then reads Gatekeeper's audit status back as Policy Insights states with components.
 */
export interface PolicyReconcilerOptions {
  intervalMs?: number;
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

/** The assignment as the add-on sees it for one cluster: resolved effect and one entry per Kubernetes definition. */
export function assignmentForCluster(
  store: SandboxStore,
  assignment: ArmResource,
  location: string | undefined,
): PolicyAssignment | undefined {
  const p = (assignment.properties ?? {}) as Record<string, any>;
  const definition = definitionOf(store, p.policyDefinitionId ?? '');
  if (!definition) return undefined;
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
  const synced = new Map<string, string>();
  /** Definitions whose template the sandbox can run (gatekeeper-library fixtures), by id and version; warned once. */
  const supported = new Map<string, boolean>();
  const emulable = async (assignment: PolicyAssignment, def: PolicyAssignmentDefinition): Promise<boolean> => {
    const k = `${def.definitionId}|${def.definitionVersion ?? ''}`.toLowerCase();
    if (!supported.has(k)) {
      try {
        await planConstraint(assignment, def, 'dryrun');
        supported.set(k, true);
      } catch (error) {
        supported.set(k, false);
        options.onError?.(
          'policy add-on',
          new Error(
            `${def.definitionReferenceId ?? def.definitionId} is not emulated (no state is reported for it): ${errorMessage(error)}`,
          ),
        );
      }
    }
    return supported.get(k)!;
  };
  let stopped = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const one = async (clusterId: string) => {
    const cluster = lookup(clusterId);
    const resource = store.get(clusterId);
    if (!cluster?.gatekeeper || !resource) return;
    const chain = new Set(store.scopeChain(clusterId).map(key));
    const inScope = hasPolicyExtension(store, clusterId)
      ? store
          .ofType(POLICY_ASSIGNMENT_TYPE)
          .filter((a) => chain.has(key(String(a.properties?.scope ?? a.id.split('/providers/Microsoft.Authorization/')[0]))))
          .map((a) => assignmentForCluster(store, a, resource.location))
          .filter((a): a is PolicyAssignment => !!a)
      : [];
    const assignments: PolicyAssignment[] = [];
    for (const a of inScope) {
      const definitions: PolicyAssignmentDefinition[] = [];
      for (const d of a.definitions) if (await emulable(a, d)) definitions.push(d);
      if (definitions.length) assignments.push({ ...a, definitions });
    }
    const signature = JSON.stringify(assignments);
    if (synced.get(clusterId) !== signature) {
      await syncPolicyAssignments(cluster, assignments);
      synced.set(clusterId, signature);
    }
    const byId = new Map(assignments.map((a) => [key(a.id), a]));
    for (const r of await readAuditResults(cluster)) {
      const assignment = byId.get(key(r.assignmentId));
      if (!assignment || !r.auditTimestamp) continue;
      const state: PolicyStateRecord = {
        resourceId: resource.id,
        resourceType: 'Microsoft.Kubernetes/connectedClusters',
        resourceLocation: resource.location,
        policyAssignmentId: assignment.id,
        policyDefinitionId: r.definitionId,
        policySetDefinitionId: assignment.setDefinitionId,
        policyDefinitionReferenceId: r.definitionReferenceId,
        policyDefinitionAction: assignment.effect.toLowerCase(),
        complianceState: r.totalViolations > 0 ? 'NonCompliant' : 'Compliant',
        timestamp: r.auditTimestamp,
        components: r.violations.map((v) => ({
          id: v.namespace ? `${v.namespace}/${v.name}` : v.name,
          type: v.kind,
          name: v.name,
          timestamp: r.auditTimestamp,
          complianceState: 'NonCompliant',
        })),
      };
      store.putPolicyState(state);
    }
    // States of assignments that no longer apply disappear, as Policy Insights drops them after re-evaluation.
    for (const [k, s] of store.policyStates) {
      if (key(s.resourceId) === key(resource.id) && !byId.has(key(s.policyAssignmentId))) store.policyStates.delete(k);
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
