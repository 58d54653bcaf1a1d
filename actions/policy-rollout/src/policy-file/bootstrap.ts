import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ConfigurationError } from '@arc-actions/core';
import type { Located } from './load.js';
import type { AccessInput, BootstrapInput } from './schema.js';

/** A DeployIfNotExists/Modify assignment of the `bootstrap:` section, validated. */
export interface BootstrapSpec extends Located {
  name: string;
  displayName?: string;
  description?: string;
  scope: string;
  /** A bare GUID (a built-in definition) or the full id of a definition. */
  definitionId: string;
  location: string;
  parameters: Record<string, unknown>;
  remediate: boolean;
  /** A custom definition from `definition-file`: written at the scope (or its subscription) before the assignment. */
  custom?: { file: string; name: string; properties: Record<string, any> };
}

/**
 * The Arc Kubernetes built-in roles an `access:` entry may grant, with their role definition GUIDs
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers). The Cluster User Role
 * is what `az connectedk8s proxy` needs to list the cluster user credential; the other four are the in-cluster
 * Kubernetes RBAC roles Azure RBAC maps through cluster connect.
 */
export const ARC_KUBERNETES_ROLES: Record<string, string> = {
  'Azure Arc Kubernetes Viewer': '63f0a09d-1495-4db4-a681-037d84835eb4',
  'Azure Arc Kubernetes Writer': '5b999177-9696-4545-85c7-50de3797e5a1',
  'Azure Arc Kubernetes Admin': 'dffb1e0c-446f-4dde-a09f-99eb5cc68b96',
  'Azure Arc Kubernetes Cluster Admin': '8393591c-06b9-48a2-a542-1bd6b377f6a2',
  'Azure Arc Enabled Kubernetes Cluster User Role': '00493d72-78f6-4148-b6c5-d3ce8e4799dd',
};

/** A role assignment of the `access:` section, validated. */
export interface AccessSpec extends Located {
  principalId: string;
  principalType: 'Group' | 'User' | 'ServicePrincipal';
  role: string;
  roleDefinitionId: string;
  scope: string;
  description?: string;
}

type Fail = (path: (string | number)[], message: string) => never;

/** Reads a `definition-file`: a policy definition JSON (`{ name?, properties: { policyRule, parameters… } }`) in the workspace. */
function customDefinition(b: BootstrapInput, dir: string, root: string, fail: Fail): NonNullable<BootstrapSpec['custom']> {
  const path = resolve(dir, b['definition-file']!);
  if (!existsSync(path))
    fail(['definition-file'], `definition-file ${b['definition-file']} does not exist (paths are relative to the policy file).`);
  const real = realpathSync(path);
  if (!real.startsWith(root + '/')) fail(['definition-file'], `definition-file ${b['definition-file']} is outside the workspace.`);
  let json: { name?: unknown; properties?: Record<string, any> } = {};
  try {
    json = JSON.parse(readFileSync(real, 'utf8'));
  } catch (error) {
    fail(['definition-file'], `definition-file ${b['definition-file']} is not JSON (${(error as Error).message}).`);
  }
  if (!json.properties?.policyRule?.then?.details?.deployment)
    fail(
      ['definition-file'],
      `definition-file ${b['definition-file']} has no properties.policyRule.then.details.deployment; it must be a DeployIfNotExists policy definition.`,
    );
  const name = typeof json.name === 'string' && /^[-\w.]{1,64}$/.test(json.name) ? json.name : b.name;
  return { file: relative(root, real), name, properties: json.properties! };
}

export function toBootstrap(b: BootstrapInput, file: string, line: number, fail: Fail, dir: string, root: string): BootstrapSpec {
  if (!b.definition === !b['definition-file'])
    fail(
      [b.definition ? 'definition-file' : 'name'],
      `bootstrap assignment "${b.name}" needs exactly one of definition (a built-in GUID or definition id) and definition-file (a custom definition JSON).`,
    );
  const custom = b['definition-file'] ? customDefinition(b, dir, root, fail) : undefined;
  const home = b.scope.includes('/resourceGroups/') ? b.scope.slice(0, b.scope.indexOf('/resourceGroups/')) : b.scope;
  if (b.scope.startsWith('/providers/Microsoft.Management') && b.name.length > 24)
    fail(
      ['name'],
      `bootstrap assignment name "${b.name}" is ${b.name.length} characters; at management-group scope Azure allows at most 24.`,
    );
  const parameters = { ...(b.parameters ?? {}) };
  const effect = parameters.effect;
  if (effect !== undefined && !['deployifnotexists', 'modify'].includes(String(effect).toLowerCase()))
    fail(
      ['parameters', 'effect'],
      `bootstrap assignment "${b.name}" sets parameters.effect to "${String(effect)}"; a bootstrap assignment deploys, so only DeployIfNotExists or Modify are allowed (or leave effect out).`,
    );
  return {
    file,
    line,
    name: b.name,
    displayName: b['display-name'],
    description: b.description,
    scope: b.scope,
    definitionId: custom
      ? `${home}/providers/Microsoft.Authorization/policyDefinitions/${custom.name}`
      : /^[0-9a-f-]{36}$/i.test(b.definition!)
        ? `/providers/Microsoft.Authorization/policyDefinitions/${b.definition!.toLowerCase()}`
        : b.definition!,
    custom,
    location: b.location,
    parameters,
    remediate: b.remediate ?? true,
  };
}

export function toAccess(a: AccessInput, file: string, line: number, fail: Fail): AccessSpec {
  const role = Object.keys(ARC_KUBERNETES_ROLES).find((r) => r.toLowerCase() === a.role.toLowerCase());
  if (!role) fail(['role'], `access role "${a.role}" is not allowed; use one of: ${Object.keys(ARC_KUBERNETES_ROLES).join(', ')}.`);
  return {
    file,
    line,
    principalId: a['principal-id'].toLowerCase(),
    principalType: a['principal-type'] ?? 'Group',
    role: role!,
    roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${ARC_KUBERNETES_ROLES[role!]}`,
    scope: a.scope,
    description: a.description,
  };
}

/** Bootstrap names are unique per scope, and no bootstrap entry may share its name with an assignment there. */
export function checkBootstrap(
  bootstrap: BootstrapSpec[],
  assignments: { name: string; scope: string; file: string; line: number }[],
): void {
  const seen = new Map<string, Located>();
  for (const b of [...assignments, ...bootstrap]) {
    const k = `${b.scope.toLowerCase()}|${b.name.toLowerCase()}`;
    const before = seen.get(k);
    if (before)
      throw new ConfigurationError(
        `${b.file} line ${b.line}: "${b.name}" at ${b.scope} is already defined in ${before.file} line ${before.line}.`,
        'policies',
      );
    seen.set(k, b);
  }
}
