import type { CheckResult, CheckStatus } from './checks/types.js';
import type { GovernanceSection } from './governance.js';
import type { LogErrorsSection } from './log-errors.js';
import { mergeSections } from './sections.js';

export interface ClusterReport {
  id: string;
  name: string;
  status: CheckStatus;
  checks: CheckResult[];
}

export interface Regression {
  cluster: string;
  check: string;
  from: CheckStatus | 'absent';
  to: CheckStatus;
  reason: string;
}

export interface VerifyReport {
  version: 1;
  generatedAt: string;
  shard?: string;
  status: 'ok' | 'warn' | 'fail';
  /** Whether every page of fleet data was read. */
  complete: boolean;
  counts: Record<CheckStatus, number>;
  queries: number;
  clusters: ClusterReport[];
  regressions: Regression[];
  /** Top container log errors per cluster and namespace (input log-errors). */
  logErrors?: LogErrorsSection;
  /** Required tags and Kubernetes version currency, counted over the clusters. */
  governance?: GovernanceSection;
}

const RANK: Record<CheckStatus, number> = { skipped: 0, ok: 1, warn: 2, fail: 3 };

export function clusterStatus(checks: readonly CheckResult[]): CheckStatus {
  return checks.reduce<CheckStatus>((worst, c) => (RANK[c.status] > RANK[worst] ? c.status : worst), 'ok');
}

export function fleetStatus(clusters: readonly ClusterReport[], complete = true): 'ok' | 'warn' | 'fail' {
  if (clusters.some((c) => c.status === 'fail')) return 'fail';
  if (!complete || clusters.some((c) => c.status === 'warn')) return 'warn';
  return 'ok';
}

/** Checks that got worse since the previous report (ok → warn, anything → fail), worst first. */
export function regressions(previous: VerifyReport | undefined, current: readonly ClusterReport[]): Regression[] {
  if (!previous?.clusters) return [];
  const before = new Map(previous.clusters.flatMap((c) => c.checks.map((k) => [`${c.id.toLowerCase()}|${k.check}`, k.status] as const)));
  const out: Regression[] = [];
  for (const c of current) {
    for (const k of c.checks) {
      const was = before.get(`${c.id.toLowerCase()}|${k.check}`);
      if (RANK[k.status] >= RANK.warn && (was === undefined || RANK[k.status] > RANK[was])) {
        if (was === undefined && !previous.clusters.some((p) => p.id.toLowerCase() === c.id.toLowerCase())) continue;
        out.push({ cluster: c.name, check: k.check, from: was ?? 'absent', to: k.status, reason: k.reason });
      }
    }
  }
  return out.sort((a, b) => RANK[b.to] - RANK[a.to] || a.cluster.localeCompare(b.cluster));
}

export function buildReport(
  clusters: ClusterReport[],
  meta: {
    now: number;
    complete: boolean;
    queries: number;
    shard?: string;
    previous?: VerifyReport;
    sections?: { logErrors?: LogErrorsSection; governance?: GovernanceSection };
  },
): VerifyReport {
  const counts: Record<CheckStatus, number> = { ok: 0, warn: 0, fail: 0, skipped: 0 };
  for (const c of clusters) counts[c.status]++;
  return {
    version: 1,
    generatedAt: new Date(meta.now).toISOString(),
    ...(meta.shard ? { shard: meta.shard } : {}),
    status: fleetStatus(clusters, meta.complete),
    complete: meta.complete,
    counts,
    queries: meta.queries,
    clusters: [...clusters].sort((a, b) => RANK[b.status] - RANK[a.status] || a.name.localeCompare(b.name)),
    regressions: regressions(meta.previous, clusters),
    ...(meta.sections?.logErrors ? { logErrors: meta.sections.logErrors } : {}),
    ...(meta.sections?.governance ? { governance: meta.sections.governance } : {}),
  };
}

/** Merges shard reports into one fleet report; a cluster reported by two shards keeps its worse result. */
export function mergeReports(shards: readonly VerifyReport[], now: number, previous?: VerifyReport): VerifyReport {
  const byId = new Map<string, ClusterReport>();
  for (const s of shards) {
    for (const c of s.clusters) {
      const seen = byId.get(c.id.toLowerCase());
      if (!seen || RANK[c.status] > RANK[seen.status]) byId.set(c.id.toLowerCase(), c);
    }
  }
  return buildReport([...byId.values()], {
    now,
    complete: shards.every((s) => s.complete),
    queries: shards.reduce((n, s) => n + s.queries, 0),
    previous,
    sections: mergeSections(shards),
  });
}
