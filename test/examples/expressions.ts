/**
 * The subset of GitHub Actions expressions (`${{ … }}`) the example workflows use, with GitHub's semantics:
 * contexts (`vars`, `secrets`, `inputs`, `github`, `steps`, `needs`, `matrix`, `strategy`, `env`, `job`), property
 * access with `.name` (names may contain `-`) and `['name']`, literals, `!`, `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`,
 * `||` (returning an operand, as GitHub does), parentheses, and the functions `fromJSON`, `toJSON`, `contains`,
 * `startsWith`, `endsWith`, `format`, `join`, `success`, `failure`, `always`, `cancelled`.
 * Anything else is an error: a new form in an example should fail the test loudly, not evaluate to ''.
 */

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

export interface ExpressionContext {
  contexts: Record<string, Value>;
  /** Whether every earlier step (or every needed job) succeeded: what `success()` and `failure()` read. */
  succeeded: boolean;
}

type Token =
  { kind: 'punct'; text: string } | { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'ident'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      while (true) {
        if (i >= source.length) throw new Error(`Unterminated string in expression: ${source}`);
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i++];
      }
      tokens.push({ kind: 'string', value });
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^-?(0x[0-9a-f]+|[0-9]+(\.[0-9]+)?(e[+-]?[0-9]+)?)/i.exec(source.slice(i))!;
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else {
      const two = source.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'punct', text: two });
        i += 2;
      } else if ('()[].,!<>'.includes(c)) {
        tokens.push({ kind: 'punct', text: c });
        i++;
      } else {
        throw new Error(`Unexpected character '${c}' in expression: ${source}`);
      }
    }
  }
  return tokens;
}

export function truthy(value: Value): boolean {
  if (value === null || value === false || value === '' || value === 0) return false;
  if (typeof value === 'number' && Number.isNaN(value)) return false;
  return true;
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return NaN;
}

