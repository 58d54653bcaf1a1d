import { createHash } from 'node:crypto';
import {
  applyContainerInsights,
  containerInsightsExtension,
  createRoleAssignment,
  listRoleAssignmentsAt,
  planContainerInsights,
  workspaceSecrets,
  type ArmClients,
  type AzureEnvironment,
  type ClusterRef,
  type ContainerInsightsPlan,
  type DesiredExtension,
  type ExtensionCluster,
  type ExtensionInstaller,
  type ExtensionPlan,
} from '@arc-actions/azure';
import type { Change } from '@arc-actions/core';
import type { ExtensionSpec } from './extensions.js';
import type { ClusterRole, RoleAssignment } from './inputs.js';

/** Built-in role definition ids of the five Arc roles (same GUID in every subscription). */
export const ROLE_IDS: Record<ClusterRole, string> = {
  'Azure Arc Enabled Kubernetes Cluster User Role': '00493d72-78f6-4148-b6c5-d3ce8e4799dd',
  'Azure Arc Kubernetes Viewer': '63f0a09d-1495-4db4-a681-037d84835eb4',
  'Azure Arc Kubernetes Writer': '5b999177-9696-4545-85c7-50de3797e5a1',
  'Azure Arc Kubernetes Admin': 'dffb1e0c-446f-4dde-a09f-99eb5cc68b96',
  'Azure Arc Kubernetes Cluster Admin': '8393591c-06b9-48a2-a542-1bd6b377f6a2',
};

/** RFC 4122 version-5 UUID (SHA-1, our own namespace) of `name`: the same scope+principal+role always gives the same name. */
export function uuidV5(name: string, namespace = '6f1d3c0a-7a43-5b7e-9c5e-2a6c1b0e4d21'): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1')
    .update(Buffer.concat([ns, Buffer.from(name, 'utf8')]))
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const roleAssignmentName = (scope: string, principalId: string, roleId: string): string =>
  uuidV5(`${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleId.toLowerCase()}`);

/** Tag on the connected cluster that carries a salted hash of an extension's protected settings (ARM never returns them). */
export const protectedTag = (extension: string): string => `arc-actions.protected.${extension}`;
export const protectedHash = (clusterId: string, settings: Record<string, string>): string =>
  createHash('sha256')
    .update(clusterId.toLowerCase())
    .update(JSON.stringify(Object.entries(settings).sort()))
    .digest('hex')
    .slice(0, 32);

export interface ExtensionWithSecrets extends ExtensionSpec {
  protectedSettings?: Record<string, string>;
}

export interface PlannedExtension {
  spec: ExtensionWithSecrets;
  /** The installer's plan (desired vs ARM). */
  plan: ExtensionPlan;
  change: Change;
  /** Container Insights: its prerequisites (workspace, data collection rule and association). */
  monitoring?: ContainerInsightsPlan;
}

export interface ExtensionContext {
  arm: ArmClients;
  installer: ExtensionInstaller;
  environment: AzureEnvironment;
  cluster: ExtensionCluster & { location: string; id: string };
  /** Tags of the connected cluster (the protected-settings fingerprints live there). */
  clusterTags: Record<string, string>;
}

/** The installer's desired extension for a spec (not Container Insights, whose settings come from its plan). */
function desiredOf(spec: ExtensionWithSecrets): DesiredExtension {
  return {
    name: spec.name,
    extensionType: spec.extensionType,
    autoUpgradeMinorVersion: spec.autoUpgrade,
    releaseTrain: spec.releaseTrain,
    version: spec.version,
    scope:
      spec.scope === 'namespace'
        ? { namespace: { targetNamespace: spec.namespace ?? spec.name } }
        : spec.namespace
          ? { cluster: { releaseNamespace: spec.namespace } }
          : undefined,
    configurationSettings: spec.settings,
    ...(spec.protectedSettings ? { configurationProtectedSettings: spec.protectedSettings } : {}),
  };
}

/** The desired extension with the protected-settings fingerprint compared against the cluster's tag. */
function withFingerprint(ctx: ExtensionContext, desired: DesiredExtension): DesiredExtension {
  const secrets = desired.configurationProtectedSettings;
  return {
    ...desired,
    protectedSettingsChanged: !!secrets && ctx.clusterTags[protectedTag(desired.name)] !== protectedHash(ctx.cluster.id, secrets),
  };
}

/** The fingerprint tags of the extensions' protected settings, as they should be on the cluster. */
export function fingerprintTags(clusterId: string, planned: readonly PlannedExtension[]): Record<string, string> {
  return Object.fromEntries(
    planned
      .filter((p) => p.plan.desired.configurationProtectedSettings)
      .map((p) => [protectedTag(p.plan.desired.name), protectedHash(clusterId, p.plan.desired.configurationProtectedSettings!)]),
  );
}

