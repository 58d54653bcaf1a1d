/**
 * One cluster id from input to report row (issue 15): two clusters that share a name in two resource groups get two
 * rows and two kubeconfigs, and an AKS id is read from managedClusters and verified as AKS, not "not in Resource Graph".
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { clusterLabels, parseClusterId } from '@arc-actions/azure';
import { runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/arc-verify/src/main.js';

let sandbox: Sandbox;
let sub: string;
const arcId = (rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const aksId = (rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;

/** A stand-in API server on loopback that lists `nodes` Ready nodes (and answers 404 to everything else). */
async function apiServer(nodes: number): Promise<{ port: number; close: () => void }> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/api/v1/nodes')) {
      const items = Array.from({ length: nodes }, (_, i) => ({
        metadata: { name: `node-${i}` },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }));
      res.end(JSON.stringify({ kind: 'NodeList', apiVersion: 'v1', metadata: {}, items }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

const kubeconfigAt = (port: number) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `  - name: c`,
    `    cluster: { server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true }`,
    'contexts:',
    '  - name: c',
    '    context: { cluster: c, user: u }',
    'current-context: c',
    'users:',
    '  - name: u',
    `    user: { token: tok-cluster-ref-${port} }`,
  ].join('\n');
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

beforeAll(async () => {
  sandbox = await startSandbox();
  sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  for (const rg of ['east', 'west']) {
    sandbox.state.addResourceGroup(sub, rg, 'westeurope');
    sandbox.state.put({
      id: arcId(rg, 'edge'),
      name: 'edge',
      type: 'Microsoft.Kubernetes/connectedClusters',
      location: 'westeurope',
      tags: {},
      properties: { provisioningState: 'Succeeded', agentVersion: '1.21.0', kubernetesVersion: '1.31.0' },
    });
    sandbox.state.setClusterConnectivity(arcId(rg, 'edge'), 'Connected');
  }
  // An AKS cluster as ARM describes one (Microsoft.ContainerService managedClusters: powerState.code, kubernetesVersion).
  sandbox.state.put({
    id: aksId('east', 'aks-1'),
    name: 'aks-1',
    type: 'Microsoft.ContainerService/managedClusters',
    location: 'westeurope',
    tags: {},
    properties: { provisioningState: 'Succeeded', powerState: { code: 'Running' }, kubernetesVersion: '1.31.2' },
  });
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
});

const verify = (inputs: Record<string, string>) =>
  runStep(
    run,
    'arc-verify/action.yml',
    {
      'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
      environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
      'fail-on': 'never',
      ...inputs,
    },
    { env: sandbox.env },
  );

type Row = { id: string; name: string; checks: { check: string; status: string; reason: string }[] };

describe('ClusterRef: one id from input to report row', () => {
  it('parses an id once: subscription, group, name and Arc or AKS', () => {
    const ref = parseClusterId(aksId('East', 'aks-1'));
    expect(ref).toMatchObject({ resourceGroup: 'East', name: 'aks-1', type: 'managedClusters', key: aksId('East', 'aks-1').toLowerCase() });
    const labels = clusterLabels([parseClusterId(arcId('east', 'edge')), parseClusterId(arcId('west', 'edge')), ref]);
    expect([...labels.values()]).toEqual([arcId('east', 'edge'), arcId('west', 'edge'), 'aks-1']);
  });

  it('two clusters named alike in two resource groups get two rows, shown by id; the AKS id is verified as AKS', async () => {
    const r = await verify({ targets: [arcId('east', 'edge'), arcId('west', 'edge'), aksId('east', 'aks-1')].join('\n'), access: 'none' });
    expect(r.errors).toEqual([]);
    const rows = JSON.parse(r.outputs.report).clusters as Row[];
    expect(rows.map((c) => c.id).sort()).toEqual([aksId('east', 'aks-1'), arcId('east', 'edge'), arcId('west', 'edge')].sort());
    expect(
      rows
        .filter((c) => c.id.includes('connectedClusters'))
        .map((c) => c.name)
        .sort(),
    ).toEqual([arcId('east', 'edge'), arcId('west', 'edge')].sort());
    const aks = rows.find((c) => c.id === aksId('east', 'aks-1'))!;
    expect(aks.name).toBe('aks-1');
    expect(aks.checks.find((k) => k.check === 'connectivity')).toMatchObject({ status: 'ok', reason: 'AKS cluster Running.' });
    expect(aks.checks.find((k) => k.check === 'agent-version')).toMatchObject({ status: 'skipped' });
    expect(JSON.stringify(rows)).not.toContain('not in Resource Graph');
    // The summary's matrix shows the two same-named clusters on two rows.
    expect(r.summary).toContain(`| ${arcId('east', 'edge')} |`);
    expect(r.summary).toContain(`| ${arcId('west', 'edge')} |`);
  });

  it('a stopped AKS cluster fails connectivity with the fix', async () => {
    const id = aksId('east', 'aks-1');
    const resource = sandbox.state.get(id)!;
    sandbox.state.put({ ...resource, properties: { ...resource.properties, powerState: { code: 'Stopped' } } });
    try {
      const r = await verify({ targets: id, access: 'none' });
      const [row] = JSON.parse(r.outputs.report).clusters as Row[];
      expect(row.checks.find((k) => k.check === 'connectivity')).toMatchObject({ status: 'fail', reason: 'The AKS cluster is Stopped.' });
    } finally {
      sandbox.state.put(resource);
    }
  });

  it('kubeconfigs keyed by id reach each of the two same-named clusters; one keyed by the shared name is refused', async () => {
    const targets = [arcId('east', 'edge'), arcId('west', 'edge')].join('\n');
    const [east, west] = [await apiServer(1), await apiServer(2)];
    try {
      const byId = [
        `${JSON.stringify(arcId('east', 'edge'))}: |\n${indent(kubeconfigAt(east.port))}`,
        `${JSON.stringify(arcId('west', 'edge'))}: |\n${indent(kubeconfigAt(west.port))}`,
      ].join('\n');
      const r = await verify({ targets, access: 'kubeconfig', kubeconfigs: byId });
      expect(r.errors).toEqual([]);
      const rows = JSON.parse(r.outputs.report).clusters as Row[];
      const nodes = (id: string) => rows.find((c) => c.id === id)!.checks.find((k) => k.check === 'get-nodes')!;
      expect(nodes(arcId('east', 'edge'))).toMatchObject({ status: 'ok', reason: '1 nodes, 1 Ready.' });
      expect(nodes(arcId('west', 'edge'))).toMatchObject({ status: 'ok', reason: '2 nodes, 2 Ready.' });
    } finally {
      east.close();
      west.close();
    }

    const byName = verify({ targets, access: 'kubeconfig', kubeconfigs: `edge: |\n${indent(kubeconfigAt(3))}` });
    const refused = await byName;
    expect(refused.failed).toBe(true);
    expect(refused.errors).toEqual([
      'Input "kubeconfigs" has one kubeconfig for the name edge, which two clusters in "targets" share; key each by its cluster id instead.',
    ]);
  });
});
