/**
 * How an egress probe's answers are read, the same for the runner-side pre-flight (arc-connect) and the in-cluster
 * probe (arc-connect before the agents, arc-verify nightly): one interpretation, wherever the probe ran.
 *
 * Relays: any HTTP answer proves a relay host is reachable. Azure Relay never accepts an unauthenticated websocket
 * (Microsoft Learn, "Azure Relay Hybrid Connections protocol": 401 without a token, 404 for an unknown path), so the
 * upgrade probe sends a sender's handshake without a token and looks at how it is refused: 401/404 (or 101) means the
 * upgrade reached the relay; "400 This endpoint is only for web-socket requests" (Azure Relay's answer to a request
 * that is not a websocket upgrade, Azure/azure-relay-dotnet#135) or the same answer as a plain request means something
 * in between removed the upgrade; a connection closed without an answer while plain HTTPS works means something drops
 * upgrades. Anything else cannot be told apart from a relay answer: a warning with the fix, never a failure.
 */

export type EgressResult = 'pass' | 'fail' | 'warn' | 'skipped';

/** One row of an egress table: what was checked, the result, and how to fix it. */
export interface EgressRow {
  check: string;
  result: EgressResult;
  detail: string;
  fix?: string;
}

/** One request of a probe: whether an HTTP answer came back, and which. */
export interface ProbeAttempt {
  answered: boolean;
  status?: number;
  statusText?: string;
  /** The start of the answer's body (for the relay's error text). */
  body?: string;
  detail: string;
}

export interface RelayProbe {
  /** A plain HTTPS GET of the hybrid connection URL. */
  plain: ProbeAttempt;
  /** The same URL as a websocket upgrade (a sender's handshake, without a token). */
  upgrade: ProbeAttempt;
}

const EXEMPT = ' (a TLS-inspecting proxy must exempt them from inspection)';

/** The reachability row and the websocket row from the relay probes; `prefix` names where they ran ("in-cluster: "). */
export function relayRows(results: { relay: string; probe: RelayProbe }[], how: string, via?: string, prefix = ''): EgressRow[] {
  const rows: EgressRow[] = [];
  const unreachable = results.filter((r) => !r.probe.plain.answered);
  rows.push(
    unreachable.length === 0
      ? {
          check: `${prefix}HTTPS to the relay`,
          result: 'pass',
          detail: `${results.map((r) => `${r.relay} (HTTP ${r.probe.plain.status})`).join(', ')} answered${how}`,
        }
      : {
          check: `${prefix}HTTPS to the relay`,
          result: 'fail',
          detail: `${unreachable.map((r) => `${r.relay}: ${r.probe.plain.detail}`).join('; ')}${how}`,
          fix: `allow HTTPS (port 443) to ${unreachable.map((r) => r.relay).join(', ')}${via ? ` in the proxy ${via}` : ''}; cluster connect and custom locations need them`,
        },
  );
  const reachable = results.filter((r) => r.probe.plain.answered);
  if (!reachable.length) return rows;
  const verdicts = reachable.map((r) => ({ relay: r.relay, ...judgeUpgrade(r.probe) }));
  const names = (list: typeof verdicts) => list.map((v) => v.relay).join(', ');
  const blocked = verdicts.filter((v) => v.verdict === 'blocked');
  const unclear = verdicts.filter((v) => v.verdict === 'unclear');
  const fix = (list: typeof verdicts) =>
    `allow websocket upgrades (HTTP/1.1 Upgrade: websocket, long-lived connections) to ${names(list)} (*.servicebus.windows.net)${via ? ` in the proxy ${via}${EXEMPT}` : ''}`;
  if (blocked.length) {
    rows.push({
      check: `${prefix}websocket to the relay`,
      result: 'fail',
      detail: `${blocked.map((v) => `${v.relay}: ${v.detail}`).join('; ')}${how}. Onboarding would succeed but cluster connect (az connectedk8s proxy, the portal's Kubernetes resources view, custom locations) would hang`,
      fix: fix(blocked),
    });
  } else if (unclear.length) {
    rows.push({
      check: `${prefix}websocket to the relay`,
      result: 'warn',
      detail: `${unclear.map((v) => `${v.relay}: ${v.detail}`).join('; ')}${how}. This cannot be told apart from a relay refusing the probe; if cluster connect hangs, this is why`,
      fix: fix(unclear),
    });
  } else {
    rows.push({
      check: `${prefix}websocket to the relay`,
      result: 'pass',
      detail: `${verdicts.map((v) => `${v.relay}: ${v.detail}`).join('; ')}${how}`,
    });
  }
  return rows;
}

/** What the two answers of one relay say about websocket upgrades on the way there. */
export function judgeUpgrade(probe: RelayProbe): { verdict: 'reached' | 'blocked' | 'unclear'; detail: string } {
  const { upgrade, plain } = probe;
  if (!upgrade.answered)
    return {
      verdict: 'blocked',
      detail: `plain HTTPS is answered but the websocket upgrade got no answer (${upgrade.detail}): something on the way drops upgrades`,
    };
  const line = `${upgrade.status} ${upgrade.statusText ?? ''}`.trim();
  if (upgrade.status === 101 || upgrade.status === 401 || upgrade.status === 404)
    return {
      verdict: 'reached',
      detail: `the upgrade reached the relay (answered ${line}${upgrade.status === 101 ? '' : ', as Azure Relay refuses a sender without a Send token'})`,
    };
  if (upgrade.status === 400 && /only for web-?socket requests/i.test(`${upgrade.statusText ?? ''} ${upgrade.body ?? ''}`))
    return {
      verdict: 'blocked',
      detail: `the relay saw no websocket upgrade (answered ${line}): something on the way removed the Upgrade headers`,
    };
  if (plain.answered && upgrade.status === plain.status && upgrade.statusText === plain.statusText)
    return {
      verdict: 'unclear',
      detail: `the upgrade got the same answer as a plain request (${line}): the Upgrade headers may have been removed on the way`,
    };
  return { verdict: 'unclear', detail: `the upgrade was answered ${line}, which Azure Relay does not document for a sender` };
}
