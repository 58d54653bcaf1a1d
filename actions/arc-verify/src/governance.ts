import type { FleetCluster } from '@arc-actions/azure';
import type { CheckResult } from './checks/types.js';
import { compareVersions, minorLag } from './checks/versions.js';

/**
 * Governance checks from the fleet read alone (tags and kubernetesVersion of each cluster's Resource Graph row; no
 * call per cluster):
 *
 * - `required-tags`: each tag a cluster lacks (or has empty) is a warning, counted per tag over the fleet;
 * - `kubernetes-version`: a cluster more than `max-minors-behind` minors behind the newest minor warns. The newest
 *   minor is the `newest-kubernetes-minor` input when given, else the newest minor any cluster of the fleet runs:
 *   there is no Azure API that says which upstream minor is newest for Arc clusters (AKS lists its own versions per
 *   region, which Arc clusters do not follow). The default of 2 is the AKS support window (the newest GA minor and the
 *   two before it, Learn "Supported Kubernetes versions in AKS").
 */
export interface GovernanceOptions {
  requiredTags: readonly string[];
  newestKubernetesMinor?: string;
  maxMinorsBehind: number;
}

export interface GovernanceSection {
  /** Required tag → clusters missing it. */
  missingTags: Record<string, number>;
  kubernetes?: {
    newestMinor: string;
    source: 'input' | 'fleet';
    maxMinorsBehind: number;
    /** Clusters more than maxMinorsBehind minors behind. */
    behind: number;
    /** Clusters by minor (x.y); `unknown` when the cluster reports no version. */
    byMinor: Record<string, number>;
  };
}

const minorOf = (version: string | undefined): string | undefined =>
  /^v?(\d+)\.(\d+)/
    .exec(version ?? '')
    ?.slice(1, 3)
    .join('.');

/** The newest minor the fleet runs (x.y), or the input's. */
export function newestMinor(clusters: readonly FleetCluster[], input?: string): { minor: string; source: 'input' | 'fleet' } | undefined {
  if (input) return { minor: input, source: 'input' };
  const minor = clusters
    .map((c) => minorOf(c.kubernetesVersion))
    .filter((v): v is string => !!v)
    .sort(compareVersions)
    .pop();
  return minor ? { minor, source: 'fleet' } : undefined;
}

export function tagCheck(cluster: FleetCluster, required: readonly string[]): CheckResult {
  const tags = Object.fromEntries(Object.entries(cluster.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  // ARM tag names are case-insensitive; a tag with an empty value carries no information.
  const missing = required.filter((t) => !String(tags[t.toLowerCase()] ?? '').trim());
  return missing.length
    ? {
        check: 'required-tags',
        status: 'warn',
        reason: `Missing required tags: ${missing.join(', ')}.`,
        fix: `Tag the cluster (az tag update --operation merge, or arc-connect's tags input) with ${missing.join(', ')}.`,
        evidence: { missing },
      }
    : { check: 'required-tags', status: 'ok', reason: `All ${required.length} required tags are set.` };
}

export function versionCheck(cluster: FleetCluster, newest: { minor: string; source: 'input' | 'fleet' }, maxBehind: number): CheckResult {
  const minor = minorOf(cluster.kubernetesVersion);
  if (!minor)
    return {
      check: 'kubernetes-version',
      status: 'skipped',
      reason: 'The cluster reports no kubernetesVersion (agents not reporting yet).',
    };
  const lag = minorLag(minor, newest.minor);
  const from = newest.source === 'input' ? 'newest-kubernetes-minor' : 'the newest minor in the fleet';
  const evidence = { kubernetesVersion: cluster.kubernetesVersion, newestMinor: newest.minor, minorsBehind: lag };
  return lag > maxBehind
    ? {
        check: 'kubernetes-version',
        status: 'warn',
        reason: `Kubernetes ${cluster.kubernetesVersion} is ${lag === Infinity ? 'a major version' : `${lag} minors`} behind ${newest.minor} (${from}); at most ${maxBehind} allowed.`,
        fix: `Upgrade the cluster to ${newest.minor} or a minor within ${maxBehind} of it.`,
        evidence,
      }
    : {
        check: 'kubernetes-version',
        status: 'ok',
        reason: `Kubernetes ${cluster.kubernetesVersion}, ${lag} minors behind ${newest.minor}.`,
        evidence,
      };
}

/** The checks of one cluster and the fleet's counts; call `add` per cluster, then read `section`. */
export function governance(clusters: readonly FleetCluster[], options: GovernanceOptions) {
  const newest = newestMinor(clusters, options.newestKubernetesMinor);
  const section: GovernanceSection = { missingTags: Object.fromEntries(options.requiredTags.map((t) => [t, 0])) };
  if (newest)
    section.kubernetes = {
      newestMinor: newest.minor,
      source: newest.source,
      maxMinorsBehind: options.maxMinorsBehind,
      behind: 0,
      byMinor: {},
    };
  return {
    section,
    checks(cluster: FleetCluster): CheckResult[] {
      const out: CheckResult[] = [];
      if (options.requiredTags.length) {
        const tags = tagCheck(cluster, options.requiredTags);
        for (const t of (tags.evidence?.missing as string[] | undefined) ?? []) section.missingTags[t]++;
        out.push(tags);
      }
      if (newest && section.kubernetes) {
        const version = versionCheck(cluster, newest, options.maxMinorsBehind);
        const minor = minorOf(cluster.kubernetesVersion) ?? 'unknown';
        section.kubernetes.byMinor[minor] = (section.kubernetes.byMinor[minor] ?? 0) + 1;
        if (version.status === 'warn') section.kubernetes.behind++;
        out.push(version);
      }
      return out;
    },
  };
}
