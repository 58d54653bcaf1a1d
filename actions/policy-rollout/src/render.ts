import { barChart, blocks, bulletList, code, details, heading, table } from '@arc-actions/report';
import type { AssignmentOutcome } from './rollout.js';
import type { ComplianceDiff } from './compliance.js';

const ICON: Record<string, string> = {
  Compliant: '✅',
  NonCompliant: '❌',
  'No data': '⚪',
  Unknown: '⚪',
  Error: '⚠️',
  Conflict: '⚠️',
  Exempt: '➖',
};
const ACTION: Record<AssignmentOutcome['action'], string> = {
  create: '🆕 create',
  update: '✏️ update',
  unchanged: '✔️ unchanged',
  promote: '⬆️ promote to Deny',
  refused: '⛔ refused',
};

export interface RenderOptions {
  mode: string;
  dryRun: boolean;
  diffs: Record<string, ComplianceDiff>;
  /** Further sections (deny-impact preview, exemptions), placed after the overview so truncation cuts them last. */
  sections?: (string | undefined)[];
}

/** The report of one run, as markdown: overview, then one section per assignment (later sections are cut first). */
export function renderReport(outcomes: AssignmentOutcome[], options: RenderOptions): string {
  const total = outcomes.reduce((n, o) => n + o.violations.length, 0);
  const overview = table(
    ['Assignment', 'Action', 'Effect', 'Clusters', 'NonCompliant objects', 'Exempt objects', 'New since last run'],
    outcomes.map((o) => [
      `${o.name}${o.ring ? ` (ring ${o.ring})` : ''}`,
      ACTION[o.action],
      o.effectBefore && o.effectBefore !== o.effectAfter ? `${o.effectBefore} → ${o.effectAfter}` : o.effectAfter,
      String(o.clusters),
      String(o.violations.length),
      String(o.exemptObjects.length),
      options.diffs[o.name]?.previous ? `+${options.diffs[o.name].added.length} / −${options.diffs[o.name].resolved.length}` : 'n/a',
    ]),
  );
  return blocks(
    heading(`Policy rollout: ${options.mode}${options.dryRun ? ' (dry run)' : ''}`, 2),
    outcomes.length ? `${outcomes.length} assignments, ${total} NonCompliant objects in scope.` : undefined,
    outcomes.length ? overview : undefined,
    outcomes.length > 1
      ? barChart(
          'NonCompliant objects per assignment',
          outcomes.map((o) => [o.name, o.violations.length] as const),
          { yLabel: 'objects' },
        )
      : undefined,
    ...(options.sections ?? []),
    ...outcomes.map((o) => renderAssignment(o, options.diffs[o.name])),
  );
}

function renderAssignment(o: AssignmentOutcome, diff: ComplianceDiff | undefined): string {
  const parts: (string | undefined)[] = [
    heading(`${o.name}${o.ring ? ` · ring ${o.ring}` : ''}`, 3),
    `${o.message} (${code(o.file)} line ${o.line}, scope ${code(o.scope)})`,
  ];
  if (o.fields.length) {
    parts.push(
      details(
        `Field changes (${o.fields.length})`,
        table(
          ['Field', 'Now', 'Desired'],
          o.fields.map((f) => [f.path, code(JSON.stringify(f.before) ?? '—'), code(JSON.stringify(f.after))]),
        ),
      ),
    );
  }
  if (o.gate) {
    parts.push(
      table(
        ['Gate condition', 'Result', 'Evidence'],
        o.gate.conditions.map((c) => [c.title, c.passed ? '✅ passed' : '❌ failed', c.detail]),
      ),
    );
  }
  if (!o.complete) parts.push('⚠️ Not every page of compliance data could be read; numbers below are a floor.');
  const clusters = Object.keys(o.matrix);
  if (clusters.length) {
    parts.push(
      details(
        `Compliance per cluster and policy (${clusters.length} clusters × ${o.policies.length} policies)`,
        table(
          ['Cluster', ...o.policies],
          clusters.map((c) => [c, ...o.policies.map((p) => cell(o.matrix[c][p]))]),
        ),
      ),
    );
  } else {
    parts.push('No cluster is in the scope of this assignment yet.');
  }
  if (o.violations.length) {
    const verb = o.effectAfter === 'Deny' && o.action !== 'promote' ? 'are rejected' : 'would be rejected';
    parts.push(
      `**Deny impact:** if this assignment were Deny now, these ${o.violations.length} objects ${verb} at their next rollout:`,
      table(
        ['Cluster', 'Policy', 'Kind', 'Namespace', 'Name'],
        o.violations.map((v) => [v.cluster, v.policy, v.kind, v.namespace ?? '', v.name]),
      ),
    );
  }
  if (o.exemptObjects.length) {
    parts.push(
      `**Exempt:** ${o.exemptObjects.length} objects are exempted from this assignment; they are not counted as NonCompliant and Deny would not reject them:`,
      table(
        ['Cluster', 'Policy', 'Kind', 'Namespace', 'Name'],
        o.exemptObjects.map((v) => [v.cluster, v.policy, v.kind, v.namespace ?? '', v.name]),
      ),
    );
  }
  if (diff?.previous) {
    parts.push(
      `**Since the previous evaluation:** ${diff.added.length} new, ${diff.resolved.length} resolved, ${diff.unchanged.length} unchanged violations.`,
      diff.added.length ? details('New violations', bulletList(diff.added.map(code))) : undefined,
      diff.resolved.length ? details('Resolved violations', bulletList(diff.resolved.map(code))) : undefined,
    );
  }
  return blocks(...parts);
}

function cell(c: { state: string; violations: number } | undefined): string {
  if (!c) return '—';
  return `${ICON[c.state] ?? '⚪'} ${c.state}${c.violations ? ` (${c.violations})` : ''}`;
}
