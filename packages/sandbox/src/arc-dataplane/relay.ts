import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Handler } from '../http.js';

/**
 * The guest notification service and Azure Relay as an unauthenticated client meets them.
 *
 * Guest notification service: `GET /urls/allowlist?api-version=2020-01-01&location=<region>` → a JSON array of the
 * relay host names for the region (Microsoft Learn, "Azure Arc-enabled Kubernetes network requirements": "To translate
 * the *.servicebus.windows.net wildcard into specific endpoints, use GET
 * https://guestnotificationservice.azure.com/urls/allowlist?api-version=2020-01-01&location=<region>").
 *
 * Azure Relay hybrid connections (Microsoft Learn, "Azure Relay Hybrid Connections protocol"): a sender opens
 * `wss://{namespace}/$hc/{path}?sb-hc-action=connect&sb-hc-token=…`; a failed handshake is answered "using the regular
 * HTTP 1.1 status feedback model": 404 when the hybrid connection path is not registered, 401 when the token is
 * missing or invalid, 403 when it does not confer Send. So a client without a Send token never gets 101. A request to
 * `/$hc/…` that is not a websocket upgrade is answered `400 This endpoint is only for web-socket requests` (Azure Relay
 * maintainer in Azure/azure-relay-dotnet#135: returned when the listener's HTTP stack does not see a websocket
 * request, e.g. because a proxy removed the upgrade headers; the same text in microsoft/live-share#795).
 */

export interface GuestNotificationOptions {
  /** Relay host names (`host[:port]`) for a location. */
  relays: (location: string) => string[];
}

export function guestNotificationHandler(options: GuestNotificationOptions): Handler {
  return (req) => {
    if (!/^\/urls\/allowlist\/?$/i.test(req.path)) {
      return { status: 404, body: { error: { code: 'NotFound', message: `No resource at ${req.path}.` } } };
    }
    if (req.method !== 'GET') return { status: 405, body: { error: { code: 'MethodNotAllowed', message: 'Use GET.' } } };
    const location = req.url.searchParams.get('location');
    if (!req.url.searchParams.get('api-version') || !location) {
      return { status: 400, body: { error: { code: 'BadRequest', message: 'api-version and location query parameters are required.' } } };
    }
    return { status: 200, body: options.relays(location.toLowerCase().replace(/\s+/g, '')) };
  };
}

const tracking = () => `TrackingId:${randomUUID()}, SystemTracker:sandbox-relay, Timestamp:${new Date().toISOString()}`;

/** Plain (non-upgrade) requests to `/$hc/…`: mount under `/$hc`. */
export function relayPlainRequestHandler(): Handler {
  return () => ({
    status: 400,
    statusText: 'This endpoint is only for web-socket requests',
    headers: { 'content-type': 'text/plain' },
    body: `BadRequest: This endpoint is only for web-socket requests. ${tracking()}`,
  });
}

export interface RelayOptions {
  /**
   * Which check a handshake meets first when both fail (unknown path and no token). The protocol documents both
   * answers but not their order: `token-first` answers 401, `path-first` 404. Default `token-first`.
   */
  order?: 'token-first' | 'path-first';
  /** Registered hybrid connection paths (none by default: the Arc relays' paths are per cluster). */
  paths?: string[];
}

/**
 * Makes `server` answer websocket upgrades on `/$hc/<path>` as Azure Relay does for a sender: never 101 without a
 * valid Send token (the sandbox issues none), 401 without a token, 404 for an unregistered path, and the HTTP
 * status line carries the description with a tracking id. Returns a function that detaches the hook.
 */
export function attachRelay(server: Server, options: RelayOptions = {}): () => void {
  const open = new Set<Duplex>();
  const onUpgrade = (req: IncomingMessage, socket: Duplex) => {
    const url = new URL(req.url ?? '/', 'https://relay');
    if (!url.pathname.startsWith('/$hc/')) return; // not ours: another upgrade handler may take it
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    const answer = (status: number, reason: string) =>
      socket.end(`HTTP/1.1 ${status} ${reason}. ${tracking()}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    const path = decodeURIComponent(url.pathname.slice('/$hc/'.length)).split('/')[0];
    const action = url.searchParams.get('sb-hc-action') ?? 'connect';
    if (!['connect', 'listen', 'accept', 'request'].includes(action)) return answer(400, 'Bad Request: unrecognized sb-hc-action');
    const token = url.searchParams.get('sb-hc-token') ?? req.headers['servicebusauthorization'];
    const registered = (options.paths ?? []).includes(path);
    const unknownPath = () => answer(404, 'Not Found: the hybrid connection path is not registered');
    if (options.order === 'path-first' && !registered) return unknownPath();
    if (!token) return answer(401, 'Unauthorized: the security token is missing');
    if (!registered) return unknownPath();
    // A registered path with a token: the sandbox issues no Send tokens, so any token is invalid.
    return answer(401, 'Unauthorized: the security token is invalid');
  };
  server.on('upgrade', onUpgrade);
  return () => {
    server.off('upgrade', onUpgrade);
    for (const s of open) s.destroy();
  };
}
