import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@arc-actions/core';
import { loadPolicies } from '../src/policy-file/load.js';

const SUB = '00000000-0000-0000-0000-000000000001';
const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8sdisallowedtags }
spec:
  crd: { spec: { names: { kind: K8sDisallowedTags } } }
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8sdisallowedtags
        violation[{"msg": "latest"}] { endswith(input.review.object.spec.containers[_].image, ":latest") }
`;
const GOOD = `assignments:
  - name: psp-baseline
    display-name: Pod security baseline
    scope: /subscriptions/${SUB}
    definition: a8640138-9b0a-4a28-b8cb-1666c838647d
    stage: audit
    parameters:
      excludedNamespaces: [monitoring]
    rings:
      - name: canary
        locations: [westeurope]
  - name: no-latest
    scope: /subscriptions/${SUB}/resourceGroups/fleet
    definition: custom:no-latest-tag
    stage: audit
definitions:
  - name: no-latest-tag
    constraint-template: templates/no-latest.yaml
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  mkdirSync(join(dir, 'policies/templates'), { recursive: true });
  writeFileSync(join(dir, 'policies/templates/no-latest.yaml'), TEMPLATE);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'policies', name), text);
  return dir;
}

describe('policy files', () => {
  it('loads assignments and custom definitions, adding the system namespaces to exclusions', () => {
    const ws = workspace({ 'fleet.yaml': GOOD });
    const set = loadPolicies('policies', ws);
    expect(set.assignments.map((a) => [a.name, a.line])).toEqual([
      ['psp-baseline', 2],
      ['no-latest', 12],
    ]);
    // A bare GUID stays a GUID: Azure is asked whether it is a definition or an initiative.
    expect(set.assignments[0].definitionId).toBe('a8640138-9b0a-4a28-b8cb-1666c838647d');
    expect(set.assignments[0].parameters.excludedNamespaces).toEqual([
      'monitoring',
      'kube-system',
      'gatekeeper-system',
      'azure-arc',
      'azure-extensions-usage-system',
    ]);
    expect(set.definitions[0]).toMatchObject({ name: 'no-latest-tag', constraintKind: 'K8sDisallowedTags', file: 'policies/fleet.yaml' });
  });

  it('keeps system namespaces when forced', () => {
    const ws = workspace({
      'a.yaml': GOOD.replace('stage: audit\n    parameters:', 'stage: audit\n    force-system-namespaces: true\n    parameters:'),
    });
    expect(loadPolicies('policies/a.yaml', ws).assignments[0].parameters.excludedNamespaces).toEqual(['monitoring']);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['invalid YAML', { 'a.yaml': 'assignments:\n  - name: [x\n' }, /policies\/a\.yaml line \d+ is not valid YAML/],
    ['unknown top-level key', { 'a.yaml': GOOD + 'extra: 1\n' }, /policies\/a\.yaml line 1.*extra|Unrecognized key.*extra/],
    ['missing scope', { 'a.yaml': GOOD.replace(`    scope: /subscriptions/${SUB}\n`, '') }, /line 2 at "assignments\.0\.scope"/],
    [
      'bad scope',
      { 'a.yaml': GOOD.replace(`scope: /subscriptions/${SUB}\n`, 'scope: /subscriptions/not-a-guid\n') },
      /line 4 at "assignments\.0\.scope": must be a management group/,
    ],
    [
      'bad definition',
      { 'a.yaml': GOOD.replace('definition: a8640138-9b0a-4a28-b8cb-1666c838647d', 'definition: baseline') },
      /line 5 at "assignments\.0\.definition"/,
    ],
    [
      'bad stage',
      { 'a.yaml': GOOD.replace('stage: audit\n    parameters', 'stage: enforce\n    parameters') },
      /line 6 at "assignments\.0\.stage"/,
    ],
    [
      'effect set directly',
      { 'a.yaml': GOOD.replace('      excludedNamespaces: [monitoring]', '      effect: Deny\n      excludedNamespaces: [monitoring]') },
      /line 8: assignment "psp-baseline" sets parameters\.effect/,
    ],
    [
      'excludedNamespaces not a list',
      { 'a.yaml': GOOD.replace('excludedNamespaces: [monitoring]', 'excludedNamespaces: monitoring') },
      /line 8: parameters\.excludedNamespaces must be a list/,
    ],
    ['bad name', { 'a.yaml': GOOD.replace('name: psp-baseline', 'name: psp baseline!') }, /line 2 at "assignments\.0\.name"/],
    [
      'ring without locations',
      { 'a.yaml': GOOD.replace('locations: [westeurope]', 'locations: []') },
      /line 11 at "assignments\.0\.rings\.0\.locations": a ring needs at least one location/,
    ],
    [
      'ring with a bad location',
      { 'a.yaml': GOOD.replace('locations: [westeurope]', 'locations: [West Europe]') },
      /line 11 .*Azure region name/,
    ],
    [
      'duplicate ring',
      {
        'a.yaml': GOOD.replace(
          '        locations: [westeurope]\n',
          '        locations: [westeurope]\n      - name: canary\n        locations: [eastus]\n',
        ),
      },
      /line 12: assignment "psp-baseline" names ring "canary" twice/,
    ],
    [
      'custom definition missing',
      { 'a.yaml': GOOD.replace('definition: custom:no-latest-tag', 'definition: custom:nope') },
      /line 12: assignment "no-latest" uses custom:nope, but no definition of that name/,
    ],
    [
      'template missing',
      { 'a.yaml': GOOD.replace('templates/no-latest.yaml', 'templates/missing.yaml') },
      /line 18: constraint-template templates\/missing\.yaml does not exist/,
    ],
    [
      'template outside workspace',
      { 'a.yaml': GOOD.replace('templates/no-latest.yaml', '../../../../etc/hostname') },
      /line 18: constraint-template .* (is outside the workspace|does not exist)/,
    ],
    [
      'template not a ConstraintTemplate',
      { 'a.yaml': GOOD.replace('templates/no-latest.yaml', 'b.yaml'), 'b.yaml': 'kind: ConfigMap\nmetadata: {}\n' },
      /not a Gatekeeper ConstraintTemplate/,
    ],
    [
      'duplicate assignment across files',
      {
        'a.yaml': GOOD,
        'b.yaml': `assignments:\n  - name: psp-baseline\n    scope: /subscriptions/${SUB}\n    definition: a8640138-9b0a-4a28-b8cb-1666c838647d\n    stage: deny\n`,
      },
      /policies\/b\.yaml line 2: assignment "psp-baseline" .* already defined in policies\/a\.yaml line 2/,
    ],
    [
      'long name at management-group scope',
      {
        'a.yaml': `assignments:\n  - name: a-very-long-assignment-name-over-24\n    scope: /providers/Microsoft.Management/managementGroups/fleet\n    definition: a8640138-9b0a-4a28-b8cb-1666c838647d\n    stage: audit\n`,
      },
      /line 2: assignment name .* at most 24/,
    ],
    ['no assignments at all', { 'a.yaml': 'definitions: []\n' }, /define no assignments/],
    [
      'duplicate YAML key',
      { 'a.yaml': GOOD.replace('    stage: audit\n    parameters', '    stage: audit\n    stage: deny\n    parameters') },
      /policies\/a\.yaml line \d+ is not valid YAML/,
    ],
  ];

  it.each(bad)('%s: one-line error with file and line', (_case, files, expected) => {
    const ws = workspace(files);
    let error: unknown;
    try {
      loadPolicies('policies', ws);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).toMatch(/^policies\/[ab]\.yaml line \d+|^The policy files/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a policies path outside the workspace', () => {
    const ws = workspace({ 'a.yaml': GOOD });
    expect(() => loadPolicies('../../etc', ws)).toThrow(/outside the workspace|does not exist/);
  });
});

describe('published JSON schema', () => {
  it('policy-rollout/policies.schema.json is the one generated from the zod schema', async () => {
    const { readFileSync } = await import('node:fs');
    const { policyFileJsonSchema } = await import('../src/policy-file/json-schema.js');
    const published = JSON.parse(readFileSync(new URL('../../../policy-rollout/policies.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(policyFileJsonSchema())));
  });
});
