import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { handleArm, type CallInfo } from '../arm/router.js';
import { builtIns } from '../arm/policy-builtins.js';
import { isAuthorized } from '../arm/authorization.js';
import { errors } from '../arm/errors.js';
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

const expressionScope = (d: DineAssignment, cluster: ArmResource): ExpressionScope => ({
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

async function asIdentity(ctx: SandboxContext, principal: string, method: string, path: string, body?: unknown, apiVersion = '2022-03-01') {
  const now = Math.floor(Date.now() / 1000);
  const token = await ctx.entraKey.sign({
    aud: 'https://management.azure.com/',
    iss: `https://sts.windows.net/${ctx.identity.tenantId}/`,
    tid: ctx.identity.tenantId,
    oid: principal,
    sub: principal,
    idtyp: 'app',
    iat: now,
    nbf: now,
    exp: now + 3600,
  });
  const url = new URL(`${path}?api-version=${apiVersion}`, ctx.url);
  const raw = Buffer.from(body === undefined ? '' : JSON.stringify(body));
  const info: CallInfo = { api: 'arm' };
  const started = performance.now();
  const response = await handleArm(
    ctx,
    {
      method,
      url,
      path,
      headers: { authorization: `Bearer ${token}`, 'user-agent': 'AzurePolicy-DeployIfNotExists' },
      body,
      rawBody: raw,
    },
    info,
  );
  const error = (response.body as { error?: { code: string; message: string } } | undefined)?.error;
  const answered = response.body;
  ctx.calls.add({
    time: new Date().toISOString(),
    method,
    path,
    query: { 'api-version': apiVersion },
    api: 'arm',
    status: response.status,
    principal,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    userAgent: 'AzurePolicy-DeployIfNotExists',
    ...(error ? { error: error.code } : {}),
  });
  return { status: response.status, error, body: answered };
}

const TERMINAL = ['Succeeded', 'Failed', 'Canceled'];

async function terminalState(ctx: SandboxContext, principal: string, path: string, apiVersion: string) {
  const deadline = Date.now() + 10 * 60_000;
  for (let wait = 50; ; wait = Math.min(wait * 2, 2000)) {
    const read = await asIdentity(ctx, principal, 'GET', path, undefined, apiVersion);
    const props = (read.body as { properties?: Record<string, any> } | undefined)?.properties ?? {};
    if (TERMINAL.includes(String(props.provisioningState)) || read.status >= 300 || Date.now() > deadline)
      return {
        provisioningState: props.provisioningState as string | undefined,
        detail: props.errorInfo?.message ?? (props.errorMessage || undefined),
      };
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Deploys the definition's template for one cluster as the assignment's identity: the deployment needs
 * `Microsoft.Resources/deployments/write` in the cluster's resource group, each resource its own write, as ARM checks
 * a template deployment.
 */
export async function deploy(ctx: SandboxContext, d: DineAssignment, cluster: ArmResource): Promise<DeploymentRecord> {
  const now = new Date().toISOString();
  const ref = parseId(cluster.id);
  const deploymentName = randomUUID();
  const deploymentId = `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Resources/deployments/${deploymentName}`;
  const record = (status: 'Succeeded' | 'Failed', error?: { code: string; message: string }): DeploymentRecord => ({
    deploymentId,
    remediatedResourceId: cluster.id,
    resourceLocation: cluster.location,
    status,
    ...(error ? { error } : {}),
    createdOn: now,
    lastUpdatedOn: new Date().toISOString(),
  });
  const principal = d.principalId;
  if (!principal)
    return record('Failed', {
      code: 'MissingManagedIdentity',
      message: `The policy assignment '${d.assignment.name}' has no managed identity to deploy with.`,
    });
  if (!isAuthorized(ctx, principal, 'Microsoft.Resources/deployments/write', deploymentId)) {
    const denied = errors.authorizationFailed(principal, 'Microsoft.Resources/deployments/write', deploymentId);
    ctx.calls.add({
      time: now,
      method: 'PUT',
      path: deploymentId,
      query: { 'api-version': '2021-04-01' },
      api: 'arm',
      status: 403,
      principal,
      durationMs: 0,
      userAgent: 'AzurePolicy-DeployIfNotExists',
      error: denied.code,
    });
    return record('Failed', { code: denied.code, message: denied.message });
  }
  const scope = expressionScope(d, cluster);
  const properties = d.details.deployment?.properties ?? {};
  const values = evaluate(properties.parameters ?? {}, scope) as Record<string, { value?: unknown }>;
  const template = properties.template ?? {};
  const templateScope: ExpressionScope = {
    parameters: (name) => values[name]?.value ?? template.parameters?.[name]?.defaultValue,
    field: (name) => fieldOf(cluster, name),
  };
  for (const resource of (template.resources ?? []) as Record<string, any>[]) {
    if (resource.condition !== undefined && !evaluate(resource.condition, templateScope)) continue;
    const r = evaluate(resource, templateScope) as Record<string, any>;
    const parent = r.scope ? `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/${r.scope}` : '';
    const path = `${parent}/providers/${r.type}/${r.name}`;
    const body = {
      ...(r.identity ? { identity: r.identity } : {}),
      ...(r.location ? { location: r.location } : {}),
      properties: r.properties,
    };
    const answer = await asIdentity(ctx, principal, 'PUT', path, body, r.apiVersion);
    if (answer.status >= 300)
      return record('Failed', answer.error ?? { code: 'DeploymentFailed', message: `PUT ${path} answered ${answer.status}.` });
    // A deployment waits for each resource's terminal provisioning state, reading it as the same identity.
    const state = await terminalState(ctx, principal, path, r.apiVersion);
    if (state.provisioningState !== 'Succeeded')
      return record('Failed', {
        code: 'ResourceDeploymentFailure',
        message: `The resource operation completed with terminal provisioning state '${state.provisioningState ?? 'unknown'}'.${state.detail ? ` ${state.detail}` : ''}`,
      });
  }
  return record('Succeeded');
}
