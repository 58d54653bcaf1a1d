import type { SandboxContext } from '../context.js';
import { key, lastSegment } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import { BUILT_IN_ROLES, type RoleDefinition } from './role-definitions.js';

export const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';
export const ROLE_DEFINITION_TYPE = 'Microsoft.Authorization/roleDefinitions';

const patterns = new Map<string, RegExp>();
function matches(pattern: string, action: string): boolean {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i')));
  return re.test(action);
}

/** A role definition by id or GUID: built-in, or custom (stored as a resource). */
export function findRole(ctx: SandboxContext, idOrName: string): RoleDefinition | undefined {
  const guid = lastSegment(idOrName).toLowerCase();
  const builtIn = BUILT_IN_ROLES.find((r) => r.name === guid);
  if (builtIn) return builtIn;
  const custom = ctx.store.ofType(ROLE_DEFINITION_TYPE).find((r) => r.name.toLowerCase() === guid);
  if (!custom) return undefined;
  const perms = (custom.properties?.permissions ?? [])[0] ?? {};
  return {
    name: custom.name,
    roleName: custom.properties?.roleName ?? custom.name,
    description: custom.properties?.description ?? '',
    actions: perms.actions ?? [],
    notActions: perms.notActions ?? [],
    dataActions: perms.dataActions ?? [],
    notDataActions: perms.notDataActions ?? [],
  };
}

/** Role assignments of a principal that apply at `scope` (made at the scope or above it). */
export function assignmentsFor(ctx: SandboxContext, principal: string, scope: string): ArmResource[] {
  const chain = new Set(ctx.store.scopeChain(scope).map(key));
  return ctx.store
    .ofType(ROLE_ASSIGNMENT_TYPE)
    .filter(
      (a) => String(a.properties?.principalId).toLowerCase() === principal.toLowerCase() && chain.has(key(a.properties?.scope ?? '/')),
    );
}

/** Whether the principal may perform `action` at `scope`, following role assignments up the hierarchy. */
export function isAuthorized(ctx: SandboxContext, principal: string, action: string, scope: string): boolean {
  for (const assignment of assignmentsFor(ctx, principal, scope)) {
    const role = findRole(ctx, String(assignment.properties?.roleDefinitionId ?? ''));
    if (!role) continue;
    if (role.actions.some((p) => matches(p, action)) && !role.notActions.some((p) => matches(p, action))) return true;
  }
  return false;
}

export const canRead = (ctx: SandboxContext, principal: string, scope: string): boolean =>
  isAuthorized(ctx, principal, 'Microsoft.Resources/subscriptions/read', scope) ||
  isAuthorized(ctx, principal, 'Microsoft.Kubernetes/connectedClusters/read', scope);

const READ_ACTIONS = new Set(['queryresults', 'summarize', 'resources', 'listclusterusercredentialreadonly']);

/** The RBAC action of a request, e.g. `Microsoft.Kubernetes/connectedClusters/write`. */
export function actionFor(method: string, path: string): string {
  const parts = path.split('/').filter(Boolean);
  const last = parts.map((p) => p.toLowerCase()).lastIndexOf('providers');
  const verb = method === 'GET' || method === 'HEAD' ? 'read' : method === 'DELETE' ? 'delete' : method === 'POST' ? 'action' : 'write';
  if (last < 0 || last + 1 >= parts.length) {
    const types = parts.filter((_, i) => i % 2 === 0);
    return ['Microsoft.Resources', ...types, verb].join('/');
  }
  const ns = parts[last + 1];
  const rest = parts.slice(last + 2);
  if (rest.length === 0) return `Microsoft.Resources/subscriptions/providers/${verb}`;
  const types = rest.filter((_, i) => i % 2 === 0);
  if (method === 'POST') {
    const action = rest.length % 2 === 1 ? rest[rest.length - 1] : undefined;
    if (action && READ_ACTIONS.has(action.toLowerCase())) return [ns, ...types, 'read'].join('/');
    return [ns, ...types, 'action'].join('/');
  }
  return [ns, ...types, verb].join('/');
}