async function containerInsightsDesired(
  ctx: ExtensionContext,
  spec: ExtensionWithSecrets,
  monitoring: ContainerInsightsPlan,
): Promise<DesiredExtension> {
  const secrets = monitoring.workspace.create ? {} : await workspaceSecrets(ctx.arm, monitoring);
  const desired = containerInsightsExtension(monitoring, secrets);
  return withFingerprint(ctx, {
    ...desired,
    autoUpgradeMinorVersion: spec.autoUpgrade,
    releaseTrain: spec.releaseTrain,
    version: spec.version,
  });
}

const toChange = (ctx: ExtensionContext, plan: ExtensionPlan): Change => ({
  kind: plan.action === 'create' ? 'create' : plan.action === 'unchanged' ? 'unchanged' : 'update',
  resourceType: 'extension',
  resourceId: `${ctx.cluster.id}/providers/Microsoft.KubernetesConfiguration/extensions/${plan.name}`,
  name: plan.name,
  fields: plan.fields,
});

/** Desired vs actual for each extension and its prerequisites (reads only). */
export async function planExtensions(ctx: ExtensionContext, specs: readonly ExtensionWithSecrets[]): Promise<PlannedExtension[]> {
  return Promise.all(
    specs.map(async (spec): Promise<PlannedExtension> => {
      let monitoring: ContainerInsightsPlan | undefined;
      let desired: DesiredExtension;
      if (spec.monitoring) {
        monitoring = await planContainerInsights(ctx.arm, {
          cluster: {
            subscriptionId: ctx.cluster.subscriptionId,
            resourceGroup: ctx.cluster.resourceGroup,
            name: ctx.cluster.name,
            location: ctx.cluster.location,
          },
          environment: ctx.environment,
          workspaceResourceId: spec.monitoring.workspace,
          useAADAuth: spec.monitoring.useAADAuth,
          dataCollectionSettings: spec.monitoring.dataCollectionSettings,
          settings: spec.settings,
        });
        desired = await containerInsightsDesired(ctx, spec, monitoring);
      } else desired = withFingerprint(ctx, desiredOf(spec));
      const plan = await ctx.installer.plan(ctx.cluster, desired, 'converge');
      return { spec, plan, monitoring, change: toChange(ctx, plan) };
    }),
  );
}

/**
 * Writes one extension: Container Insights' prerequisites first (then its settings, which need the workspace), then
 * the extension through the installer, which waits for the final state. Returns the changes it made.
 */
export async function applyExtension(ctx: ExtensionContext, planned: PlannedExtension): Promise<Change[]> {
  const done: Change[] = [];
  if (planned.monitoring) {
    done.push(...(await applyContainerInsights(ctx.arm, planned.monitoring)));
    const desired = await containerInsightsDesired(ctx, planned.spec, planned.monitoring);
    planned.plan = await ctx.installer.plan(ctx.cluster, desired, 'converge');
  }
  if (planned.plan.action !== 'unchanged') {
    await ctx.installer.apply(planned.plan);
    planned.change.applied = true;
    done.push(planned.change);
  }
  return done;
}

export interface PlannedRole {
  assignment: RoleAssignment;
  name: string;
  roleDefinitionId: string;
  change: Change;
}

/** Role assignments at cluster scope, found by principal+role (whatever their name) or planned with a deterministic name. */
export async function planRoles(
  arm: ArmClients,
  cluster: ClusterRef,
  assignments: readonly RoleAssignment[],
  clusterExists: boolean,
): Promise<PlannedRole[]> {
  const existing = clusterExists && assignments.length ? await listRoleAssignmentsAt(arm, cluster.subscriptionId, cluster.id) : [];
  return assignments.map((assignment) => {
    const guid = ROLE_IDS[assignment.role];
    const roleDefinitionId = `/subscriptions/${cluster.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
    const name = roleAssignmentName(cluster.id, assignment.principalId, guid);
    const found = existing.some(
      (e) =>
        e.principalId?.toLowerCase() === assignment.principalId &&
        e.roleDefinitionId?.toLowerCase().endsWith(guid) &&
        (!e.scope || e.scope.toLowerCase() === cluster.key),
    );
    return {
      assignment,
      name,
      roleDefinitionId,
      change: {
        kind: found ? 'unchanged' : 'create',
        resourceType: 'roleAssignment',
        resourceId: `${cluster.id}/providers/Microsoft.Authorization/roleAssignments/${name}`,
        name: `${assignment.role} → ${assignment.principalId}`,
        fields: found ? [] : [{ path: 'roleDefinitionId', before: undefined, after: roleDefinitionId }],
      },
    };
  });
}

export async function applyRole(arm: ArmClients, cluster: ClusterRef, planned: PlannedRole): Promise<void> {
  await createRoleAssignment(arm, cluster.subscriptionId, cluster.id, planned.name, {
    roleDefinitionId: planned.roleDefinitionId,
    principalId: planned.assignment.principalId,
    description: 'Assigned by arc-actions/arc-connect',
  });
}
