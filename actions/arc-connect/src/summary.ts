import type { Change } from '@arc-actions/core';
import { details, table } from '@arc-actions/report';
import { allowlistMarkdown } from './egress.js';
import type { ConnectResult } from './story.js';

/** One change as the log shows it: `update connectedCluster edge (tags.env)`. */
export const describeChange = (c: Change): string =>
  `${c.kind} ${c.resourceType} ${c.name}${c.fields.length ? ` (${c.fields.map((f) => f.path).join(', ')})` : ''}`;

const safe = (v: unknown): unknown => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…` : v);

/** The changes as the `plan` output carries them (long values shortened). */
export const changesView = (changes: readonly Change[]) =>
  changes.map((c) => ({
    kind: c.kind,
    resourceType: c.resourceType,
    resourceId: c.resourceId,
    name: c.name,
    fields: c.fields.map((x) => ({ path: x.path, before: safe(x.before), after: safe(x.after) })),
  }));

const ICON: Record<string, string> = { pass: '✅', fail: '❌', warn: '⚠️', skipped: '⏭️' };

export function renderSummary(r: Omit<ConnectResult, 'summary'>): string {
  const parts = [`## arc-connect: ${r.clusterId.split('/').pop()} — ${r.result}${r.dryRun ? ' (dry run)' : ''}`, ''];
  if (r.failure) parts.push(`> ${r.failure}`, '');
  parts.push(
    '### Pre-flight',
    '',
    table(
      ['Check', 'Result', 'Detail', 'How to fix'],
      r.checks.map((c) => [c.check, `${ICON[c.result]} ${c.result}`, c.detail, c.fix ?? '']),
    ),
  );
  if (r.allowlist) parts.push(allowlistMarkdown(r.allowlist));
  if (r.changes.length) {
    parts.push(
      '### Changes',
      '',
      table(
        ['Resource', 'Name', 'Plan', 'Applied', 'Fields'],
        r.changes.map((c) => [
          c.resourceType,
          c.name,
          c.kind,
          c.kind === 'unchanged' ? '—' : c.applied ? 'yes' : r.dryRun ? 'dry run' : 'no',
          c.fields.map((x) => x.path).join(', '),
        ]),
      ),
    );
  }
  if (r.connectivityStatus)
    parts.push(`Connectivity: **${r.connectivityStatus}**${r.agentVersion ? `, agents ${r.agentVersion}` : ''}.`, '');
  parts.push(details('Plan (JSON)', '```json\n' + JSON.stringify(r.plan, null, 2) + '\n```'));
  return parts.join('\n');
}
