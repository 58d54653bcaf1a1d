import { AGGREGATES } from './parser.js';
import type { Expr, Query } from './ast.js';
import { KqlError } from './errors.js';

export type Row = Record<string, unknown>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const empty = (v: unknown) => v === null || v === undefined || v === '';

function lookup(obj: unknown, key: string | number): unknown {
  if (obj === null || obj === undefined || typeof obj !== 'object') return undefined;
  const rec = obj as Record<string, unknown>;
  if (typeof key === 'number') return Array.isArray(obj) ? obj[key] : undefined;
  if (key in rec) return rec[key];
  const k = Object.keys(rec).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : rec[k];
}

function hasTerm(haystack: string, needle: string): boolean {
  if (!needle) return true;
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  for (let at = h.indexOf(n); at >= 0; at = h.indexOf(n, at + 1)) {
    const before = at === 0 || !/[a-z0-9]/.test(h[at - 1]);
    const after = at + n.length >= h.length || !/[a-z0-9]/.test(h[at + n.length]);
    if (before && after) return true;
  }
  return false;
}

const literalSets = new WeakMap<Expr[], Set<string>>();

/** A list of string literals as a set (built once per query), so `x in (…1,000 ids…)` costs one lookup per row. */
function literalSet(list: Expr[], caseInsensitive: boolean): Set<string> | undefined {
  if (!list.every((x) => x.kind === 'literal' && typeof x.value === 'string')) return undefined;
  let set = literalSets.get(list);
  if (!set) {
    set = new Set(list.map((x) => String((x as { value: string }).value)).map((v) => (caseInsensitive ? v.toLowerCase() : v)));
    literalSets.set(list, set);
  }
  return set;
}

