import type { SandboxContext } from '../context.js';
import { mgId } from '../state/store.js';
import type { ManagementGroup } from '../state/types.js';
import { bodyObject, json, type ArmCall, type ArmRoute } from './common.js';
import { ArmError } from './errors.js';

const MG_TYPE = 'Microsoft.Management/managementGroups';

function group(call: ArmCall, name: string): ManagementGroup {
  const g = call.ctx.store.managementGroups.get(name.toLowerCase());
  if (!g) throw new ArmError(404, 'NotFound', `The management group '${name}' could not be found.`);
  return g;
}

function children(ctx: SandboxContext, name: string, recurse: boolean): unknown[] {
  const groups = [...ctx.store.managementGroups.values()].filter((g) => g.parent?.toLowerCase() === name.toLowerCase());
  const subs = [...ctx.store.subscriptions.values()].filter((s) => s.managementGroup.toLowerCase() === name.toLowerCase());
  return [
    ...groups.map((g) => ({
      id: mgId(g.name),
      type: MG_TYPE,
      name: g.name,
      displayName: g.displayName,
      children: recurse ? children(ctx, g.name, true) : null,
    })),
    ...subs.map((s) => ({
      id: `/subscriptions/${s.subscriptionId}`,
      type: '/subscriptions',
      name: s.subscriptionId,
      displayName: s.displayName,
      children: null,
    })),
  ];
}

function body(call: ArmCall, g: ManagementGroup) {
  const expand = (call.req.url.searchParams.get('$expand') ?? '').toLowerCase();
  const recurse = call.req.url.searchParams.get('$recurse') === 'true';
  const parent = g.parent ? call.ctx.store.managementGroups.get(g.parent.toLowerCase()) : undefined;
  const chain = call.ctx.store.managementGroupChain(g.name).slice(1);
  return {
    id: mgId(g.name),
    type: MG_TYPE,
    name: g.name,
    properties: {
      tenantId: call.ctx.identity.tenantId,
      displayName: g.displayName,
      details: {
        version: 1,
        updatedTime: '2026-01-01T00:00:00Z',
        updatedBy: call.ctx.identity.objectId,
        parent: parent ? { id: mgId(parent.name), name: parent.name, displayName: parent.displayName } : null,
        ...(expand.includes('path') ? { path: chain.reverse().map((p) => ({ name: p.name, displayName: p.displayName })) } : {}),
        ...(expand.includes('ancestors')
          ? {
              managementGroupAncestors: call.ctx.store
                .managementGroupChain(g.name)
                .slice(1)
                .map((p) => p.name),
            }
          : {}),
      },
      ...(expand.includes('children') ? { children: children(call.ctx, g.name, recurse) } : {}),
    },
  };
}

/** Management groups (the hierarchy that scopes policy assignments and Resource Graph queries) and their subscriptions. */
export const managementGroupRoutes: ArmRoute[] = [
  {
    pattern: /^\/providers\/microsoft\.management\/managementgroups$/i,
    methods: ['GET'],
    skipAuthorization: true,
    handle: (call) =>
      json(200, {
        value: [...call.ctx.store.managementGroups.values()].map((g) => ({
          id: mgId(g.name),
          type: MG_TYPE,
          name: g.name,
          properties: { tenantId: call.ctx.identity.tenantId, displayName: g.displayName },
        })),
        nextLink: null,
      }),
  },
  {
    pattern: /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)\/descendants$/i,
    methods: ['GET'],
    handle: (call) => {
      const names = call.ctx.store.managementGroupDescendants(group(call, call.m[1]).name);
      names.delete(call.m[1].toLowerCase());
      const groups = [...names].map((n) => call.ctx.store.managementGroups.get(n)!);
      const subs = [...call.ctx.store.subscriptions.values()].filter(
        (s) => names.has(s.managementGroup.toLowerCase()) || s.managementGroup.toLowerCase() === call.m[1].toLowerCase(),
      );
      return json(200, {
        value: [
          ...groups.map((g) => ({
            id: mgId(g.name),
            type: MG_TYPE,
            name: g.name,
            properties: { displayName: g.displayName, parent: { id: mgId(g.parent ?? '') } },
          })),
          ...subs.map((s) => ({
            id: `/subscriptions/${s.subscriptionId}`,
            type: 'Microsoft.Management/managementGroups/subscriptions',
            name: s.subscriptionId,
            properties: { displayName: s.displayName, parent: { id: mgId(s.managementGroup) } },
          })),
        ],
        nextLink: null,
      });
    },
  },
  {
    pattern: /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)\/subscriptions\/([^/]+)$/i,
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const g = group(call, call.m[1]);
      const sub = call.ctx.store.subscription(call.m[2]);
      if (!sub) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${call.m[2]}' could not be found.`);
      if (call.req.method === 'PUT') sub.managementGroup = g.name;
      if (call.req.method === 'DELETE') sub.managementGroup = call.ctx.identity.rootManagementGroup;
      if (call.req.method === 'DELETE') return json(200);
      return json(200, {
        id: `${mgId(g.name)}/subscriptions/${sub.subscriptionId}`,
        type: 'Microsoft.Management/managementGroups/subscriptions',
        name: sub.subscriptionId,
        properties: { tenant: call.ctx.identity.tenantId, displayName: sub.displayName, parent: { id: mgId(g.name) }, state: 'Active' },
      });
    },
  },
  {
    pattern: /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i,
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const name = call.m[1];
      const { store } = call.ctx;
      if (call.req.method === 'GET') return json(200, body(call, group(call, name)));
      if (call.req.method === 'DELETE') {
        const g = group(call, name);
        const hasChildren =
          [...store.managementGroups.values()].some((c) => c.parent?.toLowerCase() === g.name.toLowerCase()) ||
          [...store.subscriptions.values()].some((s) => s.managementGroup.toLowerCase() === g.name.toLowerCase());
        if (hasChildren) throw new ArmError(400, 'BadRequest', `The management group '${name}' has children; move or delete them first.`);
        store.managementGroups.delete(g.name.toLowerCase());
        return json(200, { id: mgId(g.name), type: MG_TYPE, name: g.name, status: 'Succeeded' });
      }
      const p = bodyObject(call.req).properties ?? {};
      const parentId: string | undefined = p.details?.parent?.id;
      const parent = parentId ? parentId.split('/').pop()! : call.ctx.identity.rootManagementGroup;
      if (!store.managementGroups.has(parent.toLowerCase()))
        throw new ArmError(400, 'BadRequest', `The parent management group '${parent}' does not exist.`);
      const g = store.addManagementGroup({ name, displayName: p.displayName ?? name, parent });
      return json(200, body(call, g));
    },
  },
];
