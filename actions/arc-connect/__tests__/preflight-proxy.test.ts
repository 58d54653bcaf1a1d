import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSandboxCa, issueServerCertificate } from '../../../packages/sandbox/src/tls.js';
import { dataPlaneHandler, guestNotificationHandler, relayPlainRequestHandler } from '../../../packages/sandbox/src/arc-dataplane/index.js';
import { parseEnvironment } from '@arc-actions/azure';
import { egressRows } from '../src/preflight.js';
import { hideUserInfo, type ProxyInputs } from '../src/inputs.js';
import { serveArcDataPlane, startProxy, type TestProxy } from './proxies.js';

/**
 * The egress pre-flight against stand-ins that behave as Microsoft documents the services: the guest notification
 * service answers /urls/allowlist with a JSON array of relay hosts; the relay refuses an unauthenticated sender with
 * 401 (or 404 for an unknown path) and answers a request that is not a websocket upgrade with "400 This endpoint is
 * only for web-socket requests". Never 101 without a Send token.
 */
const PASSWORD = 'pr0xy-s3cret-7f3a';
const sandboxCa = ensureSandboxCa(mkdtempSync(join(tmpdir(), 'arc-pf-ca-')));
const corporateCa = ensureSandboxCa(mkdtempSync(join(tmpdir(), 'arc-pf-corp-')));
const cert = () => issueServerCertificate(sandboxCa, ['localhost', '127.0.0.1']);

type Served = Awaited<ReturnType<typeof serveArcDataPlane>>;
let dp: Served;
let pathFirst: Served;
let good: TestProxy;
let inspecting: TestProxy;
let stripping: TestProxy;
let refusing: Server;
let refusingHost: string;

const mounts = (self: () => Served) => ({
  '/dp': dataPlaneHandler({ registry: () => self().host }),
  '/gns': guestNotificationHandler({ relays: () => [self().host] }),
  '/$hc': relayPlainRequestHandler(),
});

const proxyInputs = (url: string | undefined, cert?: string): ProxyInputs => ({
  https: url,
  skipRange: [],
  cert,
  display: { https: url && hideUserInfo(url), cert: cert ? '(inline PEM)' : undefined },
});
const endpointsOf = (s: Served) => ({ dataPlane: `${s.url}/dp`, guestNotificationService: `${s.url}/gns` });

