import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { LocalCluster } from './cluster.js';
import { waitForCrds } from './gatekeeper.js';
import { freePort } from './ports.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { httpGet, waitUntilReady } from './readiness.js';
import type { KubeClient, KubeObject } from './rest.js';

/** Where the microsoft.flux extension installs Flux (its release namespace). */
export const FLUX_NAMESPACE = 'flux-system';
const FIELD_MANAGER = 'arc-sandbox';

export interface FluxControllers {
  sourceController: ManagedProcess;
  kustomizeController: ManagedProcess;
  /** http://127.0.0.1:<port>: source-controller's artifact storage, which kustomize-controller downloads from. */
  storageUrl: string;
  /** Milliseconds: CRDs, source-controller ready, kustomize-controller ready, total. */
  timings: Record<string, number>;
}

export interface FluxControllerOptions {
  /**
   * A CA certificate (PEM file) the controllers trust besides the system roots, through SSL_CERT_DIR, as a cluster
   * whose nodes trust a company CA: the sandbox CA, which signs the loopback git server's HTTPS certificate.
   */
  caFile?: string;
  /** kustomize-controller's --requeue-dependency (default 5 s here; Flux's default is 30 s). */
  requeueDependency?: string;
}

const started = new WeakMap<LocalCluster, Promise<FluxControllers>>();

/**
 * What installing the microsoft.flux extension does on a local cluster: Flux's CRDs (source.toolkit.fluxcd.io,
 * kustomize.toolkit.fluxcd.io), the `flux-system` namespace, then the real source-controller and kustomize-controller
 * out of cluster (KUBECONFIG, artifact storage on loopback). Memoised per cluster; stopped with the cluster.
 */
export function startFluxControllers(cluster: LocalCluster, options: FluxControllerOptions = {}): Promise<FluxControllers> {
  let pending = started.get(cluster);
  if (!pending) {
    pending = start(cluster, options);
    started.set(cluster, pending);
    pending.catch(() => started.delete(cluster));
  }
  return pending;
}

/** The controllers of a cluster, if they were started. */
export function fluxControllersOf(cluster: LocalCluster): Promise<FluxControllers> | undefined {
  return started.get(cluster);
}

/** Applies every CRD of a folder (config/crd/bases of a controller's module) and waits until all are Established. */
async function applyCrdFolder(client: KubeClient, folder: string): Promise<void> {
  const names: string[] = [];
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.yaml')).sort()) {
    for (const doc of parseAllDocuments(await readFile(join(folder, file), 'utf8'))) {
      const crd = doc.toJS() as KubeObject | null;
      if (!crd?.kind) continue;
      await client.apply(crd, FIELD_MANAGER);
      names.push(crd.metadata.name);
    }
  }
  await waitForCrds(client, names, 60000);
}

async function start(cluster: LocalCluster, options: FluxControllerOptions): Promise<FluxControllers> {
  const begin = Date.now();
  const timings: Record<string, number> = {};
  const { bins, client } = cluster;
  let t = Date.now();
  await applyCrdFolder(client, bins.sourceControllerCrds);
  await applyCrdFolder(client, bins.kustomizeControllerCrds);
  await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: FLUX_NAMESPACE } }, FIELD_MANAGER);
  timings.crds = Date.now() - t;

  const dir = join(cluster.dir, 'flux');
  const storage = join(dir, 'storage');
  await mkdir(storage, { recursive: true });
  const env: NodeJS.ProcessEnv = { KUBECONFIG: cluster.kubeconfigPath, RUNTIME_NAMESPACE: FLUX_NAMESPACE, HOME: dir };
  if (options.caFile) {
    const certs = join(dir, 'trusted-certs');
    await mkdir(certs, { recursive: true });
    await copyFile(options.caFile, join(certs, 'sandbox-ca.crt'));
    env.SSL_CERT_DIR = certs; // Go adds these to the system bundle (SSL_CERT_FILE would replace it)
  }
  const [sourceHealth, storagePort, kustomizeHealth] = [await freePort(), await freePort(), await freePort()];
  const storageAddr = `127.0.0.1:${storagePort}`;

  t = Date.now();
  const sourceController = startProcess(
    'source-controller',
    bins.sourceController,
    [
      '--metrics-addr=0',
      `--health-addr=127.0.0.1:${sourceHealth}`,
      `--storage-path=${storage}`,
      `--storage-addr=${storageAddr}`,
      `--storage-adv-addr=${storageAddr}`,
      '--log-level=info',
    ],
    { logFile: join(cluster.dir, 'logs/source-controller.log'), env, cwd: dir },
  );
  cluster.attach(sourceController);
  await waitUntilReady(
    'source-controller',
    sourceController,
    async () => (await httpGet(`http://127.0.0.1:${sourceHealth}/readyz`)).status === 200,
    60000,
  );
  timings.sourceController = Date.now() - t;

  t = Date.now();
  const kustomizeController = startProcess(
    'kustomize-controller',
    bins.kustomizeController,
    [
      '--metrics-addr=0',
      `--health-addr=127.0.0.1:${kustomizeHealth}`,
      `--requeue-dependency=${options.requeueDependency ?? '5s'}`,
      '--log-level=info',
    ],
    { logFile: join(cluster.dir, 'logs/kustomize-controller.log'), env, cwd: dir },
  );
  cluster.attach(kustomizeController);
  await waitUntilReady(
    'kustomize-controller',
    kustomizeController,
    async () => (await httpGet(`http://127.0.0.1:${kustomizeHealth}/readyz`)).status === 200,
    60000,
  );
  timings.kustomizeController = Date.now() - t;
  timings.total = Date.now() - begin;
  return { sourceController, kustomizeController, storageUrl: `http://${storageAddr}`, timings };
}
