import { describe, expect, it } from '@jest/globals';
import {
  allowlistText,
  arcEndpoints,
  diffAllowlist,
  entryOf,
  inClusterEgressRows,
  inClusterProbeTargets,
  parseEnvironment,
  parsePreviousAllowlist,
  requiredHosts,
  type InClusterProbeResult,
} from '../src/index.js';

const publicCloud = parseEnvironment('AzureCloud');
const endpoints = arcEndpoints(publicCloud, 'westeurope');
const RELAYS = ['azgnrelay-westeurope-l1.servicebus.windows.net', 'azgnrelay-westeurope-l2.servicebus.windows.net'];

describe('the region allowlist (Learn network requirements + the relay allowlist)', () => {
  it("lists Learn's hosts for the region, the environment's and the resolved relays, once each, with ports", () => {
    const hosts = requiredHosts(publicCloud, 'westeurope', endpoints, RELAYS);
    const entries = hosts.map(entryOf);
    for (const e of [
      'management.azure.com:443',
      'westeurope.dp.kubernetesconfiguration.azure.com:443',
      'login.microsoftonline.com:443',
      'westeurope.login.microsoft.com:443',
      'mcr.microsoft.com:443',
      '*.data.mcr.microsoft.com:443',
      'gbl.his.arc.azure.com:443',
      'guestnotificationservice.azure.com:443',
      '*.servicebus.windows.net:443',
      'westeurope.obo.arc.azure.com:8084',
      ...RELAYS.map((r) => `${r}:443`),
    ])
      expect(entries).toContain(e);
    expect(new Set(entries).size).toBe(entries.length);
    expect(hosts.find((h) => h.host === RELAYS[0])).toMatchObject({ source: 'allowlist', need: 'feature' });
    expect(allowlistText(hosts).split('\n').filter(Boolean)).toEqual(entries);
  });

  it('uses the 21Vianet table for AzureChinaCloud', () => {
    const china = parseEnvironment('AzureChinaCloud');
    const entries = requiredHosts(china, 'chinanorth3', arcEndpoints(china, 'chinanorth3'), []).map(entryOf);
    expect(entries).toContain('chinanorth3.dp.kubernetesconfiguration.azure.cn:443');
    expect(entries).toContain('*.servicebus.chinacloudapi.cn:443');
    expect(entries).not.toContain('mcr.microsoft.com:443');
  });

  it('reads a previous allowlist as text or JSON, and says what was added and removed', () => {
    const previousText = '# proxy team copy\nmanagement.azure.com:443\nazgnrelay-westeurope-l9.servicebus.windows.net\n\n';
    expect(parsePreviousAllowlist(previousText)).toEqual([
      'management.azure.com:443',
      'azgnrelay-westeurope-l9.servicebus.windows.net:443',
    ]);
    const json = JSON.stringify({ version: 1, hosts: [{ host: 'MCR.microsoft.com', port: 443 }] });
    expect(parsePreviousAllowlist(json)).toEqual(['mcr.microsoft.com:443']);
    expect(parsePreviousAllowlist('<html>not an allowlist</html>')).toBeUndefined();
    const current = requiredHosts(publicCloud, 'westeurope', endpoints, RELAYS).map(entryOf);
    const diff = diffAllowlist(parsePreviousAllowlist(previousText)!, current);
    expect(diff.removed).toEqual(['azgnrelay-westeurope-l9.servicebus.windows.net:443']);
    expect(diff.added).toContain(`${RELAYS[0]}:443`);
    expect(diff.added).not.toContain('management.azure.com:443');
  });

  it('asks the in-cluster probe for every host without a wildcard, the allowlist URL and the runner-resolved relays', () => {
    const targets = inClusterProbeTargets(requiredHosts(publicCloud, 'westeurope', endpoints, RELAYS), endpoints, 'westeurope', RELAYS);
    expect(targets.allowlistUrl).toBe(
      'https://guestnotificationservice.azure.com/urls/allowlist?api-version=2020-01-01&location=westeurope',
    );
    expect(targets.https).toContain('https://westeurope.obo.arc.azure.com:8084/');
    expect(targets.https.some((u) => u.includes('*'))).toBe(false);
    expect(targets.https).not.toContain(`https://${RELAYS[0]}/`);
    expect(targets.relays).toEqual(RELAYS);
  });
});

describe('reading the in-cluster probe result with the pre-flight verdicts', () => {
  const result = (e: InClusterProbeResult['e'], cut = 0): InClusterProbeResult => ({ v: 1, cut, e });
  const allowlist = { k: 'a' as const, h: 'guestnotificationservice.azure.com', c: 0, s: 200, t: 'OK' };

  it('names the host and the proxy when the proxy refuses the tunnel', () => {
    const rows = inClusterEgressRows(
      result([allowlist, { k: 'h', h: 'mcr.microsoft.com', c: 56, s: 0, x: 'curl: (56) CONNECT tunnel failed, response 403' }]),
      'http://***@proxy.corp:3128',
    );
    const https = rows.find((r) => r.check === 'in-cluster: HTTPS to the Arc endpoints')!;
    expect(https.result).toBe('fail');
    expect(https.detail).toContain('mcr.microsoft.com: the connection failed while receiving');
    expect(https.detail).toContain('CONNECT tunnel failed, response 403');
    expect(https.fix).toBe('allow HTTPS (port 443) to mcr.microsoft.com in the proxy http://***@proxy.corp:3128');
  });

  it('reports a dropped upgrade (no answer while plain HTTPS works) as the cause, with the fix', () => {
    const relay = 'azgnrelay-westeurope-l1.servicebus.windows.net';
    const rows = inClusterEgressRows(
      result([
        allowlist,
        { k: 'p', h: relay, c: 0, s: 400, t: 'This endpoint is only for web-socket requests' },
        { k: 'u', h: relay, c: 52, s: 0, x: 'curl: (52) Empty reply from server' },
      ]),
      'http://proxy.corp:3128',
    );
    const ws = rows.find((r) => r.check === 'in-cluster: websocket to the relay')!;
    expect(ws.result).toBe('fail');
    expect(ws.detail).toMatch(/websocket upgrade got no answer \(the connection was closed without an answer/);
    expect(ws.fix).toContain(`to ${relay} (*.servicebus.windows.net) in the proxy http://proxy.corp:3128`);
  });

  it('warns when entries were cut to fit the termination message, and fails when the probe could not run', () => {
    expect(inClusterEgressRows(result([allowlist], 3), undefined).at(-1)).toMatchObject({ result: 'warn' });
    expect(inClusterEgressRows({ v: 1, error: 'curl not found in the image' }, undefined)).toEqual([
      { check: 'in-cluster: egress probe', result: 'fail', detail: 'the probe could not run: curl not found in the image' },
    ]);
  });
});
