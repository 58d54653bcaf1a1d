import type { SandboxContext } from '../context.js';
import { key } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import { findRole, ROLE_ASSIGNMENT_TYPE, ROLE_DEFINITION_TYPE } from './authorization.js';
import { bodyObject, json, nowIso, page, type ArmCall, type ArmRoute } from './common.js';
import { ArmError } from './errors.js';
import { BUILT_IN_ROLES, type RoleDefinition } from './role-definitions.js';

const SCOPE =
  '((?:\\/providers\\/microsoft\\.management\\/managementgroups\\/[^/]+)|(?:\\/subscriptions\\/[^/]+(?:\\/resourcegroups\\/[^/]+(?:\\/providers\\/.+?)?)?))?';

function roleBody(scope: string, r: RoleDefinition) {
  return {
    id: `${scope}/providers/${ROLE_DEFINITION_TYPE}/${r.name}`,
    name: r.name,
    type: ROLE_DEFINITION_TYPE,
    properties: {
      roleName: r.roleName,
      type: 'BuiltInRole',
      description: r.description,
      assignableScopes: ['/'],
      permissions: [{ actions: r.actions, notActions: r.notActions, dataActions: r.dataActions, notDataActions: r.notDataActions }],
      createdOn: '2015-02-02T21:55:09.8806423Z',
      updatedOn: '2024-01-01T00:00:00.0000000Z',
      createdBy: null,
      updatedBy: null,
    },
  };
}

/** Creates a role assignment directly in the store (seeding and the state API). */
export function assignRole(
  ctx: SandboxContext,
  scope: string,
  principalId: string,
  roleNameOrId: string,
  name = crypto.randomUUID(),
): ArmResource {
  const role = BUILT_IN_ROLES.find((r) => r.roleName.toLowerCase() === roleNameOrId.toLowerCase()) ?? findRole(ctx, roleNameOrId);
  if (!role) throw new Error(`The role '${roleNameOrId}' is not a built-in or custom role of the sandbox.`);
  const clean = scope === '/' ? '' : scope.replace(/\/+$/, '');
  const now = nowIso();
  return ctx.store.put({
    id: `${clean}/providers/${ROLE_ASSIGNMENT_TYPE}/${name}`,
    name,
    type: ROLE_ASSIGNMENT_TYPE,
    properties: {
      roleDefinitionId: `/providers/${ROLE_DEFINITION_TYPE}/${role.name}`,
      principalId,
      principalType: 'ServicePrincipal',
      scope: clean || '/',
      condition: null,
      conditionVersion: null,
      createdOn: now,
      updatedOn: now,
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
      description: null,
    },
  });
}

function listAssignments(call: ArmCall): ArmResource[] {
  const scope = call.m[1] || '/';
  const filter = call.req.url.searchParams.get('$filter') ?? '';
  const chain = new Set(call.ctx.store.scopeChain(scope).map(key));
  const principal = /(?:principalId\s+eq\s+|assignedTo\()'([^']+)'/i.exec(filter)?.[1];
  const atScope = /atScope\(\)/i.test(filter);
  return call.ctx.store.ofType(ROLE_ASSIGNMENT_TYPE).filter((a) => {
    const at = key(a.properties?.scope ?? '/');
    const inScope = chain.has(at) || (!atScope && at.startsWith(key(scope) + '/'));
    return inScope && (!principal || String(a.properties?.principalId).toLowerCase() === principal.toLowerCase());
  });
}

