import { blocks, heading, table } from '@arc-actions/report';
import type { GovernanceSection } from './governance.js';
import { MAX_REPORT_ROWS, type LogErrorsSection } from './log-errors.js';

/** Rows of the log errors table in the step summary (the JSON report keeps up to MAX_REPORT_ROWS). */
export const SUMMARY_LOG_ROWS = 50;

export function renderLogErrors(section: LogErrorsSection | undefined): string | undefined {
  if (!section) return undefined;
  const lines = section.rows.reduce((n, r) => n + r.count, 0);
  const shown = section.rows.slice(0, SUMMARY_LOG_ROWS);
  const more = section.rows.length - shown.length + section.notShown;
  const troubled = section.workspaces.filter((w) => w.outcome !== 'ok');
  return blocks(
    heading(`Container log errors (last ${section.window})`, 3),
    `${lines} error and critical lines in ContainerLogV2 across ${new Set(section.rows.map((r) => r.id)).size} clusters; ` +
      `${section.workspaces.length} Log Analytics workspaces, one query each` +
      (section.workspaces.length ? ` (${section.workspaces.map((w) => `${w.queryMs ?? '?'} ms`).join(', ')})` : '') +
      '.',
    troubled.length
      ? table(
          ['Workspace', 'Outcome', 'Why'],
          troubled.map((w) => [w.workspace.split('/').pop(), `⚠️ ${w.outcome}`, w.reason ?? '']),
        )
      : undefined,
    shown.length
      ? table(
          ['Cluster', 'Namespace', 'Count', 'Message', 'Query'],
          shown.map((r) => [r.cluster, r.namespace, r.count, '`' + r.message.replace(/`/g, "'") + '`', r.link ? `[open](${r.link})` : '']),
        )
      : undefined,
    more > 0
      ? `${more} more not shown${section.notShown ? ` (the JSON report keeps ${MAX_REPORT_ROWS})` : ' here; the JSON report has them'}.`
      : undefined,
  );
}

export function renderGovernance(section: GovernanceSection | undefined): string | undefined {
  if (!section) return undefined;
  const tags = Object.entries(section.missingTags);
  const k = section.kubernetes;
  if (!tags.length && !k) return undefined;
  return blocks(
    heading('Governance', 3),
    tags.length
      ? table(
          ['Required tag', 'Clusters missing it'],
          tags.map(([t, n]) => [t, n ? `⚠️ ${n}` : '0']),
        )
      : undefined,
    k
      ? `Kubernetes: newest minor ${k.newestMinor} (${k.source === 'input' ? 'newest-kubernetes-minor' : 'the newest in the fleet'}); ` +
          `${k.behind ? `⚠️ ${k.behind}` : 'no'} clusters more than ${k.maxMinorsBehind} minors behind. By minor: ` +
          Object.entries(k.byMinor)
            .map(([m, n]) => `${m} × ${n}`)
            .join(', ') +
          '.'
      : undefined,
  );
}

/** Merges the sections of shard reports: rows concatenated (most frequent first, capped), counts summed. */
export function mergeSections(shards: readonly { logErrors?: LogErrorsSection; governance?: GovernanceSection }[]) {
  const logs = shards.map((s) => s.logErrors).filter((s): s is LogErrorsSection => !!s);
  const gov = shards.map((s) => s.governance).filter((s): s is GovernanceSection => !!s);
  const out: { logErrors?: LogErrorsSection; governance?: GovernanceSection } = {};
  if (logs.length) {
    const rows = logs.flatMap((l) => l.rows).sort((a, b) => b.count - a.count);
    out.logErrors = {
      window: logs[0].window,
      workspaces: logs.flatMap((l) => l.workspaces),
      rows: rows.slice(0, MAX_REPORT_ROWS),
      notShown: logs.reduce((n, l) => n + l.notShown, 0) + Math.max(0, rows.length - MAX_REPORT_ROWS),
    };
  }
  if (gov.length) {
    const missingTags: Record<string, number> = {};
    for (const g of gov) for (const [t, n] of Object.entries(g.missingTags)) missingTags[t] = (missingTags[t] ?? 0) + n;
    const ks = gov.map((g) => g.kubernetes).filter((k) => !!k);
    out.governance = { missingTags };
    if (ks.length) {
      const byMinor: Record<string, number> = {};
      for (const k of ks) for (const [m, n] of Object.entries(k.byMinor)) byMinor[m] = (byMinor[m] ?? 0) + n;
      out.governance.kubernetes = { ...ks[0], behind: ks.reduce((n, k) => n + k.behind, 0), byMinor };
    }
  }
  return out;
}
