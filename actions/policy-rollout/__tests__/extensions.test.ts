import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { ArmClients, createOidcCredential, parseEnvironment } from '@arc-actions/azure';
import { ensurePolicyExtensions } from '../src/fleet-actions.js';

/**
 * policy-rollout installs the azurepolicy extension through the one installer: a system-assigned identity on Arc
 * clusters (as az gives it), the final state awaited, and a Failed install reported with the extension's own error.
 */
let sandbox: Sandbox;
let clients: ArmClients;
const ids: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ knobs: { lro: { durationMs: 200, failureRate: 0 } } });
  Object.assign(process.env, sandbox.env);
  const environment = parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT);
  clients = new ArmClients(
    await createOidcCredential({
      tenantId: sandbox.identity.tenantId,
      clientId: sandbox.identity.clientId,
      audience: 'api://AzureADTokenExchange',
      environment,
    }),
    environment,
  );
  for (const name of ['edge-a', 'edge-b']) {
    const id = `/subscriptions/${sandbox.identity.subscriptionId}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
    sandbox.state.put({ id, name, type: 'Microsoft.Kubernetes/connectedClusters', location: 'eastus', tags: {}, properties: {} });
    ids.push(id);
  }
});

afterAll(() => sandbox?.stop());

describe('the azurepolicy extension', () => {
  it('is created with an identity and awaited; a Failed install is reported with its own error', async () => {
    const ok = await ensurePolicyExtensions(clients, [ids[0]], {}, { pollMs: { initial: 100, max: 300 } });
    expect(ok).toEqual({ created: [ids[0]], failed: [] });
    const ext = sandbox.state.get(`${ids[0]}/providers/Microsoft.KubernetesConfiguration/extensions/azurepolicy`)!;
    expect(ext.identity).toMatchObject({ type: 'SystemAssigned' });
    expect(ext.properties?.provisioningState).toBe('Succeeded');

    sandbox.setKnobs({
      extensionErrors: {
        'microsoft.policyinsights': { code: 'GatekeeperConflict', message: 'an existing Gatekeeper installation conflicts' },
      },
    });
    const bad = await ensurePolicyExtensions(clients, [ids[1]], {}, { pollMs: { initial: 100, max: 300 } });
    expect(bad.created).toEqual([]);
    expect(bad.failed).toEqual([
      {
        cluster: ids[1],
        error:
          'The extension azurepolicy on cluster edge-b ended Failed: GatekeeperConflict: an existing Gatekeeper installation conflicts.',
      },
    ]);
  });
});
