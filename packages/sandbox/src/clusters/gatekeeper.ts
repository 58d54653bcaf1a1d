import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { waitFor } from '@arc-actions/core';
import type { ClusterBins } from './bins.js';
import type { ClusterPki } from './pki.js';
import { startProcess, type ManagedProcess } from './processes.js';
import { httpGet, waitUntilReady } from './readiness.js';
import type { KubeClient, KubeObject } from './rest.js';

export const GATEKEEPER_NAMESPACE = 'gatekeeper-system';
export const GATEKEEPER_POD = 'gatekeeper-controller-manager-0';
const VALIDATING = 'gatekeeper-validating-webhook-configuration';
const FIELD_MANAGER = 'arc-sandbox';

export interface GatekeeperPorts {
  webhook: number;
  health: number;
  prometheus: number;
}

/** Applies the 17 Gatekeeper CRDs from the cache and waits until every one is Established. */
export async function installGatekeeperCrds(client: KubeClient, crdDir: string): Promise<void> {
  const files = (await readdir(crdDir)).filter((f) => f.endsWith('.yaml')).sort();
  const names: string[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(await readFile(join(crdDir, file), 'utf8'))) {
      const crd = doc.toJS() as KubeObject | null;
      if (!crd?.kind) continue;
      await client.apply(crd, FIELD_MANAGER);
      names.push(crd.metadata.name);
    }
  }
  await waitForCrds(client, names, 60000);
}

export async function waitForCrds(client: KubeClient, names: readonly string[], timeoutMs: number): Promise<void> {
  const established = async (name: string): Promise<boolean> => {
    const crd = await client.get('apiextensions.k8s.io/v1', 'CustomResourceDefinition', name);
    return (crd?.status?.conditions ?? []).some((c: any) => c.type === 'Established' && c.status === 'True');
  };
  const result = await waitFor(async () => ((await Promise.all(names.map(established))).every(Boolean) ? true : undefined), {
    timeoutMs,
    initialMs: 100,
    maxMs: 500,
  });
  if (!result.value) throw new Error(`The CRDs ${names.join(', ')} were not all Established within ${timeoutMs / 1000} s.`);
}

/**
 * Namespace gatekeeper-system (upstream labels) and a real Pod object for POD_NAME. Gatekeeper owns its
 * *PodStatus objects by this Pod; with --debug-use-fake-pod the owner UID would not exist and the
 * controller-manager's garbage collector would delete them.
 */
async function prepareNamespace(client: KubeClient): Promise<void> {
  await client.apply(
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: GATEKEEPER_NAMESPACE,
        labels: {
          'admission.gatekeeper.sh/ignore': 'no-self-managing',
          'gatekeeper.sh/system': 'yes',
          'pod-security.kubernetes.io/enforce': 'restricted',
        },
      },
    },
    FIELD_MANAGER,
  );
  await client.apply(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: GATEKEEPER_POD,
        namespace: GATEKEEPER_NAMESPACE,
        labels: { 'control-plane': 'controller-manager', 'gatekeeper.sh/operation': 'webhook', 'gatekeeper.sh/system': 'yes' },
      },
      spec: {
        automountServiceAccountToken: false,
        containers: [
          {
            name: 'manager',
            image: 'openpolicyagent/gatekeeper:v3.23.0',
            securityContext: {
              allowPrivilegeEscalation: false,
              runAsNonRoot: true,
              runAsUser: 1000,
              capabilities: { drop: ['ALL'] },
              seccompProfile: { type: 'RuntimeDefault' },
            },
          },
        ],
      },
    },
    FIELD_MANAGER,
  );
}

export function gatekeeperArgs(
  kubeconfigPath: string,
  pki: ClusterPki,
  ports: GatekeeperPorts,
  cacheDir: string,
  auditIntervalSeconds: number,
): string[] {
  return [
    `--kubeconfig=${kubeconfigPath}`,
    `--port=${ports.webhook}`,
    '--host=127.0.0.1',
    `--cert-dir=${pki.gatekeeperCertDir}`,
    '--disable-cert-rotation',
    `--health-addr=127.0.0.1:${ports.health}`,
    '--metrics-addr=0',
    `--prometheus-port=${ports.prometheus}`,
    `--api-cache-dir=${cacheDir}`,
    `--audit-interval=${auditIntervalSeconds}`,
    '--constraint-violations-limit=20',
    '--log-denies',
    `--exempt-namespace=${GATEKEEPER_NAMESPACE}`,
    '--shutdown-delay=0',
    '--default-create-vap-for-templates=false',
    '--default-create-vap-binding-for-constraints=false',
  ];
}

