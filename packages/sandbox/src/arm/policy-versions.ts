import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonFiles, requireFixtures } from '../fixtures.js';
import type { ArmResource } from '../state/types.js';
import { json, page, type ArmRoute } from './common.js';
import { ArmError } from './errors.js';

/**
 * Versions of built-in policy definitions (`/providers/Microsoft.Authorization/policyDefinitions/{name}/versions`,
 * REST spec 2025-11-01 example listBuiltInPolicyDefinitionVersions.json): every version the fixtures hold, the current
 * file and the `pinned/` ones, newest first, each as `{ name: <version>, type: .../versions, id, properties }`.
 * policy-rollout reads them to evaluate an initiative member at the major version the initiative pins (`6.*.*`).
 */
const VERSION_TYPE = 'Microsoft.Authorization/policyDefinitions/versions';
let cache: Map<string, ArmResource[]> | undefined;

function load(): Map<string, ArmResource[]> {
  const out = new Map<string, ArmResource[]>();
  for (const file of jsonFiles(join(requireFixtures(), 'azure-policy'))) {
    if (!file.includes('policyDefinitions')) continue;
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const name = String(raw.name ?? '').toLowerCase();
    const version = String(raw.properties?.version ?? '');
    if (!name || !version) continue;
    const list = out.get(name) ?? [];
    if (list.some((v) => v.name === version)) continue;
    list.push({
      id: `/providers/Microsoft.Authorization/policyDefinitions/${raw.name}/versions/${version}`,
      name: version,
      type: VERSION_TYPE,
      properties: { ...raw.properties, policyType: 'BuiltIn' },
    });
    out.set(name, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.name.localeCompare(a.name, undefined, { numeric: true }));
  return out;
}

export function builtInVersions(name: string): ArmResource[] {
  cache ??= load();
  return cache.get(name.toLowerCase()) ?? [];
}

export const policyVersionRoutes: ArmRoute[] = [
  {
    pattern: /^\/providers\/microsoft\.authorization\/policydefinitions\/([^/]+)\/versions$/i,
    methods: ['GET'],
    handle: (call) => {
      const versions = builtInVersions(call.m[1]);
      if (!versions.length) throw new ArmError(404, 'PolicyDefinitionNotFound', `The policy definition '${call.m[1]}' could not be found.`);
      return page(call, versions);
    },
  },
  {
    pattern: /^\/providers\/microsoft\.authorization\/policydefinitions\/([^/]+)\/versions\/([^/]+)$/i,
    methods: ['GET'],
    handle: (call) => {
      const version = builtInVersions(call.m[1]).find((v) => v.name === call.m[2]);
      if (!version)
        throw new ArmError(404, 'PolicyDefinitionVersionNotFound', `The policy definition '${call.m[1]}' has no version '${call.m[2]}'.`);
      return json(200, version);
    },
  },
];
