import { createHash } from 'node:crypto';

/**
 * Where flux-apply keeps its provenance: a tag on the cluster resource, one per configuration,
 * `arc-actions.flux.<configuration>` = `settings=<fingerprint>; source=<repository>:<file>`.
 *
 * Why the cluster's tags: fluxConfigurations are proxy resources without tags or free-form metadata, and every
 * field they have reaches Flux (a `postBuild.substitute` key turns on variable substitution for the whole
 * kustomization; the flux extension's configurationSettings become Helm values of the extension and are shared
 * by every configuration). The connectedClusters / managedClusters resource is tracked, has tags, keeps them across
 * reconnections and upgrades, nothing in the cluster reads them, and Resource Graph returns them with the
 * inventory, so reading provenance costs no call. The tag is written only when the configuration is created, its
 * protected settings change or it is deleted: a rerun, or a change of kustomizations, writes no tag.
 */

export const TAG_PREFIX = 'arc-actions.flux.';
const MAX_VALUE = 256;

export interface Provenance {
  /** Fingerprint of the protected settings last sent (`none` when none were). */
  settings: string;
  /** Which file of which repository manages the configuration. */
  source: string;
}

export const tagName = (configuration: string): string => `${TAG_PREFIX}${configuration}`;

/** `owner/repo:path/of/file.yaml`, or for inline YAML `owner/repo:inline@<workflow file>`. */
export function sourceOf(origin: string, env: NodeJS.ProcessEnv = process.env): string {
  const repository = env.GITHUB_REPOSITORY || 'local';
  if (origin !== 'inline') return `${repository}:${origin.replace(/^\.\//, '')}`;
  const workflow = (env.GITHUB_WORKFLOW_REF ?? '').replace(/@.*$/, '').split('/').slice(2).join('/') || env.GITHUB_WORKFLOW || 'workflow';
  return `${repository}:inline@${workflow}`;
}

export function formatProvenance(p: Provenance): string {
  const full = `settings=${p.settings}; source=${p.source}`;
  if (full.length <= MAX_VALUE) return full;
  return `settings=${p.settings}; source=sha256:${createHash('sha256').update(p.source).digest('hex').slice(0, 32)}`;
}

export function parseProvenance(value: string | undefined): Provenance | undefined {
  if (!value) return undefined;
  const m = /^settings=([^;\s]+);\s*source=(.+)$/.exec(value.trim());
  return m ? { settings: m[1], source: m[2].trim() } : undefined;
}

/** Whether a recorded source is ours (also when it was shortened to a hash). */
export function sameSource(recorded: string, source: string): boolean {
  return recorded === source || recorded === `sha256:${createHash('sha256').update(source).digest('hex').slice(0, 32)}`;
}

/** Case-insensitive tag lookup (ARM keeps the caller's casing, Resource Graph may not). */
export function findTag(tags: Record<string, string> | undefined, name: string): string | undefined {
  if (!tags) return undefined;
  const key = Object.keys(tags).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : tags[key];
}

/** Names of the configurations on a cluster whose provenance says this source manages them. */
export function configurationsOf(tags: Record<string, string> | undefined, source: string): string[] {
  return Object.entries(tags ?? {})
    .filter(([k]) => k.toLowerCase().startsWith(TAG_PREFIX))
    .filter(([, v]) => {
      const p = parseProvenance(v);
      return p !== undefined && sameSource(p.source, source);
    })
    .map(([k]) => k.slice(TAG_PREFIX.length));
}
