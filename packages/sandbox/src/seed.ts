import { randomBytes } from 'node:crypto';
import type { SandboxContext, SandboxIdentity } from './context.js';
import { assignRole } from './arm/rbac.js';
import { PROVIDERS } from './arm/providers.js';

export const DEFAULT_IDENTITY: Omit<SandboxIdentity, 'oidcRequestToken' | 'githubToken'> = {
  tenantId: '72f9aa55-0000-4000-8000-00000000a7c0',
  clientId: '5a1d0b0c-0000-4000-8000-0000000c1e47',
  objectId: '0b1ec7a1-0000-4000-8000-00000000b1d0',
  subscriptionId: '5ab5c71b-0000-4000-8000-000000000001',
  rootManagementGroup: '72f9aa55-0000-4000-8000-00000000a7c0',
};

export const SECOND_SUBSCRIPTION = '5ab5c71b-0000-4000-8000-000000000002';

export function newIdentity(): SandboxIdentity {
  return { ...DEFAULT_IDENTITY, oidcRequestToken: randomBytes(24).toString('hex'), githubToken: `ghs_${randomBytes(18).toString('hex')}` };
}

/** Registers every provider of a subscription (what a subscription that already hosts Arc clusters looks like). */
export function registerAllProviders(ctx: SandboxContext, subscriptionId: string): void {
  for (const p of PROVIDERS) if (!p.free) ctx.store.setRegistration(subscriptionId, p.namespace, 'Registered');
}

/**
 * The starting tenant: root group → `fleet` group with the primary subscription (providers registered, resource
 * group `rg-fleet`) and a second subscription with no provider registered; the sandbox app with a federated
 * credential for acme/fleet's `prod` environment and pull requests, and Owner on the root group.
 */
export function seedDefaults(ctx: SandboxContext): void {
  const { store, identity } = ctx;
  store.addManagementGroup({ name: identity.rootManagementGroup, displayName: 'Tenant Root Group' });
  store.addManagementGroup({ name: 'fleet', displayName: 'Fleet', parent: identity.rootManagementGroup });
  store.addSubscription({
    subscriptionId: identity.subscriptionId,
    displayName: 'Arc Sandbox',
    state: 'Enabled',
    managementGroup: 'fleet',
  });
  store.addSubscription({ subscriptionId: SECOND_SUBSCRIPTION, displayName: 'Arc Sandbox 2', state: 'Enabled', managementGroup: 'fleet' });
  registerAllProviders(ctx, identity.subscriptionId);
  store.put({
    id: `/subscriptions/${identity.subscriptionId}/resourceGroups/rg-fleet`,
    name: 'rg-fleet',
    type: 'Microsoft.Resources/resourceGroups',
    location: 'eastus',
    tags: {},
    properties: { provisioningState: 'Succeeded' },
  });
  store.addApp({
    clientId: identity.clientId,
    objectId: identity.objectId,
    displayName: 'arc-actions-sandbox',
    federatedCredentials: [
      { name: 'prod', issuer: ctx.oidc.issuer, subject: 'repo:acme/fleet:environment:prod', audiences: ['api://AzureADTokenExchange'] },
      {
        name: 'pull-requests',
        issuer: ctx.oidc.issuer,
        subject: 'repo:acme/fleet:pull_request',
        audiences: ['api://AzureADTokenExchange'],
      },
      { name: 'main', issuer: ctx.oidc.issuer, subject: 'repo:acme/fleet:ref:refs/heads/main', audiences: ['api://AzureADTokenExchange'] },
    ],
  });
  assignRole(
    ctx,
    `/providers/Microsoft.Management/managementGroups/${identity.rootManagementGroup}`,
    identity.objectId,
    'Owner',
    '0e5a0000-0000-4000-8000-000000000001',
  );
}
