import { errorMessage } from '@arc-actions/core';
import type { ProxyInputs } from './inputs.js';
import { missingSkipEntries, type ClusterFacts } from './cluster-facts.js';
import { allowlistUrl, parseAllowlist, relayUrl, type ArcEndpoints } from './endpoints.js';
import { probeableHosts, relayRows, requiredHosts, type AzureEnvironment } from '@arc-actions/azure';
import { httpsRequest, probeRelay, type ProbeOptions } from './tunnel.js';

export { judgeUpgrade, relayRows } from '@arc-actions/azure';

export type CheckResult = 'pass' | 'fail' | 'warn' | 'skipped';

/** One row of the pre-flight table: what was checked, the result, and how to fix it. */
export interface CheckRow {
  check: string;
  result: CheckResult;
  detail: string;
  fix?: string;
}

export const REQUIRED_PROVIDERS = ['Microsoft.Kubernetes', 'Microsoft.KubernetesConfiguration', 'Microsoft.ExtendedLocation'] as const;
/** Container Insights also writes a workspace, a data collection rule and its association (legacy: a solution). */
export const MONITORING_PROVIDERS = ['Microsoft.OperationalInsights', 'Microsoft.Insights'] as const;
export const MIN_KUBERNETES = { major: 1, minor: 28 };

export function providerRows(states: Record<string, string>, register: boolean): CheckRow[] {
  return Object.keys(states).map((ns) => {
    const state = states[ns] ?? 'NotRegistered';
    if (state === 'Registered') return { check: `provider ${ns}`, result: 'pass', detail: 'Registered' };
    if (register)
      return { check: `provider ${ns}`, result: 'warn', detail: `${state}; arc-connect registers it after the other checks pass` };
    return {
      check: `provider ${ns}`,
      result: 'fail',
      detail: `${state} and "register-providers" is false`,
      fix: `az provider register --namespace ${ns} --wait (or set register-providers: true)`,
    };
  });
}

/** Version, cluster-admin, and the proxy skip range (when a proxy is set), from facts already read. */
export function clusterRows(facts: ClusterFacts, proxy: ProxyInputs): CheckRow[] {
  const rows: CheckRow[] = [
    { check: 'cluster reachable', result: 'pass', detail: `${facts.server} answered /version (${facts.gitVersion})` },
  ];
  const supported = facts.major > MIN_KUBERNETES.major || (facts.major === MIN_KUBERNETES.major && facts.minor >= MIN_KUBERNETES.minor);
  rows.push(
    supported
      ? {
          check: 'Kubernetes version',
          result: 'pass',
          detail: `${facts.major}.${facts.minor} (≥ ${MIN_KUBERNETES.major}.${MIN_KUBERNETES.minor})`,
        }
      : {
          check: 'Kubernetes version',
          result: 'fail',
          detail: `${facts.gitVersion} is older than ${MIN_KUBERNETES.major}.${MIN_KUBERNETES.minor}, the oldest version Arc supports`,
          fix: `upgrade the cluster to Kubernetes ${MIN_KUBERNETES.major}.${MIN_KUBERNETES.minor} or newer`,
        },
  );
  rows.push(
    facts.clusterAdmin
      ? {
          check: 'cluster-admin',
          result: 'pass',
          detail: 'SelfSubjectAccessReview allows * on * (the agents install cluster-wide RBAC and CRDs)',
        }
      : {
          check: 'cluster-admin',
          result: 'fail',
          detail: `SelfSubjectAccessReview denies * on *${facts.adminReason ? ` (${facts.adminReason})` : ''}`,
          fix: 'use a kubeconfig whose user is bound to the cluster-admin ClusterRole',
        },
  );
  if (facts.nodes.length > 0 && !facts.nodes.some((n) => (n.os ?? 'linux') === 'linux')) {
    rows.push({
      check: 'Linux nodes',
      result: 'fail',
      detail: 'no Linux node: the agents only run on Linux',
      fix: 'add a Linux node pool',
    });
  }
  if (proxy.https || proxy.http) {
    const missing = missingSkipEntries(proxy.skipRange, facts.serviceCidr);
    const cidrNote = facts.serviceCidr
      ? `service CIDR ${facts.serviceCidr} (${facts.serviceCidrSource}${facts.serviceIp ? ` from ClusterIP ${facts.serviceIp}` : ''})`
      : 'service CIDR unknown';
    rows.push(
      missing.length === 0
        ? { check: 'proxy-skip-range', result: 'pass', detail: `covers the ${cidrNote} and the in-cluster names` }
        : {
            check: 'proxy-skip-range',
            result: 'fail',
            detail: `lacks ${missing.join(', ')}: the agents would send in-cluster traffic (${cidrNote}) to the proxy`,
            fix: `add ${missing.join(', ')} to "proxy-skip-range"`,
          },
    );
  }
  return rows;
}

