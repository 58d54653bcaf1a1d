import type { TokenCredential } from '@azure/core-auth';
import type { AzureEnvironment } from './environment.js';
import { callPolicies, type AzureService } from './pipeline.js';

/**
 * Builds ARM SDK clients for one environment and credential. SDKs are imported lazily, so an action pays for
 * the SDKs it uses only. Endpoint and token scope are always passed explicitly: the two SDK generations default
 * to different scopes when the endpoint is overridden (see docs/architecture.md).
 */
export class ArmClients {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    readonly credential: TokenCredential,
    readonly environment: AzureEnvironment,
  ) {}

  /** Options for classic ("HLC") clients built on @azure/core-client. */
  private classicFor(service: AzureService = 'ARM') {
    return {
      endpoint: this.environment.resourceManager,
      credentialScopes: [this.environment.tokenScope],
      additionalPolicies: callPolicies(service),
    };
  }

  private get classic() {
    return this.classicFor('ARM');
  }

  /** Options for modular clients built on @azure-rest/core-client. */
  private modular(endpoint = this.environment.resourceManager, service: AzureService = 'ARM') {
    return { endpoint, credentials: { scopes: [this.environment.tokenScope] }, additionalPolicies: callPolicies(service) };
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let client = this.cache.get(key) as Promise<T> | undefined;
    if (!client) {
      client = make();
      this.cache.set(key, client);
    }
    return client;
  }

  resources(subscriptionId: string) {
    return this.once(
      `resources:${subscriptionId}`,
      async () => new (await import('@azure/arm-resources')).ResourceManagementClient(this.credential, subscriptionId, this.modular()),
    );
  }

  connectedClusters(subscriptionId: string) {
    return this.once(
      `hybrid:${subscriptionId}`,
      async () =>
        new (await import('@azure/arm-hybridkubernetes')).ConnectedKubernetesClient(this.credential, subscriptionId, this.classic),
    );
  }

  kubernetesConfiguration(subscriptionId: string) {
    return this.once(
      `kconfig:${subscriptionId}`,
      async () =>
        new (await import('@azure/arm-kubernetesconfiguration')).SourceControlConfigurationClient(
          this.credential,
          subscriptionId,
          this.classic,
        ),
    );
  }

  policy(subscriptionId: string) {
    return this.once(
      `policy:${subscriptionId}`,
      async () => new (await import('@azure/arm-policy')).PolicyClient(this.credential, subscriptionId, this.modular()),
    );
  }

  /**
   * Policy exemptions. @azure/arm-policy 7 (stable API versions only) has no policyExemptions; the official package's
   * 5.x line does (API 2020-07-01-preview), installed under the alias @azure/arm-policy-exemptions.
   */
  policyExemptions(subscriptionId: string) {
    return this.once(`exemptions:${subscriptionId}`, async () => {
      const { PolicyClient } = await import('@azure/arm-policy-exemptions');
      return new PolicyClient(this.credential, subscriptionId, this.classic);
    });
  }

  policyInsights(subscriptionId?: string) {
    return this.once(`insights:${subscriptionId ?? ''}`, async () => {
      const { PolicyInsightsClient } = await import('@azure/arm-policyinsights');
      return subscriptionId
        ? new PolicyInsightsClient(this.credential, subscriptionId, this.classicFor('Policy Insights'))
        : new PolicyInsightsClient(this.credential, this.classicFor('Policy Insights'));
    });
  }

  authorization(subscriptionId: string) {
    return this.once(
      `authz:${subscriptionId}`,
      async () =>
        new (await import('@azure/arm-authorization')).AuthorizationManagementClient(this.credential, subscriptionId, this.classic),
    );
  }

  /** User-assigned managed identities and their federated identity credentials (classic SDK, api 2024-11-30). */
  managedIdentities(subscriptionId: string) {
    return this.once(
      `msi:${subscriptionId}`,
      async () => new (await import('@azure/arm-msi')).ManagedServiceIdentityClient(this.credential, subscriptionId, this.classic),
    );
  }

  managementGroups() {
    return this.once('mgmt', async () => {
      const { ManagementGroupsAPI } = await import('@azure/arm-managementgroups');
      return new ManagementGroupsAPI(this.credential, this.classic);
    });
  }

  /** Log Analytics workspaces and their shared keys (modular SDK). */
  operationalInsights(subscriptionId: string) {
    return this.once(
      `oi:${subscriptionId}`,
      async () =>
        new (await import('@azure/arm-operationalinsights')).OperationalInsightsManagementClient(
          this.credential,
          subscriptionId,
          this.modular(),
        ),
    );
  }

  /** Azure Monitor: data collection rules and their associations (modular SDK). */
  monitor(subscriptionId: string) {
    return this.once(
      `monitor:${subscriptionId}`,
      async () => new (await import('@azure/arm-monitor')).MonitorClient(this.credential, subscriptionId, this.modular()),
    );
  }

  /**
   * The Log Analytics query API (@azure/monitor-query-logs). Its `endpoint` option is the whole base URL, `/v1`
   * included (the SDK uses it verbatim), and its token scope is the environment's Log Analytics audience.
   */
  logsQuery() {
    return this.once('logs', async () => {
      const { logAnalytics, logAnalyticsScope, name } = this.environment;
      if (!logAnalytics || !logAnalyticsScope)
        throw new Error(`The environment ${name} names no Log Analytics endpoint ("logAnalytics" in the custom environment JSON).`);
      const { LogsQueryClient } = await import('@azure/monitor-query-logs');
      return new LogsQueryClient(this.credential, {
        endpoint: `${logAnalytics}/v1`,
        credentials: { scopes: [logAnalyticsScope] },
        additionalPolicies: callPolicies('Log Analytics'),
      });
    });
  }

  resourceGraph() {
    return this.once('graph', async () => {
      const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
      return new ResourceGraphClient(this.credential, this.modular(this.environment.resourceGraph, 'Resource Graph'));
    });
  }
}

/** The ARM clients of a run: GitHub OIDC → Entra for the identity inputs, in their environment. */
export async function armClientsFor(identity: {
  tenantId: string;
  clientId: string;
  audience: string;
  environment: AzureEnvironment;
}): Promise<ArmClients> {
  const { createOidcCredential } = await import('./credential.js');
  const { tenantId, clientId, audience, environment } = identity;
  return new ArmClients(await createOidcCredential({ tenantId, clientId, audience, environment }), environment);
}