export function evaluate(e: Expr, row: Row): unknown {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'path':
      return e.steps.reduce<unknown>((v, s) => lookup(v, s), lookup(row, e.root));
    case 'not':
      return !truthy(evaluate(e.expr, row));
    case 'in': {
      const v = evaluate(e.expr, row);
      const ci = e.op.endsWith('~');
      const literals = literalSet(e.list, ci);
      if (literals) {
        const found = literals.has(ci ? str(v).toLowerCase() : str(v));
        return e.op.startsWith('!') ? !found : found;
      }
      const found = e.list.some((x) =>
        ci ? str(evaluate(x, row)).toLowerCase() === str(v).toLowerCase() : evaluate(x, row) === v || str(evaluate(x, row)) === str(v),
      );
      return e.op.startsWith('!') ? !found : found;
    }
    case 'call': {
      if (AGGREGATES.includes(e.name)) throw new KqlError(`${e.name}() can only be used in summarize.`, 0);
      const a = evaluate(e.args[0] ?? { kind: 'literal', value: null }, row);
      switch (e.name) {
        case 'tolower':
          return str(a).toLowerCase();
        case 'toupper':
          return str(a).toUpperCase();
        case 'isnotempty':
          return !empty(a);
        case 'isempty':
          return empty(a);
        case 'isnull':
          return a === null || a === undefined;
        case 'isnotnull':
          return a !== null && a !== undefined;
        case 'tostring':
          return str(a);
        case 'toint':
        case 'tolong':
          return empty(a) || Number.isNaN(Number(a)) ? null : Math.trunc(Number(a));
        case 'tobool':
          return a === true || str(a).toLowerCase() === 'true';
        case 'strlen':
          return str(a).length;
        case 'strcat':
          return e.args.map((x) => str(evaluate(x, row))).join('');
        case 'indexof':
          return str(a).indexOf(str(evaluate(e.args[1], row)));
        case 'hash': {
          // KQL hash(source [, mod]) is xxhash64; the sandbox's is FNV-1a (values differ, the contract does not:
          // a stable non-negative number, below mod when mod is given). docs/sandbox.md, "Resource Graph (sources)".
          let h = 0x811c9dc5;
          for (const ch of str(a)) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
          const mod = e.args[1] ? Number(evaluate(e.args[1], row)) : 0;
          return mod > 0 ? h % mod : h;
        }
        case 'now':
          return new Date().toISOString();
        case 'ago': {
          // ago(timespan): a datetime, as ISO 8601 text (the sandbox keeps datetimes as ISO strings).
          const span = a && typeof a === 'object' && 'timespanMs' in a ? Number((a as { timespanMs: number }).timespanMs) : NaN;
          if (Number.isNaN(span)) throw new KqlError('ago() expects a timespan such as 24h.', 0);
          return new Date(Date.now() - span).toISOString();
        }
        case 'substring': {
          const start = Math.max(0, Number(evaluate(e.args[1], row)) || 0);
          const length = e.args[2] ? Number(evaluate(e.args[2], row)) : undefined;
          return length === undefined ? str(a).slice(start) : str(a).slice(start, start + Math.max(0, length));
        }
        default:
          return a;
      }
    }
    case 'binary': {
      if (e.op === 'and') return truthy(evaluate(e.left, row)) && truthy(evaluate(e.right, row));
      if (e.op === 'or') return truthy(evaluate(e.left, row)) || truthy(evaluate(e.right, row));
      const l = evaluate(e.left, row);
      const r = evaluate(e.right, row);
      const neg = e.op.startsWith('!') && e.op !== '!=' && e.op !== '!~';
      const op = neg ? e.op.slice(1) : e.op;
      let out: boolean;
      switch (op) {
        case '==':
          out = typeof l === 'number' || typeof r === 'number' ? Number(l) === Number(r) : str(l) === str(r);
          break;
        case '!=':
          out = typeof l === 'number' || typeof r === 'number' ? Number(l) !== Number(r) : str(l) !== str(r);
          break;
        case '=~':
          out = str(l).toLowerCase() === str(r).toLowerCase();
          break;
        case '!~':
          out = str(l).toLowerCase() !== str(r).toLowerCase();
          break;
        case 'has':
          out = hasTerm(str(l), str(r));
          break;
        case 'has_cs':
          out = str(l).includes(str(r)) && hasTerm(str(l), str(r));
          break;
        case 'contains':
          out = str(l).toLowerCase().includes(str(r).toLowerCase());
          break;
        case 'contains_cs':
          out = str(l).includes(str(r));
          break;
        case 'startswith':
          out = str(l).toLowerCase().startsWith(str(r).toLowerCase());
          break;
        case 'endswith':
          out = str(l).toLowerCase().endsWith(str(r).toLowerCase());
          break;
        default:
          out = compare(l, r, op);
      }
      return neg ? !out : out;
    }
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function compare(l: unknown, r: unknown, op: string): boolean {
  const c =
    typeof l === 'number' && typeof r === 'number'
      ? l - r
      : typeof l === 'string' && typeof r === 'string' && ISO_DATE.test(l) && ISO_DATE.test(r)
        ? Date.parse(l) - Date.parse(r)
        : str(l).localeCompare(str(r));
  return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}

const truthy = (v: unknown) => v === true;

export interface QueryResult {
  rows: Row[];
  /** Whether the query limited its own output (limit/take): no paging token then. */
  limited: boolean;
  /** Whether limit/take dropped rows. */
  truncated: boolean;
}

/** Runs the parsed pipeline over the table's rows. */
export function run(query: Query, input: Row[]): QueryResult {
  let rows = input;
  let limited = false;
  let truncated = false;
  for (const op of query.operators) {
    switch (op.kind) {
      case 'where':
        rows = rows.filter((r) => truthy(evaluate(op.expr, r)));
        break;
      case 'project':
        rows = rows.map((r) => Object.fromEntries(op.columns.map((c) => [c.name, evaluate(c.expr, r) ?? null])));
        break;
      case 'extend':
        rows = rows.map((r) => ({ ...r, ...Object.fromEntries(op.columns.map((c) => [c.name, evaluate(c.expr, r) ?? null])) }));
        break;
      case 'order':
        rows = [...rows].sort((a, b) => {
          for (const k of op.keys) {
            const x = evaluate(k.expr, a);
            const y = evaluate(k.expr, b);
            const c = typeof x === 'number' && typeof y === 'number' ? x - y : str(x).localeCompare(str(y));
            if (c !== 0) return k.desc ? -c : c;
          }
          return 0;
        });
        break;
      case 'summarize': {
        const groups = new Map<string, { keys: Row; rows: Row[] }>();
        for (const r of rows) {
          const keys = Object.fromEntries(op.by.map((b) => [b.name, evaluate(b.expr, r) ?? null]));
          const id = JSON.stringify(keys);
          const g = groups.get(id);
          if (g) g.rows.push(r);
          else groups.set(id, { keys, rows: [r] });
        }
        if (op.by.length === 0 && groups.size === 0) groups.set('{}', { keys: {}, rows: [] });
        rows = [...groups.values()].map((g) => ({
          ...g.keys,
          ...Object.fromEntries(op.aggregates.map((a) => [a.name, aggregate(a.expr, g.rows)])),
        }));
        break;
      }
      case 'limit':
        limited = true;
        truncated = truncated || rows.length > op.count;
        rows = rows.slice(0, op.count);
        break;
      case 'count':
        rows = [{ Count: rows.length }];
        break;
    }
  }
  return { rows, limited, truncated };
}

/** count(), countif(p), make_set(x), max(x), min(x), sum(x) over the rows of one group. */
function aggregate(e: Expr, rows: Row[]): unknown {
  if (e.kind !== 'call') return null;
  const values = () => rows.map((r) => evaluate(e.args[0], r)).filter((v) => v !== null && v !== undefined && v !== '');
  switch (e.name) {
    case 'count':
      return rows.length;
    case 'countif':
      return rows.filter((r) => truthy(evaluate(e.args[0], r))).length;
    case 'make_set':
      return [...new Set(values().map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)))];
    case 'sum':
      return values().reduce<number>((n, v) => n + (Number(v) || 0), 0);
    case 'max':
    case 'min': {
      const sorted = values().sort((x, y) => (typeof x === 'number' && typeof y === 'number' ? x - y : str(x).localeCompare(str(y))));
      return (e.name === 'max' ? sorted.pop() : sorted[0]) ?? null;
    }
    default:
      return null;
  }
}
