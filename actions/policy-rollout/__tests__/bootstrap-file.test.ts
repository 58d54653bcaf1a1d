/**
 * The bootstrap and access sections of the policy files: what the loader refuses, in one sentence naming the file,
 * the line, the value and what is allowed, before anything reaches Azure.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicies } from '../src/policy-file/load.js';

const MG = '/providers/Microsoft.Management/managementGroups/stores';
const GROUP = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

function load(text: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies/stores.yaml'), text);
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, 'policies', name), content);
  return () => loadPolicies('policies', dir);
}

const bootstrap = (fields: string) => `bootstrap:\n  - name: stores-flux\n    scope: ${MG}\n    location: westeurope\n${fields}`;

describe('bootstrap and access in the policy files', () => {
  it('reads a bootstrap entry (built-in GUID as a definition id, remediation on by default) and an access entry', () => {
    const set = load(
      `${bootstrap('    definition: F9175D5F-ABC8-1DC3-BD3C-5D7476ADA3D1\n')}access:\n  - principal-id: ${GROUP}\n    role: azure arc kubernetes viewer\n    scope: ${MG}\n`,
    )();
    expect(set.bootstrap).toEqual([
      expect.objectContaining({
        name: 'stores-flux',
        line: 2,
        definitionId: '/providers/Microsoft.Authorization/policyDefinitions/f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1',
        location: 'westeurope',
        remediate: true,
      }),
    ]);
    expect(set.access).toEqual([
      expect.objectContaining({
        principalType: 'Group',
        role: 'Azure Arc Kubernetes Viewer',
        roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/63f0a09d-1495-4db4-a681-037d84835eb4',
      }),
    ]);
  });

  it('writes a definition-file definition at the scope, under the name the file gives', () => {
    const json = JSON.stringify({ name: 'arc-ci', properties: { policyRule: { if: {}, then: { details: { deployment: {} } } } } });
    const set = load(bootstrap('    definition-file: ci.json\n'), { 'ci.json': json })();
    expect(set.bootstrap[0]).toMatchObject({
      definitionId: `${MG}/providers/Microsoft.Authorization/policyDefinitions/arc-ci`,
      custom: { name: 'arc-ci', file: 'policies/ci.json' },
    });
  });

  it.each([
    [
      'a role outside the Arc Kubernetes roles',
      `access:\n  - principal-id: ${GROUP}\n    role: Owner\n    scope: ${MG}\n`,
      'policies/stores.yaml line 3: access role "Owner" is not allowed; use one of: Azure Arc Kubernetes Viewer, Azure Arc Kubernetes Writer, Azure Arc Kubernetes Admin, Azure Arc Kubernetes Cluster Admin, Azure Arc Enabled Kubernetes Cluster User Role.',
    ],
    [
      'a principal that is not an object id',
      `access:\n  - principal-id: store-oncall\n    role: Azure Arc Kubernetes Viewer\n    scope: ${MG}\n`,
      /principal-id.*must be the object id \(a GUID\) of the Entra group/,
    ],
    ['neither definition nor definition-file', bootstrap(''), /needs exactly one of definition .* and definition-file/],
    [
      'an audit effect',
      bootstrap('    definition: f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1\n    parameters:\n      effect: Audit\n'),
      /line 7: bootstrap assignment "stores-flux" sets parameters.effect to "Audit"; .* only DeployIfNotExists or Modify are allowed/,
    ],
    [
      'a name Azure refuses at management-group scope',
      bootstrap('    definition: f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1\n').replace('stores-flux', 'stores-flux-extension-for-every-store'),
      /is 37 characters; at management-group scope Azure allows at most 24/,
    ],
    [
      'a location that is not a region',
      bootstrap('    definition: f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1\n').replace('westeurope', 'West Europe'),
      /must be an Azure region name/,
    ],
    ['a definition-file that is not there', bootstrap('    definition-file: nope.json\n'), /definition-file nope.json does not exist/],
  ])('refuses %s', (_, text, message) => {
    expect(load(text)).toThrow(message);
  });
});
