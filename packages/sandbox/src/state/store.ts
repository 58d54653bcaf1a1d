import { EventEmitter } from 'node:events';
import { ancestors, key, parseId } from './ids.js';
import type {
  AppRegistration,
  ArmResource,
  ChangeAction,
  ManagementGroup,
  PolicyStateRecord,
  RegistrationState,
  ResourceKind,
  Subscription,
} from './types.js';

const KINDS: Record<string, ResourceKind> = {
  'microsoft.kubernetes/connectedclusters': 'cluster',
  'microsoft.kubernetesconfiguration/extensions': 'extension',
  'microsoft.kubernetesconfiguration/fluxconfigurations': 'fluxConfiguration',
  'microsoft.authorization/policyassignments': 'policyAssignment',
  'microsoft.authorization/policydefinitions': 'policyDefinition',
  'microsoft.authorization/policysetdefinitions': 'policySetDefinition',
  'microsoft.authorization/roleassignments': 'roleAssignment',
  'microsoft.authorization/roledefinitions': 'roleDefinition',
  'microsoft.resources/resourcegroups': 'resourceGroup',
};

export const kindOf = (type: string): ResourceKind => KINDS[type.toLowerCase()] ?? 'other';

export interface StoreEvents {
  change: [kind: ResourceKind, id: string, action: ChangeAction];
}

export const mgId = (name: string): string => `/providers/Microsoft.Management/managementGroups/${name}`;
export const policyStateKey = (s: Pick<PolicyStateRecord, 'resourceId' | 'policyAssignmentId' | 'policyDefinitionReferenceId'>): string =>
  key(`${s.resourceId}|${s.policyAssignmentId}|${s.policyDefinitionReferenceId ?? ''}`);

/**
 * Everything the sandbox knows: tenant, management groups, subscriptions, app registrations, ARM resources and
 * policy states. Emits `change` (kind, id, action) on every resource write so that a reconciler can react.
 */
export class SandboxStore extends EventEmitter<StoreEvents> {
  readonly managementGroups = new Map<string, ManagementGroup>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly apps = new Map<string, AppRegistration>();
  /** Provider registration per `${subscription}/${namespace}` (lower case). */
  readonly providers = new Map<string, { state: RegistrationState; readyAt?: number }>();
  readonly policyStates = new Map<string, PolicyStateRecord>();
  /** Secrets accepted on write (configurationProtectedSettings) and never returned by ARM. */
  readonly secrets = new Map<string, Record<string, string>>();
  /** Kubeconfigs of real clusters backing ARM clusters (returned by listClusterUserCredential), by cluster id. */
  readonly kubeconfigs = new Map<string, string>();
  /**
   * Log Analytics tables by workspace resource id (lower case), then table name: what the monitoring add-on of the
   * real clusters ingests (ContainerLogV2 rows), queried through the Logs query API stand-in.
   */
  readonly logTables = new Map<string, Map<string, Record<string, unknown>[]>>();
  /** Ids (lower case) of clusters backed by a real cluster: agent emulation leaves them alone. */
  readonly realClusters = new Set<string>();
  private readonly resources = new Map<string, ArmResource>();
  private readonly byParent = new Map<string, Set<string>>();
  private readonly byType = new Map<string, Set<string>>();

  constructor(readonly tenantId: string) {
    super();
    this.setMaxListeners(100);
  }

  // ---- management groups and subscriptions

  addManagementGroup(group: ManagementGroup): ManagementGroup {
    this.managementGroups.set(group.name.toLowerCase(), group);
    return group;
  }

  /** The group and its parents, nearest first. */
  managementGroupChain(name: string): ManagementGroup[] {
    const out: ManagementGroup[] = [];
    for (
      let g = this.managementGroups.get(name.toLowerCase());
      g && out.length < 10;
      g = g.parent ? this.managementGroups.get(g.parent.toLowerCase()) : undefined
    )
      out.push(g);
    return out;
  }

  /** Names of the group and all groups below it. */
  managementGroupDescendants(name: string): Set<string> {
    const out = new Set([name.toLowerCase()]);
    for (let grew = true; grew;) {
      grew = false;
      for (const g of this.managementGroups.values()) {
        if (g.parent && out.has(g.parent.toLowerCase()) && !out.has(g.name.toLowerCase())) {
          out.add(g.name.toLowerCase());
          grew = true;
        }
      }
    }
    return out;
  }

  addSubscription(subscription: Subscription): Subscription {
    this.subscriptions.set(subscription.subscriptionId.toLowerCase(), subscription);
    return subscription;
  }

