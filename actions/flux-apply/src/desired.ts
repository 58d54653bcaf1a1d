import { createHash } from 'node:crypto';
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
 * The fingerprint of the protected settings that ARM never returns: sha256 of the sorted settings, salted with
 * the configuration's ARM id (lower case), so equal keys on two clusters give different fingerprints. `none`
 * when there are no settings. Only 32 hex characters are kept (128 bits).
 */
export function settingsHash(configurationId: string, settings: Record<string, string>): string {
  if (Object.keys(settings).length === 0) return 'none';
  return createHash('sha256')
    .update(configurationId.toLowerCase())
    .update('\n')
    .update(stableStringify(settings))
    .digest('hex')
    .slice(0, 32);
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
