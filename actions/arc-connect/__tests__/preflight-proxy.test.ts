import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSandboxCa, issueServerCertificate } from '../../../packages/sandbox/src/tls.js';
import { dataPlaneHandler, guestNotificationHandler } from '../../../packages/sandbox/src/arc-dataplane/index.js';
import { egressRows } from '../src/preflight.js';
import { hideUserInfo, type ProxyInputs } from '../src/inputs.js';
import { serveArcDataPlane, startProxy, type TestProxy } from './proxies.js';

const PASSWORD = 'pr0xy-s3cret-7f3a';
const sandboxCa = ensureSandboxCa(mkdtempSync(join(tmpdir(), 'arc-pf-ca-')));
const corporateCa = ensureSandboxCa(mkdtempSync(join(tmpdir(), 'arc-pf-corp-')));

let dp: Awaited<ReturnType<typeof serveArcDataPlane>>;
let good: TestProxy;
let inspecting: TestProxy;

const proxyInputs = (url: string | undefined, cert?: string): ProxyInputs => ({
  https: url,
  skipRange: [],
  cert,
  display: { https: url && hideUserInfo(url), cert: cert ? '(inline PEM)' : undefined },
});
const endpoints = () => ({ dataPlane: `${dp.url}/dp`, guestNotificationService: `${dp.url}/gns` });

beforeAll(async () => {
  dp = await serveArcDataPlane(issueServerCertificate(sandboxCa, ['localhost', '127.0.0.1']), {
    '/dp': dataPlaneHandler({ baseUrl: () => `${dp.url}/dp` }),
    '/gns': guestNotificationHandler({ relays: () => [dp.host] }),
  });
  good = await startProxy({ mode: 'tunnel', user: 'ci', password: PASSWORD });
  inspecting = await startProxy({
    mode: 'inspect',
    user: 'ci',
    password: PASSWORD,
    inspectCert: issueServerCertificate(corporateCa, ['localhost', '127.0.0.1']),
    upstreamCa: [sandboxCa.caCert],
  });
});

afterAll(async () => {
  await Promise.all([dp?.close(), good?.close(), inspecting?.close()]);
});

describe('egress pre-flight through real proxies', () => {
  it('passes through a CONNECT proxy: allowlist, HTTPS and a websocket upgrade (101) to the relay', async () => {
    const { rows, relays } = await egressRows(endpoints(), 'westeurope', proxyInputs(good.url), [sandboxCa.caCert]);
    expect(relays).toEqual([dp.host]);
    expect(rows.map((r) => [r.check, r.result])).toEqual([
      ['relay allowlist', 'pass'],
      ['HTTPS to the config data plane', 'pass'],
      ['websocket to the relay', 'pass'],
    ]);
    expect(good.connects.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(rows[2].detail).toContain('http://***@127.0.0.1');
  });

  it('fails on a TLS-inspecting proxy that drops websocket upgrades, naming the relay endpoints', async () => {
    const { rows } = await egressRows(endpoints(), 'westeurope', proxyInputs(inspecting.url, corporateCa.caCert), [sandboxCa.caCert]);
    const byCheck = Object.fromEntries(rows.map((r) => [r.check, r]));
    expect(byCheck['relay allowlist'].result).toBe('pass');
    expect(byCheck['HTTPS to the config data plane'].result).toBe('pass');
    const ws = byCheck['websocket to the relay'];
    expect(ws.result).toBe('fail');
    expect(ws.detail).toMatch(/Onboarding would succeed but cluster connect .* would hang/);
    expect(ws.fix).toContain(`allow websocket upgrades`);
    expect(ws.fix).toContain(dp.host);
    expect(inspecting.upgradesDropped).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it('explains an untrusted inspecting proxy (no proxy-cert) and refused credentials', async () => {
    const untrusted = await egressRows(endpoints(), 'westeurope', proxyInputs(inspecting.url), [sandboxCa.caCert]);
    expect(untrusted.rows[0]).toMatchObject({ check: 'relay allowlist', result: 'fail' });
    expect(untrusted.rows[0].detail).toContain('proxy-cert');
    const wrong = await egressRows(endpoints(), 'westeurope', proxyInputs(good.url.replace(encodeURIComponent(PASSWORD), 'nope')), [
      sandboxCa.caCert,
    ]);
    expect(wrong.rows[0].detail).toMatch(/407/);
  });
});
