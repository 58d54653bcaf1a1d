/** The shapes kept in the sandbox store. Resources are stored as the JSON that ARM returns on GET. */

export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location?: string;
  tags?: Record<string, string>;
  properties?: Record<string, any>;
  [extra: string]: unknown;
}

export interface Subscription {
  subscriptionId: string;
  displayName: string;
  state: 'Enabled' | 'Disabled' | 'Warned';
  /** Name of the management group that holds the subscription. */
  managementGroup: string;
  tags?: Record<string, string>;
}

export interface ManagementGroup {
  name: string;
  displayName: string;
  /** Name of the parent group; undefined for the tenant root group. */
  parent?: string;
}

export interface FederatedCredential {
  name: string;
  issuer: string;
  subject: string;
  audiences: string[];
}

export interface AppRegistration {
  clientId: string;
  /** Service principal object id: the `oid` of its tokens and the principalId of its role assignments. */
  objectId: string;
  displayName: string;
  federatedCredentials: FederatedCredential[];
}

export type RegistrationState = 'NotRegistered' | 'Registering' | 'Registered' | 'Unregistering';

/** One Kubernetes object's result under a policy state (Policy Insights "components"). */
export interface PolicyComponent {
  id: string;
  type: string;
  name: string;
  timestamp?: string;
  complianceState: string;
}

/** The latest policy state of one resource for one assignment (and definition reference within a set). */
export interface PolicyStateRecord {
  resourceId: string;
  policyAssignmentId: string;
  policyDefinitionId: string;
  complianceState: string;
  timestamp?: string;
  resourceType?: string;
  resourceLocation?: string;
  policyDefinitionAction?: string;
  policySetDefinitionId?: string;
  policyDefinitionReferenceId?: string;
  policyDefinitionGroupNames?: string[];
  components?: PolicyComponent[];
  [extra: string]: unknown;
}

/** Friendly names for the resource types that a reconciler may follow through change events. */
export type ResourceKind =
  | 'cluster'
  | 'extension'
  | 'fluxConfiguration'
  | 'policyAssignment'
  | 'policyDefinition'
  | 'policySetDefinition'
  | 'roleAssignment'
  | 'roleDefinition'
  | 'resourceGroup'
  | 'policyState'
  | 'other';

export type ChangeAction = 'put' | 'patch' | 'delete';
