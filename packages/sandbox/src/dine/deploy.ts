import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { handleArm, type CallInfo } from '../arm/router.js';
import { isAuthorized } from '../arm/authorization.js';
import { errors } from '../arm/errors.js';
import { parseId } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import { fieldOf } from './conditions.js';
import { expressionScope, type DeploymentRecord, type DineAssignment } from './engine.js';
import { evaluate, type ExpressionScope } from './expressions.js';

/** The deployment of a DeployIfNotExists template, as ARM runs it for Azure Policy: every request as the assignment's identity. */

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
