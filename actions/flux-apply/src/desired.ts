import { createHmac } from 'node:crypto';
import { ConfigurationError, isUnitless, maskSecret, parseDuration, stableStringify, unitlessHint } from '@arc-actions/core';
import type { FluxConfiguration } from './configuration.js';
import type { GitAuth } from './inputs.js';

/**
 * The desired `fluxConfigurations` resource built from the configuration file, with every ARM default written
 * out, so that it compares field by field with what ARM returns (ARM fills the same defaults on write).
 * Property names are ARM's (`properties.*`), which are also the flattened names of the SDK model.
 */

export interface KustomizationBody {
  path: string;
  dependsOn: string[];
  timeoutInSeconds: number;
  syncIntervalInSeconds: number;
  retryIntervalInSeconds: number | null;
  prune: boolean;
  force: boolean;
  wait: boolean;
  postBuild: { substitute: Record<string, string> } | null;
}

export interface GitRepositoryBody {
  url: string;
  repositoryRef: { branch?: string; tag?: string; semver?: string; commit?: string };
  timeoutInSeconds: number;
  syncIntervalInSeconds: number;
  httpsUser: string | null;
  sshKnownHosts: string | null;
}

export interface FluxBody {
  scope: 'cluster' | 'namespace';
  namespace: string;
  sourceKind: 'GitRepository';
  suspend: boolean;
  gitRepository: GitRepositoryBody;
  kustomizations: Record<string, KustomizationBody>;
}

/** Azure's defaults for flux configurations (azure-management-docs gitops-flux2-parameters, the REST spec). */
export const DEFAULTS = { intervalSeconds: 600, timeoutSeconds: 600, namespace: 'default', scope: 'cluster' } as const;

/** A Go duration (`90s`, `10m`, `1h30m`) in whole seconds, at least 1. */
export function seconds(duration: string | undefined, fallback: number | null, where: string): number | null {
  if (duration === undefined) return fallback;
  if (isUnitless(duration))
    throw new ConfigurationError(`Input "configuration" at "${where}" has "${duration}"; ${unitlessHint(duration)}.`, 'configuration');
  const ms = parseDuration(duration);
  if (ms === undefined)
    throw new ConfigurationError(
      `Input "configuration" at "${where}" has "${duration}", which is not a duration such as 90s or 10m.`,
      'configuration',
    );
  return Math.max(1, Math.round(ms / 1000));
}

