import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFiles, requireFixtures } from '../fixtures.js';
import type { ArmResource } from '../state/types.js';

export const POLICY_DEFINITION_TYPE = 'Microsoft.Authorization/policyDefinitions';
export const POLICY_SET_TYPE = 'Microsoft.Authorization/policySetDefinitions';

let cache: { definitions: Map<string, ArmResource>; sets: Map<string, ArmResource> } | undefined;

function load(folder: string, type: string): Map<string, ArmResource> {
  const out = new Map<string, ArmResource>();
  for (const file of jsonFiles(join(requireFixtures(), 'azure-policy', 'built-in-policies', folder))) {
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const name = String(raw.name);
    out.set(name.toLowerCase(), { id: `/providers/${type}/${name}`, name, type, properties: { ...raw.properties, policyType: 'BuiltIn' } });
  }
  return out;
}

/** Built-in policy and set definitions, loaded once from the vendored fixtures (packages/sandbox/fixtures/azure-policy). */
export function builtIns() {
  cache ??= { definitions: load('policyDefinitions', POLICY_DEFINITION_TYPE), sets: load('policySetDefinitions', POLICY_SET_TYPE) };
  return cache;
}
