import { describe, expect, it } from '@jest/globals';
import { barChart, code, codeBlock, details, escapeCell, heading, link, statusLabel, statusPie, table } from '../src/index.js';

describe('markdown blocks', () => {
  it('escapes pipes and newlines so each row stays one table row', () => {
    const md = table(
      ['Cluster', 'Message'],
      [
        ['prod|eu', 'line one\nline two'],
        ['a\\|b', undefined],
      ],
    );
    const lines = md.trimEnd().split('\n');
    expect(lines).toEqual(['| Cluster | Message |', '| --- | --- |', '| prod\\|eu | line one<br>line two |', '| a\\\\\\|b |  |']);
    expect(escapeCell('`x | y`')).toBe('`x \\| y`');
  });

  it('builds collapsible blocks, headings, code and links', () => {
    expect(details('3 <changes>', table(['a'], [['1']]))).toBe(
      '<details><summary>3 &lt;changes&gt;</summary>\n\n| a |\n| --- |\n| 1 |\n\n</details>\n',
    );
    expect(heading('Plan\nfor prod', 3)).toBe('### Plan for prod\n');
    expect(codeBlock('a\n```\nb', 'yaml')).toBe('````yaml\na\n```\nb\n````\n');
    expect(code('a`b')).toBe('``a`b``');
    expect(link('see [docs]', 'https://x/a b(c)')).toBe('[see \\[docs\\]](https://x/a%20b%28c%29)');
    expect(statusLabel('fail')).toBe('❌ Failed');
  });

  it('draws a pie of statuses and a bar chart of counts as mermaid blocks', () => {
    expect(statusPie(['ok', 'ok', 'fail'])).toBe('```mermaid\npie showData title Targets by status\n    "OK" : 2\n    "Failed" : 1\n```\n');
    expect(statusPie({})).toBe('');
    const bars = barChart('Changes', [
      ['create', 2],
      ['up"date', 5],
    ]);
    expect(bars).toContain('x-axis ["create", "up#quot;date"]');
    expect(bars).toContain('y-axis "Count" 0 --> 5');
    expect(bars).toContain('bar [2, 5]');
  });
});
