import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterBins } from './bins.js';
import type { ClusterPki } from './pki.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { httpGet, waitUntilReady } from './readiness.js';
import type { KubeClient } from './rest.js';

export interface ControlPlanePorts {
  etcdClient: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
}

/** Starts etcd and waits for GET /health to say {"health":"true"}. */
export async function startEtcd(bins: ClusterBins, dir: string, ports: ControlPlanePorts): Promise<ManagedProcess> {
  const client = `http://127.0.0.1:${ports.etcdClient}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  const proc = startProcess(
    'etcd',
    bins.etcd,
    [
      `--data-dir=${join(dir, 'etcd')}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=default=${peer}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
      '--quota-backend-bytes=1073741824',
    ],
    { logFile: join(dir, 'logs/etcd.log') },
  );
  await waitUntilReady(
    'etcd',
    proc,
    async () => {
      const res = await httpGet(`${client}/health`);
      return res.status === 200 && (JSON.parse(res.body) as { health?: string }).health === 'true';
    },
    60000,
  );
  return proc;
}

export function apiserverArgs(dir: string, pki: ClusterPki, ports: ControlPlanePorts, serviceCidr: string): string[] {
  return [
    `--etcd-servers=http://127.0.0.1:${ports.etcdClient}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${ports.apiserver}`,
    `--cert-dir=${join(dir, 'apiserver')}`,
    `--tls-cert-file=${pki.apiserverCert}`,
    `--tls-private-key-file=${pki.apiserverKey}`,
    `--client-ca-file=${pki.caCert}`,
    `--token-auth-file=${pki.tokenFile}`,
    '--authorization-mode=RBAC',
    `--service-account-issuer=https://127.0.0.1:${ports.apiserver}`,
    `--service-account-key-file=${pki.saPub}`,
    `--service-account-signing-key-file=${pki.saKey}`,
    `--service-cluster-ip-range=${serviceCidr}`,
    '--allow-privileged=true',
    '--disable-admission-plugins=ServiceAccount',
    '--endpoint-reconciler-type=none',
    '--v=1',
  ];
}

/** Starts kube-apiserver and waits for /readyz. */
export async function startApiserver(bins: ClusterBins, dir: string, args: string[], client: KubeClient): Promise<ManagedProcess> {
  await mkdir(join(dir, 'apiserver'), { recursive: true });
  const proc = startProcess('kube-apiserver', bins.kubeApiserver, args, { logFile: join(dir, 'logs/kube-apiserver.log') });
  await waitUntilReady(
    'kube-apiserver',
    proc,
    async () => (await client.request<string>('GET', '/readyz', { timeoutMs: 5000 })) === 'ok',
    120000,
  );
  return proc;
}

/**
 * Starts kube-controller-manager: every default controller except those that need a cloud or real nodes
 * (node lifecycle would taint and evict our kubelet-less nodes; node IPAM needs a cluster CIDR).
 * Ready once the serviceaccount controller has created `default/default`.
 */
export async function startControllerManager(
  bins: ClusterBins,
  dir: string,
  pki: ClusterPki,
  ports: ControlPlanePorts,
  kubeconfigPath: string,
  serviceCidr: string,
  client: KubeClient,
): Promise<ManagedProcess> {
  await mkdir(join(dir, 'controller-manager'), { recursive: true });
  const proc = startProcess(
    'kube-controller-manager',
    bins.kubeControllerManager,
    [
      `--kubeconfig=${kubeconfigPath}`,
      `--authentication-kubeconfig=${kubeconfigPath}`,
      `--authorization-kubeconfig=${kubeconfigPath}`,
      '--controllers=*,-node-lifecycle-controller,-node-ipam-controller,-cloud-node-lifecycle-controller,-node-route-controller,-service-lb-controller,-persistentvolume-attach-detach-controller',
      `--service-account-private-key-file=${pki.saKey}`,
      `--root-ca-file=${pki.caCert}`,
      `--cluster-signing-cert-file=${pki.caCert}`,
      `--cluster-signing-key-file=${pki.caKey}`,
      `--service-cluster-ip-range=${serviceCidr}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      `--secure-port=${ports.controllerManager}`,
      `--cert-dir=${join(dir, 'controller-manager')}`,
      '--concurrent-gc-syncs=5',
      '--v=1',
    ],
    { logFile: join(dir, 'logs/kube-controller-manager.log') },
  );
  await waitUntilReady(
    'kube-controller-manager',
    proc,
    async () => {
      await client.request('GET', '/api/v1/namespaces/default/serviceaccounts/default', { timeoutMs: 5000 });
      return true;
    },
    120000,
  );
  return proc;
}
