import type { SandboxContext, OidcClaims } from './context.js';
import { assignRole } from './arm/rbac.js';
import { markConnected } from './arm/clusters.js';
import { newIdentity } from './arm/managed-identities.js';
import { emulatedFluxStatus, extensionStatuses } from './arm/cluster-extensions.js';
import { registerAllProviders } from './seed.js';
import type { SandboxStore, StoreEvents } from './state/store.js';
import type { AppRegistration, ArmResource, FederatedCredential, PolicyStateRecord, Subscription } from './state/types.js';

/**
 * Typed access to the sandbox state for tests and reconcilers: identities, OIDC claims, clusters, extensions,
 * flux configurations and policy states. `on('change', (kind, id, action) => …)` follows every resource write.
 */
export class SandboxState {
  constructor(private readonly ctx: SandboxContext) {}

  get store(): SandboxStore {
    return this.ctx.store;
  }

  on<K extends keyof StoreEvents>(event: K, listener: (...args: StoreEvents[K]) => void): this {
    this.ctx.store.on(event, listener as never);
    return this;
  }

  off<K extends keyof StoreEvents>(event: K, listener: (...args: StoreEvents[K]) => void): this {
    this.ctx.store.off(event, listener as never);
    return this;
  }

  /** Claims of the next GitHub OIDC tokens (e.g. `{ sub: 'repo:acme/fleet:pull_request' }`). */
  setOidcClaims(claims: Partial<OidcClaims>): OidcClaims {
    Object.assign(this.ctx.oidc.claims, claims);
    return this.ctx.oidc.claims;
  }

  get oidcClaims(): OidcClaims {
    return this.ctx.oidc.claims;
  }

  get oidcIssuer(): string {
    return this.ctx.oidc.issuer;
  }

  addApp(app: AppRegistration): AppRegistration {
    return this.ctx.store.addApp(app);
  }

  /** Replaces the federated credentials of an app (the sandbox app by default). */
  setFederatedCredentials(credentials: FederatedCredential[], clientId = this.ctx.identity.clientId): void {
    const app = this.ctx.store.app(clientId);
    if (!app) throw new Error(`The app '${clientId}' is not registered in the sandbox.`);
    app.federatedCredentials = credentials;
  }

  addSubscription(subscription: Subscription, registerProviders = true): Subscription {
    const s = this.ctx.store.addSubscription(subscription);
    if (registerProviders) registerAllProviders(this.ctx, s.subscriptionId);
    return s;
  }

  addResourceGroup(subscriptionId: string, name: string, location = 'eastus', tags: Record<string, string> = {}): ArmResource {
    return this.ctx.store.put({
      id: `/subscriptions/${subscriptionId}/resourceGroups/${name}`,
      name,
      type: 'Microsoft.Resources/resourceGroups',
      location,
      tags,
      properties: { provisioningState: 'Succeeded' },
    });
  }

  /** A user-assigned managed identity (with its generated clientId and principalId), as a user creates it. */
  addUserAssignedIdentity(subscriptionId: string, resourceGroup: string, name: string, location = 'westeurope'): ArmResource {
    const id = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
    return this.ctx.store.put(newIdentity(this.ctx, id, name, location));
  }

  assignRole(scope: string, principalId: string, role: string): ArmResource {
    return assignRole(this.ctx, scope, principalId, role);
  }

  get(id: string): ArmResource | undefined {
    return this.ctx.store.get(id);
  }

  put(resource: ArmResource): ArmResource {
    return this.ctx.store.put(resource);
  }

  /** Marks a cluster as its agents would report it. */
  setClusterConnectivity(
    id: string,
    status: 'Connecting' | 'Connected' | 'Offline' | 'Expired' | 'AgentNotInstalled',
    properties: Record<string, unknown> = {},
  ): ArmResource {
    const cluster = this.require(id);
    if (status === 'Connected') markConnected(this.ctx, cluster, properties);
    else this.ctx.store.put({ ...cluster, properties: { ...cluster.properties, connectivityStatus: status, ...properties } }, 'patch');
    return this.require(id);
  }

  /** Declares that a real cluster backs this ARM cluster: agent emulation stops, listClusterUserCredential returns the kubeconfig. */
  attachRealCluster(id: string, kubeconfig: string): void {
    this.ctx.store.realClusters.add(id.toLowerCase());
    this.ctx.store.kubeconfigs.set(id.toLowerCase(), kubeconfig);
  }

  setExtensionState(id: string, provisioningState: string, properties: Record<string, unknown> = {}): ArmResource {
    const ext = this.require(id);
    const statuses =
      provisioningState === 'Succeeded' ? extensionStatuses(String(ext.properties?.extensionType)) : ext.properties?.statuses;
    return this.ctx.store.put({ ...ext, properties: { ...ext.properties, provisioningState, statuses, ...properties } }, 'patch');
  }

  setFluxState(id: string, complianceState: string, properties: Record<string, unknown> = {}): ArmResource {
    const flux = this.require(id);
    const base = complianceState === 'Compliant' ? emulatedFluxStatus(flux) : {};
    return this.ctx.store.put({ ...flux, properties: { ...flux.properties, ...base, complianceState, ...properties } }, 'patch');
  }

  putPolicyState(state: PolicyStateRecord): PolicyStateRecord {
    return this.ctx.store.putPolicyState({ timestamp: new Date().toISOString(), ...state });
  }

  policyStates(): PolicyStateRecord[] {
    return [...this.ctx.store.policyStates.values()];
  }

  private require(id: string): ArmResource {
    const r = this.ctx.store.get(id);
    if (!r) throw new Error(`The resource '${id}' does not exist in the sandbox.`);
    return r;
  }
}
