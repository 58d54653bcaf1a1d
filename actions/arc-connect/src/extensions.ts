import { z } from 'zod';
import { ConfigurationError, parseDuration, parseYamlWithSchema, shown } from '@arc-actions/core';

/** One cluster extension, normalised to what ARM's `extensions` resource needs. */
export interface ExtensionSpec {
  name: string;
  extensionType: string;
  releaseTrain?: string;
  version?: string;
  autoUpgrade: boolean;
  scope: 'cluster' | 'namespace';
  namespace?: string;
  /** ARM `configurationSettings`: plain settings only; secrets never go here. */
  settings: Record<string, string>;
  /** Container Insights: its prerequisites (workspace, data collection rule) are created as az does. */
  monitoring?: { workspace?: string; useAADAuth: boolean; dataCollectionSettings?: Record<string, unknown> };
}

/** Short names users write for the extensions the baseline knows about, and their ARM extension types. */
export const KNOWN_EXTENSIONS = {
  azurepolicy: { extensionType: 'Microsoft.PolicyInsights', name: 'azurepolicy' },
  flux: { extensionType: 'microsoft.flux', name: 'flux' },
  // az's ContainerInsights provider fixes the name and release namespace to azuremonitor-containers.
  'azuremonitor-containers': { extensionType: 'Microsoft.AzureMonitor.Containers', name: 'azuremonitor-containers' },
  'azure-keyvault-secrets-provider': { extensionType: 'Microsoft.AzureKeyVaultSecretsProvider', name: 'akvsecretsprovider' },
} as const;
type KnownName = keyof typeof KNOWN_EXTENSIONS;
const KNOWN_NAMES = Object.keys(KNOWN_EXTENSIONS) as KnownName[];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const common = {
  type: z.string(),
  name: z.string().regex(DNS_LABEL, 'an extension name must be lowercase letters, digits and -, at most 63 characters').optional(),
  'release-train': z
    .string()
    .regex(/^[A-Za-z0-9-]{1,32}$/, 'a release train is a word such as stable or preview')
    .optional(),
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]+)?$/, 'a version is x.y.z such as 1.2.3')
    .optional(),
  'auto-upgrade': z.boolean().optional(),
  scope: z.enum(['cluster', 'namespace']).optional(),
  namespace: z.string().regex(DNS_LABEL, 'a namespace is a DNS-1123 label').optional(),
  settings: z
    .record(z.string().regex(/^[A-Za-z0-9_.\-/[\]]{1,256}$/, 'setting names are letters, digits and . _ - / [ ]'), scalar)
    .optional(),
};

const monitor = z.strictObject({
  ...common,
  workspace: z
    .string()
    .regex(
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w.()]{1,90}\/providers\/Microsoft\.OperationalInsights\/workspaces\/[A-Za-z0-9][-A-Za-z0-9]{2,62}$/i,
      'workspace must be the resource id of a Log Analytics workspace (/subscriptions/…/providers/Microsoft.OperationalInsights/workspaces/<name>)',
    )
    .optional(),
  'use-aad-auth': z.boolean().default(true),
  'data-collection-settings': z
    .strictObject({
      interval: z
        .string()
        .regex(/^([1-9]|[12]\d|30)m$/, 'interval is 1m to 30m')
        .optional(),
      'namespace-filtering-mode': z.enum(['Off', 'Include', 'Exclude']).optional(),
      namespaces: z.array(z.string().regex(DNS_LABEL, 'namespaces are DNS-1123 labels')).optional(),
      'enable-container-log-v2': z.boolean().optional(),
      streams: z
        .array(z.string().regex(/^Microsoft-[A-Za-z-]+$/, 'streams look like Microsoft-ContainerInsights-Group-Default'))
        .optional(),
    })
    .refine((d) => (d['namespace-filtering-mode'] ?? 'Off') === 'Off' || (d.namespaces?.length ?? 0) > 0, {
      message: 'namespace-filtering-mode Include or Exclude needs a non-empty namespaces list',
    })
    .optional(),
});

const keyVault = z.strictObject({
  ...common,
  rotation: z.boolean().optional(),
  'rotation-poll-interval': z
    .string()
    .refine((v) => /^(\d+(s|m|h))+$/.test(v) && parseDuration(v) !== undefined, 'rotation-poll-interval is a duration such as 2m')
    .optional(),
});

const plain = z.strictObject(common);
const generic = z.strictObject({
  ...common,
  type: z
    .string()
    .regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9-]+)+$/, `type must be one of ${KNOWN_NAMES.join(', ')} or an extension type such as Publisher.Name`),
});

const shapeSchema = z.array(z.union([z.string(), z.looseObject({ type: z.string({ error: 'every extension needs a "type"' }) })]), {
  error: 'expected a YAML list of extensions',
});

function check<S extends z.ZodType>(schema: S, value: unknown, index: number): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new ConfigurationError(`Input "extensions" item ${index + 1}${at}: ${issue.message}.`, 'extensions');
}

