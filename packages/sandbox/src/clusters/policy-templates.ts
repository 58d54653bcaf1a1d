import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError } from '@arc-actions/core';
import { requireFixtures } from '../fixtures.js';
import type { KubeObject } from './rest.js';

/**
 * The Azure Policy template URLs we can serve from the gatekeeper-library fixtures: the store URL slug, the
 * library folder that implements the same check, the in-cluster name stem the add-on uses (k8sazure<v><stem>),
 * and how Azure's `values` names map to the library template's parameters.
 */
interface TemplateMapping {
  slug: string;
  library: string;
  stem: string;
  kindStem: string;
  values: Record<string, string>;
}

const MAPPINGS: TemplateMapping[] = [
  {
    slug: 'container-no-privilege',
    library: 'privileged-containers',
    stem: 'noprivilege',
    kindStem: 'NoPrivilege',
    values: { excludedImages: 'exemptImages' },
  },
  { slug: 'block-host-namespace', library: 'host-namespaces', stem: 'blockhostnamespace', kindStem: 'BlockHostNamespace', values: {} },
  {
    slug: 'host-network-ports',
    library: 'host-network-ports',
    stem: 'hostnetworkingports',
    kindStem: 'HostNetworkingPorts',
    values: { allowHostNetwork: 'hostNetwork', minPort: 'min', maxPort: 'max', excludedImages: 'exemptImages' },
  },
  {
    slug: 'container-allowed-capabilities',
    library: 'capabilities',
    stem: 'allowedcapabilities',
    kindStem: 'AllowedCapabilities',
    values: {
      allowedCapabilities: 'allowedCapabilities',
      requiredDropCapabilities: 'requiredDropCapabilities',
      excludedImages: 'exemptImages',
    },
  },
  {
    slug: 'container-no-privilege-escalation',
    library: 'allow-privilege-escalation',
    stem: 'noprivilegeescalation',
    kindStem: 'NoPrivilegeEscalation',
    values: { excludedImages: 'exemptImages' },
  },
];

const STORE = 'https://store.policy.core.windows.net/kubernetes';
const fixtures = (): string => requireFixtures();

/** A template ready to install: in-cluster name and kind, source URL, library template and value mapping. */
export interface ResolvedTemplate {
  name: string;
  kind: string;
  url: string;
  mapping: TemplateMapping;
  parameterNames: Set<string>;
  object: KubeObject;
}

/** Resolves a store URL (…/container-no-privilege/v2/template.yaml) or a template name to a fixture template. */
export async function resolveTemplate(urlOrName: string): Promise<ResolvedTemplate> {
  let mapping: TemplateMapping | undefined;
  let version: string;
  const fromUrl = /\/kubernetes\/([a-z0-9-]+)\/(v\d+)\/template\.yaml$/.exec(urlOrName);
  if (fromUrl) {
    mapping = MAPPINGS.find((m) => m.slug === fromUrl[1]);
    version = fromUrl[2];
  } else {
    const byName = /^k8sazure(v\d+)([a-z]+)$/.exec(urlOrName);
    if (byName) {
      mapping = MAPPINGS.find((m) => m.stem === byName[2]);
      version = byName[1];
    } else {
      mapping = MAPPINGS.find((m) => m.library === urlOrName || m.slug === urlOrName);
      version = 'v1';
    }
  }
  if (!mapping) {
    throw new ConfigurationError(
      `The policy template ${urlOrName} has no gatekeeper-library fixture; supported are ${MAPPINGS.map((m) => `${STORE}/${m.slug}/vN/template.yaml`).join(', ')}.`,
      'templateUrl',
    );
  }
  const path = join(fixtures(), 'gatekeeper-library/library/pod-security-policy', mapping.library, 'template.yaml');
  const object = parse(await readFile(path, 'utf8')) as KubeObject & { spec: any };
  const name = `k8sazure${version}${mapping.stem}`;
  const kind = `K8sAzure${version.toUpperCase()}${mapping.kindStem}`;
  object.metadata = { ...object.metadata, name };
  object.spec.crd.spec.names.kind = kind;
  const properties = object.spec.crd.spec.validation?.openAPIV3Schema?.properties ?? {};
  return {
    name,
    kind,
    url: fromUrl ? urlOrName : `${STORE}/${mapping.slug}/${version}/template.yaml`,
    mapping,
    parameterNames: new Set(Object.keys(properties)),
    object,
  };
}

/** One built-in policy definition from the azure-policy fixtures. */
export interface BuiltInDefinition {
  name: string;
  version: string;
  parameters: Record<string, { defaultValue?: unknown }>;
  details: Record<string, any>;
}

let definitions: Promise<BuiltInDefinition[]> | undefined;

async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (entry.name.endsWith('.json') && path.includes('policyDefinitions')) out.push(path);
  }
  return out;
}

async function loadDefinitions(): Promise<BuiltInDefinition[]> {
  const files = await jsonFiles(join(fixtures(), 'azure-policy'));
  return Promise.all(
    files.map(async (file) => {
      const json = JSON.parse(await readFile(file, 'utf8'));
      return {
        name: json.name,
        version: json.properties.version,
        parameters: json.properties.parameters ?? {},
        details: json.properties.policyRule?.then?.details ?? {},
      };
    }),
  );
}

/**
 * The built-in definition for an id (`/providers/Microsoft.Authorization/policyDefinitions/<guid>` or the guid),
 * the newest one unless `definitionVersion` (e.g. `6.*.*`) pins a major version.
 */
export async function findDefinition(definitionId: string, definitionVersion?: string): Promise<BuiltInDefinition | undefined> {
  definitions ??= loadDefinitions();
  const guid = definitionId.split('/').pop()?.toLowerCase();
  const major = definitionVersion?.split('.')[0];
  const candidates = (await definitions)
    .filter((d) => d.name?.toLowerCase() === guid)
    .filter((d) => !major || major === '*' || d.version?.split('.')[0] === major)
    .sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }));
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

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === false ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/**
 * Maps Azure `values` to the template's parameters. Empty values (and false, the library templates' default) are
 * dropped; a value the template cannot express is refused with a ConfigurationError.
 */
export function templateParameters(template: ResolvedTemplate, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isEmpty(value)) continue;
    const target = template.mapping.values[key] ?? (template.parameterNames.has(key) ? key : undefined);
    if (!target || !template.parameterNames.has(target)) {
      throw new ConfigurationError(
        `The policy value ${key} is not a parameter of template ${template.name} (allowed: ${[...template.parameterNames].join(', ') || 'none'}).`,
        key,
      );
    }
    out[target] = value;
  }
  return out;
}
