import type { SandboxContext } from '../context.js';
import { errors } from './errors.js';

interface ProviderSpec {
  namespace: string;
  /** Providers that every subscription has (Microsoft.Resources, Microsoft.Authorization...). */
  free?: boolean;
  types: Record<string, string[]>;
}

const LOCATIONS = ['East US', 'East US 2', 'West Europe', 'North Europe', 'West US 2', 'Southeast Asia'];

export const PROVIDERS: ProviderSpec[] = [
  {
    namespace: 'Microsoft.Kubernetes',
    types: {
      connectedClusters: ['2026-05-01', '2024-01-01', '2021-10-01'],
      locations: ['2024-01-01'],
      'locations/operationStatuses': ['2024-01-01'],
      operations: ['2024-01-01'],
    },
  },
  {
    namespace: 'Microsoft.KubernetesConfiguration',
    types: { extensions: ['2025-03-01', '2023-05-01'], fluxConfigurations: ['2025-04-01', '2023-05-01'], operations: ['2025-04-01'] },
  },
  {
    namespace: 'Microsoft.ManagedIdentity',
    types: {
      userAssignedIdentities: ['2024-11-30', '2023-01-31'],
      'userAssignedIdentities/federatedIdentityCredentials': ['2024-11-30', '2023-01-31'],
    },
  },
  { namespace: 'Microsoft.ExtendedLocation', types: { customLocations: ['2021-08-15'], operations: ['2021-08-15'] } },
  { namespace: 'Microsoft.OperationalInsights', types: { workspaces: ['2025-07-01', '2022-10-01', '2015-11-01-preview'] } },
  {
    namespace: 'Microsoft.Insights',
    types: { dataCollectionRules: ['2024-03-11', '2022-06-01'], dataCollectionRuleAssociations: ['2024-03-11', '2022-06-01'] },
  },
  { namespace: 'Microsoft.OperationsManagement', types: { solutions: ['2015-11-01-preview'] } },
  {
    namespace: 'Microsoft.PolicyInsights',
    types: { policyStates: ['2024-10-01', '2019-10-01'], operations: ['2024-10-01'], asyncOperationResults: ['2024-10-01'] },
  },
  {
    namespace: 'Microsoft.Authorization',
    free: true,
    types: {
      roleAssignments: ['2022-04-01'],
      roleDefinitions: ['2022-04-01'],
      policyAssignments: ['2025-03-01'],
      policyDefinitions: ['2025-03-01'],
      policySetDefinitions: ['2025-03-01'],
    },
  },
  {
    namespace: 'Microsoft.Resources',
    free: true,
    types: { subscriptions: ['2022-12-01'], resourceGroups: ['2025-04-01'], tenants: ['2022-12-01'] },
  },
  { namespace: 'Microsoft.ResourceGraph', free: true, types: { resources: ['2024-04-01', '2022-10-01', '2021-03-01'] } },
  { namespace: 'Microsoft.Management', free: true, types: { managementGroups: ['2021-04-01', '2020-05-01'] } },
];

/** Namespaces whose writes need the subscription to be registered (409 MissingSubscriptionRegistration otherwise). */
export const REGISTRATION_REQUIRED = new Set(PROVIDERS.filter((p) => !p.free).map((p) => p.namespace.toLowerCase()));

export function findProvider(namespace: string): ProviderSpec | undefined {
  return PROVIDERS.find((p) => p.namespace.toLowerCase() === namespace.toLowerCase());
}

export function providerBody(ctx: SandboxContext, subscriptionId: string, namespace: string) {
  const spec = findProvider(namespace);
  if (!spec) {
    throw errors.invalidResourceType(`/subscriptions/${subscriptionId}/providers/${namespace}`);
  }
  return {
    id: `/subscriptions/${subscriptionId}/providers/${spec.namespace}`,
    namespace: spec.namespace,
    registrationState: spec.free ? 'Registered' : ctx.store.registration(subscriptionId, spec.namespace),
    registrationPolicy: spec.free ? 'RegistrationFree' : 'RegistrationRequired',
    resourceTypes: Object.entries(spec.types).map(([resourceType, apiVersions]) => ({
      resourceType,
      locations: LOCATIONS,
      locationMappings: [],
      apiVersions,
      capabilities: 'SupportsTags, SupportsLocation',
    })),
  };
}
