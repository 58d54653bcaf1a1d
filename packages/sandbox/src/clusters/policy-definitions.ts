import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireFixtures } from '../fixtures.js';

/** What the add-on needs of a policy definition: its parameters (with defaults) and `policyRule.then.details`. */
export interface KubernetesDefinition {
  name: string;
  version?: string;
  parameters: Record<string, { defaultValue?: unknown }>;
  details: Record<string, any>;
}

let definitions: Promise<KubernetesDefinition[]> | undefined;

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (entry.name.endsWith('.json') && path.includes('policyDefinitions')) out.push(path);
  }
  return out;
}

/** The definition part the add-on reads from an ARM policy definition's `properties`. */
export function kubernetesDefinition(name: string, properties: Record<string, any>): KubernetesDefinition {
  return {
    name,
    version: properties.version,
    parameters: properties.parameters ?? {},
    details: properties.policyRule?.then?.details ?? {},
  };
}

async function loadBuiltIns(): Promise<KubernetesDefinition[]> {
  const files = await jsonFiles(join(requireFixtures(), 'azure-policy'));
  return Promise.all(
    files.map(async (file) => {
      const json = JSON.parse(await readFile(file, 'utf8'));
      return kubernetesDefinition(json.name, json.properties ?? {});
    }),
  );
}

/**
 * The built-in definition for an id (`/providers/Microsoft.Authorization/policyDefinitions/<guid>` or the guid) from
 * the vendored fixtures (current and `pinned/` versions): the newest one, unless `definitionVersion` (e.g. `6.*.*`)
 * pins a major version, as an initiative's `definitionVersion` does.
 */
export async function findBuiltInDefinition(definitionId: string, definitionVersion?: string): Promise<KubernetesDefinition | undefined> {
  definitions ??= loadBuiltIns();
  const guid = definitionId.split('/').pop()?.toLowerCase();
  const major = definitionVersion?.split('.')[0];
  const candidates = (await definitions)
    .filter((d) => d.name?.toLowerCase() === guid && d.version)
    .filter((d) => !major || major === '*' || d.version!.split('.')[0] === major)
    .sort((a, b) => b.version!.localeCompare(a.version!, undefined, { numeric: true }));
  return candidates[0];
}

/**
 * Evaluates `[parameters('x')]` and `[parameters('x').a.b]` against the parameter values, inside objects and arrays
 * too; other values pass through.
 */
export function resolveParameterRef(value: unknown, parameters: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveParameterRef(v, parameters));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveParameterRef(v, parameters)]));
  if (typeof value !== 'string') return value;
  const ref = /^\[parameters\('([^']+)'\)((?:\.\w+)*)\]$/.exec(value);
  if (!ref) return value;
  let out: unknown = parameters[ref[1]];
  for (const key of ref[2].split('.').filter(Boolean)) out = (out as Record<string, unknown> | undefined)?.[key];
  return out;
}
