import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveClusterBins, type ClusterBins } from './bins.js';
import { apiserverArgs, startApiserver, startControllerManager, startEtcd, type ControlPlanePorts } from './control-plane.js';
import { startGatekeeper, unregisterWebhook } from './gatekeeper.js';
import { renderKubeconfig } from './kubeconfig.js';
import { createPki } from './pki.js';
import { createNodes, PodRunner } from './pod-runner.js';
import { freePort } from './ports.js';
import type { ManagedProcess } from './processes.js';
import { KubeClient } from './rest.js';

export interface LocalClusterOptions {
  name: string;
  /** Working folder (PKI, etcd data, logs, helm and flux state); what a previous run left there is removed first. */
  dir: string;
  /** Run Gatekeeper (default true). */
  gatekeeper?: boolean;
  /** Gatekeeper's --audit-interval (default 5 s). */
  auditIntervalSeconds?: number;
  /** --service-cluster-ip-range (default 10.0.0.0/24). */
  serviceCidr?: string;
  /** Node objects to create (default 2). */
  nodeCount?: number;
  /** Binaries (default: resolveClusterBins()). */
  bins?: ClusterBins;
}

export interface LocalCluster {
  readonly name: string;
  readonly dir: string;
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** Kubeconfig YAML with the CA embedded and the admin token (system:masters). */
  readonly kubeconfig: string;
  readonly kubeconfigPath: string;
  readonly serviceCidr: string;
  readonly caPem: string;
  readonly token: string;
  readonly nodeNames: readonly string[];
  readonly gatekeeper: boolean;
  readonly bins: ClusterBins;
  /** The sandbox's REST client for this cluster. */
  readonly client: KubeClient;
  /** Milliseconds per start phase (etcd, apiserver, controllerManager, nodes, gatekeeper, total). */
  readonly timings: Record<string, number>;
  /** The running processes (for memory figures). */
  processes(): ManagedProcess[];
  /**
   * Adds a process started later against this cluster (an extension's controllers, e.g. Flux): listed by
   * processes() and stopped first by stop().
   */
  attach(process: ManagedProcess): void;
  /** Stops the API server only (simulates an outage); everything else keeps running. */
  stopApiServer(): Promise<void>;
  /** Starts the API server again with the same flags and waits for /readyz. */
  startApiServer(): Promise<void>;
  /**
   * Deletes the webhook configurations, then stops the pod runner, Gatekeeper, controller-manager, apiserver and
   * etcd, and removes etcd's data (logs stay in `dir/logs`).
   */
  stop(): Promise<void>;
}

const OWN_ENTRIES = ['etcd', 'pki', 'logs', 'apiserver', 'controller-manager', 'gatekeeper-cache', 'kubeconfig.yaml', 'helm', 'flux'];

/** Starts etcd, kube-apiserver, kube-controller-manager, Ready nodes, the pod runner and (optionally) Gatekeeper. */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  // Ports are picked free but bound later by the children; another process may take one in between.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= 3 || !/address already in use/i.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce(options: LocalClusterOptions): Promise<LocalCluster> {
  const started = Date.now();
  const timings: Record<string, number> = {};
  const lap = (phase: string, since: number): number => (timings[phase] = Date.now() - since);
  const bins = options.bins ?? (await resolveClusterBins());
  const dir = resolve(options.dir);
  const serviceCidr = options.serviceCidr ?? '10.0.0.0/24';
  const withGatekeeper = options.gatekeeper ?? true;
  // Only what a previous run of this function left there is removed; anything else in `dir` stays.
  for (const entry of OWN_ENTRIES) await rm(join(dir, entry), { recursive: true, force: true });
  await mkdir(join(dir, 'logs'), { recursive: true });

  const ports: ControlPlanePorts = {
    etcdClient: await freePort(),
    etcdPeer: await freePort(),
    apiserver: await freePort(),
    controllerManager: await freePort(),
  };
  const gkPorts = { webhook: await freePort(), health: await freePort(), prometheus: await freePort() };
  let t = Date.now();
  const pki = await createPki(join(dir, 'pki'), serviceCidr);
  lap('pki', t);
  const server = `https://127.0.0.1:${ports.apiserver}`;
  const kubeconfig = renderKubeconfig(options.name, server, pki.caPem, pki.adminToken);
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  await writeFile(kubeconfigPath, kubeconfig, { mode: 0o600 });
  const client = new KubeClient(server, pki.caPem, pki.adminToken);
  const nodeNames = Array.from({ length: options.nodeCount ?? 2 }, (_, i) => `${options.name}-node-${i + 1}`);
  const runner = new PodRunner(client, join(dir, 'logs/pod-runner.log'));
  const procs: Partial<Record<'etcd' | 'apiserver' | 'controllerManager' | 'gatekeeper', ManagedProcess>> = {};
  const attached: ManagedProcess[] = [];
  const args = apiserverArgs(dir, pki, ports, serviceCidr);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (procs.gatekeeper?.isRunning() && procs.apiserver?.isRunning()) await unregisterWebhook(client).catch(() => undefined);
      await Promise.all(attached.map((p) => p.stop(3000)));
      await runner.stop();
      await procs.gatekeeper?.stop(3000);
      await procs.controllerManager?.stop(3000);
      await procs.apiserver?.stop(3000);
      await procs.etcd?.stop(3000);
      client.close();
      await rm(join(dir, 'etcd'), { recursive: true, force: true }); // ~60 MB each; logs stay for post-mortems
    })());

  try {
    t = Date.now();
    procs.etcd = await startEtcd(bins, dir, ports);
    lap('etcd', t);
    t = Date.now();
    procs.apiserver = await startApiserver(bins, dir, args, client);
    lap('apiserver', t);
    t = Date.now();
    procs.controllerManager = await startControllerManager(bins, dir, pki, ports, kubeconfigPath, serviceCidr, client);
    lap('controllerManager', t);
    t = Date.now();
    await createNodes(client, nodeNames);
    runner.start();
    lap('nodes', t);
    if (withGatekeeper) {
      t = Date.now();
      procs.gatekeeper = await startGatekeeper(client, bins, dir, kubeconfigPath, pki, gkPorts, options.auditIntervalSeconds ?? 5);
      lap('gatekeeper', t);
    }
  } catch (error) {
    await stop();
    throw new Error(`The local cluster ${options.name} could not be started: ${(error as Error).message}`, { cause: error });
  }
  lap('total', started);

  return {
    name: options.name,
    dir,
    server,
    kubeconfig,
    kubeconfigPath,
    serviceCidr,
    caPem: pki.caPem,
    token: pki.adminToken,
    nodeNames,
    gatekeeper: withGatekeeper,
    bins,
    client,
    timings,
    processes: () => [...Object.values(procs), ...attached].filter((p): p is ManagedProcess => !!p?.isRunning()),
    attach: (p) => void attached.push(p),
    async stopApiServer() {
      await procs.apiserver?.stop(1000); // watches keep a graceful shutdown busy for long; an outage is abrupt anyway
    },
    async startApiServer() {
      if (procs.apiserver?.isRunning()) return;
      procs.apiserver = await startApiserver(bins, dir, args, client);
    },
    stop,
  };
}
