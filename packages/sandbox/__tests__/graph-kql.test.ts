import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientAssertionCredential } from '@azure/identity';
import { ResourceGraphClient } from '@azure/arm-resourcegraph';
import { parseQuery } from '../src/kql/parser.js';
import { run } from '../src/kql/evaluator.js';
import { KqlError } from '../src/kql/errors.js';
import { startSandbox, type Sandbox } from '../src/index.js';

const rows = [
  {
    id: '/a',
    name: 'c1',
    type: 'microsoft.kubernetes/connectedclusters',
    tags: { ring: 'ring-0', 'team x': 'a' },
    properties: { connectivityStatus: 'Connected', agentVersion: '1.24.4' },
  },
  {
    id: '/b',
    name: 'C2',
    type: 'microsoft.kubernetes/connectedclusters',
    tags: { ring: 'ring-1' },
    properties: { connectivityStatus: 'Offline', agentVersion: '' },
  },
  { id: '/c', name: 'other', type: 'microsoft.compute/vms', tags: {}, properties: {} },
];
const q = (text: string) => run(parseQuery(text), rows).rows;

describe('KQL subset', () => {
  it('filters with comparison, string and list operators', () => {
    expect(q("resources | where type =~ 'Microsoft.Kubernetes/connectedClusters' and tags['ring'] == 'ring-0'").map((r) => r.name)).toEqual(
      ['c1'],
    );
    expect(q("resources | where name in~ ('C1', 'c2') | project name").map((r) => r.name)).toEqual(['c1', 'C2']);
    expect(q("resources | where not(isnotempty(properties.agentVersion)) or name startswith 'oth'").map((r) => r.name)).toEqual([
      'C2',
      'other',
    ]);
    expect(q("resources | where tags.ring has 'ring' and properties.connectivityStatus != 'Offline'").map((r) => r.name)).toEqual(['c1']);
    expect(q("resources | where tolower(name) contains 'c' and name !in ('other')").length).toBe(2);
    expect(q('resources | where tags[\'team x\'] == "a"').map((r) => r.id)).toEqual(['/a']);
    expect(q("resources | where name == 'it\\'s'")).toEqual([]);
  });

  it('projects with renames, extends, orders, summarizes and limits', () => {
    expect(q('resources | extend status = properties.connectivityStatus | project id, status | order by id asc | take 2')).toEqual([
      { id: '/a', status: 'Connected' },
      { id: '/b', status: 'Offline' },
    ]);
    expect(q('resources | summarize count() by type | order by count_ desc')).toEqual([
      { type: 'microsoft.kubernetes/connectedclusters', count_: 2 },
      { type: 'microsoft.compute/vms', count_: 1 },
    ]);
    expect(q('resources | summarize n = count()')).toEqual([{ n: 3 }]);
  });

  it('derives ids with substring/indexof and aggregates with countif, make_set, max', () => {
    const config = [
      {
        id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/c1/providers/Microsoft.KubernetesConfiguration/extensions/flux',
        name: 'flux',
        properties: { ProvisioningState: 'Succeeded' },
      },
      {
        id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/c1/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy',
        name: 'azurepolicy',
        properties: { ProvisioningState: 'Failed' },
      },
      {
        id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/c2/providers/Microsoft.KubernetesConfiguration/extensions/flux',
        name: 'flux',
        properties: { ProvisioningState: 'Succeeded' },
      },
    ];
    const out = run(
      parseQuery(
        "x | extend clusterId = tolower(substring(id, 0, indexof(tolower(id), '/providers/microsoft.kubernetesconfiguration/'))), entry = strcat(name, '=', tostring(properties.ProvisioningState))" +
          " | summarize entries = make_set(entry), failed = countif(properties.ProvisioningState == 'Failed'), last = max(name), n = count() by clusterId | order by clusterId asc",
      ),
      config,
    ).rows;
    expect(out).toEqual([
      {
        clusterId: '/subscriptions/s/resourcegroups/g/providers/microsoft.kubernetes/connectedclusters/c1',
        entries: ['flux=Succeeded', 'azurepolicy=Failed'],
        failed: 1,
        last: 'flux',
        n: 2,
      },
      {
        clusterId: '/subscriptions/s/resourcegroups/g/providers/microsoft.kubernetes/connectedclusters/c2',
        entries: ['flux=Succeeded'],
        failed: 0,
        last: 'flux',
        n: 1,
      },
    ]);
    expect(() => parseQuery('x | where countif(name == 1) > 0')).not.toThrow();
    expect(() => run(parseQuery('x | where countif(name == 1) > 0'), config)).toThrow(/only be used in summarize/);
  });

  it('refuses syntax outside the subset instead of guessing', () => {
    for (const bad of [
      'resources | mv-expand x = properties',
      'resources | where name matches regex "x"',
      'resources | where parse_json(name) == 1',
      "resources | where name == 'open",
      'resources | summarize avg(name)',
    ]) {
      expect(() => parseQuery(bad)).toThrow(KqlError);
    }
  });
});

