import { describe, expect, it } from '@jest/globals';
import { blocks, codeBlock, details, fitMarkdown, heading, LIMITS, measure, splitMarkdown, table } from '../src/index.js';

const rows = (n: number, width = 80): string[][] => Array.from({ length: n }, (_, i) => [`cluster-${i}`, 'x'.repeat(width)]);

describe('fitMarkdown', () => {
  it('leaves a document that fits untouched', () => {
    const doc = blocks(heading('Plan'), table(['a'], [['1']]));
    expect(fitMarkdown(doc, LIMITS.comment)).toEqual({ text: doc, truncated: false, totalRows: 1, omittedRows: 0, omittedSections: 0 });
  });

  it('cuts a 100,000-character comment below 65,536 between whole rows, with a note saying what was cut', () => {
    const doc = blocks(heading('Drift'), table(['Cluster', 'Detail'], rows(1000, 82)), 'Trailing paragraph.');
    expect(doc.length).toBeGreaterThan(100_000);
    const fitted = fitMarkdown(doc, LIMITS.comment, { fullReport: 'in the `report` artifact' });
    expect(fitted.text.length).toBeLessThan(65_536);
    expect(fitted.truncated).toBe(true);
    const shown = 1000 - fitted.omittedRows;
    expect(fitted.text).toContain(`${fitted.omittedRows.toLocaleString('en-US')} more rows omitted (${shown} of 1,000 shown)`);
    expect(fitted.text).toContain('1 more section omitted; see the full JSON report in the `report` artifact.');
    // Every table line that is kept is a whole row.
    const tableLines = fitted.text.split('\n').filter((l) => l.startsWith('|'));
    expect(tableLines).toHaveLength(shown + 2);
    for (const line of tableLines.slice(2)) expect(line).toMatch(/^\| cluster-\d+ \| x{82} \|$/);
  });

  it('never cuts inside a code fence and closes open <details>', () => {
    const fence = codeBlock('y'.repeat(5_000), 'yaml');
    const doc = blocks(heading('Report'), details('Targets', blocks(table(['Cluster', 'Detail'], rows(200)), fence)));
    const fitted = fitMarkdown(doc, { max: 10_000, unit: 'chars', label: 'test limit' });
    expect(fitted.text.length).toBeLessThanOrEqual(10_000);
    expect(fitted.text).not.toContain('```');
    expect((fitted.text.match(/<details>/g) ?? []).length).toBe((fitted.text.match(/<\/details>/g) ?? []).length);
    expect(fitted.text.indexOf('</details>')).toBeLessThan(fitted.text.indexOf('[!NOTE]'));
  });

  it('drops a table header whose rows were all cut, and counts bytes for byte limits', () => {
    const doc = blocks('é'.repeat(3000), table(['a'], [['b'.repeat(500)]]));
    const fitted = fitMarkdown(doc, { max: 6_500, unit: 'bytes', label: 'test limit' });
    expect(measure(fitted.text, 'bytes')).toBeLessThanOrEqual(6_500);
    expect(fitted.text).not.toContain('| a |');
    expect(fitted.omittedRows).toBe(1);
  });

  it('splits markdown into rows, fences, headings and paragraphs', () => {
    const kinds = splitMarkdown('# T\ntext\nmore\n\n| a |\n|---|\n| 1 |\n```\n| not a row |\n```\n').map((u) => u.kind);
    expect(kinds).toEqual(['block', 'block', 'blank', 'head', 'row', 'block']);
  });
});