/**
 * Egress as the agents need it, through the configured proxy:
 *
 * - the relay allowlist from the guest notification service (`GET /urls/allowlist?api-version=2020-01-01&location=`,
 *   Microsoft Learn "Azure Arc-enabled Kubernetes network requirements"): a JSON array of relay host names;
 * - HTTPS to the config data plane;
 * - HTTPS to the region's other required hosts (packages/azure arc-network `requiredHosts`, the list the in-cluster
 *   probe and the allowlist file use), when the environment is given;
 * - each relay: any HTTP answer proves it is reachable. Azure Relay never accepts an unauthenticated websocket
 *   (relay-hybrid-connections-protocol: 401 without a token, 404 for an unknown path), so the upgrade probe sends a
 *   sender's handshake without a token and looks at how it is refused: 401/404 (or 101) means the upgrade reached the
 *   relay; "400 This endpoint is only for web-socket requests" (Azure Relay's answer to a request that is not a
 *   websocket upgrade) or the same answer as a plain request means something in between removed the upgrade; a
 *   connection closed without an answer while plain HTTPS works means something drops upgrades. Anything else cannot
 *   be told apart from a relay answer: a warning with the fix, never a failure.
 */
export async function egressRows(
  endpoints: ArcEndpoints,
  location: string,
  proxy: ProxyInputs,
  trust: string[] = [],
  environment?: AzureEnvironment,
): Promise<{ rows: CheckRow[]; relays: string[] }> {
  const options: ProbeOptions = { proxy: proxy.https ?? proxy.http, ca: [...trust, ...(proxy.cert ? [proxy.cert] : [])] };
  const via = proxy.display.https ?? proxy.display.http;
  const how = via ? ` through proxy ${via}` : ' (direct)';
  const rows: CheckRow[] = [];
  let relays: string[] = [];
  const url = allowlistUrl(endpoints.guestNotificationService, location);
  try {
    const answer = await httpsRequest(url, options);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status} ${answer.statusText}`);
    let body: unknown;
    try {
      body = JSON.parse(answer.body.toString('utf8'));
    } catch {
      throw new Error('the answer is not JSON');
    }
    relays = parseAllowlist(body);
    rows.push(
      relays.length
        ? {
            check: 'relay allowlist',
            result: 'pass',
            detail: `${relays.length} relay endpoint(s) for ${location}${how}: ${relays.join(', ')}`,
          }
        : {
            check: 'relay allowlist',
            result: 'warn',
            detail: `the guest notification service listed no relay endpoint for ${location}; the relay checks are skipped`,
          },
    );
  } catch (error) {
    rows.push({
      check: 'relay allowlist',
      result: 'fail',
      detail: `GET ${new URL(url).origin}${new URL(url).pathname} failed${how}: ${errorMessage(error)}`,
      fix: `allow HTTPS to ${new URL(endpoints.guestNotificationService).host}${via ? ' in the proxy' : ''}`,
    });
  }
  try {
    const answer = await httpsRequest(`${endpoints.dataPlane}/`, options);
    rows.push({
      check: 'HTTPS to the config data plane',
      result: 'pass',
      detail: `${new URL(endpoints.dataPlane).host} answered (HTTP ${answer.status})${how}`,
    });
  } catch (error) {
    rows.push({
      check: 'HTTPS to the config data plane',
      result: 'fail',
      detail: `${new URL(endpoints.dataPlane).host}${how}: ${errorMessage(error)}`,
      fix: `allow HTTPS to ${new URL(endpoints.dataPlane).host}`,
    });
  }
  if (environment) rows.push(...(await requiredHostRows(environment, endpoints, location, options, how, via)));
  if (relays.length) {
    const results = await Promise.all(relays.map(async (r) => ({ relay: r, probe: await probeRelay(relayUrl(r), options) })));
    rows.push(...relayRows(results, how, via));
  }
  return { rows, relays };
}

/** One row for the required hosts not probed above (the data plane and the guest notification service have their own). */
async function requiredHostRows(
  environment: AzureEnvironment,
  endpoints: ArcEndpoints,
  location: string,
  options: ProbeOptions,
  how: string,
  via: string | undefined,
): Promise<CheckRow[]> {
  const own = new Set([new URL(endpoints.dataPlane).host, new URL(endpoints.guestNotificationService).host]);
  const hosts = probeableHosts(requiredHosts(environment, location, endpoints, []))
    .map((h) => (h.port === 443 ? h.host : `${h.host}:${h.port}`))
    .filter((h) => !own.has(h));
  if (!hosts.length) return [];
  const results = await Promise.all(
    hosts.map(async (host) => ({
      host,
      error: await httpsRequest(`https://${host}/`, options).then(
        () => undefined,
        (e: unknown) => errorMessage(e),
      ),
    })),
  );
  const failing = results.filter((r) => r.error);
  return [
    failing.length
      ? {
          check: 'HTTPS to the Arc endpoints',
          result: 'fail',
          detail: `${failing.map((r) => `${r.host}: ${r.error}`).join('; ')}${how}`,
          fix: `allow HTTPS to ${failing.map((r) => r.host).join(', ')}${via ? ` in the proxy ${via}` : ''} (Microsoft Learn, Azure Arc-enabled Kubernetes network requirements)`,
        }
      : { check: 'HTTPS to the Arc endpoints', result: 'pass', detail: `${hosts.join(', ')} answered${how}` },
  ];
}

export const failed = (rows: CheckRow[]): CheckRow[] => rows.filter((r) => r.result === 'fail');
