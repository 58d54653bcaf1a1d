import { randomBytes, createHash } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { ProbeAttempt, RelayProbe } from '@arc-actions/azure';

/**
 * HTTPS and websocket probes, optionally through an HTTP(S) proxy (CONNECT tunnel, credentials from the proxy
 * URL's user-info, TLS to the target through the tunnel). Written on raw sockets so that every step (TCP, CONNECT,
 * TLS, HTTP, upgrade) fails with its own sentence, which is what a pre-flight needs to explain.
 */

export interface ProbeOptions {
  /** Proxy URL (http://user:pass@host:port or https://…); undefined = direct. */
  proxy?: string;
  /** Extra trust anchors (PEM), e.g. the proxy's CA of a TLS-inspecting proxy; added to Node's default CAs. */
  ca?: string[];
  timeoutMs?: number;
}

export interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** A failure of one probe step: `step` says where it broke (proxy, connect, tls, http, upgrade). */
export class ProbeError extends Error {
  constructor(
    readonly step: 'proxy-connect' | 'proxy-auth' | 'proxy-refused' | 'connect' | 'tls' | 'http' | 'closed' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

const trust = (extra: string[] = []): string[] => [...tls.getCACertificates('default'), ...extra];

function hostPort(url: URL): { host: string; port: number } {
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new ProbeError('timeout', `${what} did not answer within ${Math.round(ms / 1000)} s`));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Reads one HTTP/1.1 response head (and, unless `headOnly`, a Content-Length / close-delimited body). */
function readResponse(socket: net.Socket, headOnly: boolean): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    let head: Omit<HttpAnswer, 'body'> | undefined;
    let bodyStart = 0;
    const finish = (answer: HttpAnswer) => {
      cleanup();
      resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!head) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
        const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(lines[0]);
        if (!m) return fail(new ProbeError('http', `the answer is not HTTP (${JSON.stringify(lines[0].slice(0, 60))})`));
        const headers: Record<string, string> = {};
        for (const line of lines.slice(1)) {
          const i = line.indexOf(':');
          if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
        }
        head = { status: Number(m[1]), statusText: m[2], headers };
        bodyStart = end + 4;
      }
      const body = buffer.subarray(bodyStart);
      if (headOnly || head.status === 101 || head.status === 204 || head.status === 304) return finish({ ...head, body: Buffer.alloc(0) });
      const length = head.headers['content-length'];
      if (length !== undefined && body.length >= Number(length)) return finish({ ...head, body: body.subarray(0, Number(length)) });
      if (head.headers['transfer-encoding']?.includes('chunked')) {
        const decoded = dechunk(body);
        if (decoded) return finish({ ...head, body: decoded });
      }
    };
    const onEnd = () => {
      if (head) finish({ ...head, body: buffer.subarray(bodyStart) });
      else fail(new ProbeError('closed', 'the connection was closed before any HTTP answer'));
    };
    const onError = (error: Error) =>
      fail(new ProbeError('closed', `the connection failed (${(error as NodeJS.ErrnoException).code ?? error.message})`));
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
  });
}

function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return undefined;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (data.length < eol + 2 + size + 2) return undefined;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

function connectTcp(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      reject(new ProbeError('connect', `${host}:${port} cannot be reached (${e.code ?? e.message})`)),
    );
  });
}

function startTls(
  socket: net.Socket | undefined,
  host: string,
  port: number,
  ca: string[],
  what: 'proxy' | 'target',
): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      host: socket ? undefined : host,
      port: socket ? undefined : port,
      servername: net.isIP(host) ? undefined : host,
      ca,
      ALPNProtocols: ['http/1.1'],
    });
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? '';
      const hint = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code)
        ? what === 'target'
          ? ' (the certificate is not trusted: a TLS-inspecting proxy needs its CA certificate in "proxy-cert")'
          : " (the proxy's own certificate is not trusted)"
        : '';
      reject(new ProbeError('tls', `TLS to ${host}:${port} failed: ${code || e.message}${hint}`));
    });
  });
}

