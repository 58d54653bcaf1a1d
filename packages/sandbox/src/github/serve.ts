import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler, SandboxRequest } from '../http.js';

/**
 * Serves one handler over plain HTTP on 127.0.0.1 under a mount path (default `/github`), for unit tests of
 * the GitHub stand-in and of code that talks to it. The sandbox's HTTPS server does the same for real runs.
 */
export async function serveHandler(handler: Handler, mount = '/github'): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toSandboxRequest(req, mount);
        const response = request ? await handler(request) : undefined;
        if (!response) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
          return;
        }
        const { body } = response;
        const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
        const headers: Record<string, string> = { ...response.headers };
        if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
          headers['content-type'] = 'application/json; charset=utf-8';
        }
        res.writeHead(response.status, headers).end(payload);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function toSandboxRequest(req: IncomingMessage, mount: string): Promise<SandboxRequest | undefined> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (url.pathname !== mount && !url.pathname.startsWith(`${mount}/`)) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  let body: unknown;
  if (rawBody.length && type.includes('json')) body = JSON.parse(rawBody.toString('utf8'));
  else if (rawBody.length && type.includes('application/x-www-form-urlencoded'))
    body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
  return { method: req.method ?? 'GET', url, path: url.pathname.slice(mount.length) || '/', headers: req.headers, body, rawBody };
}
