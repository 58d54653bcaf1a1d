import { countChanges, formatDuration, redact, type FieldChange, type RunResult, type TargetResult } from '@arc-actions/core';
import { blocks, code, details, escapeCell, heading, statusLabel, table } from '@arc-actions/report';
import type { FluxAction } from './plan.js';
import type { Compliance } from './observe.js';

/** One cluster's result: exactly one per target, whatever happened. */
export interface FluxTargetResult extends TargetResult {
  /** What happened (or, in a dry run, would happen) to the configuration of the file. */
  action: FluxAction | 'none';
  configuration: string;
  /** Field diff of that configuration (protected settings appear as `(set)`, never their value). */
  fields: FieldChange[];
  /** Configurations of ours deleted because they left the file (`delete-missing`). */
  deleted: string[];
  extension?: { outcome: 'present' | 'installed' | 'repaired' | 'missing' | 'failed'; state?: string; version?: string };
  protectedSettings: 'sent' | 'unchanged' | 'none';
  compliance?: Compliance & { final: boolean; waitedMs: number };
}

export interface FleetReport extends RunResult {
  configuration: string;
  source: string;
  counts: {
    targets: number;
    ok: number;
    warn: number;
    fail: number;
    skipped: number;
    create: number;
    update: number;
    unchanged: number;
    delete: number;
    /** Creates and updates that were planned but not written (the write failed or never ran): never counted as done. */
    notWritten: number;
  };
  targets: FluxTargetResult[];
}

const CELL_MAX = 300;
const cut = (text: string, max = CELL_MAX): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function cellOfKustomization(t: FluxTargetResult, name: string): string {
  const k = t.compliance?.kustomizations.find((x) => x.name === name);
  if (!k) return t.action === 'none' ? '' : '–';
  const icon = k.complianceState === 'Compliant' ? '✅' : k.complianceState === 'Non-Compliant' ? '❌' : '⏳';
  return `${icon} ${k.complianceState}${k.complianceState !== 'Compliant' && k.message ? `: ${cut(k.message, 160)}` : ''}`;
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : typeof v === 'string' ? v : JSON.stringify(v));

export function fieldLines(fields: readonly FieldChange[], max = 40): string {
  const lines = fields.slice(0, max).map((f) => `${f.path}: ${cut(show(f.before), 120)} → ${cut(show(f.after), 120)}`);
  if (fields.length > max) lines.push(`… ${fields.length - max} more`);
  return lines.join('\n');
}

/** The step summary: counts, a table cluster × kustomization, then the failures with Flux's own messages. */
export function summaryMarkdown(report: FleetReport, kustomizations: readonly string[]): string {
  const c = report.counts;
  const title = `flux-apply${report.dryRun ? ' (dry run)' : ''}: ${report.configuration}`;
  const line =
    `${c.targets} cluster(s): ${c.ok} ok, ${c.warn} warning, ${c.fail} failed` +
    ` · configuration ${c.create} ${report.dryRun ? 'to create' : 'created'}, ${c.update} ${report.dryRun ? 'to update' : 'updated'}, ${c.unchanged} unchanged, ${c.delete} ${report.dryRun ? 'to delete' : 'deleted'}` +
    `${c.notWritten ? `, ${c.notWritten} not written (failed before or during the write)` : ''} · source ${code(report.source)}`;
  const rows = report.targets.map((t) => [
    `${statusLabel(t.status)} ${t.name}`,
    t.action + (t.deleted.length ? ` (+ deleted ${t.deleted.join(', ')})` : ''),
    t.compliance
      ? `${t.compliance.state}${t.compliance.final ? '' : ` (after ${formatDuration(t.compliance.waitedMs)})`}`
      : t.error
        ? cut(t.error.message, 200)
        : '',
    ...kustomizations.map((k) => cellOfKustomization(t, k)),
  ]);
  const failures = report.targets.filter((t) => t.status === 'fail' || t.status === 'warn');
  const failureBlocks = failures.slice(0, 100).map((t) => {
    const lines: string[] = [];
    if (t.message) lines.push(t.message);
    if (t.compliance?.source?.message) lines.push(`source: ${t.compliance.source.message}`);
    for (const k of t.compliance?.kustomizations ?? [])
      if (k.complianceState !== 'Compliant' && k.message) lines.push(`${k.name} (${k.reason ?? k.complianceState}): ${k.message}`);
    return details(`${t.name}: ${t.message ?? t.status}`, lines.map((l) => `- ${escapeCell(cut(l, 2000))}`).join('\n'));
  });
  return redact(
    blocks(
      heading(title, 2),
      line,
      table(['Cluster', 'Configuration', 'Compliance', ...kustomizations], rows),
      failures.length ? heading('Problems', 3) : undefined,
      ...failureBlocks,
    ),
  );
}

