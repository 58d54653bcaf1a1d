import { ConfigurationError, shown } from '@arc-actions/core';

/** Where an Azure cloud lives: ARM, Entra (authority host) and Resource Graph endpoints, and the token scope. */
export interface AzureEnvironment {
  name: string;
  /** ARM endpoint without a trailing slash, e.g. https://management.azure.com */
  resourceManager: string;
  /** Entra authority host without a trailing slash, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Resource Graph endpoint (ARM in public clouds). */
  resourceGraph: string;
  /** The scope to ask tokens for, e.g. https://management.azure.com/.default */
  tokenScope: string;
  /**
   * The cloud's `active_directory_resource_id` (az: `cloud.endpoints.active_directory_resource_id`), e.g.
   * https://management.core.windows.net/ — the audience az asks for when it calls the Arc config data plane.
   */
  activeDirectoryResourceId: string;
  /** Custom environments (Azure Stack, the sandbox) skip Entra instance discovery. */
  custom: boolean;
  /**
   * The Log Analytics query API without `/v1` (https://api.loganalytics.io in the public cloud); a custom environment
   * has one only when its JSON names `logAnalytics`.
   */
  logAnalytics?: string;
  /** The scope of Log Analytics query tokens, e.g. https://api.loganalytics.io/.default */
  logAnalyticsScope?: string;
  /** The Azure portal, for links to a query (https://portal.azure.com); custom environments name theirs as `portal`. */
  portal?: string;
}

// Log Analytics endpoints and token audiences per cloud: @azure/monitor-query-logs `KnownMonitorLogsQueryAudience`.
const KNOWN: Record<string, Omit<AzureEnvironment, 'name' | 'custom'>> = {
  AzureCloud: {
    logAnalytics: 'https://api.loganalytics.io',
    logAnalyticsScope: 'https://api.loganalytics.io/.default',
    portal: 'https://portal.azure.com',
    resourceManager: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    resourceGraph: 'https://management.azure.com',
    tokenScope: 'https://management.azure.com/.default',
    activeDirectoryResourceId: 'https://management.core.windows.net/',
  },
  AzureUSGovernment: {
    logAnalytics: 'https://api.loganalytics.us',
    logAnalyticsScope: 'https://api.loganalytics.us/.default',
    portal: 'https://portal.azure.us',
    resourceManager: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    resourceGraph: 'https://management.usgovcloudapi.net',
    tokenScope: 'https://management.usgovcloudapi.net/.default',
    activeDirectoryResourceId: 'https://management.core.usgovcloudapi.net/',
  },
  AzureChinaCloud: {
    logAnalytics: 'https://api.loganalytics.azure.cn',
    logAnalyticsScope: 'https://api.loganalytics.azure.cn/.default',
    portal: 'https://portal.azure.cn',
    resourceManager: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceGraph: 'https://management.chinacloudapi.cn',
    tokenScope: 'https://management.chinacloudapi.cn/.default',
    activeDirectoryResourceId: 'https://management.core.chinacloudapi.cn/',
  },
};

/**
 * The cloud names the Arc agents understand (`global.azureEnvironment`): the Go SDK's names, as az connectedk8s
 * sends them (custom.py `send_cloud_telemetry` upper-cases the CLI cloud name and maps AZURECLOUD and
 * AZUREUSGOVERNMENT; _constants.py `Azure_PublicCloudName`, `Azure_USGovCloudName`). A custom cloud keeps its
 * name in upper case, as az does.
 */
export function agentCloudName(environment: AzureEnvironment): string {
  const upper = environment.name.toUpperCase();
  if (upper === 'AZURECLOUD') return 'AZUREPUBLICCLOUD';
  if (upper === 'AZUREUSGOVERNMENT') return 'AZUREUSGOVERNMENTCLOUD';
  return upper;
}

export const KNOWN_ENVIRONMENTS = Object.keys(KNOWN);

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function httpsUrl(input: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || !/^https:\/\/[^\s/]+/.test(value)) {
    throw new ConfigurationError(
      `Input "${input}" has ${field} ${shown(String(value))}; it must be an https URL (Entra and the Azure SDKs refuse plain http).`,
      input,
    );
  }
  return trimSlash(value);
}

/**
 * `AzureCloud`, `AzureUSGovernment`, `AzureChinaCloud` (any case), or a custom JSON object
 * `{"name","resourceManager","authorityHost","resourceGraph"?,"tokenAudience"?,"activeDirectoryResourceId"?,
 * "logAnalytics"?,"logAnalyticsAudience"?,"portal"?}`.
 */
export function parseEnvironment(value: string, input = 'environment'): AzureEnvironment {
  const text = value.trim() || 'AzureCloud';
  if (!text.startsWith('{')) {
    const name = KNOWN_ENVIRONMENTS.find((n) => n.toLowerCase() === text.toLowerCase());
    if (!name) {
      throw new ConfigurationError(
        `Input "${input}" has the value ${shown(text)}; allowed: ${KNOWN_ENVIRONMENTS.join(', ')}, or a JSON object of custom endpoints.`,
        input,
      );
    }
    return { name, ...KNOWN[name], custom: false };
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigurationError(`Input "${input}" starts like JSON but is not valid JSON (${(error as Error).message}).`, input);
  }
  const resourceManager = httpsUrl(input, 'resourceManager', json.resourceManager);
  const authorityHost = httpsUrl(input, 'authorityHost', json.authorityHost);
  const resourceGraph = json.resourceGraph === undefined ? resourceManager : httpsUrl(input, 'resourceGraph', json.resourceGraph);
  const audience =
    json.tokenAudience === undefined ? 'https://management.azure.com/' : httpsUrl(input, 'tokenAudience', json.tokenAudience) + '/';
  const activeDirectoryResourceId =
    json.activeDirectoryResourceId === undefined
      ? audience
      : httpsUrl(input, 'activeDirectoryResourceId', json.activeDirectoryResourceId) + '/';
  const logAnalytics = json.logAnalytics === undefined ? undefined : httpsUrl(input, 'logAnalytics', json.logAnalytics);
  const logAnalyticsAudience =
    json.logAnalyticsAudience === undefined
      ? 'https://api.loganalytics.io'
      : httpsUrl(input, 'logAnalyticsAudience', json.logAnalyticsAudience);
  return {
    name: typeof json.name === 'string' && json.name ? json.name : 'Custom',
    resourceManager,
    authorityHost,
    resourceGraph,
    tokenScope: `${audience}.default`,
    activeDirectoryResourceId,
    custom: true,
    ...(logAnalytics ? { logAnalytics, logAnalyticsScope: `${logAnalyticsAudience}/.default` } : {}),
    ...(json.portal === undefined ? {} : { portal: httpsUrl(input, 'portal', json.portal) }),
  };
}
