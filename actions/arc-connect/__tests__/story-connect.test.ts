import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ArmClients, createOidcCredential, parseEnvironment, parseIdentityId } from '@arc-actions/azure';
import { clearSecretsForTesting } from '@arc-actions/core';
import { ensureSandboxCa, startSandbox, issueServerCertificate, type Sandbox } from '../../../packages/sandbox/src/index.js';
import { helm, startLocalCluster, type LocalCluster } from '../../../packages/sandbox/src/clusters/index.js';
import {
  dataPlaneHandler,
  guestNotificationHandler,
  ociRegistryHandler,
  relayPlainRequestHandler,
} from '../../../packages/sandbox/src/arc-dataplane/index.js';
import { startAgentReconciler } from '../../../packages/sandbox/src/reconcile/agents.js';
import { chartsRoot } from '../../../packages/sandbox/src/clusters/paths.js';
import { connectCluster, type ConnectDeps, type ConnectResult } from '../src/story.js';
import { hideUserInfo, type Inputs } from '../src/inputs.js';
import { serveArcDataPlane, startProxy, type TestProxy } from './proxies.js';

/**
 * The arc-connect story end to end: the sandbox (ARM, Entra, GitHub OIDC), the Arc data plane stand-ins (served
 * here until the sandbox mounts them), a real kube-apiserver with the agents installed by the real helm binary,
 * and the agent reconciler reporting Connected. NODE_EXTRA_CA_CERTS must be the sandbox CA (.sandbox/ca/ca.crt).
 */
const PASSWORD = 'pr0xy-p4ss-91be';
let sandbox: Sandbox;
let cluster: LocalCluster;
let dp: Awaited<ReturnType<typeof serveArcDataPlane>>;
let proxy: TestProxy;
let stripping: TestProxy;
let corporateCa: string;
let sandboxCa: string;
let reconciler: ReturnType<typeof startAgentReconciler>;
let environmentJson: string;
let arm: ArmClients;
const audiencesSeen: string[] = [];
const saved = { ...process.env };

const WRITES = (s: Sandbox) =>
  s
    .calls()
    .filter(
      (c) => c.api === 'arm' && (['PUT', 'PATCH', 'DELETE'].includes(c.method) || (c.method === 'POST' && /\/register$/i.test(c.path))),
    );

function inputs(
  overrides: {
    name?: string;
    proxy?: Inputs['proxy'];
    tags?: Record<string, string>;
    extensions?: Inputs['extensions'];
    workloadIdentity?: Inputs['workloadIdentity'];
    egress?: Inputs['egress'];
  } = {},
): Inputs {
  const environment = parseEnvironment(environmentJson);
  return {
    identity: {
      clientId: sandbox.identity.clientId,
      tenantId: sandbox.identity.tenantId,
      subscriptionId: sandbox.identity.subscriptionId,
      environment,
      audience: 'api://AzureADTokenExchange',
    },
    cluster: {
      clusterName: overrides.name ?? 'edge-01',
      resourceGroup: 'rg-edge',
      location: 'westeurope',
      tags: overrides.tags ?? { env: 'test' },
    },
    access: { kubeconfig: cluster.kubeconfig, server: cluster.server },
    proxy: overrides.proxy ?? { skipRange: [], display: {} },
    registerProviders: true,
    createResourceGroup: true,
    autoUpgrade: false,
    onboardingTimeoutMs: 90_000,
    extensions: overrides.extensions ?? [
      { name: 'flux', extensionType: 'microsoft.flux', autoUpgrade: true, scope: 'cluster', settings: { 'multiTenancy.enforce': 'false' } },
    ],
    roleAssignments: [{ principalId: sandbox.identity.objectId, role: 'Azure Arc Kubernetes Viewer' }],
    customLocationsOid: CUSTOM_LOCATIONS_OID,
    workloadIdentity: overrides.workloadIdentity,
    egress: overrides.egress ?? { probe: 'runner' },
    dryRun: false,
  };
}

