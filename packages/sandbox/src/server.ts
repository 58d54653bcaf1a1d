import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from './context.js';
import type { Handler, SandboxRequest, SandboxResponse } from './http.js';
import { handleArm, type CallInfo } from './arm/router.js';
import { handleEntra } from './identity/entra.js';
import { handleOidc, OIDC_PREFIX } from './identity/oidc.js';
import { matchingRoutes, type ApiFamily } from './knobs.js';

export interface Mounts {
  sandboxApi: (req: SandboxRequest) => Promise<SandboxResponse>;
  github?: Handler;
  /** Further stand-ins by path prefix (e.g. `/arc-dp`, `/gns`); the handler sees the path below the prefix. */
  prefixed?: { prefix: string; api: ApiFamily; handler: Handler }[];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function errorBody(api: ApiFamily, status: number): SandboxResponse {
  const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceUnavailable' : 'InternalServerError';
  const message =
    status === 429
      ? 'The request was throttled (fault injected by the sandbox).'
      : `The service failed to process the request (fault ${status} injected by the sandbox).`;
  if (api === 'entra')
    return { status, body: { error: 'temporarily_unavailable', error_description: `AADSTS90033: ${message}`, error_codes: [90033] } };
  if (api === 'github') {
    // GitHub's error shape (`basic-error`): a message, and for a secondary rate limit the documentation and Retry-After.
    const github =
      status === 429
        ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        : status === 503
          ? 'Service Unavailable'
          : 'Server Error';
    return { status, headers: status === 429 ? { 'Retry-After': '1' } : {}, body: { message: github, status: String(status) } };
  }
  return { status, headers: status === 429 ? { 'Retry-After': '1' } : {}, body: { error: { code, message } } };
}

/** A captive portal's or a proxy's page, answered with 200 in place of the service (fault `html`). */
const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Network access</title></head><body><h1>Sign in to the network</h1>' +
  '<p>Accept the terms of use to continue. (Page injected by the sandbox: fault html.)</p></body></html>';

function send(res: ServerResponse, response: SandboxResponse, requestId: string): void {
  const headers: Record<string, string> = {
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id': requestId,
    'x-ms-routing-request-id': `SANDBOX:${requestId}`,
    ...response.headers,
  };
  let payload: Buffer | undefined;
  if (response.body !== undefined && response.status !== 204) {
    if (Buffer.isBuffer(response.body)) payload = response.body;
    else if (typeof response.body === 'string') payload = Buffer.from(response.body);
    else {
      payload = Buffer.from(JSON.stringify(response.body));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
  }
  headers['content-length'] = String(payload?.length ?? 0);
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  res.end(payload);
}

/** The one HTTPS listener in front of every stand-in: sandbox API, GitHub, OIDC issuer, Entra and ARM. */
export function createSandboxServer(ctx: SandboxContext, tls: { cert: string; key: string }, mounts: Mounts): Server {
  const server = createServer({ cert: tls.cert, key: tls.key, keepAlive: true }, (req, res) => {
    void handle(ctx, mounts, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(
          res,
          { status: 500, body: { error: { code: 'InternalServerError', message: `The sandbox failed: ${(error as Error).message}` } } },
          randomUUID(),
        );
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handle(ctx: SandboxContext, mounts: Mounts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const [rawPath, ...rawQuery] = (req.url ?? '/').split('?');
  const url = new URL(rawPath.replace(/\/{2,}/g, '/') + (rawQuery.length ? `?${rawQuery.join('?')}` : ''), ctx.url);
  const raw = await readBody(req);
  let pathname = url.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    /* keep the raw path */
  }
  const base: SandboxRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: pathname,
    headers: req.headers,
    body: parseBody(raw, req.headers['content-type']),
    rawBody: raw,
  };
  const info: CallInfo = { api: 'arm' };
  const lower = pathname.toLowerCase();
  let dispatch: () => Promise<SandboxResponse | undefined>;
  if (lower === '/_sandbox' || lower.startsWith('/_sandbox/')) {
    info.api = 'sandbox';
    const r = { ...base, path: pathname.slice('/_sandbox'.length) || '/' };
    const response = await mounts.sandboxApi(r);
    return send(res, response, randomUUID());
  } else if (lower === '/github' || lower.startsWith('/github/')) {
    info.api = 'github';
    const r = { ...base, path: pathname.slice('/github'.length) || '/' };
    dispatch = async () => (mounts.github ? await mounts.github(r) : undefined);
  } else if (mounts.prefixed?.some((m) => lower === m.prefix || lower.startsWith(`${m.prefix}/`))) {
    const mount = mounts.prefixed.find((m) => lower === m.prefix || lower.startsWith(`${m.prefix}/`))!;
    info.api = mount.api;
    dispatch = async () => mount.handler({ ...base, path: pathname.slice(mount.prefix.length) || '/' });
  } else if (lower.startsWith(OIDC_PREFIX + '/')) {
    info.api = 'oidc';
    dispatch = () => handleOidc(ctx, { ...base, path: pathname.slice(OIDC_PREFIX.length) });
  } else if (
    /^\/(adfs|common|organizations|[0-9a-f-]{36})\/(v2\.0\/|\.well-known|discovery|oauth2)/i.test(pathname) ||
    /^\/common\/discovery\/instance$/i.test(pathname)
  ) {
    info.api = 'entra';
    dispatch = () => handleEntra(ctx, base);
  } else {
    dispatch = () => handleArm(ctx, base, info);
  }

  const requestId = randomUUID();
  const knobRoutes = matchingRoutes(
    ctx.knobs(),
    info.api === 'arm' && /resourcegraph/i.test(lower)
      ? 'graph'
      : info.api === 'arm' && /policyinsights/i.test(lower)
        ? 'policyinsights'
        : info.api,
    base.method,
    pathname,
  );
  let response: SandboxResponse | undefined;
  for (const k of knobRoutes) {
    const delay = (k.latency?.fixedMs ?? 0) + (k.latency?.jitterMs ?? 0) * ctx.random();
    if (delay > 0) await sleep(delay);
  }
  for (const k of knobRoutes) {
    const f = k.faults ?? {};
    if (f.reset && ctx.random() < f.reset) {
      record(ctx, base, info, 0, started, 'connection-reset');
      req.socket.destroy();
      return;
    }
    if (!response && f.html && ctx.random() < f.html)
      response = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: HTML_PAGE };
    for (const status of [429, 500, 503] as const) {
      if (!response && f[String(status) as '429'] && ctx.random() < f[String(status) as '429']!) response = errorBody(info.api, status);
    }
  }
  response ??= (await dispatch()) ?? {
    status: 404,
    body: { error: { code: 'NotFound', message: `No sandbox service answers ${base.method} ${pathname}.` } },
  };
  const body = response.body as { error?: unknown } | undefined;
  const err = body && typeof body === 'object' && 'error' in body ? body.error : undefined;
  const code =
    typeof err === 'string'
      ? (body as { error_codes?: number[] }).error_codes?.[0]
        ? `AADSTS${(body as { error_codes: number[] }).error_codes[0]}`
        : err
      : (err as { code?: string } | undefined)?.code;
  if (info.api === 'entra' && !info.principal) info.principal = (base.body as Record<string, string> | undefined)?.client_id;
  record(ctx, base, info, response.status, started, response.status >= 400 ? code : undefined);
  send(res, response, requestId);
}

function record(ctx: SandboxContext, req: SandboxRequest, info: CallInfo, status: number, started: number, error?: string): void {
  ctx.calls.add({
    time: new Date().toISOString(),
    method: req.method,
    path: req.path,
    query: Object.fromEntries(req.url.searchParams),
    api: info.api === 'arm' && /\/providers\/microsoft\.resourcegraph\//i.test(req.path) ? 'graph' : info.api,
    status,
    principal: info.principal,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    userAgent: req.headers['user-agent'],
    ...(error ? { error } : {}),
  });
}
