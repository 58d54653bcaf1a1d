import { clusterRef, agentCloudName, type ArmClients, type AzureEnvironment } from '@arc-actions/azure';
import { readEnv, stableStringify } from '@arc-actions/core';
import type { ArcEndpoints } from './endpoints.js';
import type { Helm } from './helm.js';
import type { Inputs } from './inputs.js';

/**
 * The Arc agents: their Helm values (with the names az uses), what differs from the installed release, which Azure
 * resource an installed agent already belongs to, and the chart the Arc config data plane offers.
 */

export interface AgentExtras {
  /** Arc endpoints of a custom environment (az passes them as overrides when ARM's metadata has dataplaneEndpoints). */
  endpoints?: ArcEndpoints;
  /** Custom locations: enabled with the Custom Locations RP's object id (az: when Microsoft.ExtendedLocation is registered). */
  customLocationsOid?: string;
}

/**
 * Endpoint overrides for clouds the agents cannot name (az connectedk8s `helm_install_release`: with ARM metadata
 * `dataplaneEndpoints` it sets azureResourceManagerEndpoint, config_dp_endpoint_override,
 * notification_dp_endpoint_override and activeDirectoryEndpoint). A custom `environment` JSON plays that metadata.
 */
function endpointOverrides(environment: AzureEnvironment, endpoints?: ArcEndpoints): Record<string, any> {
  if (!environment.custom || !endpoints) return {};
  return {
    azureResourceManagerEndpoint: environment.resourceManager,
    activeDirectoryEndpoint: environment.authorityHost,
    azureArcAgents: { config_dp_endpoint_override: endpoints.dataPlane },
    'clusterconnect-agent': { notification_dp_endpoint_override: endpoints.guestNotificationService },
  };
}

/** Helm values of the agents chart, with the same names az uses (`global.*`, `systemDefaultValues.*`). */
export function agentValues(
  inputs: Inputs,
  platform: { distribution: string; infrastructure: string },
  privateKey: string,
  noProxy: string,
  extras: AgentExtras = {},
): Record<string, any> {
  const { identity, cluster, proxy } = inputs;
  const proxied = !!(proxy.https || proxy.http);
  const overrides = endpointOverrides(identity.environment, extras.endpoints);
  return {
    global: {
      subscriptionId: identity.subscriptionId,
      resourceGroupName: cluster.resourceGroup,
      resourceName: cluster.clusterName,
      location: cluster.location,
      tenantId: identity.tenantId,
      kubernetesDistro: platform.distribution,
      kubernetesInfra: platform.infrastructure,
      azureEnvironment: agentCloudName(identity.environment),
      onboardingPrivateKey: privateKey,
      isProxyEnabled: proxied,
      httpsProxy: proxy.https ?? '',
      httpProxy: proxy.http ?? '',
      noProxy,
      proxyCert: proxy.cert ?? '',
      isCustomCert: !!proxy.cert,
    },
    systemDefaultValues: {
      spnOnboarding: false,
      ...overrides,
      'clusterconnect-agent': { enabled: true, ...overrides['clusterconnect-agent'] },
      azureArcAgents: { autoUpdate: inputs.autoUpgrade, ...overrides.azureArcAgents },
      ...(extras.customLocationsOid ? { customLocations: { enabled: true, oid: extras.customLocationsOid } } : {}),
    },
  };
}

/** The connected cluster that the agents' own ConfigMap (azure-clusterconfig) says they belong to. */
export const ownerOf = (config: Record<string, string>): string | undefined =>
  config.AZURE_SUBSCRIPTION_ID && config.AZURE_RESOURCE_GROUP && config.AZURE_RESOURCE_NAME
    ? clusterRef(config.AZURE_SUBSCRIPTION_ID, config.AZURE_RESOURCE_GROUP, config.AZURE_RESOURCE_NAME).id
    : undefined;

/** Only the values we set are compared; the private key is compared but never shown. */
export function diffValues(
  installed: Record<string, any>,
  desired: Record<string, any>,
): { path: string; before: unknown; after: unknown }[] {
  const out: { path: string; before: unknown; after: unknown }[] = [];
  const walk = (a: any, d: any, prefix: string) => {
    if (d && typeof d === 'object' && !Array.isArray(d)) {
      for (const k of Object.keys(d)) walk(a?.[k], d[k], prefix ? `${prefix}.${k}` : k);
      return;
    }
    if (stableStringify(a ?? '') === stableStringify(d ?? '')) return;
    const secret = /privatekey|proxycert|proxy$/i.test(prefix);
    out.push({ path: prefix, before: secret ? '(set)' : a, after: secret ? '(new value)' : d });
  };
  walk(installed, desired, '');
  return out;
}

/**
 * POST {dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath as az does (_utils.py `get_helm_registry`: a token
 * for the cloud's active_directory_resource_id, releaseTrain from RELEASETRAIN or stable, up to 5 tries), then the
 * chart from the registry path it answers (`Helm.fetchChart`: the /v2/ path, the minimum version).
 */
export async function latestChart(arm: ArmClients, scope: string, endpoints: ArcEndpoints, helm: Helm): Promise<string> {
  const token = await arm.credential.getToken(scope);
  if (!token) throw new Error(`No token for ${scope} (the Arc config data plane's audience).`);
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token.token}` };
  const url = `${endpoints.dataPlane}/azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview&releaseTrain=${encodeURIComponent(readEnv('RELEASETRAIN') ?? 'stable')}`;
  let answer: Response | undefined;
  for (let attempt = 1; attempt <= 5; attempt++) {
    answer = await fetch(url, { method: 'POST', headers, body: '{}' }).catch(() => undefined);
    if (answer?.ok || (answer && answer.status < 500 && answer.status !== 429)) break;
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
  if (!answer?.ok) {
    const detail = answer ? `HTTP ${answer.status}: ${(await answer.text().catch(() => '')).slice(0, 300)}` : 'no answer';
    throw new Error(`GetLatestHelmPackagePath at ${endpoints.dataPlane} failed (${detail}).`);
  }
  const body = (await answer.json()) as { repositoryPath?: string };
  if (!body.repositoryPath) throw new Error('GetLatestHelmPackagePath answered without a repositoryPath.');
  return helm.fetchChart(body.repositoryPath);
}
