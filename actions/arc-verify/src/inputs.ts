import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import {
  ConfigurationError,
  booleanInput,
  durationInput,
  enumInput,
  integerInput,
  listInput,
  maskSecret,
  optionalString,
  parseYamlWithSchema,
  shown,
} from '@arc-actions/core';
import {
  readAllowEmpty,
  readAzureIdentityInputs,
  parseClusterId,
  readFleetTargetInputs,
  workspacePath,
  type AzureIdentityInputs,
  type ClusterRef,
  type FleetTargets,
} from '@arc-actions/azure';
import { parseKubeconfig } from '@arc-actions/kube';
import { readEgressProbeInputs, type EgressProbeInputs } from './egress-inputs.js';

export const ACCESS = ['kubeconfig', 'cluster-connect', 'none'] as const;
export const FAIL_ON = ['fail', 'warn', 'never'] as const;
export const MODES = ['verify', 'aggregate'] as const;

export interface Inputs {
  identity: AzureIdentityInputs;
  mode: (typeof MODES)[number];
  targets?: FleetTargets;
  access: (typeof ACCESS)[number];
  /** Cluster id or name → kubeconfig content (secrets, masked). */
  kubeconfigs: Record<string, string>;
  negativeTestNamespace: string;
  minAgentVersion?: string;
  certExpiryWarningMs: number;
  /** Warn this many days before a policy exemption covering a cluster expires. */
  exemptionWarningDays?: number;
  /** Verify: the file to write. Aggregate: the folder (or file) of shard reports to read. */
  reportPath: string;
  previousReport?: string;
  failOn: (typeof FAIL_ON)[number];
  issue: boolean;
  githubToken?: string;
  shard?: { index: number; count: number };
  /** A selector that matches no cluster is a failure unless this is true. */
  allowEmpty?: boolean;
  /** The in-cluster egress probe per cluster (access kubeconfig). */
  egress?: EgressProbeInputs;
  /** Look back this long in ContainerLogV2 for error lines; undefined skips the log check. */
  logErrorsMs?: number;
  /** Tags every cluster must carry. */
  requiredTags?: string[];
  /** The newest Kubernetes minor (x.y); default: the newest in the fleet. */
  newestKubernetesMinor?: string;
  /** Warn when a cluster is more than this many minors behind the newest. */
  maxMinorsBehind?: number;
}

/** `log-errors`, `required-tags`, `newest-kubernetes-minor`, `max-minors-behind`. */
export function readObservationInputs(): Pick<Inputs, 'logErrorsMs' | 'requiredTags' | 'newestKubernetesMinor' | 'maxMinorsBehind'> {
  const logErrors = optionalString('log-errors', { maxLength: 16 });
  return {
    logErrorsMs: logErrors ? durationInput('log-errors', { default: '24h', min: '5m', max: '30d' }) : undefined,
    requiredTags: listInput('required-tags', {
      item: { regex: /^[^<>%&\\?/]{1,512}$/, description: 'a tag name (up to 512 characters, none of < > % & \\ ? /)' },
      max: 50,
    }),
    newestKubernetesMinor: optionalString('newest-kubernetes-minor', {
      pattern: { regex: /^\d+\.\d+$/, description: 'a Kubernetes minor x.y such as 1.33' },
    }),
    maxMinorsBehind: integerInput('max-minors-behind', { default: 2, min: 0, max: 20 }),
  };
}

const kubeconfigsSchema = z.record(
  z.string(),
  z.string({ error: 'each value must be the kubeconfig content as a string (use a YAML block scalar |)' }),
  {
    error: (i) => (i.code === 'invalid_type' ? 'expected a YAML map of cluster names to kubeconfig content' : undefined),
  },
);

/** `kubeconfigs`: masked as a whole before parsing, then every kubeconfig's credentials too. */
export function readKubeconfigs(): Record<string, string> {
  const text = optionalString('kubeconfigs', { secret: true, maxLength: 4_194_304 });
  if (!text) return {};
  const map = parseYamlWithSchema(text, kubeconfigsSchema, 'Input "kubeconfigs"', 'kubeconfigs');
  for (const [name, content] of Object.entries(map)) {
    if (!/^[A-Za-z0-9][-_.A-Za-z0-9]{0,62}$/.test(name) && !name.startsWith('/'))
      throw new ConfigurationError(
        `Input "kubeconfigs" has the key ${shown(name)}, which is neither a cluster name nor a cluster resource id.`,
        'kubeconfigs',
      );
    if (name.startsWith('/')) parseClusterId(name, 'kubeconfigs');
    maskSecret(content);
    parseKubeconfig(content, 'kubeconfigs', undefined, 'kubeconfigs');
  }
  return map;
}

/**
 * The kubeconfig of a cluster: the one keyed by its id (any case), else the one keyed by its name. Two clusters that
 * share a name in two resource groups need their kubeconfigs keyed by id.
 */
export function kubeconfigFor(kubeconfigs: Record<string, string>, ref: ClusterRef): string | undefined {
  const byId = Object.entries(kubeconfigs).find(([k]) => k.toLowerCase() === ref.key);
  return byId ? byId[1] : kubeconfigs[ref.name];
}