/** Starts Gatekeeper out of cluster, waits for /readyz, then registers its validating webhook by URL. */
export async function startGatekeeper(
  client: KubeClient,
  bins: ClusterBins,
  dir: string,
  kubeconfigPath: string,
  pki: ClusterPki,
  ports: GatekeeperPorts,
  auditIntervalSeconds: number,
): Promise<ManagedProcess> {
  await installGatekeeperCrds(client, bins.gatekeeperCrds);
  await prepareNamespace(client);
  const cacheDir = join(dir, 'gatekeeper-cache');
  await mkdir(cacheDir, { recursive: true });
  const proc = startProcess('gatekeeper', bins.gatekeeper, gatekeeperArgs(kubeconfigPath, pki, ports, cacheDir, auditIntervalSeconds), {
    logFile: join(dir, 'logs/gatekeeper.log'),
    env: { POD_NAMESPACE: GATEKEEPER_NAMESPACE, POD_NAME: GATEKEEPER_POD, NAMESPACE: GATEKEEPER_NAMESPACE },
  });
  await waitUntilReady('gatekeeper', proc, async () => (await httpGet(`http://127.0.0.1:${ports.health}/readyz`)).status === 200, 120000);
  await registerWebhook(client, pki, ports.webhook);
  return proc;
}

/** The upstream webhook configuration with `url` instead of `service`, failurePolicy Fail and a 10 s timeout. */
async function registerWebhook(client: KubeClient, pki: ClusterPki, port: number): Promise<void> {
  const caBundle = Buffer.from(pki.caPem).toString('base64');
  const common = {
    admissionReviewVersions: ['v1', 'v1beta1'],
    failurePolicy: 'Fail',
    matchPolicy: 'Exact',
    sideEffects: 'None',
    timeoutSeconds: 10,
  };
  await client.apply(
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: VALIDATING, labels: { 'gatekeeper.sh/system': 'yes' } },
      webhooks: [
        {
          name: 'validation.gatekeeper.sh',
          ...common,
          clientConfig: { url: `https://127.0.0.1:${port}/v1/admit`, caBundle },
          namespaceSelector: {
            matchExpressions: [
              { key: 'admission.gatekeeper.sh/ignore', operator: 'DoesNotExist' },
              { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [GATEKEEPER_NAMESPACE] },
            ],
          },
          rules: [
            {
              apiGroups: ['*'],
              apiVersions: ['*'],
              operations: ['CREATE', 'UPDATE'],
              resources: [
                '*',
                'pods/ephemeralcontainers',
                'pods/exec',
                'pods/log',
                'pods/eviction',
                'pods/portforward',
                'pods/proxy',
                'pods/attach',
                'pods/binding',
                'pods/resize',
                'deployments/scale',
                'replicasets/scale',
                'statefulsets/scale',
                'replicationcontrollers/scale',
                'services/proxy',
                'nodes/proxy',
                'services/status',
              ],
            },
          ],
        },
        {
          name: 'check-ignore-label.gatekeeper.sh',
          ...common,
          clientConfig: { url: `https://127.0.0.1:${port}/v1/admitlabel`, caBundle },
          namespaceSelector: {
            matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [GATEKEEPER_NAMESPACE] }],
          },
          rules: [{ apiGroups: [''], apiVersions: ['*'], operations: ['CREATE', 'UPDATE'], resources: ['namespaces'] }],
        },
      ],
    },
    FIELD_MANAGER,
  );
}

/** Removes the webhook configurations (before Gatekeeper stops: check-ignore-label fails closed on namespaces). */
export async function unregisterWebhook(client: KubeClient): Promise<void> {
  await client.delete('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', VALIDATING);
}