/** Role definitions (built-in Azure and Arc Kubernetes roles, custom roles) and role assignments at any scope. */
export const rbacRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/roledefinitions$`, 'i'),
    methods: ['GET'],
    handle: (call) => {
      const scope = call.m[1] ?? '';
      const roleName = /roleName\s+eq\s+'([^']+)'/i.exec(call.req.url.searchParams.get('$filter') ?? '')?.[1];
      const custom = call.ctx.store.ofType(ROLE_DEFINITION_TYPE);
      const all = [...BUILT_IN_ROLES.map((r) => roleBody(scope, r)), ...custom] as ArmResource[];
      return page(call, roleName ? all.filter((r) => String(r.properties?.roleName).toLowerCase() === roleName.toLowerCase()) : all);
    },
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/roledefinitions\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const scope = call.m[1] ?? '';
      const guid = call.m[2];
      const builtIn = BUILT_IN_ROLES.find((r) => r.name === guid.toLowerCase());
      const id = `${scope}/providers/${ROLE_DEFINITION_TYPE}/${guid}`;
      const custom = call.ctx.store.ofType(ROLE_DEFINITION_TYPE).find((r) => r.name.toLowerCase() === guid.toLowerCase());
      if (call.req.method === 'GET') {
        if (builtIn) return json(200, roleBody(scope, builtIn));
        if (custom) return json(200, custom);
        throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${guid}' does not exist.`);
      }
      if (builtIn) throw new ArmError(400, 'RoleDefinitionBuiltIn', 'Built-in role definitions cannot be changed.');
      if (call.req.method === 'DELETE') {
        if (custom) call.ctx.store.delete(custom.id);
        return custom ? json(200, custom) : json(204);
      }
      const p = bodyObject(call.req).properties ?? {};
      const role: ArmResource = {
        id: custom?.id ?? id,
        name: guid,
        type: ROLE_DEFINITION_TYPE,
        properties: { ...p, type: 'CustomRole', assignableScopes: p.assignableScopes ?? [scope || '/'] },
      };
      call.ctx.store.put(role);
      return json(201, role);
    },
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/roleassignments$`, 'i'),
    methods: ['GET'],
    handle: (call) => page(call, listAssignments(call)),
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/roleassignments\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const scope = call.m[1] ?? '';
      const name = call.m[2];
      const id = `${scope}/providers/${ROLE_ASSIGNMENT_TYPE}/${name}`;
      const existing = call.ctx.store.get(id);
      if (call.req.method === 'GET') {
        if (!existing) throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`);
        return json(200, existing);
      }
      if (call.req.method === 'DELETE') {
        if (!existing) return json(204);
        call.ctx.store.delete(id);
        return json(200, existing);
      }
      const p = bodyObject(call.req).properties ?? {};
      if (!p.roleDefinitionId || !p.principalId)
        throw new ArmError(
          400,
          'InvalidRequestContent',
          "The request content was invalid: 'properties.roleDefinitionId' and 'properties.principalId' are required.",
        );
      const role = findRole(call.ctx, p.roleDefinitionId);
      if (!role)
        throw new ArmError(
          400,
          'RoleDefinitionDoesNotExist',
          `The specified role definition with ID '${String(p.roleDefinitionId).split('/').pop()}' does not exist.`,
        );
      const duplicate = call.ctx.store
        .ofType(ROLE_ASSIGNMENT_TYPE)
        .find(
          (a) =>
            key(a.properties?.scope ?? '') === key(scope || '/') &&
            a.properties?.principalId === p.principalId &&
            key(String(a.properties?.roleDefinitionId)).endsWith(role.name) &&
            key(a.id) !== key(id),
        );
      if (duplicate) throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
      const now = new Date().toISOString();
      const assignment: ArmResource = {
        id,
        name,
        type: ROLE_ASSIGNMENT_TYPE,
        properties: {
          roleDefinitionId: p.roleDefinitionId.startsWith('/providers/')
            ? p.roleDefinitionId
            : `/providers/${ROLE_DEFINITION_TYPE}/${role.name}`,
          principalId: p.principalId,
          principalType: p.principalType ?? 'User',
          scope: scope || '/',
          condition: p.condition ?? null,
          conditionVersion: p.conditionVersion ?? null,
          description: p.description ?? null,
          createdOn: (existing?.properties?.createdOn as string) ?? now,
          updatedOn: now,
          createdBy: call.principal,
          updatedBy: call.principal,
          delegatedManagedIdentityResourceId: p.delegatedManagedIdentityResourceId ?? null,
        },
      };
      call.ctx.store.put(assignment);
      return json(existing ? 200 : 201, assignment);
    },
  },
];
