import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { RetryBudget } from '@arc-actions/core';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import {
  ArmClients,
  createOidcCredential,
  ExtensionFailedError,
  ExtensionInstaller,
  parseEnvironment,
  type ExtensionCluster,
} from '../src/index.js';

/** The one extension installer against the sandbox's Microsoft.KubernetesConfiguration/extensions. */
let sandbox: Sandbox;
let installer: ExtensionInstaller;
let cluster: ExtensionCluster;
let clusterId: string;

const writes = () =>
  sandbox
    .calls()
    .filter((c) => c.api === 'arm' && ['PUT', 'PATCH', 'DELETE'].includes(c.method))
    .map((c) => `${c.method} ${c.path.split('/').slice(-2).join('/')}`);

beforeAll(async () => {
  sandbox = await startSandbox({ knobs: { lro: { durationMs: 300, failureRate: 0 } } });
  Object.assign(process.env, sandbox.env);
  const environment = parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT);
  const credential = await createOidcCredential({
    tenantId: sandbox.identity.tenantId,
    clientId: sandbox.identity.clientId,
    audience: 'api://AzureADTokenExchange',
    environment,
  });
  installer = new ExtensionInstaller(new ArmClients(credential, environment), new RetryBudget(10), {
    timeoutMs: 30_000,
    pollMs: { initial: 100, max: 300 },
  });
  const sub = sandbox.identity.subscriptionId;
  cluster = { subscriptionId: sub, resourceGroup: 'rg-fleet', name: 'edge-ext', type: 'connectedClusters' };
  clusterId = `/subscriptions/${sub}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/edge-ext`;
  sandbox.state.put({
    id: clusterId,
    name: 'edge-ext',
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: {},
    properties: { provisioningState: 'Succeeded' },
  });
});

afterAll(() => sandbox?.stop());
beforeEach(() => sandbox.clearCalls());

const policy = { name: 'azurepolicy', extensionType: 'Microsoft.PolicyInsights', configurationSettings: { 'audit.interval': '60' } };

describe('the extension installer', () => {
  it('creates with a system-assigned identity on an Arc cluster, waits for Succeeded, and a rerun writes nothing', async () => {
    const { plan, state } = await installer.ensure(cluster, policy);
    expect(plan.action).toBe('create');
    expect(state).toMatchObject({ name: 'azurepolicy', provisioningState: 'Succeeded', identity: 'SystemAssigned' });
    expect(sandbox.state.get(`${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`)?.identity).toMatchObject({
      type: 'SystemAssigned',
    });
    sandbox.clearCalls();
    const again = await installer.ensure(cluster, policy);
    expect(again.plan.action).toBe('unchanged');
    expect(writes()).toEqual([]);
  });

  it('patches only what differs, removing settings the desired state dropped', async () => {
    const { plan } = await installer.ensure(cluster, { ...policy, configurationSettings: { 'audit.logLevel': 'debug' } });
    expect(plan.action).toBe('update');
    expect(writes()).toEqual(['PATCH extensions/azurepolicy']);
    const patch = sandbox.calls().find((c) => c.method === 'PATCH');
    expect(patch).toBeDefined();
    expect(
      sandbox.state.get(`${clusterId}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`)?.properties
        ?.configurationSettings,
    ).toEqual({
      'audit.logLevel': 'debug',
    });
  });

  it("reports Failed with the extension's own error, and repairs a Failed extension on the next run", async () => {
    sandbox.setKnobs({
      extensionErrors: { 'microsoft.flux': { code: 'HelmInstallFailed', message: 'flux-system: admission webhook denied the request' } },
    });
    const flux = { name: 'flux', extensionType: 'microsoft.flux', scope: { cluster: { releaseNamespace: 'flux-system' } } };
    const failed = await installer.ensure(cluster, flux).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExtensionFailedError);
    expect((failed as Error).message).toBe(
      'The extension flux on cluster edge-ext ended Failed: HelmInstallFailed: flux-system: admission webhook denied the request.',
    );
    sandbox.setKnobs({ extensionErrors: {} });
    const { plan, state } = await installer.ensure(cluster, flux, 'present');
    expect(plan.action).toBe('repair');
    expect(state.provisioningState).toBe('Succeeded');
  });

  it('in present mode, accepts an extension of the type under another name and leaves its settings alone', async () => {
    const { plan } = await installer.ensure(
      cluster,
      { name: 'flux2', extensionType: 'Microsoft.Flux', configurationSettings: { x: 'y' } },
      'present',
    );
    expect(plan).toMatchObject({ action: 'unchanged', name: 'flux' });
    expect(writes()).toEqual([]);
  });
});