/** `git@host:path` (scp-like) becomes `ssh://git@host/path`: ARM and Flux accept only URL syntax. */
export function armGitUrl(url: string): string {
  const scp = /^([\w.-]+)@([\w.-]+):(?!\/\/)(\S+)$/.exec(url);
  return scp ? `ssh://${scp[1]}@${scp[2]}/${scp[3].replace(/^\/+/, '')}` : url;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

export function desiredBody(config: FluxConfiguration, auth: GitAuth): FluxBody {
  const git = config.source.gitRepository;
  const ref = Object.fromEntries(
    (['branch', 'tag', 'semver', 'commit'] as const).filter((k) => git[k] !== undefined).map((k) => [k, git[k]!]),
  );
  const kustomizations: Record<string, KustomizationBody> = {};
  for (const [name, k] of Object.entries(config.kustomizations)) {
    const at = `kustomizations.${name}`;
    const substitute = k['post-build']?.substitute;
    kustomizations[name] = {
      path: k.path ?? '',
      dependsOn: [...(k['depends-on'] ?? [])],
      timeoutInSeconds: seconds(k.timeout, DEFAULTS.timeoutSeconds, `${at}.timeout`)!,
      syncIntervalInSeconds: seconds(k['sync-interval'], DEFAULTS.intervalSeconds, `${at}.sync-interval`)!,
      retryIntervalInSeconds: seconds(k['retry-interval'], null, `${at}.retry-interval`),
      prune: k.prune ?? true, // Git is the source of truth unless the file says prune: false (which warns)
      force: k.force ?? false,
      wait: k.wait ?? true,
      postBuild: substitute && Object.keys(substitute).length ? { substitute: { ...substitute } } : null,
    };
  }
  return {
    scope: config.scope ?? DEFAULTS.scope,
    namespace: config.namespace ?? DEFAULTS.namespace,
    sourceKind: 'GitRepository',
    suspend: config.suspend ?? false,
    gitRepository: {
      url: armGitUrl(git.url),
      repositoryRef: ref,
      timeoutInSeconds: seconds(git.timeout, DEFAULTS.timeoutSeconds, 'source.gitRepository.timeout')!,
      syncIntervalInSeconds: seconds(git['sync-interval'], DEFAULTS.intervalSeconds, 'source.gitRepository.sync-interval')!,
      httpsUser: auth.kind === 'https' ? auth.user : null,
      sshKnownHosts: auth.kind === 'ssh' && auth.knownHosts ? b64(auth.knownHosts.trim() + '\n') : null,
    },
    kustomizations,
  };
}

/**
 * `configurationProtectedSettings` (base64 values, as the Azure CLI sends them). The encoded forms are
 * registered as secrets too, so they are redacted wherever they might surface.
 */
export function protectedSettings(auth: GitAuth): Record<string, string> {
  const settings: Record<string, string> = {};
  if (auth.kind === 'https') settings.httpsKey = b64(auth.key);
  if (auth.kind === 'ssh') settings.sshPrivateKey = b64(auth.privateKey.trim() + '\n');
  for (const value of Object.values(settings)) maskSecret(value);
  return settings;
}

/**
 * What the provenance tag records about the protected settings that ARM never returns. The tag is readable by
 * anyone with Reader on the cluster, so it must not let them test guesses of a Git key offline: an unkeyed hash
 * of the key (salted only with the public configuration id) did exactly that. So:
 *
 * - `none`: no protected settings.
 * - `hmac-<32 hex>`: with `fingerprint-key` (a secret only the workflow has), HMAC-SHA256 keyed with it over the
 *   configuration id and the settings. Without the key a guess cannot be checked; with it, a rotated Git key
 *   changes the marker and is sent again by itself.
 * - `set-<names>` (e.g. `set-httpsKey`): without `fingerprint-key`, nothing derived from the values at all, only
 *   which settings were sent. A change of kind (none ↔ https ↔ ssh) is detected; a rotated value is not, so it is
 *   sent again only with `resend-protected-settings: true` (or whenever the configuration is created).
 *
 * Any other recorded value (such as the old unkeyed hash) differs from every marker, so the first run re-sends the
 * settings once and overwrites it.
 */
export function settingsMarker(configurationId: string, settings: Record<string, string>, key?: string): string {
  const names = Object.keys(settings).sort();
  if (names.length === 0) return 'none';
  if (!key) return `set-${names.join('+')}`;
  return `hmac-${createHmac('sha256', key).update(configurationId.toLowerCase()).update('\n').update(stableStringify(settings)).digest('hex').slice(0, 32)}`;
}

// ---- actual state ----------------------------------------------------------------------------------------------

const num = (v: unknown, fallback: number | null): number | null => (typeof v === 'number' ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What ARM returned, in the same normalised shape as {@link desiredBody} (missing fields take ARM's defaults). */
export function actualBody(actual: Record<string, any>): FluxBody {
  const git = (actual.gitRepository ?? {}) as Record<string, any>;
  const ref = Object.fromEntries(
    Object.entries((git.repositoryRef ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== ''),
  );
  const kustomizations: Record<string, KustomizationBody> = {};
  for (const [name, raw] of Object.entries((actual.kustomizations ?? {}) as Record<string, any>)) {
    if (!raw) continue;
    const substitute = raw.postBuild?.substitute as Record<string, string> | undefined;
    kustomizations[name] = {
      path: typeof raw.path === 'string' ? raw.path : '',
      dependsOn: Array.isArray(raw.dependsOn) ? [...raw.dependsOn] : [],
      timeoutInSeconds: num(raw.timeoutInSeconds, DEFAULTS.timeoutSeconds)!,
      syncIntervalInSeconds: num(raw.syncIntervalInSeconds, DEFAULTS.intervalSeconds)!,
      retryIntervalInSeconds: num(raw.retryIntervalInSeconds, null),
      prune: bool(raw.prune, false),
      force: bool(raw.force, false),
      wait: bool(raw.wait, true),
      postBuild: substitute && Object.keys(substitute).length ? { substitute: { ...substitute } } : null,
    };
  }
  return {
    scope: actual.scope === 'namespace' ? 'namespace' : 'cluster',
    namespace: str(actual.namespace) ?? DEFAULTS.namespace,
    sourceKind: 'GitRepository',
    suspend: bool(actual.suspend, false),
    gitRepository: {
      url: str(git.url) ?? '',
      repositoryRef: ref,
      timeoutInSeconds: num(git.timeoutInSeconds, DEFAULTS.timeoutSeconds)!,
      syncIntervalInSeconds: num(git.syncIntervalInSeconds, DEFAULTS.intervalSeconds)!,
      httpsUser: str(git.httpsUser),
      sshKnownHosts: str(git.sshKnownHosts),
    },
    kustomizations,
  };
}
