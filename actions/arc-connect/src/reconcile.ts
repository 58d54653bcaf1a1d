import { createHash } from 'node:crypto';
import type { ArmClients } from '@arc-actions/azure';
import { diffFields, type Change, type FieldChange } from '@arc-actions/core';
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
  change: Change;
  body: Record<string, any>;
}

function extensionBody(spec: ExtensionWithSecrets): Record<string, any> {
  return {
    extensionType: spec.extensionType,
    autoUpgradeMinorVersion: spec.autoUpgrade,
    ...(spec.autoUpgrade ? (spec.releaseTrain ? { releaseTrain: spec.releaseTrain } : {}) : { version: spec.version }),
    scope:
      spec.scope === 'namespace'
        ? { namespace: { targetNamespace: spec.namespace ?? spec.name } }
        : { cluster: { releaseNamespace: spec.namespace } },
    configurationSettings: spec.settings,
    ...(spec.protectedSettings ? { configurationProtectedSettings: spec.protectedSettings } : {}),
  };
}

/** Desired vs actual for each extension (reads only). `clusterTags` carries the protected-settings hashes. */
export async function planExtensions(
  arm: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  clusterName: string,
  clusterId: string,
  specs: readonly ExtensionWithSecrets[],
  clusterTags: Record<string, string>,
  clusterExists: boolean,
): Promise<PlannedExtension[]> {
  const client = await arm.kubernetesConfiguration(subscriptionId);
  return Promise.all(
    specs.map(async (spec): Promise<PlannedExtension> => {
      const id = `${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/${spec.name}`;
      const body = extensionBody(spec);
      let actual: Record<string, any> | undefined;
      if (clusterExists) {
        actual = await client.extensions
          .get(resourceGroup, 'Microsoft.Kubernetes', 'connectedClusters', clusterName, spec.name)
          .catch((e: { statusCode?: number }) => {
            if (e.statusCode === 404) return undefined;
            throw e;
          });
      }
      if (!actual)
        return {
          spec,
          body,
          change: {
            kind: 'create',
            resourceType: 'extension',
            resourceId: id,
            name: spec.name,
            fields: [{ path: 'extensionType', before: undefined, after: spec.extensionType }],
          },
        };
      const compare: Record<string, unknown> = { ...body };
      delete compare.configurationProtectedSettings;
      if (spec.scope === 'cluster' && !spec.namespace) delete compare.scope;
      const fields: FieldChange[] = diffFields(actual, compare).filter(
        (f) =>
          !(f.path === 'extensionType' && String(f.before).toLowerCase() === String(f.after).toLowerCase()) &&
          !(f.path === 'releaseTrain' && String(f.before).toLowerCase() === String(f.after).toLowerCase()),
      );
      // Settings removed by the user count as a change too (diffFields only looks at desired keys).
      const extra = Object.keys(actual.configurationSettings ?? {}).filter((k) => !(k in spec.settings));
      if (extra.length && !fields.some((f) => f.path === 'configurationSettings'))
        fields.push({ path: 'configurationSettings', before: actual.configurationSettings, after: spec.settings });
      if (spec.protectedSettings && clusterTags[protectedTag(spec.name)] !== protectedHash(clusterId, spec.protectedSettings)) {
        fields.push({ path: 'configurationProtectedSettings', before: '(hash differs)', after: '(new values)' });
      }
      if (actual.provisioningState === 'Failed') fields.push({ path: 'provisioningState', before: 'Failed', after: 'Succeeded' });
      return {
        spec,
        body,
        change: { kind: fields.length ? 'update' : 'unchanged', resourceType: 'extension', resourceId: id, name: spec.name, fields },
      };
    }),
  );
}

export async function applyExtension(
  arm: ArmClients,
  subscriptionId: string,
  resourceGroup: string,
  clusterName: string,
  planned: PlannedExtension,
): Promise<void> {
  const client = await arm.kubernetesConfiguration(subscriptionId);
  const result = await client.extensions.beginCreateAndWait(
    resourceGroup,
    'Microsoft.Kubernetes',
    'connectedClusters',
    clusterName,
    planned.spec.name,
    { ...planned.body },
  );
  if (result.provisioningState && result.provisioningState !== 'Succeeded') {
    throw new Error(
      `extension ${planned.spec.name} ended ${result.provisioningState}${result.errorInfo?.message ? `: ${result.errorInfo.message}` : ''}`,
    );
  }
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
  subscriptionId: string,
  clusterId: string,
  assignments: readonly RoleAssignment[],
  clusterExists: boolean,
): Promise<PlannedRole[]> {
  const existing: { principalId?: string; roleDefinitionId?: string; scope?: string }[] = [];
  if (clusterExists && assignments.length) {
    const client = await arm.authorization(subscriptionId);
    for await (const a of client.roleAssignments.listForScope(clusterId, { filter: 'atScope()' })) existing.push(a);
  }
  return assignments.map((assignment) => {
    const guid = ROLE_IDS[assignment.role];
    const roleDefinitionId = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
    const name = roleAssignmentName(clusterId, assignment.principalId, guid);
    const found = existing.some(
      (e) =>
        e.principalId?.toLowerCase() === assignment.principalId &&
        e.roleDefinitionId?.toLowerCase().endsWith(guid) &&
        (!e.scope || e.scope.toLowerCase() === clusterId.toLowerCase()),
    );
    return {
      assignment,
      name,
      roleDefinitionId,
      change: {
        kind: found ? 'unchanged' : 'create',
        resourceType: 'roleAssignment',
        resourceId: `${clusterId}/providers/Microsoft.Authorization/roleAssignments/${name}`,
        name: `${assignment.role} → ${assignment.principalId}`,
        fields: found ? [] : [{ path: 'roleDefinitionId', before: undefined, after: roleDefinitionId }],
      },
    };
  });
}

export async function applyRole(arm: ArmClients, subscriptionId: string, clusterId: string, planned: PlannedRole): Promise<void> {
  const client = await arm.authorization(subscriptionId);
  try {
    await client.roleAssignments.create(clusterId, planned.name, {
      roleDefinitionId: planned.roleDefinitionId,
      principalId: planned.assignment.principalId,
      description: 'Assigned by arc-actions/arc-connect',
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'RoleAssignmentExists') return;
    throw error;
  }
}
