/**
 * The pieces of Azure Policy's DeployIfNotExists the sandbox evaluates: template expressions as the vendored
 * definitions use them, and policy conditions over a cluster's related resources.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluate } from '../src/dine/expressions.js';
import { fieldOf, matches } from '../src/dine/conditions.js';
import type { ArmResource } from '../src/state/types.js';

const cluster: ArmResource = {
  id: '/subscriptions/s/resourceGroups/stores/providers/Microsoft.Kubernetes/connectedClusters/store-01',
  name: 'store-01',
  type: 'Microsoft.Kubernetes/connectedClusters',
  location: 'westeurope',
  properties: { distribution: 'k3s' },
};
const params: Record<string, unknown> = { branch: 'main', tag: '', version: '', autoUpgrade: true, name: 'baseline' };
const scope = { parameters: (n: string) => params[n], field: (n: string) => fieldOf(cluster, n) };

describe('template expressions', () => {
  it('evaluates what the Flux and policy-extension definitions use', () => {
    expect(evaluate("[concat('Microsoft.Kubernetes/connectedClusters/', split(field('id'),'/')[8])]", scope)).toBe(
      'Microsoft.Kubernetes/connectedClusters/store-01',
    );
    expect(
      evaluate(
        "[concat(if(contains(toLower(field('type')), toLower('connectedclusters')),'Microsoft.Kubernetes/connectedClusters/','Microsoft.ContainerService/managedClusters/'),field('name'))]",
        scope,
      ),
    ).toBe('Microsoft.Kubernetes/connectedClusters/store-01');
    expect(
      evaluate(
        {
          branch: "[if(not(empty(parameters('branch'))), parameters('branch'), json('null'))]",
          tag: "[if(not(empty(parameters('tag'))), parameters('tag'), json('null'))]",
          "[parameters('name')]": { prune: true },
          version: "[if(and(not(empty(parameters('version'))), not(parameters('autoUpgrade'))), parameters('version'), json('null'))]",
          literal: '[[not an expression]',
        },
        scope,
      ),
    ).toEqual({ branch: 'main', baseline: { prune: true }, literal: '[not an expression]' });
  });

  it('names a function it does not implement', () => {
    expect(() => evaluate("[uniqueString('x')]", scope)).toThrow("The template function 'uniqueString' is not supported by the sandbox.");
  });
});

describe('policy conditions', () => {
  const extension: ArmResource = {
    id: `${cluster.id}/providers/Microsoft.KubernetesConfiguration/extensions/flux`,
    name: 'flux',
    type: 'Microsoft.KubernetesConfiguration/extensions',
    properties: { extensionType: 'microsoft.flux', provisioningState: 'Succeeded', autoUpgradeMinorVersion: true, releaseTrain: 'Stable' },
  };
  it('compares case-insensitively, booleans with their strings, and follows aliases into properties', () => {
    expect(
      matches(
        {
          allOf: [
            { field: 'Microsoft.KubernetesConfiguration/extensions/extensionType', equals: 'Microsoft.Flux' },
            { field: 'Microsoft.KubernetesConfiguration/extensions/autoUpgradeMinorVersion', equals: 'true' },
            { field: 'Microsoft.KubernetesConfiguration/extensions/releaseTrain', equals: "[parameters('train')]" },
          ],
        },
        extension,
        { parameters: () => 'stable', field: () => undefined },
      ),
    ).toBe(true);
    expect(matches({ field: 'type', in: ['Microsoft.ContainerService/managedClusters'] }, cluster, scope)).toBe(false);
    expect(matches({ field: 'Microsoft.Kubernetes/connectedClusters/distribution', notEquals: 'aks' }, cluster, scope)).toBe(true);
  });
});