describe('Resource Graph API', () => {
  let sandbox: Sandbox;
  let client: ResourceGraphClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ emulatedClusters: { count: 1200, subscriptions: 2 } });
    const assertion = async () =>
      (
        (await (
          await fetch(`${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
            headers: { authorization: `Bearer ${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
          })
        ).json()) as { value: string }
      ).value;
    const cred = new ClientAssertionCredential(sandbox.identity.tenantId, sandbox.identity.clientId, assertion, {
      authorityHost: sandbox.url,
      disableInstanceDiscovery: true,
    });
    client = new ResourceGraphClient(cred, { endpoint: sandbox.url, credentials: { scopes: ['https://management.azure.com/.default'] } });
  });
  afterAll(() => sandbox.stop());

  it('pages 1,000 rows at a time with $skipToken', async () => {
    const query = "resources | where type =~ 'microsoft.kubernetes/connectedclusters' | project id, name, tags | order by id asc";
    const first = await client.resources({ query, managementGroups: ['fleet-emulated'] });
    expect(first).toMatchObject({ totalRecords: 1200, count: 1000, resultTruncated: 'false' });
    expect(first.skipToken).toBeTruthy();
    const second = await client.resources({ query, managementGroups: ['fleet-emulated'], options: { skipToken: first.skipToken } });
    expect(second.count).toBe(200);
    expect(second.skipToken).toBeUndefined();
  });

  it('summarizes flux compliance and policy states, scoped to subscriptions', async () => {
    const sub = '5ab5c71b-0000-4000-8001-000000000001';
    const flux = await client.resources({
      query:
        "kubernetesconfigurationresources | where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations' | summarize count() by tostring(properties.complianceState)",
      subscriptions: [sub],
    });
    expect(flux.data).toEqual([{ properties_complianceState: 'Compliant', count_: 600 }]);
    const policy = await client.resources({
      query:
        "policyresources | where type =~ 'microsoft.policyinsights/policystates' | where properties.complianceState == 'NonCompliant' | count",
    });
    expect((policy.data as { Count: number }[])[0].Count).toBe(Math.ceil(1200 / 7));
    const ext = await client.resources({
      query:
        "kubernetesconfigurationresources | where type =~ 'microsoft.kubernetesconfiguration/extensions' and properties.ExtensionType == 'microsoft.flux' | project id | limit 5",
      options: { resultFormat: 'table' },
    });
    expect(ext).toMatchObject({ count: 5, resultTruncated: 'true' });
  });

  it('answers unsupported KQL with InvalidQuery', async () => {
    await expect(client.resources({ query: 'resources | mv-expand p = properties' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'BadRequest',
      details: { error: expect.objectContaining({ details: expect.arrayContaining([expect.objectContaining({ code: 'InvalidQuery' })]) }) },
    });
  });
});