/** The pull-request comment of a dry run: the plan, with clusters of identical plans grouped. */
export function commentMarkdown(report: FleetReport): string {
  const groups = new Map<string, { action: string; fields: string; names: string[]; errors: string[] }>();
  for (const t of report.targets) {
    const fields = fieldLines(t.fields);
    const deleted = t.deleted.length ? `\ndelete: ${t.deleted.join(', ')}` : '';
    const key = `${t.action}|${fields}${deleted}|${t.error?.message ?? ''}`;
    const g = groups.get(key) ?? { action: t.action, fields: fields + deleted, names: [], errors: t.error ? [t.error.message] : [] };
    g.names.push(t.name);
    groups.set(key, g);
  }
  const rows = [...groups.values()].map((g) => [
    g.errors.length ? `❌ ${g.action}` : g.action,
    `${g.names.length}: ${cut(g.names.slice(0, 10).join(', ') + (g.names.length > 10 ? ', …' : ''), 400)}`,
    g.errors.length ? cut(g.errors[0], 400) : g.fields ? g.fields.split('\n').length + ' field(s)' : 'no change',
  ]);
  const c = report.counts;
  const changed = [...groups.values()].filter((g) => g.fields);
  return redact(
    blocks(
      heading(`flux-apply plan: ${report.configuration}`, 3),
      `${c.targets} cluster(s): ${c.create} create, ${c.update} update, ${c.unchanged} unchanged, ${c.delete} with deletions${c.fail ? `, ${c.fail} failed` : ''}. Source ${code(report.source)}. Nothing was changed (dry run).`,
      table(['Plan', 'Clusters', 'Changes'], rows),
      ...changed
        .slice(0, 50)
        .map((g) =>
          details(
            `${g.action}: ${g.names.length} cluster(s) (${cut(g.names.slice(0, 5).join(', '), 200)})`,
            '```diff\n' + g.fields.replace(/```/g, "'''") + '\n```',
          ),
        ),
    ),
  );
}

/**
 * The counts of a run. Outside a dry run a configuration counts as created or updated only when its write succeeded
 * (an applied change), so "configuration 3 created" never includes a create that failed; a dry run counts the plan.
 */
export function countTargets(targets: readonly FluxTargetResult[], dryRun: boolean): FleetReport['counts'] {
  const by = (s: string) => targets.filter((t) => t.status === s).length;
  const changes = countChanges(targets);
  const done = (t: FluxTargetResult, kind: 'create' | 'update') =>
    dryRun ? t.action === kind : t.changes.some((c) => c.resourceType === 'fluxConfiguration' && c.kind === kind && c.applied);
  return {
    targets: targets.length,
    ok: by('ok'),
    warn: by('warn'),
    fail: by('fail'),
    skipped: by('skipped'),
    create: targets.filter((t) => done(t, 'create')).length,
    update: targets.filter((t) => done(t, 'update')).length,
    unchanged: targets.filter((t) => t.action === 'unchanged').length,
    delete: dryRun ? changes.delete : targets.reduce((n, t) => n + t.changes.filter((c) => c.kind === 'delete' && c.applied).length, 0),
    notWritten: dryRun ? 0 : targets.filter((t) => (t.action === 'create' || t.action === 'update') && !done(t, t.action)).length,
  };
}
