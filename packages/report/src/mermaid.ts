import type { TargetStatus } from '@arc-actions/core';
import { codeBlock } from './markdown.js';

/** Mermaid charts as fenced `mermaid` blocks, which GitHub renders in comments, issues and summaries. */

/** Mermaid labels live in double quotes; quotes and line breaks inside would end them. */
function label(text: string): string {
  return `"${text.replace(/\r?\n|\r/g, ' ').replace(/"/g, '#quot;')}"`;
}

/** A pie chart; zero slices are left out (Mermaid draws nothing useful for them). Empty when all are zero. */
export function pieChart(title: string, slices: readonly (readonly [string, number])[]): string {
  const shown = slices.filter(([, value]) => value > 0);
  if (shown.length === 0) return '';
  const lines = [`pie showData title ${title.replace(/\r?\n|\r/g, ' ')}`, ...shown.map(([name, value]) => `    ${label(name)} : ${value}`)];
  return codeBlock(lines.join('\n'), 'mermaid');
}

const ORDER: readonly TargetStatus[] = ['ok', 'warn', 'fail', 'skipped'];
const NAMES: Record<TargetStatus, string> = { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };

/** A pie of target statuses, from a list of statuses or from counts. */
export function statusPie(statuses: readonly TargetStatus[] | Partial<Record<TargetStatus, number>>, title = 'Targets by status'): string {
  const counts: Partial<Record<TargetStatus, number>> = Array.isArray(statuses)
    ? (statuses as readonly TargetStatus[]).reduce<Partial<Record<TargetStatus, number>>>(
        (acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }),
        {},
      )
    : (statuses as Partial<Record<TargetStatus, number>>);
  return pieChart(
    title,
    ORDER.map((s) => [NAMES[s], counts[s] ?? 0] as const),
  );
}

/** A bar chart of counts (`xychart-beta`), e.g. changes by kind or non-compliant resources by policy. */
export function barChart(title: string, bars: readonly (readonly [string, number])[], options: { yLabel?: string } = {}): string {
  if (bars.length === 0) return '';
  const max = Math.max(1, ...bars.map(([, v]) => v));
  const lines = [
    'xychart-beta',
    `    title ${label(title)}`,
    `    x-axis [${bars.map(([name]) => label(name)).join(', ')}]`,
    `    y-axis ${label(options.yLabel ?? 'Count')} 0 --> ${max}`,
    `    bar [${bars.map(([, v]) => v).join(', ')}]`,
  ];
  return codeBlock(lines.join('\n'), 'mermaid');
}
