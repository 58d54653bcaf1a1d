/**
 * Sandbox throughput and memory: ARM GETs per second over keep-alive HTTPS (target ≥ 2,000/s) and RSS with
 * 10,000 emulated clusters (target < 500 MB). Run: scripts/with-node24 npx tsx bench/sandbox-throughput.ts
 * (prints figures; no assertions).
 */
import { Agent, request } from 'node:https';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
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

// The load comes from a worker thread, so that client and server do not share one event loop (as a separate
// process would not).
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { Agent, request } = require('node:https');
const agent = new Agent({ keepAlive: true, maxSockets: workerData.concurrency, ca: workerData.ca });
const get = (path) => new Promise((resolve, reject) => {
  request(workerData.url + path, { agent, headers: workerData.headers }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); })
    .on('error', reject).end();
});
let next = 0, failures = 0;
const start = performance.now();
Promise.all(Array.from({ length: workerData.concurrency }, async () => {
  while (next < workerData.requests) {
    const id = workerData.clusters[next++ % workerData.clusters.length];
    if ((await get(id + '?api-version=2024-01-01')) !== 200) failures++;
  }
})).then(() => { agent.destroy(); parentPort.postMessage({ failures, ms: performance.now() - start }); });
`;
const start = performance.now();
const { failures } = await new Promise<{ failures: number; ms: number }>((resolve, reject) => {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { url: sandbox.url, headers, ca: ca.toString(), clusters, requests: REQUESTS, concurrency: CONCURRENCY },
  });
  worker.once('message', resolve);
  worker.once('error', reject);
});
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
