import { describe, expect, it } from '@jest/globals';
import type { ClusterInventory } from '@arc-actions/azure';
import { armChecks, checkExtensions, checkFlux, newestAgentVersion, type ArmCheckOptions } from '../src/checks/arm-plane.js';

const now = Date.parse('2026-11-26T02:00:00Z');
const options: ArmCheckOptions = {
  now,
  certExpiryWarningMs: 30 * 86_400_000,
  maxHeartbeatAgeMs: 3_600_000,
  expectedExtensions: ['microsoft.flux', 'microsoft.policyinsights'],
};
const healthy: ClusterInventory = {
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/eks-prod-use1',
  name: 'eks-prod-use1',
  subscriptionId: 's',
  resourceGroup: 'rg',
  connectivityStatus: 'Connected',
  lastConnectivityTime: '2026-11-26T01:55:00Z',
  agentVersion: '1.21.4',
  managedIdentityCertificateExpirationTime: '2027-02-01T00:00:00Z',
};
const extensions = [
  { id: 'x/flux', name: 'flux', clusterId: 'c', extensionType: 'microsoft.flux', provisioningState: 'Succeeded' },
  { id: 'x/policy', name: 'azurepolicy', clusterId: 'c', extensionType: 'Microsoft.PolicyInsights', provisioningState: 'Succeeded' },
];

const byCheck = (results: ReturnType<typeof armChecks>) => Object.fromEntries(results.map((r) => [r.check, r.status]));

describe('ARM-plane checks', () => {
  it('a healthy cluster is ok everywhere it has data', () => {
    const results = armChecks(
      {
        cluster: healthy,
        extensions,
        flux: [{ id: 'f', name: 'apps', clusterId: 'c', complianceState: 'Compliant' }],
        policy: { nonCompliant: 0, compliant: 5, total: 5 },
      },
      '1.21.4',
      options,
    );
    expect(byCheck(results)).toEqual({
      connectivity: 'ok',
      'agent-version': 'ok',
      certificate: 'ok',
      extensions: 'ok',
      flux: 'ok',
      policy: 'ok',
    });
  });

  it('an Offline cluster fails with how long and the fix; a stale heartbeat warns', () => {
    const [offline] = armChecks(
      { cluster: { ...healthy, connectivityStatus: 'Offline', lastConnectivityTime: '2026-11-25T20:00:00Z' }, extensions, flux: [] },
      undefined,
      options,
    );
    expect(offline).toMatchObject({ status: 'fail', reason: 'Offline for 6h.' });
    expect(offline.fix).toMatch(/agents/);
    const [stale] = armChecks(
      { cluster: { ...healthy, lastConnectivityTime: '2026-11-25T22:00:00Z' }, extensions, flux: [] },
      undefined,
      options,
    );
    expect(stale.status).toBe('warn');
  });

  it('agent versions: below the minimum fails, two minors behind the fleet warns', () => {
    const old = { ...healthy, agentVersion: '1.19.0' };
    expect(newestAgentVersion([healthy, old, { ...healthy, agentVersion: '1.9.9' }])).toBe('1.21.4');
    expect(armChecks({ cluster: old, extensions, flux: [] }, '1.21.4', options)[1].status).toBe('warn');
    expect(armChecks({ cluster: old, extensions, flux: [] }, '1.21.4', { ...options, minAgentVersion: '1.20.0' })[1].status).toBe('fail');
    expect(armChecks({ cluster: { ...healthy, agentVersion: '1.20.9' }, extensions, flux: [] }, '1.21.4', options)[1].status).toBe('ok');
  });

  it('certificates warn inside the horizon and fail once expired', () => {
    expect(
      armChecks(
        { cluster: { ...healthy, managedIdentityCertificateExpirationTime: '2026-12-10T00:00:00Z' }, extensions, flux: [] },
        undefined,
        options,
      )[2].status,
    ).toBe('warn');
    expect(
      armChecks(
        { cluster: { ...healthy, managedIdentityCertificateExpirationTime: '2026-11-01T00:00:00Z' }, extensions, flux: [] },
        undefined,
        options,
      )[2].status,
    ).toBe('fail');
  });

  it('extensions: a Failed one fails, a missing expected one warns', () => {
    expect(checkExtensions([{ ...extensions[0], provisioningState: 'Failed' }, extensions[1]], options)).toMatchObject({
      status: 'fail',
      reason: 'Failed: microsoft.flux.',
    });
    expect(checkExtensions([extensions[0]], options)).toMatchObject({ status: 'warn', reason: 'not installed: microsoft.policyinsights.' });
  });

  it('flux: Non-Compliant names the object and the admission message', () => {
    const result = checkFlux([
      {
        id: 'f',
        name: 'fleet',
        clusterId: 'c',
        complianceState: 'Non-Compliant',
        statuses: [
          {
            kind: 'Kustomization',
            name: 'apps',
            complianceState: 'Non-Compliant',
            statusConditions: [{ message: 'admission webhook "validation.gatekeeper.sh" denied the request' }],
          },
        ],
      },
    ]);
    expect(result.status).toBe('fail');
    expect(result.reason).toContain('fleet/Kustomization/apps: admission webhook "validation.gatekeeper.sh" denied the request');
  });
});
