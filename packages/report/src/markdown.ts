import type { TargetStatus } from '@arc-actions/core';

/**
 * Small Markdown builders. Every builder returns a string that ends with a newline where it is a block, so
 * blocks can be joined with `blocks(...)`. Table rows stay on one line, so {@link fitMarkdown} can cut
 * between rows.
 */

/** Joins blocks with one blank line between them, skipping empty ones. */
export function blocks(...parts: (string | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.replace(/\n+$/, ''))
    .join('\n\n')
    .concat('\n');
}

export function heading(text: string, level: 1 | 2 | 3 | 4 | 5 | 6 = 2): string {
  return `${'#'.repeat(level)} ${oneLine(text)}\n`;
}

/** Text on one line: newlines become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').trim();
}

/**
 * Escapes a table cell: pipes (also inside code spans, where GitHub honours `\|` too), a backslash right
 * before a pipe, and newlines (as `<br>`). Other Markdown in the cell (links, code, emphasis) is kept.
 */
export function escapeCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text
    .replace(/\\(?=\|)/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, '<br>')
    .trim();
}

export type Align = 'left' | 'center' | 'right';

/** A GitHub table; each row is one line and every cell goes through {@link escapeCell}. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { align?: readonly Align[] } = {},
): string {
  const line = (cells: readonly unknown[]): string => `| ${headers.map((_, i) => escapeCell(cells[i])).join(' | ')} |`;
  const rule = headers.map((_, i) => ({ left: '---', center: ':---:', right: '---:' })[options.align?.[i] ?? 'left']);
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n').concat('\n');
}

/** A collapsible block. The blank lines let GitHub render Markdown (tables, lists) inside. */
export function details(summary: string, body: string, options: { open?: boolean } = {}): string {
  return `<details${options.open ? ' open' : ''}><summary>${escapeHtml(oneLine(summary))}</summary>\n\n${body.replace(/\n+$/, '')}\n\n</details>\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline code that survives backticks inside. */
export function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${oneLine(text)}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function codeBlock(content: string, language = ''): string {
  const runs = content.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((r) => r.length + 1)));
  return `${fence}${language}\n${content.replace(/\n+$/, '')}\n${fence}\n`;
}

/** A link; brackets in the text and parentheses/spaces in the URL are escaped. */
export function link(text: string, url: string): string {
  const label = oneLine(text).replace(/([[\]\\])/g, '\\$1');
  const target = url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${label}](${target})`;
}

export function bulletList(items: readonly string[]): string {
  return items
    .map((i) => `- ${oneLine(i)}`)
    .join('\n')
    .concat(items.length ? '\n' : '');
}

const ICONS: Record<TargetStatus, string> = { ok: '✅', warn: '⚠️', fail: '❌', skipped: '⏭️' };
const WORDS: Record<TargetStatus, string> = { ok: 'OK', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };

export function statusIcon(status: TargetStatus): string {
  return ICONS[status];
}

/** Icon and word, e.g. `❌ Failed`: the word keeps the meaning for screen readers and plain-text views. */
export function statusLabel(status: TargetStatus): string {
  return `${ICONS[status]} ${WORDS[status]}`;
}

/** A hidden HTML comment (`<!-- text -->`); `--` and `>` are removed so it cannot close early. */
export function hiddenComment(text: string): string {
  return `<!-- ${oneLine(text).replace(/--+/g, '-').replace(/>/g, '')} -->`;
}
