import type { SandboxContext } from '../context.js';
import type { Subscription } from '../state/types.js';
import { canRead } from './authorization.js';
import { bodyObject, json, page, requireSubscription, type ArmCall, type ArmRoute } from './common.js';
import { ArmError, errors } from './errors.js';
import { providerBody, PROVIDERS } from './providers.js';

const RG_TYPE = 'Microsoft.Resources/resourceGroups';

export function subscriptionBody(ctx: SandboxContext, s: Subscription) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: ctx.identity.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    tags: s.tags ?? {},
  };
}

export const rgId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;

function getGroup(call: ArmCall, sub: string, rg: string) {
  const group = call.ctx.store.get(rgId(sub, rg));
  if (!group) throw errors.resourceGroupNotFound(rg);
  return group;
}

/** Subscriptions, tenants, resource groups and resource provider registration. */
export const resourceRoutes: ArmRoute[] = [
  {
    pattern: /^\/subscriptions$/i,
    methods: ['GET'],
    skipAuthorization: true,
    handle: (call) => {
      const subs = [...call.ctx.store.subscriptions.values()].filter((s) =>
        canRead(call.ctx, call.principal, `/subscriptions/${s.subscriptionId}`),
      );
      const res = page(
        call,
        subs.map((s) => subscriptionBody(call.ctx, s)),
      );
      (res.body as Record<string, unknown>).count = { type: 'Total', value: subs.length };
      return res;
    },
  },
  {
    pattern: /^\/tenants$/i,
    methods: ['GET'],
    skipAuthorization: true,
    handle: (call) =>
      json(200, {
        value: [
          {
            id: `/tenants/${call.ctx.identity.tenantId}`,
            tenantId: call.ctx.identity.tenantId,
            tenantCategory: 'Home',
            displayName: 'Arc Sandbox',
            defaultDomain: 'sandbox.onmicrosoft.com',
            tenantType: 'AAD',
          },
        ],
      }),
  },
  {
    pattern: /^\/subscriptions\/([^/]+)$/i,
    methods: ['GET'],
    handle: (call) => json(200, subscriptionBody(call.ctx, requireSubscription(call.ctx, call.m[1]))),
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/resourcegroups$/i,
    methods: ['GET'],
    handle: (call) => page(call, call.ctx.store.children(`/subscriptions/${call.m[1]}`, RG_TYPE)),
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i,
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'],
    handle: (call) => {
      const [, sub, rg] = call.m;
      const { store } = call.ctx;
      const id = rgId(requireSubscription(call.ctx, sub).subscriptionId, rg);
      const existing = store.get(id);
      switch (call.req.method) {
        case 'HEAD':
          return json(existing ? 204 : 404);
        case 'GET':
          return json(200, getGroup(call, sub, rg));
        case 'PUT': {
          const body = bodyObject(call.req);
          if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
          if (!/^[-\w._()]{1,90}$/.test(rg) || rg.endsWith('.')) {
            throw new ArmError(
              400,
              'InvalidResourceGroupName',
              `The resource group name '${rg}' is invalid: use up to 90 letters, digits, underscores, periods, hyphens and parentheses, not ending in a period.`,
            );
          }
          const group = {
            id: existing?.id ?? id,
            name: existing?.name ?? rg,
            type: RG_TYPE,
            location: existing?.location ?? String(body.location).toLowerCase().replace(/\s+/g, ''),
            ...(body.managedBy ? { managedBy: body.managedBy } : {}),
            tags: body.tags ?? {},
            properties: { provisioningState: 'Succeeded' },
          };
          store.put(group);
          return json(existing ? 200 : 201, group);
        }
        case 'PATCH': {
          const group = getGroup(call, sub, rg);
          const body = bodyObject(call.req);
          const updated = { ...group, ...(body.tags ? { tags: body.tags } : {}), ...(body.managedBy ? { managedBy: body.managedBy } : {}) };
          store.put(updated, 'patch');
          return json(200, updated);
        }
        default: {
          if (!existing) throw errors.resourceGroupNotFound(rg);
          existing.properties = { ...existing.properties, provisioningState: 'Deleting' };
          const op = call.ctx.lro.start({ resourceId: id, finish: (failed) => (failed ? undefined : store.delete(id)) });
          const location = `${call.ctx.url}/subscriptions/${sub}/operationresults/${op.id}?api-version=${call.apiVersion}`;
          return json(202, undefined, { Location: location, 'Retry-After': call.ctx.lro.retryAfter(op) });
        }
      }
    },
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/providers$/i,
    methods: ['GET'],
    handle: (call) => json(200, { value: PROVIDERS.map((p) => providerBody(call.ctx, call.m[1], p.namespace)) }),
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/providers\/([^/]+)$/i,
    methods: ['GET'],
    action: 'Microsoft.Resources/subscriptions/providers/read',
    handle: (call) => json(200, providerBody(call.ctx, call.m[1], call.m[2])),
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/providers\/([^/]+)\/(register|unregister)$/i,
    methods: ['POST'],
    handle: (call) => {
      const [, sub, ns, verb] = call.m;
      const { store } = call.ctx;
      const known = providerBody(call.ctx, sub, ns);
      const wasRegistered = known.registrationState === 'Registered';
      if (verb.toLowerCase() === 'register') {
        if (store.registration(sub, known.namespace) !== 'Registered') {
          store.setRegistration(sub, known.namespace, 'Registering', Date.now() + call.ctx.knobs().providerRegistrationMs);
        }
      } else {
        store.setRegistration(sub, known.namespace, 'NotRegistered');
      }
      const body = providerBody(call.ctx, sub, ns);
      if (verb.toLowerCase() === 'unregister') body.registrationState = 'Unregistering';
      else if (!wasRegistered) body.registrationState = 'Registering';
      return json(200, body);
    },
  },
];