/** Explicit targets whose kubeconfig is missing, or shared by name between two clusters of the same name. */
function checkKubeconfigTargets(kubeconfigs: Record<string, string>, targets: readonly ClusterRef[]): void {
  const missing = targets.filter((t) => !kubeconfigFor(kubeconfigs, t)).map((t) => t.name);
  if (missing.length)
    throw new ConfigurationError(
      `Input "kubeconfigs" has no kubeconfig for ${missing.join(', ')}; add them or remove those clusters from targets.`,
      'kubeconfigs',
    );
  const byName = targets.filter((t) => !Object.keys(kubeconfigs).some((k) => k.toLowerCase() === t.key));
  const shared = byName.find((t) => byName.some((o) => o !== t && o.name === t.name));
  if (shared)
    throw new ConfigurationError(
      `Input "kubeconfigs" has one kubeconfig for the name ${shared.name}, which two clusters in "targets" share; key each by its cluster id instead.`,
      'kubeconfigs',
    );
}

export function readShard(): { index: number; count: number } | undefined {
  const value = optionalString('shard', { maxLength: 16 });
  if (!value) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 256) {
    throw new ConfigurationError(`Input "shard" has the value ${shown(value)}; allowed: i/n with 1 ≤ i ≤ n ≤ 256, such as 2/5.`, 'shard');
  }
  return { index, count };
}

export function readInputs(): Inputs {
  const identity = readAzureIdentityInputs();
  const mode = enumInput('mode', MODES, 'verify');
  const targets = readFleetTargetInputs({ required: mode === 'verify' });
  const access = enumInput('access', ACCESS, 'none');
  const kubeconfigs = readKubeconfigs();
  if (access === 'kubeconfig') {
    if (Object.keys(kubeconfigs).length === 0)
      throw new ConfigurationError(
        'Input "kubeconfigs" is empty but "access" is kubeconfig; pass a YAML map of cluster name to kubeconfig from a secret.',
        'kubeconfigs',
      );
    if (targets?.kind === 'targets') checkKubeconfigTargets(kubeconfigs, targets.targets);
  } else if (Object.keys(kubeconfigs).length > 0) {
    throw new ConfigurationError(
      `Input "kubeconfigs" is set but "access" is ${access}; set access: kubeconfig or remove kubeconfigs.`,
      'kubeconfigs',
    );
  }
  const negativeTestNamespace =
    optionalString('negative-test-namespace', {
      pattern: { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a namespace name (DNS-1123 label)' },
    }) ?? 'default';
  const minAgentVersion = optionalString('min-agent-version', {
    pattern: { regex: /^\d+\.\d+\.\d+$/, description: 'a version x.y.z such as 1.21.0' },
  });
  const certExpiryWarningMs = durationInput('cert-expiry-warning', { default: '30d', min: '1d', max: '365d' });
  const reportInput = optionalString('report-path', { maxLength: 1024 }) ?? (mode === 'verify' ? 'arc-verify-report.json' : '');
  if (!reportInput)
    throw new ConfigurationError(
      'Input "report-path" is empty but "mode" is aggregate; set it to the folder that holds the shard reports.',
      'report-path',
    );
  const reportPath = workspacePath('report-path', reportInput, { mustExist: mode === 'aggregate' ? 'any' : undefined });
  if (mode === 'verify' && existsSync(reportPath) && statSync(reportPath).isDirectory()) {
    throw new ConfigurationError(
      `Input "report-path" has ${shown(reportInput)}, which is a directory; in verify mode it names the JSON file to write.`,
      'report-path',
    );
  }
  const previous = optionalString('previous-report', { maxLength: 1024 });
  const previousReport = previous ? workspacePath('previous-report', previous, { mustExist: 'file' }) : undefined;
  const failOn = enumInput('fail-on', FAIL_ON, 'fail');
  const issue = booleanInput('issue', false);
  const githubToken = optionalString('github-token', { secret: true, maxLength: 4096 });
  if (issue && !githubToken)
    throw new ConfigurationError(
      'Input "github-token" is empty but "issue" is true; pass ${{ github.token }} with issues: write, or set issue: false.',
      'github-token',
    );
  const shard = readShard();
  if (shard && mode === 'aggregate')
    throw new ConfigurationError(
      'Input "shard" is set but "mode" is aggregate; shards apply to verify jobs, the aggregate job reads them all.',
      'shard',
    );
  const observation = readObservationInputs();
  if (observation.logErrorsMs && !identity.environment.logAnalytics)
    throw new ConfigurationError(
      `Input "log-errors" is set but the custom environment ${identity.environment.name} names no Log Analytics query endpoint; add "logAnalytics" (an https URL) to "environment" or remove log-errors.`,
      'log-errors',
    );
  return {
    identity,
    mode,
    targets,
    access,
    kubeconfigs,
    negativeTestNamespace,
    minAgentVersion,
    certExpiryWarningMs,
    exemptionWarningDays: integerInput('exemption-warning-days', { default: 14, min: 0, max: 365 }),
    reportPath,
    previousReport,
    failOn,
    issue,
    githubToken,
    shard,
    allowEmpty: readAllowEmpty(),
    egress: readEgressProbeInputs(access),
    ...observation,
  };
}
