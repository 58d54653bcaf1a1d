import type { Expr, NamedExpr, Operator, Query } from './ast.js';
import { KqlError } from './errors.js';
import { tokenize, type Token } from './tokenizer.js';

/** Aggregation functions, allowed only in summarize. */
export const AGGREGATES = ['count', 'countif', 'make_set', 'max', 'min', 'sum'];

const FUNCTIONS = new Set([
  'tolower',
  'toupper',
  'isnotempty',
  'isempty',
  'isnull',
  'isnotnull',
  'tostring',
  'toint',
  'tolong',
  'tobool',
  'todatetime',
  'substring',
  'indexof',
  'strcat',
  'strlen',
  'hash',
  'ago',
  'now',
  ...AGGREGATES,
]);
const STRING_OPS = new Set([
  '==',
  '!=',
  '=~',
  '!~',
  '<',
  '>',
  '<=',
  '>=',
  'has',
  '!has',
  'contains',
  '!contains',
  'startswith',
  '!startswith',
  'endswith',
  'has_cs',
  'contains_cs',
]);

/** Parses the supported subset; anything else is a KqlError (answered as InvalidQuery, never guessed at). */
export function parseQuery(text: string): Query {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (o = 0): Token => tokens[Math.min(i + o, tokens.length - 1)];
  const fail = (message: string, t: Token = peek()): never => {
    throw new KqlError(message, t.pos, t.value);
  };
  const isWord = (w: string, t = peek()) => t.kind === 'ident' && t.value.toLowerCase() === w;
  const expectOp = (v: string) => (peek().kind === 'op' && peek().value === v ? tokens[i++] : fail(`'${v}' was expected.`));
  const ident = (): string => (peek().kind === 'ident' ? tokens[i++].value : fail('A name was expected.'));

  const primary = (): Expr => {
    const t = peek();
    if (t.kind === 'string') return (i++, { kind: 'literal', value: t.value });
    if (t.kind === 'number') return (i++, { kind: 'literal', value: Number(t.value) });
    if (t.kind === 'timespan') return (i++, { kind: 'literal', value: { timespanMs: Number(t.value) } });
    if (t.kind === 'op' && t.value === '(') {
      i++;
      const e = expr();
      expectOp(')');
      return e;
    }
    if (t.kind !== 'ident') return fail(`Unexpected '${t.value || 'end of query'}'.`);
    const name = t.value;
    i++;
    if (/^(true|false)$/i.test(name)) return { kind: 'literal', value: name.toLowerCase() === 'true' };
    if (peek().value === '(' && peek().kind === 'op') {
      const fn = name.toLowerCase();
      if (fn === 'not') {
        i++;
        const e = expr();
        expectOp(')');
        return { kind: 'not', expr: e };
      }
      if (!FUNCTIONS.has(fn)) fail(`The function '${name}' is not supported by the sandbox's KQL subset.`, t);
      i++;
      const args: Expr[] = [];
      while (!(peek().kind === 'op' && peek().value === ')')) {
        args.push(expr());
        if (peek().value === ',') i++;
        else break;
      }
      expectOp(')');
      return { kind: 'call', name: fn, args };
    }
    const steps: (string | number)[] = [];
    for (;;) {
      if (peek().kind === 'op' && peek().value === '.') {
        i++;
        steps.push(ident());
      } else if (peek().kind === 'op' && peek().value === '[') {
        i++;
        const k = peek();
        if (k.kind !== 'string' && k.kind !== 'number') fail('A string or number index was expected.');
        i++;
        steps.push(k.kind === 'number' ? Number(k.value) : k.value);
        expectOp(']');
      } else break;
    }
    return { kind: 'path', root: name, steps };
  };

  const comparison = (): Expr => {
    const left = primary();
    const t = peek();
    const op = t.kind === 'op' ? t.value : t.kind === 'ident' ? t.value.toLowerCase() : '';
    if (['in', 'in~', '!in', '!in~'].includes(op)) {
      i++;
      expectOp('(');
      const list: Expr[] = [];
      while (!(peek().kind === 'op' && peek().value === ')')) {
        list.push(primary());
        if (peek().value === ',') i++;
        else break;
      }
      expectOp(')');
      return { kind: 'in', op: op as 'in', expr: left, list };
    }
    if (STRING_OPS.has(op) && !(t.kind === 'op' && op === '=')) {
      i++;
      return { kind: 'binary', op, left, right: primary() };
    }
    return left;
  };
  const and = (): Expr => {
    let left = comparison();
    while (isWord('and')) {
      i++;
      left = { kind: 'binary', op: 'and', left, right: comparison() };
    }
    return left;
  };
  const expr = (): Expr => {
    let left = and();
    while (isWord('or')) {
      i++;
      left = { kind: 'binary', op: 'or', left, right: and() };
    }
    return left;
  };

  const autoName = (e: Expr): string => {
    if (e.kind === 'path') return [e.root, ...e.steps].join('_');
    if (e.kind === 'call' && e.name === 'count') return 'count_';
    if (e.kind === 'call' && e.args[0]) return autoName(e.args[0]);
    return `Column${i}`;
  };
  const named = (): NamedExpr => {
    if (peek().kind === 'ident' && peek(1).kind === 'op' && peek(1).value === '=') {
      const name = ident();
      i++;
      return { name, expr: expr() };
    }
    const e = expr();
    return { name: autoName(e), expr: e };
  };
  const list = <T>(item: () => T): T[] => {
    const out = [item()];
    while (peek().kind === 'op' && peek().value === ',') {
      i++;
      out.push(item());
    }
    return out;
  };

  const table = ident();
  const operators: Operator[] = [];
  while (peek().kind !== 'eof') {
    expectOp('|');
    const t = peek();
    const word = t.kind === 'ident' ? t.value.toLowerCase() : '';
    i++;
    if (word === 'where') operators.push({ kind: 'where', expr: expr() });
    else if (word === 'project') operators.push({ kind: 'project', columns: list(named) });
    else if (word === 'extend') operators.push({ kind: 'extend', columns: list(named) });
    else if (word === 'order' || word === 'sort') {
      if (!isWord('by')) fail("'by' was expected.");
      i++;
      operators.push({
        kind: 'order',
        keys: list(() => {
          const e = expr();
          const dir = isWord('asc') || isWord('desc') ? tokens[i++].value.toLowerCase() : 'desc';
          return { expr: e, desc: dir === 'desc' };
        }),
      });
    } else if (word === 'summarize') {
      const aggregates = list(named);
      for (const a of aggregates)
        if (a.expr.kind !== 'call' || !AGGREGATES.includes(a.expr.name))
          fail(`summarize supports ${AGGREGATES.map((f) => `${f}()`).join(', ')} only.`, t);
      let by: NamedExpr[] = [];
      if (isWord('by')) {
        i++;
        by = list(named);
      }
      operators.push({ kind: 'summarize', aggregates, by });
    } else if (word === 'top') {
      // top N by expr [asc | desc]: order by, then take N (default desc, as order by).
      const n = peek();
      if (n.kind !== 'number') fail('A row count was expected.');
      i++;
      if (!isWord('by')) fail("'by' was expected.");
      i++;
      const e = expr();
      const dir = isWord('asc') || isWord('desc') ? tokens[i++].value.toLowerCase() : 'desc';
      operators.push({ kind: 'order', keys: [{ expr: e, desc: dir === 'desc' }] }, { kind: 'limit', count: Number(n.value) });
    } else if (word === 'limit' || word === 'take') {
      const n = peek();
      if (n.kind !== 'number') fail('A row count was expected.');
      i++;
      operators.push({ kind: 'limit', count: Number(n.value) });
    } else if (word === 'count') operators.push({ kind: 'count' });
    else fail(`The operator '${t.value}' is not supported by the sandbox's KQL subset.`, t);
  }
  return { table, operators };
}
