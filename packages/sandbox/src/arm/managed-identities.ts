import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { ArmResource } from '../state/types.js';
import { bodyObject, crud, json, page, type ArmRoute } from './common.js';
import { ArmError, errors } from './errors.js';

/**
 * Microsoft.ManagedIdentity: user-assigned identities (GET, PUT with a generated clientId and principalId) and their
 * federated identity credentials (GET, PUT, DELETE, list), as the msi 2024-11-30 REST spec describes them
 * (examples IdentityGet.json, FederatedIdentityCredentialCreate.json: 201 on create, 200 on replace). The limits of
 * Microsoft Entra's workload identity federation apply: at most 20 credentials per identity, and issuer + subject
 * unique among them (Microsoft Learn, "Important considerations and restrictions for federated identity credentials").
 */
export const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';
export const FIC_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials';
const MAX_CREDENTIALS = 20;
const FIC_NAME = /^[A-Za-z0-9][-A-Za-z0-9_]{2,119}$/;

const identityId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/${IDENTITY_TYPE}/${name}`;

/** A user-assigned identity as ARM returns it (seeding and PUT). */
export function newIdentity(
  ctx: SandboxContext,
  id: string,
  name: string,
  location: string,
  tags: Record<string, string> = {},
): ArmResource {
  return {
    id,
    name,
    type: IDENTITY_TYPE,
    location: location.toLowerCase().replace(/\s+/g, ''),
    tags,
    properties: { clientId: randomUUID(), principalId: randomUUID(), tenantId: ctx.identity.tenantId, isolationScope: 'None' },
  };
}

function checkCredential(body: Record<string, any>, name: string, siblings: ArmResource[]): Record<string, unknown> {
  const p = body.properties ?? {};
  if (!FIC_NAME.test(name))
    throw errors.badRequest(
      `The federated identity credential name '${name}' is invalid: 3-120 letters, digits, '-' or '_', starting with a letter or digit.`,
    );
  if (typeof p.issuer !== 'string' || !/^https:\/\/\S+$/.test(p.issuer))
    throw errors.badRequest("'properties.issuer' is required and must be an https URL.", 'properties.issuer');
  if (typeof p.subject !== 'string' || !p.subject) throw errors.badRequest("'properties.subject' is required.", 'properties.subject');
  if (!Array.isArray(p.audiences) || p.audiences.length !== 1 || typeof p.audiences[0] !== 'string')
    throw errors.badRequest("'properties.audiences' must hold exactly one audience.", 'properties.audiences');
  const clash = siblings.find((s) => s.name !== name && s.properties?.issuer === p.issuer && s.properties?.subject === p.subject);
  if (clash)
    throw new ArmError(
      400,
      'BadRequest',
      `Federated identity credential '${clash.name}' already has issuer '${p.issuer}' and subject '${p.subject}'; the combination must be unique per identity.`,
    );
  if (!siblings.some((s) => s.name === name) && siblings.length >= MAX_CREDENTIALS)
    throw new ArmError(400, 'BadRequest', `An identity can have at most ${MAX_CREDENTIALS} federated identity credentials.`);
  return { issuer: p.issuer, subject: p.subject, audiences: p.audiences };
}

export const managedIdentityRoutes: ArmRoute[] = [
  {
    pattern:
      /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.managedidentity\/userassignedidentities\/([^/]+)\/federatedidentitycredentials$/i,
    methods: ['GET'],
    handle: (call) => {
      const [, sub, rg, name] = call.m;
      const identity = call.ctx.store.get(identityId(sub, rg, name));
      if (!identity) throw errors.resourceNotFound(identityId(sub, rg, name));
      return page(call, call.ctx.store.ofType(FIC_TYPE, identity.id));
    },
  },
  {
    pattern:
      /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.managedidentity\/userassignedidentities\/([^/]+)\/federatedidentitycredentials\/([^/]+)$/i,
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const [, sub, rg, name, fic] = call.m;
      const { store } = call.ctx;
      const identity = store.get(identityId(sub, rg, name));
      if (!identity) throw errors.resourceNotFound(identityId(sub, rg, name));
      const id = `${identity.id}/federatedIdentityCredentials/${fic}`;
      return crud(call, id, (body, existing) => ({
        id: existing?.id ?? id,
        name: existing?.name ?? fic,
        type: FIC_TYPE,
        properties: checkCredential(body, fic, store.ofType(FIC_TYPE, identity.id)),
      }));
    },
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.managedidentity\/userassignedidentities\/([^/]+)$/i,
    methods: ['GET', 'PUT'],
    handle: (call) => {
      const [, sub, rg, name] = call.m;
      const { store } = call.ctx;
      const id = identityId(sub, rg, name);
      const existing = store.get(id);
      if (call.req.method === 'GET') {
        if (!existing) throw errors.resourceNotFound(id);
        return json(200, existing);
      }
      const body = bodyObject(call.req);
      if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
      if (existing) return json(200, store.put({ ...existing, tags: body.tags ?? existing.tags }));
      return json(201, store.put(newIdentity(call.ctx, id, name, String(body.location), body.tags ?? {})));
    },
  },
];
