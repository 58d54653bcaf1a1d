import { allowlistUrl, type ArcEndpoints } from './endpoints.js';
import { probeableHosts, type RequiredHost } from './requirements.js';
import { relayRows, type EgressRow, type ProbeAttempt, type RelayProbe } from './verdicts.js';

/**
 * What the in-cluster egress probe (packages/kube egress-probe) saw, as its script writes it to the termination
 * message: one entry per request, `k` the kind (`a` the relay allowlist, `h` plain HTTPS, `p` a relay's plain GET, `u`
 * the same URL as a websocket upgrade), `h` the host, `c` curl's exit code, `s` the HTTP status (0 = no answer), `t`
 * the status text, `b` the start of the body, `x` curl's error, `cut` the entries that did not fit in 4096 bytes.
 */
export interface InClusterProbeEntry {
  k: 'a' | 'h' | 'p' | 'u';
  h: string;
  c: number;
  s: number;
  t?: string;
  b?: string;
  x?: string;
}

export interface InClusterProbeResult {
  v: 1;
  cut?: number;
  e?: InClusterProbeEntry[];
  error?: string;
}

const CURL_HINTS: Record<number, string> = {
  5: 'the proxy host name does not resolve',
  6: 'the host name does not resolve from the cluster',
  7: 'no TCP connection',
  28: 'no answer in time',
  35: 'the TLS handshake failed',
  52: 'the connection was closed without an answer',
  56: 'the connection failed while receiving (a proxy refusing the tunnel, or closing it)',
  60: "the server's certificate is not trusted (a TLS-inspecting proxy needs its CA certificate as proxy-cert)",
};

/** One entry as a probe attempt in the runner-side pre-flight's terms, so both share judgeUpgrade. */
export function attemptOf(entry: InClusterProbeEntry): ProbeAttempt {
  if (entry.s > 0)
    return {
      answered: true,
      status: entry.s,
      statusText: entry.t ?? '',
      body: entry.b ?? '',
      detail: `HTTP ${entry.s} ${entry.t ?? ''}`.trim(),
    };
  const hint = CURL_HINTS[entry.c];
  const error = (entry.x ?? '').replace(/^curl: \(\d+\) /, '');
  return {
    answered: false,
    detail: [hint, error && `curl exit ${entry.c}: ${error}`].filter(Boolean).join('; ') || `curl exit ${entry.c}`,
  };
}

/**
 * The in-cluster probe's rows, read with the same verdicts as the runner-side pre-flight (`relayRows`,
 * `judgeUpgrade`): a stripped or dropped websocket upgrade is a failure whose fix names the relay hosts and the proxy;
 * a host without an answer is a failure naming the host and the proxy.
 */
export function inClusterEgressRows(result: InClusterProbeResult, via: string | undefined): EgressRow[] {
  const prefix = 'in-cluster: ';
  const how = via ? ` from inside the cluster through proxy ${via}` : ' from inside the cluster (direct)';
  if (result.error) return [{ check: `${prefix}egress probe`, result: 'fail', detail: `the probe could not run: ${result.error}` }];
  const entries = result.e ?? [];
  const rows: EgressRow[] = [];
  const inProxy = via ? ` in the proxy ${via}` : ' in the firewall';
  for (const a of entries.filter((e) => e.k === 'a')) {
    const attempt = attemptOf(a);
    const relays = entries.filter((e) => e.k === 'p').length;
    rows.push(
      a.s === 200
        ? { check: `${prefix}relay allowlist`, result: 'pass', detail: `${a.h} answered the allowlist (${relays} relay endpoint(s))${how}` }
        : {
            check: `${prefix}relay allowlist`,
            result: 'fail',
            detail: `${a.h}: ${attempt.detail}${how}`,
            fix: `allow HTTPS to ${a.h}${inProxy}`,
          },
    );
  }
  const https = entries.filter((e) => e.k === 'h');
  if (https.length) {
    const failing = https.filter((e) => e.s <= 0);
    rows.push(
      failing.length
        ? {
            check: `${prefix}HTTPS to the Arc endpoints`,
            result: 'fail',
            detail: `${failing.map((e) => `${e.h}: ${attemptOf(e).detail}`).join('; ')}${how}`,
            fix: `allow HTTPS (port 443) to ${failing.map((e) => e.h).join(', ')}${inProxy}`,
          }
        : {
            check: `${prefix}HTTPS to the Arc endpoints`,
            result: 'pass',
            detail: `${https.map((e) => `${e.h} (HTTP ${e.s})`).join(', ')} answered${how}`,
          },
    );
  }
  const relays = [...new Set(entries.filter((e) => e.k === 'p' || e.k === 'u').map((e) => e.h))];
  const results: { relay: string; probe: RelayProbe }[] = [];
  for (const relay of relays) {
    const plain = entries.find((e) => e.k === 'p' && e.h === relay);
    const upgrade = entries.find((e) => e.k === 'u' && e.h === relay);
    if (plain && upgrade) results.push({ relay, probe: { plain: attemptOf(plain), upgrade: attemptOf(upgrade) } });
  }
  if (results.length) rows.push(...relayRows(results, how, via, prefix));
  if (result.cut)
    rows.push({
      check: `${prefix}egress probe`,
      result: 'warn',
      detail: `${result.cut} probe result(s) did not fit in the 4096-byte termination message and are not shown`,
    });
  if (!rows.length) rows.push({ check: `${prefix}egress probe`, result: 'fail', detail: 'the probe reported no result' });
  return rows;
}

/**
 * What the in-cluster probe is asked to reach: the allowlist (which it resolves itself, from inside), every required
 * host without a wildcard as plain HTTPS (the relays aside: they get the websocket probe), and the relays the runner
 * resolved as a fallback should the allowlist not answer inside.
 */
export function inClusterProbeTargets(
  hosts: readonly RequiredHost[],
  endpoints: ArcEndpoints | undefined,
  location: string,
  relays: readonly string[],
): { allowlistUrl?: string; https: string[]; relays: string[] } {
  const https = probeableHosts(hosts)
    .filter((h) => h.source !== 'allowlist')
    .map((h) => `https://${h.host}${h.port === 443 ? '' : `:${h.port}`}/`);
  return {
    allowlistUrl: endpoints ? allowlistUrl(endpoints.guestNotificationService, location) : undefined,
    https: [...new Set(https)],
    relays: [...relays],
  };
}
