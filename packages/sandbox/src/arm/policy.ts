import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { key, lastSegment, parseId } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import { bodyObject, json, mergePatch, nowIso, page, systemData, type ArmCall, type ArmRoute } from './common.js';
import { ArmError, errors } from './errors.js';
import { builtIns, POLICY_DEFINITION_TYPE, POLICY_SET_TYPE } from './policy-builtins.js';

export const POLICY_ASSIGNMENT_TYPE = 'Microsoft.Authorization/policyAssignments';
const SCOPE =
  '((?:\\/providers\\/microsoft\\.management\\/managementgroups\\/[^/]+)|(?:\\/subscriptions\\/[^/]+(?:\\/resourcegroups\\/[^/]+(?:\\/providers\\/.+?)?)?))?';

/**
 * Where definitions and set definitions live: the tenant root (built-ins), a management group or a subscription,
 * never a resource group (azure-rest-api-specs policyDefinitions.json / policySetDefinitions.json paths; see
 * docs/sandbox.md, Policy definitions).
 */
const DEFINITION_SCOPE = '((?:\\/providers\\/microsoft\\.management\\/managementgroups\\/[^/]+)|(?:\\/subscriptions\\/[^/]+))?';

/** A policy or set definition by id: built-in or custom at a subscription or management group. */
export function findDefinition(ctx: SandboxContext, id: string): ArmResource | undefined {
  const isSet = /\/policysetdefinitions\//i.test(id);
  const name = lastSegment(id).toLowerCase();
  const builtIn = (isSet ? builtIns().sets : builtIns().definitions).get(name);
  if (builtIn && /^\/providers\/microsoft\.authorization\//i.test(id)) return builtIn;
  return ctx.store.get(id) ?? (id.toLowerCase().startsWith('/providers/microsoft.authorization/') ? builtIn : undefined);
}

function checkParameters(name: string, definition: ArmResource, given: Record<string, unknown>): void {
  const declared = (definition.properties?.parameters ?? {}) as Record<string, { defaultValue?: unknown }>;
  const undefinedOnes = Object.keys(given).filter((p) => !(p in declared));
  if (undefinedOnes.length) {
    throw new ArmError(
      400,
      'UndefinedPolicyParameter',
      `The policy assignment '${name}' has the parameter(s) '${undefinedOnes.join(', ')}' which are not defined in the policy definition '${definition.name}'.`,
    );
  }
  const missing = Object.entries(declared)
    .filter(([p, d]) => d.defaultValue === undefined && !(p in given))
    .map(([p]) => p);
  if (missing.length) {
    throw new ArmError(
      400,
      'MissingPolicyParameter',
      `The policy assignment '${name}' is missing the parameter(s) '${missing.join(', ')}' as defined in the policy definition '${definition.name}'.`,
    );
  }
}

/** Assignments at `scope`, inherited from above it, and (unless `atScope()`) made below it; with the SDK's $filter forms. */
function listAssignments(ctx: SandboxContext, scope: string, filter: string | null): ArmResource[] {
  const chain = new Set(ctx.store.scopeChain(scope).map(key));
  const below = (s: string) =>
    key(s).startsWith(key(scope) + '/') ||
    (parseId(scope).managementGroup !== undefined && inGroup(ctx, s, parseId(scope).managementGroup!));
  const f = (filter ?? '').trim();
  const defMatch = /policyDefinitionId\s+eq\s+'([^']+)'/i.exec(f);
  return ctx.store.ofType(POLICY_ASSIGNMENT_TYPE).filter((a) => {
    const at = key(a.properties?.scope ?? '');
    if (/^atExactScope\(\)$/i.test(f)) return at === key(scope);
    if (/^atScope\(\)$/i.test(f)) return chain.has(at);
    if (defMatch && key(a.properties?.policyDefinitionId ?? '') !== key(defMatch[1])) return false;
    return chain.has(at) || below(a.properties?.scope ?? '');
  });
}

function inGroup(ctx: SandboxContext, scope: string, group: string): boolean {
  const sub = ctx.store.subscription(parseId(scope).subscriptionId);
  const groups = ctx.store.managementGroupDescendants(group);
  if (sub) return groups.has(sub.managementGroup.toLowerCase());
  const mg = parseId(scope).managementGroup;
  return !!mg && mg.toLowerCase() !== group.toLowerCase() && groups.has(mg.toLowerCase());
}

