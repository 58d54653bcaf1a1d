import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { chartsRoot } from '../clusters/paths.js';
import type { Handler } from '../http.js';

/**
 * Stand-ins for the Arc data-plane services `az connectedk8s connect` talks to besides ARM:
 *
 * - guest notification service `GET /urp/allowlist?api-version=2020-01-01&location=<region>` → JSON array of relay
 *   endpoint FQDNs (here `host:port` of the sandbox itself, whose upgrade hook plays the relay);
 * - config data plane `POST /azure-arc-k8sagents/GetLatestHelmPackagePath?api-version=2019-11-01-preview&releaseTrain=stable`
 *   → `{ repositoryPath }`. The real service answers an OCI reference (mcr.microsoft.com/…/azure-arc-k8sagents:<ver>)
 *   that az pulls with `helm pull oci://…`; the sandbox has no OCI registry, so it answers an https URL of the chart
 *   packaged as .tgz (`GET /charts/azure-arc-k8sagents-<version>.tgz`, also served here). arc-connect accepts both
 *   forms: the lookup, the download into a private folder and `helm upgrade --install <file>` stay the real path;
 * - the relay: `attachRelay(server)` answers websocket upgrades on `/$hc/...` with 101 (and echoes frames), as
 *   Azure Relay hybrid connections do for the cluster-connect agent.
 *
 * Mount `dataPlaneHandler` under the `arcDataPlane` prefix and `guestNotificationHandler` under the
 * `guestNotificationService` prefix of the sandbox's environment JSON.
 */

const run = promisify(execFile);
const CHART = 'azure-arc-k8sagents';

let packaged: Promise<{ version: string; tgz: Buffer }> | undefined;

/** The sandbox agents chart as a .tgz (tar + gzip of the chart folder, made once per process). */
export function packagedChart(): Promise<{ version: string; tgz: Buffer }> {
  packaged ??= (async () => {
    const meta = parse(await readFile(join(chartsRoot, CHART, 'Chart.yaml'), 'utf8')) as { version: string };
    const dir = await mkdtemp(join(tmpdir(), 'arc-chart-'));
    const file = join(dir, `${CHART}-${meta.version}.tgz`);
    await run('tar', ['-czf', file, '-C', chartsRoot, CHART]);
    return { version: meta.version, tgz: await readFile(file) };
  })();
  return packaged;
}

export interface DataPlaneOptions {
  /** Public URL of the mount point (e.g. https://127.0.0.1:8443/arc-dp), used to build repositoryPath. */
  baseUrl: () => string;
  /** Require a bearer token on GetLatestHelmPackagePath (az sends the ARM token). Default true. */
  requireToken?: boolean;
}

export function dataPlaneHandler(options: DataPlaneOptions): Handler {
  return async (req) => {
    if (/^\/azure-arc-k8sagents\/GetLatestHelmPackagePath\/?$/i.test(req.path)) {
      if (req.method !== 'POST') return { status: 405, body: { error: { code: 'MethodNotAllowed', message: 'Use POST.' } } };
      if (!req.url.searchParams.get('api-version'))
        return {
          status: 400,
          body: { error: { code: 'MissingApiVersionParameter', message: 'The api-version query parameter (?api-version=) is required.' } },
        };
      if ((options.requireToken ?? true) && !/^Bearer \S+/i.test(String(req.headers.authorization ?? ''))) {
        return {
          status: 401,
          body: { error: { code: 'AuthenticationFailed', message: 'Authentication failed. The Authorization header is missing.' } },
        };
      }
      const train = (req.url.searchParams.get('releaseTrain') ?? 'stable').toLowerCase();
      if (!['stable', 'preview', 'dev'].includes(train))
        return { status: 400, body: { error: { code: 'InvalidReleaseTrain', message: `Unknown release train '${train}'.` } } };
      const { version } = await packagedChart();
      return { status: 200, body: { repositoryPath: `${options.baseUrl()}/charts/${CHART}-${version}.tgz` } };
    }
    const chart = /^\/charts\/azure-arc-k8sagents-([\w.-]+)\.tgz$/.exec(req.path);
    if (chart && req.method === 'GET') {
      const { version, tgz } = await packagedChart();
      if (chart[1] !== version) return { status: 404, body: { error: { code: 'NotFound', message: `No chart version ${chart[1]}.` } } };
      return { status: 200, headers: { 'content-type': 'application/gzip' }, body: tgz };
    }
    if (req.path === '/' || req.path === '')
      return { status: 404, body: { error: { code: 'NotFound', message: 'Arc config data plane.' } } };
    return undefined;
  };
}

export interface GuestNotificationOptions {
  /** `host:port` entries of the relay endpoints for a location (the sandbox's own address by default). */
  relays: (location: string) => string[];
}

export function guestNotificationHandler(options: GuestNotificationOptions): Handler {
  return (req) => {
    if (!/^\/urp\/allowlist\/?$/i.test(req.path)) return undefined;
    if (req.method !== 'GET') return { status: 405, body: { error: { code: 'MethodNotAllowed', message: 'Use GET.' } } };
    const location = req.url.searchParams.get('location');
    if (!req.url.searchParams.get('api-version') || !location) {
      return { status: 400, body: { error: { code: 'BadRequest', message: 'api-version and location query parameters are required.' } } };
    }
    return { status: 200, body: options.relays(location.toLowerCase().replace(/\s+/g, '')) };
  };
}

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * Makes `server` answer websocket upgrades on `/$hc/<path>` with 101 Switching Protocols, like Azure Relay's
 * hybrid connection endpoint. Frames are echoed back; the connection stays open until the client closes it.
 * Returns a function that detaches the hook and closes open relay connections.
 */
export function attachRelay(server: Server): () => void {
  const open = new Set<Duplex>();
  const onUpgrade = (req: IncomingMessage, socket: Duplex) => {
    const path = new URL(req.url ?? '/', 'https://relay').pathname;
    if (!path.startsWith('/$hc/')) return; // not ours: another upgrade handler may take it
    const key = req.headers['sec-websocket-key'];
    if (
      String(req.headers.upgrade ?? '').toLowerCase() !== 'websocket' ||
      typeof key !== 'string' ||
      req.headers['sec-websocket-version'] !== '13'
    ) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + ACCEPT_GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    open.add(socket);
    socket.on('data', (frame: Buffer) => {
      // Close frame (opcode 8) → answer with close; anything else is echoed unmasked (server frames are not masked).
      if ((frame[0] & 0x0f) === 8) return void socket.end(Buffer.from([0x88, 0x00]));
      const masked = (frame[1] & 0x80) !== 0;
      let len = frame[1] & 0x7f;
      let at = 2;
      if (len === 126) {
        len = frame.readUInt16BE(2);
        at = 4;
      }
      const mask = masked ? frame.subarray(at, at + 4) : undefined;
      const payload = Buffer.from(frame.subarray(at + (masked ? 4 : 0), at + (masked ? 4 : 0) + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
      if (payload.length < 126) socket.write(Buffer.concat([Buffer.from([0x80 | (frame[0] & 0x0f), payload.length]), payload]));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => open.delete(socket));
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const s of open) s.destroy();
  };
}
