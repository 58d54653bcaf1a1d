import type { ArmClients } from '@arc-actions/azure';
import { errorMessage, waitFor } from '@arc-actions/core';
import type { ProxyInputs } from './inputs.js';
import { missingSkipEntries, type ClusterFacts } from './cluster-facts.js';
import { parseAllowlist, relayUrl, type ArcEndpoints } from './endpoints.js';
import { httpsRequest, probeWebsocket, type ProbeOptions } from './tunnel.js';

export type CheckResult = 'pass' | 'fail' | 'warn' | 'skipped';

/** One row of the pre-flight table: what was checked, the result, and how to fix it. */
export interface CheckRow {
  check: string;
  result: CheckResult;
  detail: string;
  fix?: string;
}

export const REQUIRED_PROVIDERS = ['Microsoft.Kubernetes', 'Microsoft.KubernetesConfiguration', 'Microsoft.ExtendedLocation'] as const;
export const MIN_KUBERNETES = { major: 1, minor: 28 };

/** Reads the registration state of the three providers (no writes). */
export async function readProviderStates(arm: ArmClients, subscriptionId: string): Promise<Record<string, string>> {
  const client = await arm.resources(subscriptionId);
  const states = await Promise.all(
    REQUIRED_PROVIDERS.map(async (ns) => [ns, (await client.providers.get(ns)).registrationState ?? 'NotRegistered'] as const),
  );
  return Object.fromEntries(states);
}

export function providerRows(states: Record<string, string>, register: boolean): CheckRow[] {
  return REQUIRED_PROVIDERS.map((ns) => {
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

/** Registers the providers that are not Registered and polls until they are, within `timeoutMs`. Returns the ones it registered. */
export async function registerProviders(
  arm: ArmClients,
  subscriptionId: string,
  states: Record<string, string>,
  timeoutMs: number,
): Promise<string[]> {
  const client = await arm.resources(subscriptionId);
  const todo = REQUIRED_PROVIDERS.filter((ns) => states[ns] !== 'Registered');
  for (const ns of todo) if (states[ns] !== 'Registering') await client.providers.register(ns);
  const done = await waitFor(
    async () => {
      const now = await Promise.all(todo.map(async (ns) => (await client.providers.get(ns)).registrationState));
      return now.every((s) => s === 'Registered') ? true : undefined;
    },
    { timeoutMs, initialMs: 500, maxMs: 10_000 },
  );
  if (!done.value) {
    throw new Error(
      `The resource providers ${todo.join(', ')} were still registering after ${Math.round(timeoutMs / 1000)} s; run az provider show -n <namespace> and retry when they are Registered.`,
    );
  }
  return todo;
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
 * Egress as the agents need it, through the configured proxy: the relay allowlist from the guest notification
 * service, HTTPS to the config data plane, and a websocket upgrade to every relay endpoint (cluster connect).
 * Returns the rows and the relay endpoints.
 */
export async function egressRows(
  endpoints: ArcEndpoints,
  location: string,
  proxy: ProxyInputs,
  trust: string[] = [],
): Promise<{ rows: CheckRow[]; relays: string[] }> {
  const options: ProbeOptions = { proxy: proxy.https ?? proxy.http, ca: [...trust, ...(proxy.cert ? [proxy.cert] : [])] };
  const via = proxy.display.https ?? proxy.display.http;
  const how = via ? ` through proxy ${via}` : ' (direct)';
  const rows: CheckRow[] = [];
  let relays: string[] = [];
  const allowlistUrl = `${endpoints.guestNotificationService}/urp/allowlist?api-version=2020-01-01&location=${encodeURIComponent(location)}`;
  try {
    const answer = await httpsRequest(allowlistUrl, options);
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status} ${answer.statusText}`);
    relays = parseAllowlist(JSON.parse(answer.body.toString('utf8')));
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
            detail: `the guest notification service listed no relay endpoint for ${location}; the websocket check is skipped`,
          },
    );
  } catch (error) {
    rows.push({
      check: 'relay allowlist',
      result: 'fail',
      detail: `GET ${endpoints.guestNotificationService}/urp/allowlist failed${how}: ${errorMessage(error)}`,
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
  if (relays.length) {
    const results = await Promise.all(relays.map(async (r) => ({ relay: r, result: await probeWebsocket(relayUrl(r), options) })));
    const failed = results.filter((r) => !r.result.ok);
    if (failed.length === 0) {
      rows.push({ check: 'websocket to the relay', result: 'pass', detail: `101 Switching Protocols from ${relays.join(', ')}${how}` });
    } else {
      const names = failed.map((f) => f.relay).join(', ');
      rows.push({
        check: 'websocket to the relay',
        result: 'fail',
        detail: `${failed.map((f) => `${f.relay}: ${f.result.detail}`).join('; ')}${how}. Onboarding would succeed but cluster connect (az connectedk8s proxy, the portal's Kubernetes resources view, custom locations) would hang`,
        fix: `allow websocket upgrades (HTTP/1.1 Upgrade: websocket, long-lived connections) to ${names}${via ? ' in the proxy; a TLS-inspecting proxy must exempt these hosts from inspection' : ''}`,
      });
    }
  }
  return { rows, relays };
}

export const failed = (rows: CheckRow[]): CheckRow[] => rows.filter((r) => r.result === 'fail');