const CUSTOM_LOCATIONS_OID = '51dfe1e8-70c6-4de5-a08e-e18aff23d815';

const deps = (): ConnectDeps => ({
  arm,
  rawEnvironment: environmentJson,
  helmBinary: cluster.bins.helm,
  pollMs: { initial: 300, max: 1000 },
  env: { GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42', GITHUB_SERVER_URL: 'https://github.com' },
});

async function run(i: Inputs): Promise<{ result: ConnectResult; stdout: string }> {
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((stdout += String(chunk)), true));
  try {
    return {
      result: await connectCluster(i, deps()),
      stdout: stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  clearSecretsForTesting();
  const caCert = process.env.NODE_EXTRA_CA_CERTS;
  if (!caCert) throw new Error('Run with NODE_EXTRA_CA_CERTS=/work/main/.sandbox/ca/ca.crt');
  sandbox = await startSandbox({
    caDir: dirname(caCert),
    knobs: { emulateAgents: false, lro: { durationMs: 200, failureRate: 0 } } as never,
  });
  Object.assign(process.env, sandbox.env);
  const ca = { caCert: readFileSync(caCert, 'utf8'), caKey: readFileSync(join(dirname(caCert), 'ca.key'), 'utf8') };
  // The data plane stand-ins as Microsoft documents them: allowlist, a relay that refuses tokenless senders, the
  // config data plane (management.core audience) and the registry that serves the chart under <path>/v2/.
  dp = await serveArcDataPlane(issueServerCertificate(ca, ['localhost', '127.0.0.1']), {
    '/dp': dataPlaneHandler({ registry: () => dp.host, audiencesSeen }),
    '/gns': guestNotificationHandler({ relays: () => [dp.host] }),
    '/$hc': relayPlainRequestHandler(),
    '/v2': ociRegistryHandler(),
  });
  environmentJson = JSON.stringify({
    ...JSON.parse(sandbox.env.ARC_SANDBOX_ENVIRONMENT),
    arcDataPlane: `${dp.url}/dp`,
    guestNotificationService: `${dp.url}/gns`,
  });
  const environment = parseEnvironment(environmentJson);
  arm = new ArmClients(
    await createOidcCredential({
      tenantId: sandbox.identity.tenantId,
      clientId: sandbox.identity.clientId,
      audience: 'api://AzureADTokenExchange',
      environment,
    }),
    environment,
  );
  cluster = await startLocalCluster({
    name: 'arc-story',
    dir: await mkdtemp(join(tmpdir(), 'arc-story-')),
    gatekeeper: false,
    nodeCount: 1,
  });
  reconciler = startAgentReconciler(sandbox.state.store, () => [cluster], { intervalMs: 500 });
  proxy = await startProxy({ mode: 'tunnel', user: 'ci', password: PASSWORD });
  // A TLS-inspecting proxy that strips the websocket upgrade (its own CA is what proxy-cert would carry).
  const corporate = ensureSandboxCa(await mkdtemp(join(tmpdir(), 'arc-story-corp-')));
  corporateCa = corporate.caCert;
  sandboxCa = ca.caCert;
  stripping = await startProxy({
    mode: 'strip',
    user: 'ci',
    password: PASSWORD,
    inspectCert: issueServerCertificate(corporate, ['localhost', '127.0.0.1']),
    upstreamCa: [ca.caCert],
  });
}, 240_000);

afterAll(async () => {
  await reconciler?.stop();
  await Promise.all([cluster?.stop(), sandbox?.stop(), dp?.close(), proxy?.close(), stripping?.close()]);
  process.env = saved;
});

describe('arc-connect story against the sandbox and a real cluster', () => {
  it('fails before any write when proxy-skip-range lacks the service CIDR', async () => {
    sandbox.clearCalls();
    const url = proxy.url;
    const { result, stdout } = await run(
      inputs({ proxy: { https: url, skipRange: ['kubernetes.default.svc', '.svc'], display: { https: hideUserInfo(url) } } }),
    );
    expect(result.result).toBe('failed');
    expect(result.failure).toContain('before any change');
    expect(result.failure).toContain('add 10.0.0.0/24, .svc.cluster.local to "proxy-skip-range"');
    expect(WRITES(sandbox)).toEqual([]);
    for (const text of [stdout, result.summary, JSON.stringify(result.plan), result.failure ?? '']) expect(text).not.toContain(PASSWORD);
  });

  it('with egress-probe in-cluster, a websocket-stripping proxy stops the run before any write, from inside the cluster too', async () => {
    sandbox.clearCalls();
    const url = stripping.url;
    const allowlistDir = await mkdtemp(join(tmpdir(), 'arc-allowlist-'));
    let stdout = '';
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((stdout += String(chunk)), true));
    let result: ConnectResult;
    try {
      result = await connectCluster(
        inputs({
          proxy: {
            https: url,
            skipRange: ['kubernetes.default.svc', '.svc', '.svc.cluster.local', '10.0.0.0/24'],
            cert: corporateCa,
            display: { https: hideUserInfo(url), cert: '(inline PEM)' },
          },
          egress: { probe: 'in-cluster', allowlistFile: join(allowlistDir, 'allowlist.txt') },
        }),
        { ...deps(), trust: [sandboxCa] },
      );
    } finally {
      spy.mockRestore();
    }
    expect(result.result).toBe('failed');
    expect(WRITES(sandbox)).toEqual([]);
    const ws = result.checks.find((c) => c.check === 'in-cluster: websocket to the relay')!;
    expect(ws.result).toBe('fail');
    expect(ws.detail).toMatch(/removed the Upgrade headers/);
    expect(ws.fix).toContain(`allow websocket upgrades (HTTP/1.1 Upgrade: websocket, long-lived connections) to ${dp.host}`);
    expect(ws.fix).toContain(`in the proxy ${hideUserInfo(url)}`);
    expect(result.failure).toContain('in-cluster: websocket to the relay');
    // The allowlist is written even though the run stopped: the proxy team needs it most now.
    expect(readFileSync(join(allowlistDir, 'allowlist.txt'), 'utf8')).toContain(`${dp.host}\n`);
    expect(result.summary).toContain('### Allowlist for the proxy');
    const logged = stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [logged, result.summary, JSON.stringify(result.checks), result.failure ?? '']) expect(text).not.toContain(PASSWORD);
    // The probe Job and its Secret are gone.
    expect(await cluster.client.list('batch/v1', 'Job', { namespace: 'arc-actions-egress' })).toEqual([]);
    expect(await cluster.client.list('v1', 'Secret', { namespace: 'arc-actions-egress' })).toEqual([]);
  });

  it('creates on the first run and changes nothing on an identical second run', async () => {
    const first = await run(inputs());
    expect(first.result.failure).toBeUndefined();
    expect(first.result.result).toBe('created');
    expect(first.result.connectivityStatus).toBe('Connected');
    expect(first.result.agentVersion).toBe('1.21.0');
    const created = sandbox.state.get(first.result.clusterId)!;
    expect(created.tags).toMatchObject({
      env: 'test',
      'github-repository': 'acme/fleet',
      'github-commit': 'abc123',
      'github-run': 'https://github.com/acme/fleet/actions/runs/42',
    });
    const history = JSON.parse(await helm(cluster, ['history', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json'])) as unknown[];
    expect(history).toHaveLength(1);
    // Egress as documented: the relay refused the tokenless probe and that counts as reachable.
    expect(first.result.checks.find((c) => c.check === 'websocket to the relay')).toMatchObject({ result: 'pass' });
    // The agents' values as az sets them: the cloud's Go SDK name (a custom cloud keeps its name, with the endpoint
    // overrides az passes for such clouds) and custom locations with the RP's object id.
    const installedValues = JSON.parse(await helm(cluster, ['get', 'values', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json']));
    expect(installedValues.global.azureEnvironment).toBe('ARCSANDBOX');
    expect(installedValues.systemDefaultValues).toMatchObject({
      azureResourceManagerEndpoint: sandbox.url,
      azureArcAgents: { config_dp_endpoint_override: `${dp.url}/dp` },
      'clusterconnect-agent': { enabled: true, notification_dp_endpoint_override: `${dp.url}/gns` },
      customLocations: { enabled: true, oid: CUSTOM_LOCATIONS_OID },
    });
    // The chart came from GetLatestHelmPackagePath called with the management.core audience (the registry serves it
    // only under <path>/v2/, so the pull itself proves the rewrite).
    expect(audiencesSeen).toContain('https://management.core.windows.net/');
    // Every extension on an Arc cluster gets a system-assigned identity, as az gives it.
    expect(
      sandbox.state.get(`${first.result.clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/flux`)?.identity,
    ).toMatchObject({ type: 'SystemAssigned' });

    sandbox.clearCalls();
    const second = await run(inputs());
    expect(second.result.failure).toBeUndefined();
    expect(second.result.result).toBe('unchanged');
    expect(WRITES(sandbox)).toEqual([]);
    expect(JSON.parse(await helm(cluster, ['history', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json']))).toHaveLength(1);

    // Planted secrets: the agents' private key (from the cluster), the kubeconfig token.
    const secret = JSON.parse(await helm(cluster, ['get', 'values', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json'])).global
      .onboardingPrivateKey as string;
    expect(secret).toContain('BEGIN RSA PRIVATE KEY');
    for (const r of [first, second]) {
      for (const text of [r.stdout, r.result.summary, JSON.stringify(r.result.plan), JSON.stringify(r.result.changes)]) {
        expect(text).not.toContain(secret.split('\n')[1]);
        expect(text).not.toContain(cluster.token);
      }
    }
  });

  it('changes only the tags when only the tags differ', async () => {
    sandbox.clearCalls();
    const { result } = await run(inputs({ tags: { env: 'test', team: 'edge' } }));
    expect(result.result).toBe('updated');
    expect(result.changes.filter((c) => c.kind !== 'unchanged').map((c) => c.resourceType)).toEqual(['connectedCluster']);
    expect(WRITES(sandbox).map((c) => c.method)).toEqual(['PATCH']);
  });

  it('with workload identity: enables it on the connected cluster, federates the app, writes its manifests; a rerun writes nothing', async () => {
    const sub = sandbox.identity.subscriptionId;
    sandbox.state.addResourceGroup(sub, 'rg-apps', 'westeurope');
    const identity = sandbox.state.addUserAssignedIdentity(sub, 'rg-apps', 'storefront-id');
    const folder = await mkdtemp(join(tmpdir(), 'arc-story-app-'));
    const workloadIdentity = {
      enabled: true,
      apps: [
        {
          name: 'storefront',
          namespace: 'shop',
          serviceAccount: 'storefront',
          identity: parseIdentityId(identity.id, 'identity', 'apps'),
          keyVault: 'kv-stores',
          secrets: ['db-password'],
          path: folder,
          displayPath: 'apps/storefront',
        },
      ],
    };
    const same = { tags: { env: 'test', team: 'edge' }, workloadIdentity };
    sandbox.clearCalls();
    const { result } = await run(inputs(same));
    expect(result.failure).toBeUndefined();
    expect(result.result).toBe('updated');
    expect(result.changes.filter((c) => c.kind !== 'unchanged').map((c) => [c.resourceType, c.applied])).toEqual([
      ['workloadIdentity', true],
      ['federatedIdentityCredential', true],
    ]);
    // One PUT of the cluster (the profiles cannot be PATCHed) and one of the credential; the agents are not touched.
    expect(WRITES(sandbox).map((c) => `${c.method} ${c.path.split('/providers/').pop()}`)).toEqual([
      'PUT Microsoft.Kubernetes/connectedClusters/edge-01',
      'PUT Microsoft.ManagedIdentity/userAssignedIdentities/storefront-id/federatedIdentityCredentials/arc-edge-01-shop-storefront',
    ]);
    const cluster = sandbox.state.get(result.clusterId)!;
    expect(result.oidcIssuerUrl).toBe((cluster.properties as { oidcIssuerProfile: { issuerUrl: string } }).oidcIssuerProfile.issuerUrl);
    expect(cluster.properties).toMatchObject({ connectivityStatus: 'Connected', securityProfile: { workloadIdentity: { enabled: true } } });
    expect(result.apps![0].files.map((f) => `${f.path} ${f.action}`)).toEqual([
      'apps/storefront/serviceaccount.yaml created',
      'apps/storefront/secretproviderclass.yaml created',
    ]);
    expect(readFileSync(join(folder, 'serviceaccount.yaml'), 'utf8')).toContain(
      `azure.workload.identity/client-id: ${(identity.properties as { clientId: string }).clientId}`,
    );

    sandbox.clearCalls();
    const again = await run(inputs(same));
    expect(again.result.result).toBe('unchanged');
    expect(WRITES(sandbox)).toEqual([]);
    expect(again.result.apps![0].federatedCredential.action).toBe('unchanged');
  });

  it('refuses a cluster already connected to another resource, with nothing written', async () => {
    sandbox.clearCalls();
    const { result } = await run(inputs({ name: 'edge-02' }));
    expect(result.result).toBe('failed');
    expect(result.failure).toMatch(/already runs Arc agents connected to \/subscriptions\/.*\/connectedClusters\/edge-01/);
    expect(WRITES(sandbox)).toEqual([]);
  });

  it('installs Container Insights as az does: default workspace, MSCI rule and association, settings; a rerun writes nothing', async () => {
    const monitor: Inputs['extensions'] = [
      {
        name: 'azuremonitor-containers',
        extensionType: 'Microsoft.AzureMonitor.Containers',
        autoUpgrade: true,
        scope: 'cluster',
        namespace: 'azuremonitor-containers',
        settings: {},
        monitoring: { useAADAuth: true, dataCollectionSettings: { interval: '5m' } },
      },
    ];
    const extensions = [...inputs().extensions, ...monitor];
    const { result } = await run(inputs({ extensions }));
    expect(result.failure).toBeUndefined();
    const sub = sandbox.identity.subscriptionId;
    const wsId = `/subscriptions/${sub}/resourceGroups/DefaultResourceGroup-WEU/providers/Microsoft.OperationalInsights/workspaces/DefaultWorkspace-${sub}-WEU`;
    const workspace = sandbox.state.get(wsId)!;
    expect(workspace.location).toBe('westeurope');
    const dcrId = `/subscriptions/${sub}/resourceGroups/rg-edge/providers/Microsoft.Insights/dataCollectionRules/MSCI-westeurope-edge-01`;
    const dcr = sandbox.state.get(dcrId)!;
    expect(dcr.properties?.destinations.logAnalytics[0].workspaceResourceId).toBe(workspace.id);
    expect(dcr.properties?.dataSources.extensions[0]).toMatchObject({
      extensionName: 'ContainerInsights',
      streams: ['Microsoft-ContainerInsights-Group-Default'],
      extensionSettings: { dataCollectionSettings: { interval: '5m', enableContainerLogV2: true } },
    });
    const dcra = sandbox.state.get(
      `${result.clusterId}/providers/Microsoft.Insights/dataCollectionRuleAssociations/ContainerInsightsExtension`,
    )!;
    expect(dcra.properties?.dataCollectionRuleId).toBe(dcrId);
    const extId = `${result.clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/azuremonitor-containers`;
    const ext = sandbox.state.get(extId)!;
    expect(ext.identity).toMatchObject({ type: 'SystemAssigned' });
    expect(ext.properties).toMatchObject({
      provisioningState: 'Succeeded',
      scope: { cluster: { releaseNamespace: 'azuremonitor-containers' } },
      configurationSettings: { logAnalyticsWorkspaceResourceID: workspace.id, 'amalogs.useAADAuth': 'true' },
    });
    expect(sandbox.state.store.secrets.get(extId.toLowerCase())).toEqual({
      'omsagent.secret.wsid': workspace.properties?.customerId,
      'amalogs.secret.wsid': workspace.properties?.customerId,
      'omsagent.secret.key': '<not_used>',
      'amalogs.secret.key': '<not_used>',
    });

    sandbox.clearCalls();
    const again = await run(inputs({ extensions }));
    expect(again.result.failure).toBeUndefined();
    expect(again.result.result).toBe('unchanged');
    expect(WRITES(sandbox)).toEqual([]);
  });

  it('with the legacy shared key: the ContainerInsights solution, the key in protected settings, and nowhere else', async () => {
    const sub = sandbox.identity.subscriptionId;
    sandbox.state.addResourceGroup(sub, 'rg-logs', 'northeurope');
    const wsId = `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/fleet-logs`;
    const ws = await (await arm.operationalInsights(sub)).workspaces.createOrUpdate('rg-logs', 'fleet-logs', { location: 'northeurope' });
    const key = (await (await arm.operationalInsights(sub)).sharedKeys.getSharedKeys('rg-logs', 'fleet-logs')).primarySharedKey!;
    const legacy: Inputs['extensions'] = [
      {
        name: 'azuremonitor-containers',
        extensionType: 'Microsoft.AzureMonitor.Containers',
        autoUpgrade: true,
        scope: 'cluster',
        namespace: 'azuremonitor-containers',
        settings: {},
        monitoring: { workspace: wsId, useAADAuth: false },
      },
    ];
    const { result, stdout } = await run(inputs({ extensions: [...inputs().extensions, ...legacy] }));
    expect(result.failure).toBeUndefined();
    const extId = `${result.clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/azuremonitor-containers`;
    expect(sandbox.state.store.secrets.get(extId.toLowerCase())).toMatchObject({
      'amalogs.secret.wsid': ws.customerId,
      'amalogs.secret.key': key,
      'omsagent.secret.key': key,
    });
    expect(sandbox.state.get(extId)?.properties?.configurationSettings).toMatchObject({
      logAnalyticsWorkspaceResourceID: wsId,
      'amalogs.useAADAuth': 'false',
    });
    expect(
      sandbox.state.get(
        `/subscriptions/${sub}/resourceGroups/rg-logs/providers/Microsoft.OperationsManagement/solutions/ContainerInsights(fleet-logs)`,
      ),
    ).toMatchObject({
      plan: { product: 'OMSGallery/ContainerInsights', publisher: 'Microsoft' },
      properties: { workspaceResourceId: wsId },
    });
    for (const text of [stdout, result.summary, JSON.stringify(result.plan), JSON.stringify(result.changes)])
      expect(text).not.toContain(key);
  });

  it('finds the agents release in another namespace (as az does) instead of installing a second one', async () => {
    const values = await helm(cluster, ['get', 'values', 'azure-arc', '-n', 'azure-arc-release', '-o', 'json']);
    const file = join(await mkdtemp(join(tmpdir(), 'arc-values-')), 'values.json');
    await writeFile(file, values, { mode: 0o600 });
    const chart = join(chartsRoot, 'azure-arc-k8sagents');
    await helm(cluster, ['uninstall', 'azure-arc', '-n', 'azure-arc-release', '--wait']);
    await helm(cluster, ['install', 'azure-arc', chart, '-n', 'default', '--values', file]);
    await rm(file, { force: true });
    sandbox.clearCalls();
    const { result } = await run(inputs());
    expect(result.failure).toBeUndefined();
    expect(result.changes.find((c) => c.resourceType === 'helmRelease')).toMatchObject({
      kind: 'unchanged',
      resourceId: 'default/azure-arc',
    });
    const releases = JSON.parse(await helm(cluster, ['list', '--all-namespaces', '-o', 'json'])) as { name: string; namespace: string }[];
    expect(releases.filter((r) => r.name === 'azure-arc').map((r) => r.namespace)).toEqual(['default']);
  });
});
