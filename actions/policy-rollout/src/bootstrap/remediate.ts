import { createHash } from 'node:crypto';
import { log, waitFor } from '@arc-actions/core';
import {
  createRemediation,
  discoveryModeFor,
  listRemediationDeployments,
  readCustomDefinition,
  readRemediation,
  statesOfAssignment,
  writeCustomDefinition,
  type GraphScope,
} from '@arc-actions/azure';
import { METADATA_KEY, specHash } from '../desired.js';
import type { ResolvedBootstrap } from './resolve.js';
import type { BootstrapContext, RemediationOutcome } from './rollout.js';

const graphScopeOf = (scope: string): GraphScope => {
  const mg = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i.exec(scope)?.[1];
  return mg ? { managementGroups: [mg] } : { subscriptions: [scope.split('/')[2]] };
};

/** Writes a `definition-file` definition at its scope when Azure does not hold this version of it (by hash). */
export async function ensureCustomDefinition(r: ResolvedBootstrap, ctx: BootstrapContext): Promise<boolean> {
  const custom = r.spec.custom;
  if (!custom) return false;
  const scope = r.spec.definitionId.replace(/\/providers\/Microsoft\.Authorization\/policyDefinitions\/[^/]+$/i, '');
  const hash = specHash(custom.properties);
  const actual = await readCustomDefinition(ctx.clients, ctx.subscriptionId, scope, custom.name);
  if ((actual?.metadata as Record<string, { specHash?: string }> | undefined)?.[METADATA_KEY]?.specHash === hash) return false;
  await writeCustomDefinition(ctx.clients, ctx.subscriptionId, scope, custom.name, {
    ...custom.properties,
    policyType: 'Custom',
    metadata: { ...(custom.properties.metadata ?? {}), [METADATA_KEY]: { specHash: hash, provenance: ctx.provenance } },
  });
  log.info(`Wrote custom definition ${custom.name} (${custom.file}) at ${scope}.`);
  return true;
}

/**
 * The remediation of a bootstrap assignment: its NonCompliant clusters (Resource Graph, read completely or not at all),
 * one remediation task named from them (so a rerun finds it), followed until it ends, with its failed deployments.
 */
export async function remediate(
  r: ResolvedBootstrap,
  ctx: BootstrapContext,
  assignmentId: string,
  how: { writes: boolean; blocked: boolean; wasCreated: boolean },
): Promise<RemediationOutcome> {
  const { spec } = r;
  if (!spec.remediate) return { action: 'skipped', clusters: 0, nonCompliant: 0 };
  if (how.wasCreated && !how.writes) return { action: 'deferred', clusters: 0, nonCompliant: 0 };
  const states = await statesOfAssignment(ctx.clients, assignmentId, graphScopeOf(spec.scope));
  // Fail closed: which clusters to remediate is not decided on a partial read.
  if (!states.complete)
    throw new Error(`Resource Graph did not return every page of the policy states of ${spec.name}; remediation was not decided.`);
  const within = spec.scope.toLowerCase().startsWith('/subscriptions/') ? spec.scope.toLowerCase() + '/' : '';
  const ids = states.rows
    .filter((s) => s.complianceState === 'NonCompliant' && s.resourceId.toLowerCase().startsWith(within))
    .map((s) => s.resourceId.toLowerCase())
    .sort();
  const base = { clusters: states.rows.length, nonCompliant: ids.length };
  if (!states.rows.length) return { action: 'deferred', ...base };
  if (!ids.length) return { action: 'none', ...base };
  const name = `arc-actions-${spec.name}-${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 10)}`;
  const found = await readRemediation(ctx.clients, spec.scope, name);
  if (!found && (!how.writes || how.blocked)) return { name, action: how.blocked ? 'skipped' : 'create', ...base };
  if (!found)
    await createRemediation(ctx.clients, spec.scope, name, {
      policyAssignmentId: assignmentId,
      resourceDiscoveryMode: discoveryModeFor(spec.scope),
    });
  const terminal = ['Succeeded', 'Failed', 'Canceled', 'Complete'];
  const done = await waitFor(
    async () => {
      const current = await readRemediation(ctx.clients, spec.scope, name);
      return current && terminal.includes(String(current.provisioningState)) ? current : undefined;
    },
    { timeoutMs: found ? 0 : ctx.remediationWaitMs, initialMs: 250, maxMs: 5000 },
  );
  const current = done.value ?? (await readRemediation(ctx.clients, spec.scope, name));
  const total = current?.deploymentStatus?.totalDeployments ?? 0;
  const failed = current?.deploymentStatus?.failedDeployments ?? 0;
  const errors = failed
    ? (await listRemediationDeployments(ctx.clients, spec.scope, name))
        .filter((d) => d.status === 'Failed')
        .slice(0, 3)
        .map((d) => `${d.remediatedResourceId?.split('/').pop()}: ${d.error?.code ?? 'Failed'} ${d.error?.message ?? ''}`.trim())
    : undefined;
  return {
    name,
    action: found ? 'unchanged' : 'created',
    ...base,
    status: current?.provisioningState,
    deployments: { total, failed },
    ...(errors ? { errors } : {}),
  };
}