function assignmentHandler(call: ArmCall) {
  const { store } = call.ctx;
  const scope = call.m[1] ?? '';
  const name = call.m[2];
  const id = `${scope}/providers/${POLICY_ASSIGNMENT_TYPE}/${name}`;
  const existing = store.get(id);
  if (call.req.method === 'GET') {
    if (!existing) throw new ArmError(404, 'PolicyAssignmentNotFound', `The policy assignment '${name}' is not found.`);
    return json(200, existing);
  }
  if (call.req.method === 'DELETE') {
    if (!existing) return json(204);
    store.delete(id);
    return json(200, existing);
  }
  const body = bodyObject(call.req);
  if (call.req.method === 'PATCH') {
    if (!existing) throw new ArmError(404, 'PolicyAssignmentNotFound', `The policy assignment '${name}' is not found.`);
    const p = body.properties ?? {};
    const updated: ArmResource = {
      ...existing,
      ...(body.location ? { location: body.location } : {}),
      ...(body.identity ? { identity: identityOf(call, body.identity, existing.identity) } : {}),
      systemData: systemData(call.principal, existing.systemData as Record<string, unknown>),
      properties: mergePatch(
        existing.properties,
        Object.fromEntries(Object.entries(p).filter(([k]) => ['resourceSelectors', 'overrides'].includes(k))),
      ),
    };
    return json(200, store.put(updated, 'patch'));
  }
  const p = body.properties ?? {};
  if (!p.policyDefinitionId)
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'properties.policyDefinitionId' is required.",
      'properties.policyDefinitionId',
    );
  const definition = findDefinition(call.ctx, p.policyDefinitionId);
  if (!definition) {
    const isSet = /policysetdefinitions/i.test(p.policyDefinitionId);
    throw new ArmError(
      404,
      isSet ? 'PolicySetDefinitionNotFound' : 'PolicyDefinitionNotFound',
      `The policy ${isSet ? 'set ' : ''}definition '${lastSegment(p.policyDefinitionId)}' could not be found.`,
    );
  }
  const parameters = (p.parameters ?? {}) as Record<string, unknown>;
  checkParameters(name, definition, parameters);
  if (body.identity && body.identity.type !== 'None' && !body.location) {
    throw new ArmError(400, 'LocationRequired', 'The location property is required when the policy assignment has a managed identity.');
  }
  const assignment: ArmResource = {
    id: existing?.id ?? id,
    name: existing?.name ?? name,
    type: POLICY_ASSIGNMENT_TYPE,
    ...(body.location ? { location: body.location } : {}),
    ...(body.identity ? { identity: identityOf(call, body.identity, existing?.identity) } : {}),
    systemData: systemData(call.principal, existing?.systemData as Record<string, unknown>),
    properties: {
      displayName: p.displayName ?? name,
      ...(p.description ? { description: p.description } : {}),
      policyDefinitionId: p.policyDefinitionId,
      definitionVersion: p.definitionVersion ?? `${String(definition.properties?.version ?? '1.0.0').split('.')[0]}.*.*`,
      scope: scope || '/',
      notScopes: p.notScopes ?? [],
      parameters,
      metadata: {
        ...p.metadata,
        createdBy: call.principal,
        createdOn: (existing?.properties?.metadata?.createdOn as string) ?? nowIso(),
        updatedBy: existing ? call.principal : null,
        updatedOn: existing ? nowIso() : null,
      },
      enforcementMode: p.enforcementMode ?? 'Default',
      ...(p.nonComplianceMessages ? { nonComplianceMessages: p.nonComplianceMessages } : {}),
      ...(p.resourceSelectors ? { resourceSelectors: p.resourceSelectors } : {}),
      ...(p.overrides ? { overrides: p.overrides } : {}),
      ...(p.assignmentType ? { assignmentType: p.assignmentType } : {}),
      instanceId: existing?.properties?.instanceId ?? randomUUID(),
    },
  };
  store.put(assignment);
  return json(201, assignment);
}

function identityOf(call: ArmCall, identity: Record<string, any>, previous?: unknown) {
  if (identity.type === 'None') return { type: 'None' };
  const prev = previous as Record<string, unknown> | undefined;
  return { ...identity, principalId: prev?.principalId ?? randomUUID(), tenantId: call.ctx.identity.tenantId };
}

