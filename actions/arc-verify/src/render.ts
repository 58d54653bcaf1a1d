import { blocks, details, heading, statusPie, table } from '@arc-actions/report';
import type { CheckStatus } from './checks/types.js';
import type { VerifyReport } from './report.js';
import { renderGovernance, renderLogErrors } from './sections.js';

const ICON: Record<CheckStatus, string> = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '➖' };

/** The step summary: status, regressions first, a chart, the fleet matrix (cluster × check) and the failures explained. */
export function renderVerify(report: VerifyReport): string {
  const checks = [...new Set(report.clusters.flatMap((c) => c.checks.map((k) => k.check)))];
  const failing = report.clusters.filter((c) => c.status === 'fail' || c.status === 'warn');
  return blocks(
    heading(`Fleet verification: ${ICON[report.status]} ${report.status}`, 2),
    `${report.clusters.length} clusters: ${report.counts.ok} ok, ${report.counts.warn} warn, ${report.counts.fail} fail. ${report.queries} Resource Graph calls.` +
      (report.complete ? '' : ' ⚠️ Not every page of fleet data was read.'),
    report.regressions.length
      ? blocks(
          heading(`Regressions since the previous report (${report.regressions.length})`, 3),
          table(
            ['Cluster', 'Check', 'Was', 'Now', 'Why'],
            report.regressions.map((r) => [r.cluster, r.check, r.from, `${ICON[r.to]} ${r.to}`, r.reason]),
          ),
        )
      : undefined,
    statusPie({ ok: report.counts.ok, warn: report.counts.warn, fail: report.counts.fail }, 'Clusters by status'),
    renderLogErrors(report.logErrors),
    renderGovernance(report.governance),
    heading('Fleet matrix', 3),
    table(
      ['Cluster', ...checks],
      report.clusters.map((c) => [c.name, ...checks.map((k) => ICON[c.checks.find((x) => x.check === k)?.status ?? 'skipped'])]),
    ),
    failing.length
      ? blocks(
          heading('What failed and how to fix it', 3),
          ...failing.map((c) =>
            details(
              `${ICON[c.status]} ${c.name}`,
              table(
                ['Check', 'Status', 'Reason', 'Fix'],
                c.checks.filter((k) => k.status === 'fail' || k.status === 'warn').map((k) => [k.check, k.status, k.reason, k.fix ?? '']),
              ),
            ),
          ),
        )
      : undefined,
  );
}

/** The regression issue's body: what fails now, regressions first. */
export function renderIssue(report: VerifyReport, runUrl?: string): string {
  return blocks(
    `Nightly fleet verification found ${report.counts.fail} failing and ${report.counts.warn} warning clusters${runUrl ? ` ([run](${runUrl}))` : ''}.`,
    renderVerify(report),
  );
}
