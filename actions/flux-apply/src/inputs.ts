import { readFileSync, statSync } from 'node:fs';
import {
  ConfigurationError,
  booleanInput,
  durationInput,
  enumInput,
  integerInput,
  maskSecret,
  optionalString,
  requiredString,
  shown,
} from '@arc-actions/core';
import {
  readAzureIdentityInputs,
  readDryRun,
  readAllowEmpty,
  readFleetTargetInputs,
  workspacePath,
  type AzureIdentityInputs,
  type FleetTargets,
} from '@arc-actions/azure';
import { parseConfiguration, sourceRef, type FluxConfiguration } from './configuration.js';

export type GitAuth =
  | { kind: 'none' }
  | { kind: 'https'; user: string; key: string; from: string }
  | { kind: 'ssh'; privateKey: string; knownHosts?: string; from: string };

export interface FluxSource {
  config: FluxConfiguration;
  /** Where the configuration came from: a workspace path or "inline". */
  origin: string;
  ref: ReturnType<typeof sourceRef>;
  auth: GitAuth;
  warnings: string[];
}

export interface Inputs {
  identity: AzureIdentityInputs;
  source: FluxSource;
  targets: FleetTargets;
  clusterType: 'connectedClusters' | 'managedClusters';
  wait: boolean;
  timeoutMs: number;
  concurrency: number;
  deleteMissing: boolean;
  /** A selector that matches no cluster is a failure unless this is true. */
  allowEmpty?: boolean;
  /** Key of the HMAC that fingerprints the protected settings in the provenance tag (a secret; optional). */
  fingerprintKey?: string;
  /** Send the protected settings again on every cluster (after rotating a Git key without `fingerprint-key`). */
  resendProtectedSettings?: boolean;
  dryRun: boolean;
  /** For the sticky pull-request comment of a dry run (a secret). */
  githubToken?: string;
}

const MAX_CONFIGURATION_BYTES = 1_048_576;

/** `configuration`: a path to a .yml/.yaml/.json file in the workspace, or the YAML itself. */
export function readConfigurationText(): { text: string; origin: string } {
  const value = requiredString('configuration', { maxLength: MAX_CONFIGURATION_BYTES });
  const looksLikePath = !value.includes('\n') && !/:\s/.test(value) && !value.trimStart().startsWith('{');
  if (!looksLikePath) return { text: value, origin: 'inline' };
  if (!/\.(ya?ml|json)$/i.test(value)) {
    throw new ConfigurationError(
      `Input "configuration" has ${shown(value)}, which is neither inline YAML nor a .yml, .yaml or .json file path.`,
      'configuration',
    );
  }
  const file = workspacePath('configuration', value, { mustExist: 'file' });
  if (statSync(file).size > MAX_CONFIGURATION_BYTES) {
    throw new ConfigurationError(
      `Input "configuration" names ${shown(value)}, which is larger than 1 MiB; a Flux configuration file is a few kilobytes.`,
      'configuration',
    );
  }
  return { text: readFileSync(file, 'utf8'), origin: value };
}

function secretFromEnv(variable: string | undefined, field: string): { value?: string; from?: string } {
  if (!variable) return {};
  const value = process.env[variable];
  if (!value) {
    throw new ConfigurationError(
      `Input "configuration" at "source.gitRepository.${field}" names the environment variable ${variable}, which is empty or not set; set it with "env:" on the step.`,
      'configuration',
    );
  }
  maskSecret(value);
  return { value, from: `environment variable ${variable}` };
}

type UrlKind = 'https' | 'http' | 'ssh';

function urlKind(url: string): UrlKind {
  if (/^[\w.-]+@[\w.-]+:(?!\/\/)\S+$/.test(url)) return 'ssh';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(
      `Input "configuration" at "source.gitRepository.url" has ${shown(url)}, which is not a URL; use https://…, ssh://… or git@host:path.`,
      'configuration',
    );
  }
  if (parsed.password) {
    maskSecret(parsed.password);
    throw new ConfigurationError(
      'Input "configuration" at "source.gitRepository.url" has credentials in the URL; remove them and use https-user with the https-key input.',
      'configuration',
    );
  }
  const kind = parsed.protocol.replace(/:$/, '');
  if (kind !== 'https' && kind !== 'http' && kind !== 'ssh') {
    throw new ConfigurationError(
      `Input "configuration" at "source.gitRepository.url" has the scheme "${kind}"; allowed: https, http, ssh (or git@host:path).`,
      'configuration',
    );
  }
  return kind;
}