/** GitHub's loose equality: strings compare case-insensitively, mixed types compare as numbers. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'object' && a !== null) return a === b;
  if (typeof b === 'object' && b !== null) return false;
  return toNumber(a) === toNumber(b);
}

/** How a value is written into a string (`${{ }}` inside text, inputs, env). */
export function stringify(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

function property(target: Value, name: string): Value {
  if (target === null || typeof target !== 'object') return null;
  if (Array.isArray(target)) {
    const index = Number(name);
    return Number.isInteger(index) ? (target[index] ?? null) : null;
  }
  // Context and property names are case-insensitive.
  const key = Object.keys(target).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : target[key];
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
    private readonly ctx: ExpressionContext,
  ) {}

  parse(): Value {
    const value = this.or();
    if (this.pos < this.tokens.length) throw this.error('unexpected token');
    return value;
  }

  private error(what: string): Error {
    return new Error(`Expression "${this.source}": ${what} at token ${this.pos + 1}.`);
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'punct' && t.text === text;
  }

  private expect(text: string): void {
    if (!this.peek(text)) throw this.error(`expected '${text}'`);
    this.pos++;
  }

  private or(): Value {
    let left = this.and();
    while (this.peek('||')) {
      this.pos++;
      const right = this.and();
      left = truthy(left) ? left : right;
    }
    return left;
  }

  private and(): Value {
    let left = this.comparison();
    while (this.peek('&&')) {
      this.pos++;
      const right = this.comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  }

  private comparison(): Value {
    const left = this.unary();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (!this.peek(op)) continue;
      this.pos++;
      const right = this.unary();
      switch (op) {
        case '==':
          return equal(left, right);
        case '!=':
          return !equal(left, right);
        case '<':
          return toNumber(left) < toNumber(right);
        case '<=':
          return toNumber(left) <= toNumber(right);
        case '>':
          return toNumber(left) > toNumber(right);
        default:
          return toNumber(left) >= toNumber(right);
      }
    }
    return left;
  }

  private unary(): Value {
    if (this.peek('!')) {
      this.pos++;
      return !truthy(this.unary());
    }
    return this.postfix();
  }

  private postfix(): Value {
    let value = this.primary();
    while (true) {
      if (this.peek('.')) {
        this.pos++;
        const t = this.tokens[this.pos++];
        if (t?.kind !== 'ident') throw this.error('expected a property name');
        value = property(value, t.text);
      } else if (this.peek('[')) {
        this.pos++;
        const key = this.or();
        this.expect(']');
        value = property(value, stringify(key));
      } else {
        return value;
      }
    }
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) throw this.error('unexpected end');
    if (t.kind === 'string' || t.kind === 'number') return t.value;
    if (t.kind === 'punct') {
      if (t.text !== '(') throw this.error(`unexpected '${t.text}'`);
      const value = this.or();
      this.expect(')');
      return value;
    }
    const name = t.text;
    if (name === 'true') return true;
    if (name === 'false') return false;
    if (name === 'null') return null;
    if (this.peek('(')) {
      this.pos++;
      const args: Value[] = [];
      while (!this.peek(')')) {
        args.push(this.or());
        if (!this.peek(')')) this.expect(',');
      }
      this.pos++;
      return this.call(name, args);
    }
    const key = Object.keys(this.ctx.contexts).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) throw this.error(`unknown context '${name}'`);
    return this.ctx.contexts[key];
  }

  private call(name: string, args: Value[]): Value {
    switch (name.toLowerCase()) {
      case 'fromjson':
        return JSON.parse(stringify(args[0])) as Value;
      case 'tojson':
        return JSON.stringify(args[0], null, 2);
      case 'contains':
        return Array.isArray(args[0])
          ? args[0].some((v) => equal(v, args[1]))
          : stringify(args[0]).toLowerCase().includes(stringify(args[1]).toLowerCase());
      case 'startswith':
        return stringify(args[0]).toLowerCase().startsWith(stringify(args[1]).toLowerCase());
      case 'endswith':
        return stringify(args[0]).toLowerCase().endsWith(stringify(args[1]).toLowerCase());
      case 'format':
        return stringify(args[0]).replace(/\{(\d+)\}/g, (_, i: string) => stringify(args[Number(i) + 1] ?? null));
      case 'join':
        return Array.isArray(args[0]) ? args[0].map(stringify).join(args.length > 1 ? stringify(args[1]) : ',') : stringify(args[0]);
      case 'success':
        return this.ctx.succeeded;
      case 'failure':
        return !this.ctx.succeeded;
      case 'always':
        return true;
      case 'cancelled':
        return false;
      default:
        throw this.error(`unsupported function ${name}()`);
    }
  }
}

/** Evaluates one expression (the text between `${{` and `}}`, or an `if:` without them). */
export function evaluate(source: string, ctx: ExpressionContext): Value {
  return new Parser(tokenize(source), source, ctx).parse();
}

const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;
const EMBEDDED = /\$\{\{([\s\S]*?)\}\}/g;

/**
 * A YAML value with `${{ }}` in it. A value that is exactly one expression keeps the expression's type (so that
 * `matrix: ${{ fromJSON(…) }}` is an object); otherwise each expression is written into the text.
 */
export function interpolate(value: unknown, ctx: ExpressionContext): Value {
  if (typeof value !== 'string') return (value ?? null) as Value;
  const whole = WHOLE.exec(value);
  if (whole && !whole[1].includes('}}')) return evaluate(whole[1], ctx);
  return value.replace(EMBEDDED, (_, expr: string) => stringify(evaluate(expr, ctx)));
}

/** An `if:` condition: with or without `${{ }}`, and `success() && (…)` unless it calls a status function. */
export function condition(source: unknown, ctx: ExpressionContext): boolean {
  if (source === undefined || source === null) return ctx.succeeded;
  if (typeof source === 'boolean') return ctx.succeeded && source;
  let text = String(source).trim();
  const whole = WHOLE.exec(text);
  if (whole) text = whole[1];
  const status = /\b(success|failure|always|cancelled)\s*\(/i.test(text);
  return truthy(evaluate(status ? text : `success() && (${text})`, ctx));
}
