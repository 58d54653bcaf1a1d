import type { AzureEnvironment } from '../environment.js';
import type { ArcEndpoints } from './endpoints.js';

/**
 * The hosts Arc-enabled Kubernetes needs, per cloud, as Microsoft Learn lists them ("Azure Arc-enabled Kubernetes
 * network requirements", learn.microsoft.com/azure/azure-arc/kubernetes/network-requirements; for Azure operated by
 * 21Vianet docs.azure.cn/azure-arc/kubernetes/network-requirements). Every entry is outbound TCP with TLS on 443
 * unless a port is given. The relay wildcard (`*.servicebus.windows.net`) is expanded into the region's hosts from the
 * guest notification service's allowlist; the wildcard stays in the list for proxies that take wildcards.
 *
 * One module for the runner-side pre-flight, the in-cluster probe (which probes every entry without a wildcard) and
 * the allowlist file the proxy team applies.
 */
export interface RequiredHost {
  /** Host name, possibly a `*.` wildcard. */
  host: string;
  port: number;
  /** Why Arc needs it (from the Learn table). */
  purpose: string;
  /** `core`: the agents cannot work without it; `feature`: needed by a feature (cluster connect, Azure RBAC, …). */
  need: 'core' | 'feature';
  /** Where it came from: the Learn table, the environment, or the guest notification service's allowlist. */
  source: 'learn' | 'environment' | 'allowlist';
}

type Template = Omit<RequiredHost, 'source'>;

const REGION = '{region}';

/** Learn's table for the public cloud, as of the page's current version. */
const PUBLIC: Template[] = [
  { host: 'management.azure.com', port: 443, purpose: 'agents connect to Azure and register the cluster', need: 'core' },
  { host: `${REGION}.dp.kubernetesconfiguration.azure.com`, port: 443, purpose: 'config data plane (status, configuration)', need: 'core' },
  { host: 'login.microsoftonline.com', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
  { host: `${REGION}.login.microsoft.com`, port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
  { host: 'login.windows.net', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
  { host: 'mcr.microsoft.com', port: 443, purpose: 'agent container images', need: 'core' },
  { host: '*.data.mcr.microsoft.com', port: 443, purpose: 'agent container images', need: 'core' },
  { host: 'gbl.his.arc.azure.com', port: 443, purpose: 'regional endpoint for managed identity certificates', need: 'core' },
  { host: '*.his.arc.azure.com', port: 443, purpose: 'system-assigned managed identity certificates', need: 'core' },
  { host: 'guestnotificationservice.azure.com', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
  { host: '*.guestnotificationservice.azure.com', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
  { host: 'sts.windows.net', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
  { host: '*.servicebus.windows.net', port: 443, purpose: 'cluster connect and custom locations (websockets)', need: 'feature' },
  { host: 'graph.microsoft.com', port: 443, purpose: 'Azure RBAC', need: 'feature' },
  { host: '*.arc.azure.net', port: 443, purpose: 'managing the cluster in the Azure portal', need: 'feature' },
  { host: `${REGION}.obo.arc.azure.com`, port: 8084, purpose: 'cluster connect', need: 'feature' },
];

/** docs.azure.cn's table for Azure operated by 21Vianet. */
const CHINA: Template[] = [
  { host: 'management.chinacloudapi.cn', port: 443, purpose: 'agents connect to Azure and register the cluster', need: 'core' },
  { host: `${REGION}.dp.kubernetesconfiguration.azure.cn`, port: 443, purpose: 'config data plane (status, configuration)', need: 'core' },
  { host: 'login.chinacloudapi.cn', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
  { host: `${REGION}.login.chinacloudapi.cn`, port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
  { host: 'login.partner.microsoftonline.cn', port: 443, purpose: 'Azure Resource Manager tokens', need: 'core' },
  { host: 'mcr.azk8s.cn', port: 443, purpose: 'agent container images', need: 'core' },
  { host: 'gbl.his.arc.azure.cn', port: 443, purpose: 'regional endpoint for managed identity certificates', need: 'core' },
  { host: '*.his.arc.azure.cn', port: 443, purpose: 'system-assigned managed identity certificates', need: 'core' },
  { host: 'guestnotificationservice.azure.cn', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
  { host: '*.guestnotificationservice.azure.cn', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
  { host: 'sts.chinacloudapi.cn', port: 443, purpose: 'cluster connect and custom locations', need: 'feature' },
  { host: '*.servicebus.chinacloudapi.cn', port: 443, purpose: 'cluster connect and custom locations (websockets)', need: 'feature' },
  { host: 'graph.chinacloudapi.cn', port: 443, purpose: 'Azure RBAC', need: 'feature' },
  { host: '*.arc.azure.cn', port: 443, purpose: 'managing the cluster in the Azure portal', need: 'feature' },
  { host: `${REGION}.obo.arc.azure.cn`, port: 8084, purpose: 'cluster connect', need: 'feature' },
];

const TABLES: Record<string, Template[]> = { AzureCloud: PUBLIC, AzureChinaCloud: CHINA };

const hostOf = (url: string): { host: string; port: number } => {
  const u = new URL(url);
  return { host: u.hostname.toLowerCase(), port: Number(u.port || 443) };
};

/** `host[:port]` from an allowlist entry (the guest notification service lists bare host names). */
export function splitHostPort(entry: string): { host: string; port: number } {
  const clean = entry
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
  const m = /^(.*?)(?::(\d+))?$/.exec(clean)!;
  return { host: m[1], port: Number(m[2] ?? 443) };
}

/**
 * Every host the region needs: Learn's table for the cloud (AzureUSGovernment and custom environments have none
 * vendored: their list is the environment's own endpoints), the environment's ARM and Entra hosts, the config data
 * plane and guest notification service as the actions reach them, and the relay hosts the allowlist resolved.
 * Sorted and without duplicates (host and port).
 */
export function requiredHosts(
  environment: AzureEnvironment,
  location: string,
  endpoints: ArcEndpoints | undefined,
  relays: readonly string[],
): RequiredHost[] {
  const table = environment.custom ? [] : (TABLES[environment.name] ?? []);
  const out: RequiredHost[] = table.map((t) => ({ ...t, host: t.host.replace(REGION, location), source: 'learn' }));
  const add = (entry: { host: string; port: number }, purpose: string, need: RequiredHost['need'], source: RequiredHost['source']) =>
    out.push({ ...entry, purpose, need, source });
  add(hostOf(environment.resourceManager), 'Azure Resource Manager', 'core', 'environment');
  add(hostOf(environment.authorityHost), 'Microsoft Entra ID (tokens)', 'core', 'environment');
  if (endpoints) {
    add(hostOf(endpoints.dataPlane), 'config data plane (status, configuration)', 'core', 'environment');
    add(hostOf(endpoints.guestNotificationService), 'guest notification service (relay allowlist)', 'feature', 'environment');
  }
  for (const relay of relays) add(splitHostPort(relay), `relay of ${location} (websockets)`, 'feature', 'allowlist');
  const seen = new Map<string, RequiredHost>();
  for (const h of out) {
    const key = `${h.host}:${h.port}`;
    if (!seen.has(key)) seen.set(key, h);
  }
  return [...seen.values()].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
}

/** Hosts a probe can reach: every entry without a wildcard (wildcards are covered by the concrete hosts). */
export const probeableHosts = (hosts: readonly RequiredHost[]): RequiredHost[] => hosts.filter((h) => !h.host.includes('*'));