  subscription(id: string | undefined): Subscription | undefined {
    return id ? this.subscriptions.get(id.toLowerCase()) : undefined;
  }

  /** Every scope at or above `scope`, nearest first: the scope, its parents, the subscription, then management groups. */
  scopeChain(scope: string): string[] {
    const clean = scope.replace(/\/+$/, '') || '/';
    const chain = clean === '/' ? [] : [clean, ...ancestors(clean)];
    const parsed = parseId(clean);
    const sub = this.subscription(parsed.subscriptionId);
    const mg = parsed.subscriptionId ? sub?.managementGroup : parsed.managementGroup;
    if (mg) {
      const groups = this.managementGroupChain(mg).map((g) => mgId(g.name));
      for (const g of groups) if (!chain.some((c) => key(c) === key(g))) chain.push(g);
    }
    chain.push('/');
    return chain;
  }

  // ---- ARM resources

  get(id: string): ArmResource | undefined {
    return this.resources.get(key(id));
  }

  get resourceCount(): number {
    return this.resources.size;
  }

  put(resource: ArmResource, action: ChangeAction = 'put'): ArmResource {
    const k = key(resource.id);
    if (!this.resources.has(k)) {
      const parent = key(ancestors(resource.id)[0] ?? '/');
      let set = this.byParent.get(parent);
      if (!set) this.byParent.set(parent, (set = new Set()));
      set.add(k);
      const t = resource.type.toLowerCase();
      let typed = this.byType.get(t);
      if (!typed) this.byType.set(t, (typed = new Set()));
      typed.add(k);
    }
    this.resources.set(k, resource);
    this.emit('change', kindOf(resource.type), resource.id, action);
    return resource;
  }

  /** Deletes the resource and everything below it (extensions of a cluster, resources of a group). */
  delete(id: string): ArmResource | undefined {
    const k = key(id);
    const resource = this.resources.get(k);
    if (!resource) return undefined;
    for (const child of [...(this.byParent.get(k) ?? [])]) {
      const c = this.resources.get(child);
      if (c) this.delete(c.id);
    }
    this.byParent.delete(k);
    this.resources.delete(k);
    this.secrets.delete(k);
    this.byParent.get(key(ancestors(resource.id)[0] ?? '/'))?.delete(k);
    this.byType.get(resource.type.toLowerCase())?.delete(k);
    for (const [sk, s] of this.policyStates) if (key(s.resourceId) === k) this.policyStates.delete(sk);
    this.emit('change', kindOf(resource.type), resource.id, 'delete');
    return resource;
  }

  /** Direct children of a scope, optionally of one type. */
  children(parentId: string, type?: string): ArmResource[] {
    const out: ArmResource[] = [];
    const t = type?.toLowerCase();
    for (const k of this.byParent.get(key(parentId)) ?? []) {
      const r = this.resources.get(k);
      if (r && (!t || r.type.toLowerCase() === t)) out.push(r);
    }
    return out;
  }

  /** All resources of a type, optionally only those whose id starts with `scope` (a subscription or group id). */
  ofType(type: string, scope?: string): ArmResource[] {
    const prefix = scope ? key(scope) + '/' : '';
    const out: ArmResource[] = [];
    for (const k of this.byType.get(type.toLowerCase()) ?? []) {
      if (prefix && !k.startsWith(prefix)) continue;
      const r = this.resources.get(k);
      if (r) out.push(r);
    }
    return out;
  }

  allResources(): IterableIterator<ArmResource> {
    return this.resources.values();
  }

  // ---- policy states

  putPolicyState(state: PolicyStateRecord): PolicyStateRecord {
    this.policyStates.set(policyStateKey(state), state);
    this.emit('change', 'policyState', state.resourceId, 'put');
    return state;
  }

  // ---- providers

  registration(subscriptionId: string, namespace: string): RegistrationState {
    const entry = this.providers.get(`${subscriptionId}/${namespace}`.toLowerCase());
    if (!entry) return 'NotRegistered';
    if (entry.state === 'Registering' && entry.readyAt !== undefined && Date.now() >= entry.readyAt) entry.state = 'Registered';
    return entry.state;
  }

  setRegistration(subscriptionId: string, namespace: string, state: RegistrationState, readyAt?: number): void {
    this.providers.set(`${subscriptionId}/${namespace}`.toLowerCase(), { state, readyAt });
  }

  // ---- identities

  addApp(app: AppRegistration): AppRegistration {
    this.apps.set(app.clientId.toLowerCase(), app);
    return app;
  }

  app(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId.toLowerCase());
  }
}
