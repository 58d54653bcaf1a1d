import type { AzureEnvironment } from '../environment.js';

/** The Arc data-plane endpoints that `az connectedk8s connect` uses besides ARM. */
export interface ArcEndpoints {
  /** Config data plane, e.g. https://westeurope.dp.kubernetesconfiguration.azure.com (GetLatestHelmPackagePath). */
  dataPlane: string;
  /** Guest notification service (relay endpoint allowlist), e.g. https://guestnotificationservice.azure.com. */
  guestNotificationService: string;
}

const SUFFIX: Record<string, string> = { AzureCloud: 'azure.com', AzureUSGovernment: 'azure.us', AzureChinaCloud: 'azure.cn' };

/**
 * Public clouds: derived as az does (`https://<location>.dp.kubernetesconfiguration.<suffix>`,
 * `https://guestnotificationservice.<suffix>`). Custom environments (Azure Stack, the sandbox) carry them in the
 * environment JSON as `arcDataPlane` (may contain `{location}`) and `guestNotificationService`; `rawEnvironment` is
 * that JSON (the `environment` input), because parseEnvironment keeps only the ARM/Entra fields.
 */
export function arcEndpoints(environment: AzureEnvironment, location: string, rawEnvironment?: string): ArcEndpoints {
  const trim = (u: string) => u.replace(/\/+$/, '');
  if (environment.custom) {
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(rawEnvironment ?? '{}') as Record<string, unknown>;
    } catch {
      /* parseEnvironment already validated it */
    }
    const dp = typeof json.arcDataPlane === 'string' ? json.arcDataPlane : undefined;
    const gns = typeof json.guestNotificationService === 'string' ? json.guestNotificationService : undefined;
    if (!dp || !gns || !/^https:\/\//.test(dp) || !/^https:\/\//.test(gns)) {
      throw new Error(
        `The custom environment ${environment.name} has no Arc data-plane endpoints; add "arcDataPlane" (https URL, may contain {location}) and "guestNotificationService" (https URL) to the "environment" JSON.`,
      );
    }
    return { dataPlane: trim(dp.replace(/\{location\}/g, location)), guestNotificationService: trim(gns) };
  }
  const suffix = SUFFIX[environment.name] ?? 'azure.com';
  return {
    dataPlane: `https://${location}.dp.kubernetesconfiguration.${suffix}`,
    guestNotificationService: `https://guestnotificationservice.${suffix}`,
  };
}

/**
 * The relay allowlist of the guest notification service (Microsoft Learn, "Azure Arc-enabled Kubernetes network
 * requirements": `GET https://guestnotificationservice.<suffix>/urls/allowlist?api-version=2020-01-01&location=<region>`).
 */
export function allowlistUrl(guestNotificationService: string, location: string): string {
  return `${guestNotificationService}/urls/allowlist?api-version=2020-01-01&location=${encodeURIComponent(location)}`;
}

/**
 * A sender's hybrid connection URL on a relay host (`host[:port]`, port 443 unless given), as the Azure Relay Hybrid
 * Connections protocol writes it: `wss://{namespace}/$hc/{path}?sb-hc-action=connect`. No token: the probe only
 * looks at how the relay refuses it.
 */
export function relayUrl(entry: string): string {
  const clean = entry.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  return `wss://${clean}/$hc/arc-actions-preflight?sb-hc-action=connect`;
}

/**
 * The allowlist is a JSON array of relay host names (the documented shape); duplicates are dropped (the service
 * has been seen to repeat entries) and surrounding whitespace trimmed. Objects with `value`/`endpoints`/`allowlist`
 * arrays are accepted too, in case the shape grows.
 */
export function parseAllowlist(body: unknown): string[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object'
      ? ((body as Record<string, unknown>).value ??
        (body as Record<string, unknown>).endpoints ??
        (body as Record<string, unknown>).allowlist)
      : undefined;
  if (!Array.isArray(list)) return [];
  const hosts = list
    .filter((e): e is string => typeof e === 'string')
    .map((e) => e.trim())
    .filter((e) => /^[A-Za-z0-9.-]+(:\d+)?$/.test(e.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')));
  return [...new Set(hosts.map((h) => h.toLowerCase()))];
}
