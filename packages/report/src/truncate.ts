import { measure, type Limit } from './limits.js';

/**
 * Cuts a Markdown document to fit one of GitHub's limits without breaking it: whole table rows, whole
 * paragraphs, whole code fences and whole `<details>` blocks are kept or dropped, never halves; a table whose
 * rows were all cut loses its header too, and every `<details>` left open is closed. A note at the end says
 * what was cut and where the full report is.
 */

type UnitKind = 'row' | 'head' | 'block' | 'blank' | 'open' | 'close';
interface Unit {
  kind: UnitKind;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const isTableLine = (line: string): boolean => line.trimStart().startsWith('|');
const isOpen = (line: string): boolean => /^\s*<details[\s>]/i.test(line) && !/<\/details>/i.test(line);
const isClose = (line: string): boolean => /^\s*<\/details>\s*$/i.test(line);
const isHeading = (line: string): boolean => /^ {0,3}#{1,6}(\s|$)/.test(line);

/** Splits Markdown into units that can be kept or dropped whole. Each unit keeps its line endings. */
export function splitMarkdown(markdown: string): { kind: UnitKind; text: string }[] {
  const lines = markdown.split(/(?<=\n)/);
  const units: Unit[] = [];
  let i = 0;
  const bare = (line: string): string => line.replace(/\r?\n$/, '');
  while (i < lines.length) {
    const line = bare(lines[i]);
    const fence = FENCE.exec(line);
    if (line.trim() === '') {
      units.push({ kind: 'blank', text: lines[i++] });
    } else if (fence) {
      const marker = fence[1];
      let end = i + 1;
      const closes = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      while (end < lines.length && !closes.test(bare(lines[end]))) end++;
      units.push({ kind: 'block', text: lines.slice(i, end + 1).join('') });
      i = end + 1;
    } else if (isTableLine(line) && i + 1 < lines.length && TABLE_RULE.test(bare(lines[i + 1])) && bare(lines[i + 1]).includes('-')) {
      units.push({ kind: 'head', text: lines[i] + lines[i + 1] });
      i += 2;
      while (i < lines.length && isTableLine(bare(lines[i]))) units.push({ kind: 'row', text: lines[i++] });
    } else if (isOpen(line)) {
      units.push({ kind: 'open', text: lines[i++] });
    } else if (isClose(line)) {
      units.push({ kind: 'close', text: lines[i++] });
    } else if (isHeading(line)) {
      units.push({ kind: 'block', text: lines[i++] });
    } else {
      let end = i + 1;
      const stops = (l: string): boolean =>
        l.trim() === '' || FENCE.test(l) || isOpen(l) || isClose(l) || isHeading(l) || (isTableLine(l) && !isTableLine(line));
      while (end < lines.length && !stops(bare(lines[end]))) end++;
      units.push({ kind: 'block', text: lines.slice(i, end).join('') });
      i = end;
    }
  }
  return units;
}

export interface FitOptions {
  /** Where the complete report can be found, for the note, e.g. "in the `report` output of this step". */
  fullReport?: string;
}

export interface FitResult {
  text: string;
  truncated: boolean;
  /** Table rows in the document, and how many of them were cut. */
  totalRows: number;
  omittedRows: number;
  /** Other blocks (paragraphs, headings, code fences, `<details>`) that were cut. */
  omittedSections: number;
}

const DEFAULT_FULL_REPORT = 'in the `report` output of this step';
const fmt = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${fmt(n)} more ${word}${n === 1 ? '' : 's'}`;

function note(limit: Limit, omittedRows: number, totalRows: number, omittedSections: number, fullReport: string): string {
  const parts: string[] = [];
  if (omittedRows > 0) parts.push(`${plural(omittedRows, 'row')} omitted (${fmt(totalRows - omittedRows)} of ${fmt(totalRows)} shown)`);
  if (omittedSections > 0) parts.push(`${plural(omittedSections, 'section')} omitted`);
  if (parts.length === 0) parts.push('some content omitted');
  return `\n> [!NOTE]\n> Cut to fit GitHub's ${limit.label}: ${parts.join('; ')}; see the full JSON report ${fullReport}.\n`;
}

const CLOSE = '\n</details>\n';

/** Returns the document unchanged when it fits, otherwise a prefix of whole units, closed, with a note. */
export function fitMarkdown(markdown: string, limit: Limit, options: FitOptions = {}): FitResult {
  const units = splitMarkdown(markdown);
  const totalRows = units.filter((u) => u.kind === 'row').length;
  if (measure(markdown, limit.unit) <= limit.max)
    return { text: markdown, truncated: false, totalRows, omittedRows: 0, omittedSections: 0 };

  const fullReport = options.fullReport ?? DEFAULT_FULL_REPORT;
  const sections = units.filter((u) => u.kind === 'block' || u.kind === 'open').length;
  const opens = units.filter((u) => u.kind === 'open').length;
  // Upper bounds: the note with the largest numbers it can show, and a closing tag for every <details>.
  const reserve = measure(note(limit, totalRows, totalRows, sections, fullReport), limit.unit) + opens * measure(CLOSE, limit.unit) + 1;
  const budget = limit.max - reserve;

  const kept: Unit[] = [];
  let used = 0;
  for (const unit of units) {
    const size = measure(unit.text, limit.unit);
    if (used + size > budget) break;
    kept.push(unit);
    used += size;
  }
  // Never end on a table header without rows, an empty <details>, or blank lines.
  while (kept.length && ['head', 'open', 'blank'].includes(kept[kept.length - 1].kind)) kept.pop();

  const keptRows = kept.filter((u) => u.kind === 'row').length;
  const keptSections = kept.filter((u) => u.kind === 'block' || u.kind === 'open').length;
  const depth = kept.reduce((d, u) => (u.kind === 'open' ? d + 1 : u.kind === 'close' ? Math.max(0, d - 1) : d), 0);
  let text = kept.map((u) => u.text).join('');
  if (text && !text.endsWith('\n')) text += '\n';
  text += CLOSE.repeat(depth);
  text += note(limit, totalRows - keptRows, totalRows, sections - keptSections, fullReport);
  if (!kept.length) text = text.replace(/^\n+/, '');
  return { text, truncated: true, totalRows, omittedRows: totalRows - keptRows, omittedSections: sections - keptSections };
}
