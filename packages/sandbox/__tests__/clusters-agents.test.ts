import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { helmInstallAgents, installMonitoring, readAgentState, startLocalCluster, type LocalCluster } from '../src/clusters/index.js';

let cluster: LocalCluster;
const values = {
  subscriptionId: '00000000-0000-0000-0000-000000000001',
  resourceGroup: 'rg-fleet',
  resourceName: 'eks-prod-use1',
  location: 'eastus',
  agentVersion: '1.21.0',
  distribution: 'eks',
  httpsProxy: 'http://proxy.corp.example:3128',
  noProxy: 'kubernetes.default.svc,10.0.0.0/8',
  privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIfake\n-----END RSA PRIVATE KEY-----\n',
};

beforeAll(async () => {
  cluster = await startLocalCluster({
    name: 'agents-test',
    dir: await mkdtemp(join(tmpdir(), 'arc-agents-')),
    gatekeeper: false,
    nodeCount: 3,
  });
}, 180000);

afterAll(async () => {
  await cluster?.stop();
});

describe('Arc agents and extensions on a real API server', () => {
  it('reports nothing before the agents are installed', async () => {
    expect(await readAgentState(cluster)).toBeUndefined();
  });

  it('installs the agents chart with helm and reports version, readiness and nodes', async () => {
    await helmInstallAgents(cluster, values);
    const state = await waitFor(
      async () => {
        const s = await readAgentState(cluster);
        return s?.podsReady ? s : undefined;
      },
      { timeoutMs: 60000, initialMs: 250, maxMs: 1000 },
    );
    console.log(`agents ready ${state.waitedMs} ms after helm install`);
    expect(state.value).toEqual({
      resourceId:
        '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/eks-prod-use1',
      agentVersion: '1.21.0',
      podsReady: true,
      nodeCount: 3,
      kubernetesVersion: 'v1.36.3',
      distribution: 'eks',
    });
    const config = await cluster.client.get('v1', 'ConfigMap', 'azure-clusterconfig', 'azure-arc');
    expect(config.data).toMatchObject({
      AZURE_REGION: 'eastus',
      CLUSTER_TYPE: 'ConnectedClusters',
      HTTPS_PROXY: values.httpsProxy,
      NO_PROXY: values.noProxy,
    });
    expect(JSON.stringify(config)).not.toContain('PRIVATE KEY');
    const secret = await cluster.client.get('v1', 'Secret', 'azure-arc-connect-privatekey', 'azure-arc');
    expect(Buffer.from(secret.data.privateKey, 'base64').toString()).toBe(values.privateKey);
    const deployments = await cluster.client.list('apps/v1', 'Deployment', { namespace: 'azure-arc' });
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([
      'clusterconnect-agent',
      'clusteridentityoperator',
      'config-agent',
      'extension-manager',
      'metrics-agent',
      'resource-sync-agent',
    ]);
  });

  it('installs the monitoring extension; the DaemonSet gets one ready pod per node', async () => {
    const result = await installMonitoring(cluster);
    expect(result).toEqual({ ready: true });
    const ds = await cluster.client.get('apps/v1', 'DaemonSet', 'ama-logs', 'kube-system');
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3 });
    const pods = await cluster.client.list('v1', 'Pod', { namespace: 'kube-system', labelSelector: 'component=ama-logs' });
    expect(new Set(pods.map((p) => p.spec.nodeName))).toEqual(new Set(cluster.nodeNames));
  });

  it('deletes a namespace with running pods to the end (namespace controller, GC and the pod runner)', async () => {
    await cluster.client.request('POST', '/api/v1/namespaces', {
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'scratch' } },
    });
    await createReadyDeployment(cluster, 'scratch');
    await cluster.client.delete('v1', 'Namespace', 'scratch');
    const gone = await waitFor(async () => ((await cluster.client.get('v1', 'Namespace', 'scratch')) ? undefined : true), {
      timeoutMs: 60000,
      initialMs: 250,
      maxMs: 1000,
    });
    console.log(`namespace with a ready Deployment deleted in ${gone.waitedMs} ms`);
    expect(gone.value).toBe(true);
  });

  it('fails to read the agents while the API server is down, and recovers when it is back', async () => {
    await cluster.stopApiServer();
    await expect(readAgentState(cluster)).rejects.toThrow(/could not be read from https:\/\/127\.0\.0\.1:\d+/);
    await cluster.startApiServer();
    expect((await readAgentState(cluster))?.podsReady).toBe(true);
  });
});

async function createReadyDeployment(c: LocalCluster, namespace: string): Promise<void> {
  await c.client.apply(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      },
    },
    'test',
  );
  const ready = await waitFor(
    async () => ((await c.client.get('apps/v1', 'Deployment', 'web', namespace))?.status?.readyReplicas === 2 ? true : undefined),
    { timeoutMs: 60000 },
  );
  expect(ready.value).toBe(true);
}
