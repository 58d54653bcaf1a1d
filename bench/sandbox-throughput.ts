/**
 * Sandbox throughput and memory: ARM GETs per second over keep-alive HTTPS (target ≥ 2,000/s) and RSS with
 * 10,000 emulated clusters (target < 500 MB). Run: scripts/with-node24 npx tsx bench/sandbox-throughput.ts
 * (prints figures; no assertions).
 */
import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import { startSandbox } from '../packages/sandbox/src/index.js';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

const rssBefore = process.memoryUsage().rss;
const seedStart = performance.now();
const sandbox = await startSandbox({ emulatedClusters: { count: CLUSTERS } });
const seedMs = performance.now() - seedStart;
global.gc?.();
const rss = process.memoryUsage().rss;
const ca = readFileSync(sandbox.caCertPath);
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY, ca });

const post = (path: string, body: string) =>
  new Promise<string>((resolve, reject) => {
    const req = request(
      `${sandbox.url}${path}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
const get = (path: string, headers: Record<string, string>) =>
  new Promise<number>((resolve, reject) => {
    request(`${sandbox.url}${path}`, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });

const idToken = await new Promise<string>((resolve, reject) => {
  request(
    `${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`,
    { agent, headers: { authorization: `Bearer ${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } },
    (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve(JSON.parse(data).value));
    },
  )
    .on('error', reject)
    .end();
});
const form = new URLSearchParams({
  client_id: sandbox.identity.clientId,
  grant_type: 'client_credentials',
  scope: 'https://management.azure.com/.default',
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: idToken,
});
const token = JSON.parse(await post(`/${sandbox.identity.tenantId}/oauth2/v2.0/token`, form.toString())).access_token as string;
const headers = { authorization: `Bearer ${token}` };
const clusters = sandbox.state.store
  .ofType('Microsoft.Kubernetes/connectedClusters')
  .slice(0, 1000)
  .map((c) => c.id);

let next = 0;
let failures = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < REQUESTS) {
      const id = clusters[next++ % clusters.length];
      if ((await get(`${id}?api-version=2024-01-01`, headers)) !== 200) failures++;
    }
  }),
);
const seconds = (performance.now() - start) / 1000;
console.log(`emulated clusters: ${CLUSTERS} seeded in ${seedMs.toFixed(0)} ms; store resources: ${sandbox.state.store.resourceCount}`);
console.log(
  `RSS with ${CLUSTERS} clusters: ${(rss / 1048576).toFixed(0)} MB (before start ${(rssBefore / 1048576).toFixed(0)} MB; target < 500 MB)`,
);
console.log(
  `ARM GET throughput: ${(REQUESTS / seconds).toFixed(0)} req/s over ${REQUESTS} requests, concurrency ${CONCURRENCY}, ${failures} failures (target ≥ 2,000/s)`,
);
console.log(`RSS after run: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
agent.destroy();
await sandbox.stop();
