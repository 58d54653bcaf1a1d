import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Handler } from '../../../packages/sandbox/src/http.js';
import { attachRelay, type RelayOptions } from '../../../packages/sandbox/src/arc-dataplane/index.js';

export { startProxy, type TestProxy } from '../../../packages/sandbox/src/proxies.js';

/** An HTTPS server that serves Handlers under mount prefixes and plays the relay (attachRelay). */
export async function serveArcDataPlane(
  tlsPair: { cert: string; key: string },
  mounts: Record<string, Handler>,
  relay: RelayOptions = {},
): Promise<{ url: string; host: string; close(): Promise<void> }> {
  const server = createHttpsServer({ cert: tlsPair.cert, key: tlsPair.key }, (req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
      for (const [mount, handler] of Object.entries(mounts)) {
        if (url.pathname !== mount && !url.pathname.startsWith(`${mount}/`)) continue;
        const rawBody = Buffer.concat(chunks);
        const answer = await handler({
          method: req.method ?? 'GET',
          url,
          path: url.pathname.slice(mount.length) || '/',
          headers: req.headers,
          body: rawBody.length ? JSON.parse(rawBody.toString()) : undefined,
          rawBody,
        });
        if (!answer) break;
        const body =
          answer.body === undefined
            ? undefined
            : Buffer.isBuffer(answer.body) || typeof answer.body === 'string'
              ? answer.body
              : JSON.stringify(answer.body);
        const headers = { 'content-type': 'application/json', ...answer.headers };
        if (answer.statusText) res.writeHead(answer.status, answer.statusText, headers).end(body);
        else res.writeHead(answer.status, headers).end(body);
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
    })();
  });
  const detach = attachRelay(server, relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    host: `localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        detach();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
