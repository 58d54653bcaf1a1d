import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';

/**
 * Real proxies for the egress tests (runner-side pre-flight and the in-cluster probe), in-process on 127.0.0.1:
 *
 * - `mode: 'tunnel'`: a plain HTTP CONNECT proxy (Squid-like) that checks Basic credentials and splices the
 *   client and target sockets. TLS stays end to end, so websocket upgrades pass untouched.
 * - `mode: 'inspect'`: a TLS-inspecting proxy, as corporate proxies with "SSL inspection" are (Zscaler, Blue Coat,
 *   Palo Alto decryption): it answers CONNECT, terminates TLS itself with a certificate from its own CA (which the
 *   user configures as proxy-cert), reads each HTTP request, forwards ordinary requests to the target over a new
 *   TLS connection, and closes the connection when it sees `Upgrade: websocket` (which such proxies do not support
 *   or explicitly block). Ordinary HTTPS works through it; cluster connect does not: the case to detect.
 * - `mode: 'strip'`: the same TLS-inspecting proxy, but it forwards a websocket upgrade as a plain request after
 *   removing the hop-by-hop Upgrade and Connection headers (and the Sec-WebSocket-* ones), as proxies that do not
 *   speak websocket do (the retail chain's case: onboarding succeeded, cluster connect hung).
 */
export interface TestProxy {
  url: string;
  /** CONNECT targets seen (host:port), for asserting the traffic went through the proxy. */
  connects: string[];
  upgradesDropped: number;
  close(): Promise<void>;
}

export async function startProxy(options: {
  mode: 'tunnel' | 'inspect' | 'strip';
  user?: string;
  password?: string;
  inspectCert?: { cert: string; key: string };
  upstreamCa?: string[];
  /** CONNECT targets (`host:port`) the proxy refuses with 403, as a proxy's deny list does. */
  deny?: string[];
}): Promise<TestProxy> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  let upgradesDropped = 0;
  const server: Server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    client.on('error', () => undefined);
    const expected = options.user ? `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}` : undefined;
    if (expected && req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const target = req.url ?? '';
    connects.push(target);
    if (options.deny?.some((d) => d.toLowerCase() === target.toLowerCase())) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 18\r\n\r\nblocked by policy\n');
      return;
    }
    const [host, port] = [
      target.slice(0, target.lastIndexOf(':')).replace(/^\[|\]$/g, ''),
      Number(target.slice(target.lastIndexOf(':') + 1)),
    ];
    if (options.mode === 'tunnel') {
      const upstream = net.connect({ host, port }, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
      upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
      return;
    }
    // TLS inspection: terminate TLS with our own certificate, look at the HTTP request, re-originate.
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const inner = new tls.TLSSocket(client, {
      isServer: true,
      cert: options.inspectCert!.cert,
      key: options.inspectCert!.key,
      ALPNProtocols: ['http/1.1'],
    });
    inner.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      inner.off('data', onData);
      const headText = buffered.subarray(0, end).toString('latin1');
      if (/^upgrade:\s*websocket/im.test(headText)) {
        upgradesDropped++;
        if (options.mode === 'inspect') {
          inner.destroy();
          return;
        }
        const kept = headText.split('\r\n').filter((l) => !/^(upgrade|connection|sec-websocket-[a-z]+):/i.test(l));
        buffered = Buffer.concat([Buffer.from([...kept, 'Connection: close'].join('\r\n'), 'latin1'), buffered.subarray(end)]);
      }
      const upstream = tls.connect(
        {
          host,
          port,
          servername: net.isIP(host) ? undefined : host,
          ca: [...tls.getCACertificates('default'), ...(options.upstreamCa ?? [])],
        },
        () => {
          upstream.write(buffered);
          upstream.pipe(inner).pipe(upstream);
        },
      );
      sockets.add(upstream);
      upstream.on('error', () => inner.destroy());
      upstream.on('close', () => (sockets.delete(upstream), inner.destroy()));
    };
    inner.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const auth = options.user ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password ?? '')}@` : '';
  return {
    url: `http://${auth}127.0.0.1:${port}`,
    connects,
    get upgradesDropped() {
      return upgradesDropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
