import type { SandboxContext } from '../context.js';
import { deploy } from '../dine/deploy.js';
import { clustersOf, dineAssignments, inScope, isCompliant, recordState, stateOf, type DeploymentRecord } from '../dine/engine.js';
import { key } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import { bodyObject, json, nowIso, page, systemData, uuid, type ArmCall, type ArmRoute } from './common.js';
import { ArmError } from './errors.js';

/**
 * Microsoft.PolicyInsights/remediations (REST 2021-10-01, `Remediations_*`): a remediation of a DeployIfNotExists
 * assignment deploys the definition's template, as the assignment's identity, for each NonCompliant cluster in the
 * remediation's scope; `resourceDiscoveryMode: ReEvaluateCompliance` re-evaluates first (below a management group
 * only: at management-group scope the sandbox uses the existing states, docs/sandbox.md).
 */

export const REMEDIATION_TYPE = 'Microsoft.PolicyInsights/remediations';
const SCOPE =
  '((?:\\/providers\\/microsoft\\.management\\/managementgroups\\/[^/]+)|(?:\\/subscriptions\\/[^/]+(?:\\/resourcegroups\\/[^/]+(?:\\/providers\\/.+?)?)?))';
const PI = 'providers\\/microsoft\\.policyinsights\\/remediations';

const deploymentsOf = new WeakMap<SandboxContext, Map<string, DeploymentRecord[]>>();
function deployments(ctx: SandboxContext): Map<string, DeploymentRecord[]> {
  let map = deploymentsOf.get(ctx);
  if (!map) deploymentsOf.set(ctx, (map = new Map()));
  return map;
}

async function process(ctx: SandboxContext, id: string): Promise<void> {
  const remediation = ctx.store.get(id);
  if (!remediation) return;
  const p = remediation.properties ?? {};
  const scope = id.replace(/\/providers\/microsoft\.policyinsights\/remediations\/[^/]+$/i, '');
  const d = dineAssignments(ctx).find((a) => key(a.assignment.id) === key(String(p.policyAssignmentId)));
  const done = (props: Record<string, unknown>) =>
    ctx.store.put({ ...remediation, properties: { ...remediation.properties, ...props, lastUpdatedOn: nowIso() } }, 'patch');
  if (!d) {
    done({
      provisioningState: 'Failed',
      statusMessage: `The policy assignment '${String(p.policyAssignmentId)}' has no DeployIfNotExists effect to remediate.`,
    });
    return;
  }
  const reevaluate = p.resourceDiscoveryMode === 'ReEvaluateCompliance' && !/^\/providers\/microsoft\.management\//i.test(scope);
  const filters = (p.filters ?? {}) as { locations?: string[]; resourceIds?: string[] };
  const targets = clustersOf(ctx, d).filter((c) => {
    if (!inScope(ctx, scope, c.id)) return false;
    if (filters.locations?.length && !filters.locations.includes(String(c.location))) return false;
    if (filters.resourceIds?.length && !filters.resourceIds.some((r) => key(r) === key(c.id))) return false;
    const compliant = isCompliant(ctx, d, c);
    if (reevaluate) recordState(ctx, d, c, compliant);
    return reevaluate ? !compliant : stateOf(ctx, d, c)?.complianceState === 'NonCompliant';
  });
  done({ provisioningState: 'Evaluating', resourceCount: targets.length });
  const records: DeploymentRecord[] = [];
  for (const cluster of targets) records.push(await deploy(ctx, d, cluster));
  deployments(ctx).set(key(id), records);
  const failed = records.filter((r) => r.status === 'Failed').length;
  done({
    provisioningState: failed ? 'Failed' : 'Succeeded',
    deploymentStatus: { totalDeployments: records.length, successfulDeployments: records.length - failed, failedDeployments: failed },
    ...(failed ? { statusMessage: `${failed} of ${records.length} deployments failed.` } : {}),
  });
}

function handle(call: ArmCall) {
  const [, scope, name] = call.m;
  const id = `${scope}/providers/${REMEDIATION_TYPE}/${name}`;
  const existing = call.ctx.store.get(id);
  if (call.req.method === 'GET') {
    if (!existing) throw new ArmError(404, 'RemediationNotFound', `The remediation '${name}' could not be found.`);
    return json(200, existing);
  }
  if (call.req.method === 'DELETE') {
    if (existing) call.ctx.store.delete(existing.id);
    return existing ? json(200, existing) : json(204);
  }
  const p = bodyObject(call.req).properties ?? {};
  const assignmentId = String(p.policyAssignmentId ?? '');
  if (!call.ctx.store.get(assignmentId))
    throw new ArmError(404, 'PolicyAssignmentNotFound', `The policy assignment '${assignmentId}' is not found.`);
  if (p.resourceDiscoveryMode === 'ReEvaluateCompliance' && p.filters?.resourceIds?.length)
    throw new ArmError(
      400,
      'InvalidRemediationRequest',
      'The resourceIds filter cannot be used with resourceDiscoveryMode ReEvaluateCompliance.',
    );
  if (existing && !['Succeeded', 'Failed', 'Canceled', 'Complete'].includes(String(existing.properties?.provisioningState)))
    throw new ArmError(400, 'InvalidUpdateRemediationRequest', `The remediation '${name}' is still running and cannot be updated.`);
  const now = nowIso();
  const remediation: ArmResource = {
    id,
    name,
    type: REMEDIATION_TYPE,
    systemData: systemData(call.principal, existing?.systemData as Record<string, unknown> | undefined),
    properties: {
      policyAssignmentId: assignmentId,
      policyDefinitionReferenceId: p.policyDefinitionReferenceId ?? '',
      resourceDiscoveryMode: p.resourceDiscoveryMode ?? 'ExistingNonCompliant',
      provisioningState: 'Accepted',
      createdOn: existing?.properties?.createdOn ?? now,
      lastUpdatedOn: now,
      filters: p.filters ?? { locations: [] },
      deploymentStatus: { totalDeployments: 0, successfulDeployments: 0, failedDeployments: 0 },
      statusMessage: '',
      correlationId: uuid(),
      parallelDeployments: p.parallelDeployments ?? 10,
      resourceCount: p.resourceCount ?? 500,
      failureThreshold: p.failureThreshold ?? { percentage: 1 },
    },
  };
  call.ctx.store.put(remediation);
  setImmediate(() => void process(call.ctx, id).catch(() => undefined));
  return json(existing ? 200 : 201, remediation);
}

export const remediationRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^${SCOPE}\\/${PI}\\/([^/]+)\\/listdeployments$`, 'i'),
    methods: ['POST'],
    api: 'policyinsights',
    handle: (call) => {
      const [, scope, name] = call.m;
      const id = `${scope}/providers/${REMEDIATION_TYPE}/${name}`;
      if (!call.ctx.store.get(id)) throw new ArmError(404, 'RemediationNotFound', `The remediation '${name}' could not be found.`);
      return page(call, deployments(call.ctx).get(key(id)) ?? []);
    },
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/${PI}\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    api: 'policyinsights',
    handle,
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/${PI}$`, 'i'),
    methods: ['GET'],
    api: 'policyinsights',
    handle: (call) =>
      page(
        call,
        call.ctx.store.ofType(REMEDIATION_TYPE).filter((r) => key(r.id).startsWith(key(call.m[1]) + '/')),
      ),
  },
];