/** Opens a TLS connection to `target`, directly or through the proxy's CONNECT tunnel. */
async function openTls(target: URL, options: ProbeOptions): Promise<tls.TLSSocket> {
  const { host, port } = hostPort(target);
  const ca = trust(options.ca);
  if (!options.proxy) return startTls(undefined, host, port, ca, 'target');
  const proxy = new URL(options.proxy);
  const p = hostPort(proxy);
  let socket: net.Socket = await connectTcp(p.host, p.port).catch((e: ProbeError) => {
    throw new ProbeError('proxy-connect', `the proxy ${p.host}:${p.port} cannot be reached (${e.message})`);
  });
  if (proxy.protocol === 'https:') socket = await startTls(socket, p.host, p.port, ca, 'proxy');
  const authority = `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  if (proxy.username) {
    const user = decodeURIComponent(proxy.username);
    const pass = decodeURIComponent(proxy.password);
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`);
  }
  socket.write(lines.join('\r\n') + '\r\n\r\n');
  const answer = await readResponse(socket, true);
  if (answer.status === 407) {
    socket.destroy();
    throw new ProbeError(
      'proxy-auth',
      `the proxy asked for credentials (407 ${answer.statusText})${proxy.username ? ' and refused the ones in "proxy-https"' : '; put them in "proxy-https" as http://user:password@host:port'}`,
    );
  }
  if (answer.status !== 200) {
    socket.destroy();
    throw new ProbeError('proxy-refused', `the proxy refused to open a tunnel to ${authority} (${answer.status} ${answer.statusText})`);
  }
  return startTls(socket, host, port, ca, 'target');
}

/** One HTTPS request (Connection: close), directly or through the proxy. */
export async function httpsRequest(
  url: string,
  options: ProbeOptions & { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpAnswer> {
  const target = new URL(url);
  const timeout = options.timeoutMs ?? 15_000;
  let socket: tls.TLSSocket | undefined;
  return withTimeout(
    (async () => {
      socket = await openTls(target, options);
      const headers: Record<string, string> = {
        Host: target.host,
        Connection: 'close',
        'User-Agent': 'arc-actions/arc-connect',
        Accept: 'application/json',
        ...options.headers,
      };
      if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
      socket.write(
        `${options.method ?? 'GET'} ${target.pathname}${target.search} HTTP/1.1\r\n${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\r\n')}\r\n\r\n${options.body ?? ''}`,
      );
      try {
        return await readResponse(socket, false);
      } finally {
        socket.destroy();
      }
    })(),
    timeout,
    `${target.host}`,
    () => socket?.destroy(),
  );
}

export type { ProbeAttempt, RelayProbe } from '@arc-actions/azure';

const attempt = (answer: HttpAnswer): ProbeAttempt => ({
  answered: true,
  status: answer.status,
  statusText: answer.statusText,
  body: answer.body.subarray(0, 512).toString('utf8'),
  detail: `HTTP ${answer.status} ${answer.statusText}`.trim(),
});

/**
 * Probes a relay endpoint twice on the same URL (`wss://host/$hc/<path>?sb-hc-action=connect`): once as a plain HTTPS
 * GET (does the host answer at all?) and once as a websocket upgrade (how is the upgrade answered?). Never throws.
 */
export async function probeRelay(url: string, options: ProbeOptions = {}): Promise<RelayProbe> {
  const https = url.replace(/^wss:/, 'https:');
  const plain = await httpsRequest(https, options).then(attempt, (error: Error) => ({ answered: false, detail: error.message }));
  const upgrade = await upgradeRequest(https, options);
  return { plain, upgrade };
}

/** Sends an HTTP/1.1 websocket upgrade to `url` and reports the answer (101 must carry the right Sec-WebSocket-Accept). */
export async function upgradeRequest(url: string, options: ProbeOptions = {}): Promise<ProbeAttempt> {
  const target = new URL(url.replace(/^wss:/, 'https:'));
  const key = randomBytes(16).toString('base64');
  const expected = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  let socket: tls.TLSSocket | undefined;
  try {
    return await withTimeout(
      (async (): Promise<ProbeAttempt> => {
        socket = await openTls(target, options);
        socket.write(
          [
            `GET ${target.pathname}${target.search} HTTP/1.1`,
            `Host: ${target.host}`,
            'Upgrade: websocket',
            'Connection: Upgrade',
            `Sec-WebSocket-Key: ${key}`,
            'Sec-WebSocket-Version: 13',
            'User-Agent: arc-actions/arc-connect',
          ].join('\r\n') + '\r\n\r\n',
        );
        let answer: HttpAnswer;
        try {
          answer = await readResponse(socket, false);
        } catch (error) {
          return { answered: false, detail: (error as Error).message };
        }
        if (answer.status === 101 && answer.headers['sec-websocket-accept'] !== expected)
          return {
            ...attempt(answer),
            detail: 'a 101 answer with a wrong Sec-WebSocket-Accept (something in the path rewrote the upgrade)',
          };
        return attempt(answer);
      })(),
      options.timeoutMs ?? 15_000,
      `the websocket upgrade to ${target.host}`,
      () => socket?.destroy(),
    );
  } catch (error) {
    return { answered: false, detail: (error as Error).message };
  } finally {
    socket?.destroy();
  }
}
