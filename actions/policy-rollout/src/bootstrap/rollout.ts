import { diffFields, errorMessage, log } from '@arc-actions/core';
import {
  createRoleAssignment,
  holdsRole,
  listRoleAssignmentsAt,
  readAssignment,
  roleAssignmentName,
  writeAssignment,
} from '@arc-actions/azure';
import { METADATA_KEY, specHash } from '../desired.js';
import type { ExemptionContext } from '../exemptions.js';
import { ensureCustomDefinition, remediate } from './remediate.js';
import type { ResolvedBootstrap } from './resolve.js';

/** What policy-rollout's other writes get (exemptions.ts), plus how long apply waits for a remediation it created. */
export interface BootstrapContext extends ExemptionContext {
  /** How long apply waits for a remediation it created to finish (polled, never a blind sleep). */
  remediationWaitMs: number;
}

export interface RoleOutcome {
  role: string;
  action: 'unchanged' | 'grant' | 'granted' | 'failed';
  error?: string;
}

export interface RemediationOutcome {
  name?: string;
  action: 'none' | 'create' | 'created' | 'unchanged' | 'deferred' | 'skipped';
  clusters: number;
  nonCompliant: number;
  status?: string;
  deployments?: { total: number; failed: number };
  errors?: string[];
}

export interface BootstrapOutcome {
  name: string;
  id: string;
  file: string;
  line: number;
  scope: string;
  definition: string;
  effect: string;
  action: 'create' | 'update' | 'unchanged';
  written: boolean;
  fields: string[];
  principalId?: string;
  roles: RoleOutcome[];
  remediation: RemediationOutcome;
  /** Why the bootstrap does not work (a role its identity lacks, deployments that failed); undefined when it does. */
  failure?: string;
  message: string;
}

/** The assignment as ARM should hold it: the definition, its parameters, and a system-assigned identity in `location`. */
export function desiredBootstrap(r: ResolvedBootstrap) {
  const { spec } = r;
  return {
    displayName: spec.displayName ?? spec.name,
    ...(spec.description ? { description: spec.description } : {}),
    policyDefinitionId: spec.definitionId,
    enforcementMode: 'Default' as const,
    parameters: Object.fromEntries(Object.entries(spec.parameters).map(([k, value]) => [k, { value }])),
    identity: { type: 'SystemAssigned' as const },
    location: spec.location,
  };
}

const comparable = (body: Record<string, any> | undefined) => ({
  displayName: body?.displayName ?? null,
  description: body?.description ?? null,
  policyDefinitionId: String(body?.policyDefinitionId ?? '').toLowerCase(),
  enforcementMode: body?.enforcementMode ?? 'Default',
  parameters: body?.parameters && Object.keys(body.parameters).length ? body.parameters : null,
  identity: body?.identity?.type ?? 'None',
  location: String(body?.location ?? '')
    .toLowerCase()
    .replace(/\s+/g, ''),
});

/** The first sentence of an error, enough for a summary row (the whole error is in the result output and the log). */
export const shortError = (error = '') => (/^Azure answered (\w+)/.exec(error)?.[0] ?? error.split(/(?<=\.)\s/)[0]).slice(0, 300);

export async function rolloutBootstrap(r: ResolvedBootstrap, ctx: BootstrapContext): Promise<BootstrapOutcome> {
  const { spec } = r;
  const id = `${spec.scope}/providers/Microsoft.Authorization/policyAssignments/${spec.name}`;
  const actual = (await readAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name)) as Record<string, any> | undefined;
  const desired = desiredBootstrap(r);
  const fields = diffFields(comparable(actual), comparable(desired)).map((f) => f.path);
  const action = !actual ? 'create' : fields.length ? 'update' : 'unchanged';
  const writes = ctx.mode === 'apply' && !ctx.dryRun;
  let principalId: string | undefined = actual?.identity?.principalId;
  let written = writes ? await ensureCustomDefinition(r, ctx) : false;
  if (writes && action !== 'unchanged') {
    const kept = Object.fromEntries(
      Object.entries((actual?.metadata ?? {}) as Record<string, unknown>).filter(
        ([k]) => !['createdBy', 'createdOn', 'updatedBy', 'updatedOn', METADATA_KEY].includes(k),
      ),
    );
    const metadata = {
      ...kept,
      [METADATA_KEY]: { specHash: specHash(desired), provenance: ctx.provenance, writtenAt: new Date(ctx.now()).toISOString() },
    };
    const result = (await writeAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name, { ...desired, metadata })) as Record<
      string,
      any
    >;
    principalId = result?.identity?.principalId ?? principalId;
    written = true;
    log.info(`Wrote bootstrap assignment ${spec.name} at ${spec.scope} (identity ${principalId ?? 'pending'}).`);
  }

  const roles: RoleOutcome[] = [];
  const existing = principalId ? await listRoleAssignmentsAt(ctx.clients, ctx.subscriptionId, spec.scope) : [];
  for (const role of r.roleDefinitionIds) {
    const guid = role.split('/').pop()!;
    if (principalId && holdsRole(existing, principalId, role)) roles.push({ role: guid, action: 'unchanged' });
    else if (!writes || !principalId) roles.push({ role: guid, action: 'grant' });
    else {
      try {
        await createRoleAssignment(ctx.clients, ctx.subscriptionId, spec.scope, roleAssignmentName(spec.scope, principalId, role), {
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
          principalId,
          principalType: 'ServicePrincipal',
          description: `Identity of policy assignment ${spec.name} (arc-actions policy-rollout bootstrap).`,
        });
        roles.push({ role: guid, action: 'granted' });
        written = true;
      } catch (error) {
        const code = (error as { code?: string }).code;
        roles.push({ role: guid, action: 'failed', error: code ? `Azure answered ${code}: ${errorMessage(error)}` : errorMessage(error) });
      }
    }
  }
  const missingRoles = roles.filter((x) => x.action === 'failed');
  let failure = missingRoles.length
    ? `the identity ${principalId} of ${spec.name} could not be granted role ${missingRoles.map((x) => x.role).join(', ')} at ${spec.scope} (${shortError(missingRoles[0].error)}); ` +
      `its deployments fail with AuthorizationFailed until it holds ${missingRoles.length > 1 ? 'these roles' : 'this role'}`
    : undefined;

  const remediation = await remediate(r, ctx, id, { writes, blocked: !!failure, wasCreated: !actual });
  written ||= remediation.action === 'created';
  if (!failure && remediation.deployments?.failed)
    failure = `${remediation.deployments.failed} of ${remediation.deployments.total} deployments of remediation ${remediation.name} failed: ${(remediation.errors ?? []).join('; ')}`;
  const verb = writes ? 'was' : 'would be';
  const message =
    action === 'unchanged'
      ? `${spec.name} is unchanged.`
      : `${spec.name} ${verb} ${action === 'create' ? 'created' : `updated (${fields.join(', ')})`} with a system-assigned identity in ${spec.location}.`;
  return {
    name: spec.name,
    id,
    file: spec.file,
    line: spec.line,
    scope: spec.scope,
    definition: r.displayName,
    effect: r.effect,
    action,
    written,
    fields,
    principalId,
    roles,
    remediation,
    failure,
    message,
  };
}
