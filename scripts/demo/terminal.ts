/** Renders the Markdown our actions write to step summaries readably in a terminal. */
const BOLD = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

export function renderForTerminal(markdown: string, width = 140): string {
  const out: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```mermaid')) {
      const body: string[] = [];
      while (i + 1 < lines.length && !lines[++i].startsWith('```')) body.push(lines[i]);
      out.push(...chart(body));
      continue;
    }
    if (/^\|.*\|\s*$/.test(line)) {
      const rows: string[][] = [];
      for (; i < lines.length && /^\|.*\|\s*$/.test(lines[i]); i++) {
        if (/^\|[\s:|-]+\|\s*$/.test(lines[i])) continue;
        rows.push(cells(lines[i]));
      }
      i--;
      out.push(...table(rows, width));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const text = inline(heading[2]);
      out.push(
        '',
        BOLD(text),
        heading[1].length <= 2 ? '═'.repeat(Math.min(width, text.length)) : '─'.repeat(Math.min(width, text.length)),
      );
      continue;
    }
    if (/^<!--.*-->$/.test(line.trim()) || /^<\/?details>$/.test(line.trim())) continue;
    const summary = /^<summary>(.*)<\/summary>$/.exec(line.trim());
    if (summary) {
      out.push(`▸ ${inline(summary[1])}`);
      continue;
    }
    out.push(inline(line));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function inline(text: string): string {
  return text
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*(.+?)\*\*/g, (_, s: string) => BOLD(s))
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\\|/g, '|');
}

function cells(line: string): string[] {
  return line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => inline(c.trim()));
}

function table(rows: string[][], width: number): string[] {
  if (!rows.length) return [];
  const cols = Math.max(...rows.map((r) => r.length));
  const max = Math.max(12, Math.floor(width / cols));
  const widths = Array.from({ length: cols }, (_, c) => Math.min(max, Math.max(...rows.map((r) => [...(r[c] ?? '')].length))));
  const fit = (s: string, w: number) => {
    const chars = [...s];
    return chars.length > w ? `${chars.slice(0, w - 1).join('')}…` : s + ' '.repeat(w - chars.length);
  };
  const render = (r: string[]) => '  ' + widths.map((w, c) => fit(r[c] ?? '', w)).join('  ');
  return [render(rows[0]), '  ' + widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(render)];
}

/** Pie and bar charts as bars of blocks. */
function chart(body: string[]): string[] {
  const title = body.find((l) => /title/.test(l))?.replace(/.*title\s+"?([^"]*)"?.*/, '$1') ?? 'chart';
  const slices = body.flatMap((l) => {
    const m = /^\s*"([^"]+)"\s*:\s*(\d+)/.exec(l);
    return m ? [[m[1], Number(m[2])] as const] : [];
  });
  if (!slices.length) return [`  [${title}]`];
  const top = Math.max(...slices.map(([, n]) => n), 1);
  return [
    `  ${title}`,
    ...slices.map(([label, n]) => `    ${label.padEnd(14)} ${'█'.repeat(Math.max(n ? 1 : 0, Math.round((n / top) * 40)))} ${n}`),
  ];
}
