import type { SandboxContext } from '../context.js';
import { builtIns } from '../arm/policy-builtins.js';
import { key, parseId } from '../state/ids.js';
import { policyStateKey } from '../state/store.js';
import type { ArmResource } from '../state/types.js';
import { fieldOf, matches } from './conditions.js';
import { evaluate, type ExpressionScope } from './expressions.js';

/**
 * Azure Policy's DeployIfNotExists, as docs/sandbox.md ("DeployIfNotExists and remediation") cites it: an assignment
 * whose definition resolves to DeployIfNotExists marks each matching cluster Compliant when a related resource of
 * `then.details.type` meets the `existenceCondition`, NonCompliant otherwise; a cluster that is created (or reaches
 * Succeeded) while NonCompliant gets the definition's template deployed by the assignment's managed identity, and a
 * remediation task deploys it for the NonCompliant clusters that already exist. Every deployment's requests go
 * through ARM as that identity (the call log shows its principal id), so they fail with ARM's AuthorizationFailed
 * when the identity lacks a role at the scope.
 */

export interface DeploymentRecord {
  deploymentId: string;
  remediatedResourceId: string;
  resourceLocation?: string;
  status: 'Succeeded' | 'Failed';
  error?: { code: string; message: string };
  createdOn: string;
  lastUpdatedOn: string;
}

export interface DineAssignment {
  assignment: ArmResource;
  definition: ArmResource;
  details: Record<string, any>;
  rule: Record<string, any>;
  principalId?: string;
  params: ExpressionScope['parameters'];
}

const CLUSTER_TYPES = ['microsoft.kubernetes/connectedclusters', 'microsoft.containerservice/managedclusters'];
const ASSIGNMENT_TYPE = 'Microsoft.Authorization/policyAssignments';

function definitionOf(ctx: SandboxContext, id: string): ArmResource | undefined {
  if (/\/policysetdefinitions\//i.test(id)) return undefined;
  return ctx.store.get(id) ?? builtIns().definitions.get(id.split('/').pop()!.toLowerCase());
}

/** The assignments whose definition's effect, with the assignment's parameters, is DeployIfNotExists. */
export function dineAssignments(ctx: SandboxContext): DineAssignment[] {
  const out: DineAssignment[] = [];
  for (const assignment of ctx.store.ofType(ASSIGNMENT_TYPE)) {
    const p = assignment.properties ?? {};
    const definition = definitionOf(ctx, String(p.policyDefinitionId ?? ''));
    const rule = definition?.properties?.policyRule;
    if (!definition || !rule?.then) continue;
    const given = (p.parameters ?? {}) as Record<string, { value?: unknown }>;
    const declared = (definition.properties?.parameters ?? {}) as Record<string, { defaultValue?: unknown }>;
    const params = (name: string) => {
      const k = Object.keys(given).find((g) => g.toLowerCase() === name.toLowerCase());
      if (k !== undefined) return given[k].value;
      const d = Object.keys(declared).find((g) => g.toLowerCase() === name.toLowerCase());
      return d === undefined ? undefined : declared[d].defaultValue;
    };
    const effect = String(evaluate(rule.then.effect, { parameters: params, field: () => undefined }) ?? '');
    if (effect.toLowerCase() !== 'deployifnotexists' || String(p.enforcementMode ?? 'Default') === 'DoNotEnforce') continue;
    out.push({
      assignment,
      definition,
      details: rule.then.details ?? {},
      rule,
      principalId: (assignment.identity as { principalId?: string } | undefined)?.principalId,
      params,
    });
  }
  return out;
}

/** Whether `resourceId` lies in `scope` (a management group: any subscription below it). */
export function inScope(ctx: SandboxContext, scope: string, resourceId: string): boolean {
  const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i.exec(scope)?.[1];
  if (mg) {
    const sub = ctx.store.subscription(parseId(resourceId).subscriptionId);
    return !!sub && ctx.store.managementGroupDescendants(mg).has(sub.managementGroup.toLowerCase());
  }
  return key(resourceId) === key(scope) || key(resourceId).startsWith(key(scope) + '/');
}

export const expressionScope = (d: DineAssignment, cluster: ArmResource): ExpressionScope => ({
  parameters: d.params,
  field: (name) => fieldOf(cluster, name),
});

/** Whether the assignment applies to the cluster (its scope, minus notScopes, and its `if`). */
export function appliesTo(ctx: SandboxContext, d: DineAssignment, cluster: ArmResource): boolean {
  const p = d.assignment.properties ?? {};
  const notScopes = (p.notScopes ?? []) as string[];
  return (
    CLUSTER_TYPES.includes(cluster.type.toLowerCase()) &&
    inScope(ctx, String(p.scope ?? ''), cluster.id) &&
    !notScopes.some((n) => inScope(ctx, n, cluster.id)) &&
    matches(d.rule.if, cluster, expressionScope(d, cluster))
  );
}

/** The clusters the assignment applies to. */
export function clustersOf(ctx: SandboxContext, d: DineAssignment): ArmResource[] {
  return CLUSTER_TYPES.flatMap((t) => ctx.store.ofType(t)).filter((c) => appliesTo(ctx, d, c));
}

/** The stored state of the cluster for the assignment. */
export const stateOf = (ctx: SandboxContext, d: DineAssignment, cluster: ArmResource) =>
  ctx.store.policyStates.get(policyStateKey({ resourceId: cluster.id, policyAssignmentId: d.assignment.id }));

/** Whether a related resource of `details.type` under the cluster meets the existence condition. */
export function isCompliant(ctx: SandboxContext, d: DineAssignment, cluster: ArmResource): boolean {
  const scope = expressionScope(d, cluster);
  const name = d.details.name ? String(evaluate(d.details.name, scope)) : undefined;
  return ctx.store
    .children(cluster.id, String(d.details.type))
    .some(
      (r) =>
        (!name || r.name.toLowerCase() === name.toLowerCase()) &&
        (!d.details.existenceCondition || matches(d.details.existenceCondition, r, scope)),
    );
}

export function recordState(ctx: SandboxContext, d: DineAssignment, cluster: ArmResource, compliant: boolean): void {
  const state = compliant ? 'Compliant' : 'NonCompliant';
  if (stateOf(ctx, d, cluster)?.complianceState === state) return;
  ctx.store.putPolicyState({
    resourceId: cluster.id,
    policyAssignmentId: d.assignment.id,
    policyDefinitionId: d.definition.id,
    complianceState: state,
    timestamp: new Date().toISOString(),
    resourceType: cluster.type,
    resourceLocation: cluster.location,
    policyDefinitionAction: 'deployifnotexists',
  });
}