/**
 * Container Insights as az's ContainerInsights provider takes it: name and release namespace are always
 * azuremonitor-containers and the scope is the cluster (az ignores other values with a warning; here they are refused),
 * managed-identity authentication unless use-aad-auth is false, an optional workspace.
 */
function monitoringSpec(m: z.infer<typeof monitor> | undefined, index: number): ExtensionSpec {
  const fixed = KNOWN_EXTENSIONS['azuremonitor-containers'].name;
  for (const [field, value] of [
    ['name', m?.name],
    ['namespace', m?.namespace],
  ] as const) {
    if (value !== undefined && value !== fixed)
      throw new ConfigurationError(
        `Input "extensions" item ${index + 1} sets ${field} ${shown(value)}; Container Insights is always installed as ${fixed} in namespace ${fixed}: remove "${field}".`,
        'extensions',
      );
  }
  if (m?.scope === 'namespace')
    throw new ConfigurationError(
      `Input "extensions" item ${index + 1} sets scope namespace; Container Insights only supports cluster scope: remove "scope".`,
      'extensions',
    );
  const d = m?.['data-collection-settings'];
  const dataCollectionSettings = d
    ? Object.fromEntries(
        Object.entries({
          interval: d.interval,
          namespaceFilteringMode: d['namespace-filtering-mode'],
          namespaces: d.namespaces,
          enableContainerLogV2: d['enable-container-log-v2'],
          streams: d.streams,
        }).filter(([, v]) => v !== undefined),
      )
    : undefined;
  return {
    name: fixed,
    extensionType: KNOWN_EXTENSIONS['azuremonitor-containers'].extensionType,
    releaseTrain: m?.['release-train'],
    version: m?.version,
    autoUpgrade: m?.['auto-upgrade'] ?? !m?.version,
    scope: 'cluster',
    namespace: fixed,
    settings: { ...(m?.settings ?? {}) },
    monitoring: { workspace: m?.workspace, useAADAuth: m?.['use-aad-auth'] ?? true, dataCollectionSettings },
  };
}

/** Parses the `extensions` YAML list (short names, or objects with a `type`) and checks names are unique. */
export function parseExtensions(text: string): ExtensionSpec[] {
  const items = parseYamlWithSchema(text, shapeSchema, 'Input "extensions"', 'extensions');
  const specs = items.map((item, index): ExtensionSpec => {
    if (typeof item === 'string') {
      const known = KNOWN_EXTENSIONS[item as KnownName];
      if (!known)
        throw new ConfigurationError(
          `Input "extensions" item ${index + 1} is ${shown(item)}; allowed short names: ${KNOWN_NAMES.join(', ')} (or an object with "type").`,
          'extensions',
        );
      return item === 'azuremonitor-containers'
        ? monitoringSpec(undefined, index)
        : { name: known.name, extensionType: known.extensionType, autoUpgrade: true, scope: 'cluster', settings: {} };
    }
    const kind = (
      String(item.type).toLowerCase() === KNOWN_EXTENSIONS['azuremonitor-containers'].extensionType.toLowerCase()
        ? 'azuremonitor-containers'
        : item.type
    ) as KnownName;
    const known = KNOWN_EXTENSIONS[kind];
    const spec = check(
      kind === 'azuremonitor-containers' ? monitor : kind === 'azure-keyvault-secrets-provider' ? keyVault : known ? plain : generic,
      item,
      index,
    );
    if (spec.version && spec['auto-upgrade'] === true) {
      throw new ConfigurationError(
        `Input "extensions" item ${index + 1} sets both version ${shown(spec.version)} and auto-upgrade: true; a pinned version needs auto-upgrade: false.`,
        'extensions',
      );
    }
    if (kind === 'azuremonitor-containers') return monitoringSpec(spec as z.infer<typeof monitor>, index);
    const settings: Record<string, string> = { ...(spec.settings ?? {}) };
    if (kind === 'azure-keyvault-secrets-provider') {
      const k = spec as z.infer<typeof keyVault>;
      if (k['rotation-poll-interval'] && k.rotation === false) {
        throw new ConfigurationError(
          `Input "extensions" item ${index + 1} sets rotation-poll-interval with rotation: false; remove the interval or set rotation: true.`,
          'extensions',
        );
      }
      if (k.rotation !== undefined || k['rotation-poll-interval'])
        settings['secrets-store-csi-driver.enableSecretRotation'] = String(k.rotation ?? true);
      if (k['rotation-poll-interval']) settings['secrets-store-csi-driver.rotationPollInterval'] = k['rotation-poll-interval'];
    }
    const scope = spec.scope ?? 'cluster';
    return {
      name:
        spec.name ??
        known?.name ??
        spec.type
          .split('.')
          .pop()!
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, '-'),
      extensionType: known?.extensionType ?? spec.type,
      releaseTrain: spec['release-train'],
      version: spec.version,
      autoUpgrade: spec['auto-upgrade'] ?? !spec.version,
      scope,
      namespace: spec.namespace,
      settings,
    };
  });
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name))
      throw new ConfigurationError(
        `Input "extensions" names the extension "${spec.name}" twice; give each extension a unique "name".`,
        'extensions',
      );
    seen.add(spec.name);
  }
  return specs;
}