/** The Git credentials: from the https-key / ssh-private-key inputs, or the environment variables the configuration names. */
export function readGitAuth(config: FluxConfiguration): GitAuth {
  const git = config.source.gitRepository;
  const httpsKeyInput = optionalString('https-key', { secret: true, maxLength: 16_384 });
  const sshKeyInput = optionalString('ssh-private-key', { secret: true, maxLength: 65_536 });
  const https = httpsKeyInput ? { value: httpsKeyInput, from: 'input https-key' } : secretFromEnv(git['https-key-env'], 'https-key-env');
  const ssh = sshKeyInput
    ? { value: sshKeyInput, from: 'input ssh-private-key' }
    : secretFromEnv(git['ssh-private-key-env'], 'ssh-private-key-env');
  const user = optionalString('https-user', { maxLength: 256 }) ?? git['https-user'];
  const knownHosts = optionalString('known-hosts', { maxLength: 65_536 }) ?? git['known-hosts'];
  const kind = urlKind(git.url);
  const url = shown(git.url);

  if (https.value && ssh.value) {
    throw new ConfigurationError(
      `Input "https-key" and "ssh-private-key" are both set (from ${https.from} and ${ssh.from}); set the one that matches the URL ${url}.`,
      'https-key',
    );
  }
  if (ssh.value) {
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/.test(ssh.value)) {
      throw new ConfigurationError(
        `Input "ssh-private-key" (from ${ssh.from}) is not a PEM or OpenSSH private key; expected -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----.`,
        'ssh-private-key',
      );
    }
    if (kind !== 'ssh')
      throw new ConfigurationError(
        `Input "ssh-private-key" is set but the repository URL ${url} is ${kind}; use ssh://… or git@host:path with an SSH key.`,
        'ssh-private-key',
      );
    if (user)
      throw new ConfigurationError(
        'Input "https-user" is set together with an SSH key; remove https-user or use HTTPS with https-key.',
        'https-user',
      );
    if (knownHosts !== undefined && !/^\S+ (ssh-|ecdsa-)\S+ \S+/m.test(knownHosts)) {
      throw new ConfigurationError(
        'Input "known-hosts" is not in known_hosts format (host key-type key, one a line, e.g. from ssh-keyscan).',
        'known-hosts',
      );
    }
    return { kind: 'ssh', privateKey: ssh.value, knownHosts, from: ssh.from! };
  }
  if (knownHosts)
    throw new ConfigurationError(
      'Input "known-hosts" is set but no SSH key is; known-hosts only applies with ssh-private-key.',
      'known-hosts',
    );
  if (https.value) {
    if (kind !== 'https')
      throw new ConfigurationError(
        `Input "https-key" is set but the repository URL ${url} is ${kind}; an HTTPS key needs an https:// URL.`,
        'https-key',
      );
    if (!user)
      throw new ConfigurationError(
        'Input "https-user" is empty while an HTTPS key is set; set https-user (or source.gitRepository.https-user), e.g. git or x-access-token.',
        'https-user',
      );
    return { kind: 'https', user, key: https.value, from: https.from! };
  }
  if (user)
    throw new ConfigurationError(
      'Input "https-user" is set without an HTTPS key; set https-key (or source.gitRepository.https-key-env) too, or remove https-user.',
      'https-user',
    );
  if (kind === 'ssh')
    throw new ConfigurationError(
      `Input "configuration" has the SSH repository URL ${url} but no SSH key; set ssh-private-key or source.gitRepository.ssh-private-key-env.`,
      'configuration',
    );
  return { kind: 'none' };
}

export function readFluxSource(): FluxSource {
  const { text, origin } = readConfigurationText();
  const { config, warnings } = parseConfiguration(
    text,
    origin === 'inline' ? 'Input "configuration"' : `Input "configuration" (${origin})`,
  );
  return { config, origin, ref: sourceRef(config.source.gitRepository), auth: readGitAuth(config), warnings };
}

export function readInputs(): Inputs {
  const identity = readAzureIdentityInputs();
  const source = readFluxSource();
  const targets = readFleetTargetInputs({ required: true })!;
  const clusterType = enumInput('cluster-type', ['connectedClusters', 'managedClusters'] as const, 'connectedClusters');
  if (targets.kind === 'targets') {
    const other = targets.targets.find((t) => t.type.toLowerCase() !== clusterType.toLowerCase());
    if (other) {
      throw new ConfigurationError(
        `Input "targets" lists ${shown(other.id)}, a ${other.type} cluster, but "cluster-type" is ${clusterType}; list only ${clusterType} or change cluster-type.`,
        'targets',
      );
    }
  }
  return {
    identity,
    source,
    targets,
    clusterType,
    wait: booleanInput('wait', true),
    timeoutMs: durationInput('timeout', { default: '10m', min: '30s', max: '6h' }),
    concurrency: integerInput('concurrency', { default: 10, min: 1, max: 100 }),
    deleteMissing: booleanInput('delete-missing', false),
    allowEmpty: readAllowEmpty(),
    fingerprintKey: optionalString('fingerprint-key', {
      secret: true,
      maxLength: 4096,
      pattern: { regex: /^[\s\S]{32,}$/, description: 'at least 32 characters long (use a random value kept as a secret)' },
    }),
    resendProtectedSettings: booleanInput('resend-protected-settings', false),
    dryRun: readDryRun(),
    githubToken: optionalString('github-token', { secret: true, maxLength: 4096 }),
  };
}
