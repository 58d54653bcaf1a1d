import type { AzureEnvironment } from '@arc-actions/azure';

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

/** `host[:port]` entries of the allowlist as wss URLs of the relay (port 443 unless given). */
export function relayUrl(entry: string): string {
  const clean = entry.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  return `wss://${clean}/$hc/arc-connect-preflight`;
}

/**
 * The guest notification service answers `GET /urp/allowlist?api-version=2020-01-01&location=<region>` with the
 * relay endpoints the cluster-connect agent uses, as a JSON array of FQDNs (the documented way to build a firewall
 * allowlist). Objects with `value`/`endpoints`/`allowlist` arrays are accepted too, in case the shape grows.
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
  return list.filter(
    (e): e is string => typeof e === 'string' && /^[A-Za-z0-9.-]+(:\d+)?$/.test(e.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')),
  );
}