function definitionHandler(call: ArmCall, isSet: boolean) {
  const { store } = call.ctx;
  const scope = call.m[1] ?? '';
  const name = call.m[2];
  const type = isSet ? POLICY_SET_TYPE : POLICY_DEFINITION_TYPE;
  const builtIn = (isSet ? builtIns().sets : builtIns().definitions).get(name.toLowerCase());
  const id = `${scope}/providers/${type}/${name}`;
  const existing = store.get(id);
  const notFound = () =>
    new ArmError(
      404,
      isSet ? 'PolicySetDefinitionNotFound' : 'PolicyDefinitionNotFound',
      `The policy ${isSet ? 'set ' : ''}definition '${name}' could not be found.`,
    );
  if (call.req.method === 'GET') {
    const found = existing ?? builtIn;
    if (!found) throw notFound();
    return json(200, found);
  }
  if (!scope || builtIn)
    throw new ArmError(
      400,
      'InvalidPolicyDefinitionScope',
      `Built-in policy ${isSet ? 'set ' : ''}definitions cannot be changed; create a custom definition under a subscription or management group.`,
    );
  if (call.req.method === 'DELETE') {
    if (!existing) return json(204);
    store.delete(id);
    return json(200);
  }
  const p = bodyObject(call.req).properties ?? {};
  if (isSet) {
    for (const ref of p.policyDefinitions ?? [])
      if (!findDefinition(call.ctx, ref.policyDefinitionId ?? ''))
        throw new ArmError(
          400,
          'PolicyDefinitionNotFound',
          `The policy definition '${lastSegment(ref.policyDefinitionId ?? '')}' referenced by the set could not be found.`,
        );
  } else if (!p.policyRule) {
    throw new ArmError(400, 'InvalidPolicyRule', "The policy definition must have a 'policyRule' property.");
  }
  const definition: ArmResource = {
    id: existing?.id ?? id,
    name,
    type,
    systemData: systemData(call.principal),
    properties: { policyType: 'Custom', mode: isSet ? undefined : (p.mode ?? 'All'), ...p, version: p.version ?? '1.0.0' },
  };
  store.put(definition);
  return json(201, definition);
}

function listDefinitions(call: ArmCall, isSet: boolean) {
  const scope = call.m[1] ?? '';
  const type = isSet ? POLICY_SET_TYPE : POLICY_DEFINITION_TYPE;
  const chain = new Set(call.ctx.store.scopeChain(scope || '/').map(key));
  const custom = call.ctx.store
    .ofType(type)
    .filter(
      (d) =>
        chain.has(key(d.id.split('/providers/Microsoft.Authorization/')[0] ?? '')) ||
        chain.has(key(d.id.replace(/\/providers\/microsoft\.authorization\/.*$/i, ''))),
    );
  let all = [...(isSet ? builtIns().sets : builtIns().definitions).values(), ...custom];
  const filter = call.req.url.searchParams.get('$filter') ?? '';
  const policyType = /policyType\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
  const category = /category\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
  if (policyType) all = all.filter((d) => String(d.properties?.policyType).toLowerCase() === policyType.toLowerCase());
  if (category) all = all.filter((d) => String(d.properties?.metadata?.category).toLowerCase() === category.toLowerCase());
  return page(call, all);
}

/** Policy definitions, set definitions and assignments at management group, subscription, group and resource scope. */
export const policyRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/policyassignments$`, 'i'),
    methods: ['GET'],
    handle: (call) => page(call, listAssignments(call.ctx, call.m[1] ?? '/', call.req.url.searchParams.get('$filter'))),
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/policyassignments\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
    handle: assignmentHandler,
  },
  {
    pattern: new RegExp(`^${DEFINITION_SCOPE}\\/providers\\/microsoft\\.authorization\\/policydefinitions$`, 'i'),
    methods: ['GET'],
    handle: (call) => listDefinitions(call, false),
  },
  {
    pattern: new RegExp(`^${DEFINITION_SCOPE}\\/providers\\/microsoft\\.authorization\\/policydefinitions\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => definitionHandler(call, false),
  },
  {
    pattern: new RegExp(`^${DEFINITION_SCOPE}\\/providers\\/microsoft\\.authorization\\/policysetdefinitions$`, 'i'),
    methods: ['GET'],
    handle: (call) => listDefinitions(call, true),
  },
  {
    pattern: new RegExp(`^${DEFINITION_SCOPE}\\/providers\\/microsoft\\.authorization\\/policysetdefinitions\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => definitionHandler(call, true),
  },
];

export { errors as policyErrors };