beforeAll(async () => {
  dp = await serveArcDataPlane(
    cert(),
    mounts(() => dp),
  );
  pathFirst = await serveArcDataPlane(
    cert(),
    mounts(() => pathFirst),
    { order: 'path-first' },
  );
  good = await startProxy({ mode: 'tunnel', user: 'ci', password: PASSWORD });
  const corporate = { inspectCert: issueServerCertificate(corporateCa, ['localhost', '127.0.0.1']), upstreamCa: [sandboxCa.caCert] };
  inspecting = await startProxy({ mode: 'inspect', user: 'ci', password: PASSWORD, ...corporate });
  stripping = await startProxy({ mode: 'strip', user: 'ci', password: PASSWORD, ...corporate });
  // Something that answers 403 to anything (a gateway's policy page, say): not a relay answer we can read.
  refusing = createServer(cert(), (_req, res) => res.writeHead(403, 'Forbidden').end('blocked by policy'));
  refusing.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n'));
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  refusingHost = `localhost:${(refusing.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all([dp?.close(), pathFirst?.close(), good?.close(), inspecting?.close(), stripping?.close()]);
  refusing?.closeAllConnections();
  await new Promise<void>((resolve) => (refusing ? refusing.close(() => resolve()) : resolve()));
});

const byCheck = (rows: { check: string }[]) => Object.fromEntries(rows.map((r) => [r.check, r])) as Record<string, any>;

describe('egress pre-flight against the documented services', () => {
  it('passes through a CONNECT proxy: allowlist from /urls/allowlist, HTTPS, and the relay refusing a tokenless sender with 401', async () => {
    const { rows, relays } = await egressRows(endpointsOf(dp), 'westeurope', proxyInputs(good.url), [sandboxCa.caCert]);
    expect(relays).toEqual([dp.host]);
    expect(rows.map((r) => [r.check, r.result])).toEqual([
      ['relay allowlist', 'pass'],
      ['HTTPS to the config data plane', 'pass'],
      ['HTTPS to the relay', 'pass'],
      ['websocket to the relay', 'pass'],
    ]);
    expect(rows[3].detail).toMatch(/the upgrade reached the relay \(answered 401 Unauthorized/);
    expect(good.connects.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(rows[3].detail).toContain('http://***@127.0.0.1');
  });

  it('accepts a relay that answers 404 for the unknown hybrid connection path first (the order is not documented)', async () => {
    const { rows } = await egressRows(endpointsOf(pathFirst), 'westeurope', proxyInputs(undefined), [sandboxCa.caCert]);
    const ws = byCheck(rows)['websocket to the relay'];
    expect(ws.result).toBe('pass');
    expect(ws.detail).toMatch(/answered 404 Not Found/);
  });

  it('fails on a TLS-inspecting proxy that drops websocket upgrades, naming the relay endpoints', async () => {
    const { rows } = await egressRows(endpointsOf(dp), 'westeurope', proxyInputs(inspecting.url, corporateCa.caCert), [sandboxCa.caCert]);
    const checks = byCheck(rows);
    expect(checks['relay allowlist'].result).toBe('pass');
    expect(checks['HTTPS to the config data plane'].result).toBe('pass');
    expect(checks['HTTPS to the relay'].result).toBe('pass');
    const ws = checks['websocket to the relay'];
    expect(ws.result).toBe('fail');
    expect(ws.detail).toMatch(/websocket upgrade got no answer/);
    expect(ws.detail).toMatch(/Onboarding would succeed but cluster connect .* would hang/);
    expect(ws.fix).toContain('allow websocket upgrades');
    expect(ws.fix).toContain(dp.host);
    expect(inspecting.upgradesDropped).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it('fails on a proxy that strips the Upgrade headers: the relay answers "only for web-socket requests"', async () => {
    const { rows } = await egressRows(endpointsOf(dp), 'westeurope', proxyInputs(stripping.url, corporateCa.caCert), [sandboxCa.caCert]);
    const ws = byCheck(rows)['websocket to the relay'];
    expect(ws.result).toBe('fail');
    expect(ws.detail).toMatch(/removed the Upgrade headers/);
    expect(ws.detail).toContain('This endpoint is only for web-socket requests');
    expect(ws.fix).toMatch(/exempt them from inspection/);
    expect(stripping.upgradesDropped).toBeGreaterThan(0);
  });

  it("probes the region's other required hosts (the list the allowlist and the in-cluster probe use) and names a blocked one", async () => {
    // ARM answers (the data plane server stands in for it); the Entra host is blocked by the proxy's deny list.
    const denying = await startProxy({ mode: 'tunnel', deny: ['127.0.0.1:443'] });
    try {
      const environment = parseEnvironment(
        JSON.stringify({ name: 'Corp', resourceManager: dp.url, authorityHost: 'https://127.0.0.1', resourceGraph: dp.url }),
      );
      const { rows } = await egressRows(endpointsOf(pathFirst), 'westeurope', proxyInputs(denying.url), [sandboxCa.caCert], environment);
      const https = byCheck(rows)['HTTPS to the Arc endpoints'];
      expect(https.result).toBe('fail');
      expect(https.detail).toMatch(/^127\.0\.0\.1: the proxy refused to open a tunnel to 127\.0\.0\.1:443 \(403 Forbidden\)/);
      expect(https.detail).not.toContain(dp.host);
      expect(https.fix).toBe(
        `allow HTTPS to 127.0.0.1 in the proxy ${denying.url} (Microsoft Learn, Azure Arc-enabled Kubernetes network requirements)`,
      );
    } finally {
      await denying.close();
    }
  });

  it('warns (never fails) when the answer cannot be told apart from a relay refusing the probe', async () => {
    const gns = await serveArcDataPlane(cert(), { '/gns': guestNotificationHandler({ relays: () => [refusingHost] }) });
    try {
      const { rows } = await egressRows(
        { dataPlane: `${dp.url}/dp`, guestNotificationService: `${gns.url}/gns` },
        'westeurope',
        proxyInputs(undefined),
        [sandboxCa.caCert],
      );
      const checks = byCheck(rows);
      expect(checks['HTTPS to the relay'].result).toBe('pass');
      expect(checks['websocket to the relay'].result).toBe('warn');
      expect(checks['websocket to the relay'].detail).toMatch(/same answer as a plain request \(403 Forbidden\)/);
      expect(checks['websocket to the relay'].fix).toContain(refusingHost);
    } finally {
      await gns.close();
    }
  });

  it('fails when a relay host does not answer HTTPS at all', async () => {
    const gns = await serveArcDataPlane(cert(), { '/gns': guestNotificationHandler({ relays: () => ['localhost:1'] }) });
    try {
      const { rows } = await egressRows(
        { dataPlane: `${dp.url}/dp`, guestNotificationService: `${gns.url}/gns` },
        'westeurope',
        proxyInputs(undefined),
        [sandboxCa.caCert],
      );
      const relay = byCheck(rows)['HTTPS to the relay'];
      expect(relay.result).toBe('fail');
      expect(relay.fix).toContain('localhost:1');
      expect(byCheck(rows)['websocket to the relay']).toBeUndefined();
    } finally {
      await gns.close();
    }
  });

  it('explains an untrusted inspecting proxy (no proxy-cert) and refused credentials', async () => {
    const untrusted = await egressRows(endpointsOf(dp), 'westeurope', proxyInputs(inspecting.url), [sandboxCa.caCert]);
    expect(untrusted.rows[0]).toMatchObject({ check: 'relay allowlist', result: 'fail' });
    expect(untrusted.rows[0].detail).toContain('proxy-cert');
    expect(untrusted.rows[0].detail).toContain('/gns/urls/allowlist');
    const wrong = await egressRows(endpointsOf(dp), 'westeurope', proxyInputs(good.url.replace(encodeURIComponent(PASSWORD), 'nope')), [
      sandboxCa.caCert,
    ]);
    expect(wrong.rows[0].detail).toMatch(/407/);
  });
});
