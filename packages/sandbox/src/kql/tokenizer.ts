import { KqlError } from './errors.js';

export type TokenKind = 'ident' | 'string' | 'number' | 'timespan' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  value: string;
  pos: number;
}

const OPS = ['==', '!=', '=~', '!~', '<=', '>=', '|', '(', ')', '[', ']', ',', '.', '=', '<', '>'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** Splits a KQL query into identifiers, string literals (with escapes, and @'verbatim'), numbers and operators. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"' || (c === '@' && (text[i + 1] === "'" || text[i + 1] === '"'))) {
      const verbatim = c === '@';
      if (verbatim) i++;
      const quote = text[i++];
      let value = '';
      for (;;) {
        if (i >= text.length) throw new KqlError('The string literal is not terminated.', start, text.slice(start, start + 10));
        const ch = text[i++];
        if (ch === quote) break;
        if (ch === '\\' && !verbatim) {
          const next = text[i++];
          if (!(next in ESCAPES)) throw new KqlError(`The escape sequence '\\${next}' is not supported.`, i - 2, `\\${next}`);
          value += ESCAPES[next];
        } else value += ch;
      }
      out.push({ kind: 'string', value, pos: start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9.]/.test(text[i])) i++;
      // A timespan literal (KQL scalar data types, timespan: 2d, 1.5h, 30m, 10s, 100ms); its value is milliseconds.
      const unit = /^(ms|d|h|m|s)(?![A-Za-z0-9_])/.exec(text.slice(i));
      if (unit) {
        const n = Number(text.slice(start, i)) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit[1]]!;
        i += unit[1].length;
        out.push({ kind: 'timespan', value: String(n), pos: start });
        continue;
      }
      out.push({ kind: 'number', value: text.slice(start, i), pos: start });
      continue;
    }
    if (/[A-Za-z_$]/.test(c) || (c === '!' && /[a-z]/.test(text[i + 1] ?? ''))) {
      i++;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      let value = text.slice(start, i);
      if (text[i] === '~' && /^!?in$/i.test(value)) value += text[i++];
      out.push({ kind: 'ident', value, pos: start });
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new KqlError(`The character '${c}' is not valid here.`, i, c);
    out.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  out.push({ kind: 'eof', value: '', pos: text.length });
  return out;
}
