/** Built-in Azure role definitions the sandbox knows, with their real ids. */

export interface RoleDefinition {
  name: string;
  roleName: string;
  description: string;
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

const role = (
  name: string,
  roleName: string,
  description: string,
  actions: string[],
  notActions: string[] = [],
  dataActions: string[] = [],
): RoleDefinition => ({
  name,
  roleName,
  description,
  actions,
  notActions,
  dataActions,
  notDataActions: [],
});

const ARC_READ = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/write',
  'Microsoft.Resources/subscriptions/operationresults/read',
  'Microsoft.Resources/subscriptions/read',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Kubernetes/connectedClusters/read',
  'Microsoft.Support/*',
];

export const BUILT_IN_ROLES: RoleDefinition[] = [
  role(
    '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    'Owner',
    'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    ['*'],
  ),
  role(
    'b24988ac-6180-42a0-ab88-20f7382dd24c',
    'Contributor',
    'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
    ['*'],
    ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
  ),
  role('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', 'View all resources, but does not allow you to make any changes.', ['*/read']),
  role('18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator', 'Lets you manage user access to Azure resources.', [
    '*/read',
    'Microsoft.Authorization/*',
    'Microsoft.Support/*',
  ]),
  role(
    '36243c78-bf99-498c-9df9-86d9f8d28608',
    'Resource Policy Contributor',
    'Users with rights to create/modify resource policy, create support ticket and read resources/hierarchy.',
    [
      '*/read',
      'Microsoft.Authorization/policyassignments/*',
      'Microsoft.Authorization/policydefinitions/*',
      'Microsoft.Authorization/policyexemptions/*',
      'Microsoft.Authorization/policysetdefinitions/*',
      'Microsoft.PolicyInsights/*',
      'Microsoft.Support/*',
    ],
  ),
  role(
    '34e09817-6cbe-4d01-b1a2-e0eac5743d41',
    'Kubernetes Cluster - Azure Arc Onboarding',
    'Role definition to authorize any user/service to create connectedClusters resource',
    [
      'Microsoft.Resources/deployments/write',
      'Microsoft.Resources/subscriptions/operationresults/read',
      'Microsoft.Resources/subscriptions/read',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Kubernetes/connectedClusters/Write',
      'Microsoft.Kubernetes/connectedClusters/read',
      'Microsoft.Support/*',
    ],
  ),
  role('00493d72-78f6-4148-b6c5-d3ce8e4799dd', 'Azure Arc Enabled Kubernetes Cluster User Role', 'List cluster user credentials action.', [
    'Microsoft.Resources/deployments/write',
    'Microsoft.Resources/subscriptions/operationresults/read',
    'Microsoft.Resources/subscriptions/read',
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    'Microsoft.Kubernetes/connectedClusters/listClusterUserCredentials/action',
    'Microsoft.Kubernetes/connectedClusters/listClusterUserCredential/action',
    'Microsoft.Insights/alertRules/*',
    'Microsoft.Support/*',
  ]),
  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/containers#kubernetes-extension-contributor
  role(
    '85cb6faf-e071-4c9b-8136-154b5a04f717',
    'Kubernetes Extension Contributor',
    'Can create, update, get, list and delete Kubernetes Extensions, and get extension async operations',
    [
      'Microsoft.Authorization/*/read',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.KubernetesConfiguration/extensions/write',
      'Microsoft.KubernetesConfiguration/extensions/read',
      'Microsoft.KubernetesConfiguration/extensions/delete',
      'Microsoft.KubernetesConfiguration/extensions/operations/read',
    ],
  ),
  role(
    '63f0a09d-1495-4db4-a681-037d84835eb4',
    'Azure Arc Kubernetes Viewer',
    'Lets you view all resources in cluster/namespace, except secrets.',
    ARC_READ,
    [],
    ['Microsoft.Kubernetes/connectedClusters/*/read'],
  ),
  role(
    '5b999177-9696-4545-85c7-50de3797e5a1',
    'Azure Arc Kubernetes Writer',
    'Lets you update everything in cluster/namespace, except (cluster)roles and (cluster)role bindings.',
    ARC_READ,
    [],
    [
      'Microsoft.Kubernetes/connectedClusters/*/read',
      'Microsoft.Kubernetes/connectedClusters/*/write',
      'Microsoft.Kubernetes/connectedClusters/*/delete',
    ],
  ),
  role(
    'dffb1e0c-446f-4dde-a09f-99eb5cc68b96',
    'Azure Arc Kubernetes Admin',
    'Lets you manage all resources under cluster/namespace, except update or delete resource quotas and namespaces.',
    ARC_READ,
    [],
    ['Microsoft.Kubernetes/connectedClusters/*'],
  ),
  role(
    '8393591c-06b9-48a2-a542-1bd6b377f6a2',
    'Azure Arc Kubernetes Cluster Admin',
    'Lets you manage all resources in the cluster.',
    ARC_READ,
    [],
    ['Microsoft.Kubernetes/connectedClusters/*'],
  ),
];

export const ROLE_IDS = Object.fromEntries(BUILT_IN_ROLES.map((r) => [r.roleName, r.name])) as Record<string, string>;
