import { describe, expect, it } from '@jest/globals';
import { parseEnvironment } from '@arc-actions/azure';
import { allowlistUrl, arcEndpoints, parseAllowlist, relayUrl } from '../src/endpoints.js';
import { chartReference } from '../src/helm.js';
import { judgeUpgrade } from '../src/preflight.js';
import { agentValues } from '../src/story.js';
import { parseExtensions } from '../src/extensions.js';
import type { Inputs } from '../src/inputs.js';

/** What az connectedk8s and the documented services do, as pure functions (the sources are in docs/sandbox.md). */
const inputs = (environment: string): Inputs =>
  ({
    identity: { clientId: 'c', tenantId: 't', subscriptionId: 's', environment: parseEnvironment(environment), audience: 'a' },
    cluster: { clusterName: 'edge', resourceGroup: 'rg', location: 'westeurope', tags: {} },
    access: {},
    proxy: { skipRange: [], display: {} },
    autoUpgrade: true,
  }) as unknown as Inputs;

describe('onboarding as az does it', () => {
  it('gives the agents the Go SDK cloud name (not the CLI cloud name)', () => {
    const platform = { distribution: 'k3s', infrastructure: 'generic' };
    expect(agentValues(inputs('AzureCloud'), platform, 'key', '').global.azureEnvironment).toBe('AZUREPUBLICCLOUD');
    expect(agentValues(inputs('AzureUSGovernment'), platform, 'key', '').global.azureEnvironment).toBe('AZUREUSGOVERNMENTCLOUD');
    expect(agentValues(inputs('AzureChinaCloud'), platform, 'key', '').global.azureEnvironment).toBe('AZURECHINACLOUD');
  });

  it('enables custom locations with the RP object id, and only then', () => {
    const platform = { distribution: 'k3s', infrastructure: 'generic' };
    const oid = '51dfe1e8-70c6-4de5-a08e-e18aff23d815';
    expect(agentValues(inputs('AzureCloud'), platform, 'k', '', { customLocationsOid: oid }).systemDefaultValues.customLocations).toEqual({
      enabled: true,
      oid,
    });
    expect(agentValues(inputs('AzureCloud'), platform, 'k', '').systemDefaultValues.customLocations).toBeUndefined();
  });

  it('pulls the chart from <path>/v2/<chart> and refuses stable agents older than 1.14', () => {
    expect(chartReference('mcr.microsoft.com/azurearck8s/batch1/stable/azure-arc-k8sagents:1.21.10')).toEqual({
      oci: 'oci://mcr.microsoft.com/azurearck8s/batch1/stable/v2/azure-arc-k8sagents',
      version: '1.21.10',
    });
    expect(chartReference('127.0.0.1:8443/azurearck8s/batch1/stable/azure-arc-k8sagents:1.14.0').oci).toBe(
      'oci://127.0.0.1:8443/azurearck8s/batch1/stable/v2/azure-arc-k8sagents',
    );
    expect(() => chartReference('mcr.microsoft.com/azurearck8s/batch1/stable/azure-arc-k8sagents:1.13.9')).toThrow(/older than 1\.14\.0/);
    // Pre-release trains are not version-checked (az only checks X.Y.Z without a suffix).
    expect(chartReference('mcr.microsoft.com/azurearck8s/batch1/preview/azure-arc-k8sagents:1.2.0-preview').version).toBe('1.2.0-preview');
    expect(() => chartReference('azure-arc-k8sagents')).toThrow(/not <registry>\/<path>\/<chart>:<version>/);
  });

  it('reads the relay allowlist from /urls/allowlist and probes relays as senders', () => {
    expect(allowlistUrl('https://guestnotificationservice.azure.com', 'westeurope')).toBe(
      'https://guestnotificationservice.azure.com/urls/allowlist?api-version=2020-01-01&location=westeurope',
    );
    expect(arcEndpoints(parseEnvironment('AzureUSGovernment'), 'usgovvirginia').guestNotificationService).toBe(
      'https://guestnotificationservice.azure.us',
    );
    expect(relayUrl('azgnrelay-westeurope-l1.servicebus.windows.net')).toBe(
      'wss://azgnrelay-westeurope-l1.servicebus.windows.net/$hc/arc-actions-preflight?sb-hc-action=connect',
    );
    expect(parseAllowlist(['a.servicebus.windows.net', ' A.servicebus.windows.net ', 'b.servicebus.windows.net', 42])).toEqual([
      'a.servicebus.windows.net',
      'b.servicebus.windows.net',
    ]);
  });

  it('never fails a healthy network: 401 and 404 are how Azure Relay refuses a sender without a token', () => {
    const plain = { answered: true, status: 400, statusText: 'This endpoint is only for web-socket requests', detail: '' };
    for (const status of [401, 404])
      expect(judgeUpgrade({ plain, upgrade: { answered: true, status, statusText: 'x', detail: '' } }).verdict).toBe('reached');
    expect(
      judgeUpgrade({
        plain,
        upgrade: { answered: true, status: 400, statusText: 'This endpoint is only for web-socket requests', detail: '' },
      }).verdict,
    ).toBe('blocked');
    expect(judgeUpgrade({ plain, upgrade: { answered: false, detail: 'closed' } }).verdict).toBe('blocked');
    expect(judgeUpgrade({ plain, upgrade: { answered: true, status: 502, statusText: 'Bad Gateway', detail: '' } }).verdict).toBe(
      'unclear',
    );
  });

  it('installs Container Insights under the fixed name and namespace az uses', () => {
    const [ci] = parseExtensions('- azuremonitor-containers');
    expect(ci).toMatchObject({ name: 'azuremonitor-containers', namespace: 'azuremonitor-containers', monitoring: { useAADAuth: true } });
    expect(() => parseExtensions('- type: azuremonitor-containers\n  name: monitoring')).toThrow(
      /always installed as azuremonitor-containers/,
    );
    const [typed] = parseExtensions('- type: Microsoft.AzureMonitor.Containers\n  use-aad-auth: false');
    expect(typed.monitoring).toMatchObject({ useAADAuth: false });
  });
});
