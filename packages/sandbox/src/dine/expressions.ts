/**
 * The subset of ARM template / Azure Policy expressions the vendored DeployIfNotExists definitions use:
 * `[parameters('x')]`, `[field('name')]`, concat, if, not, and, or, empty, json('null'), split(...)[n], toLower,
 * contains, equals. A string that does not start with `[` (or starts with `[[`) is a literal, as in ARM.
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
 */

export interface ExpressionScope {
  parameters(name: string): unknown;
  field(name: string): unknown;
}

type Token = { kind: 'name' | 'string' | 'number' | 'punct'; value: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let value = '';
      i++;
      while (i < text.length) {
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") break;
        else value += text[i++];
      }
      i++;
      out.push({ kind: 'string', value });
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+/.exec(text.slice(i))!;
      out.push({ kind: 'number', value: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][\w]*/.exec(text.slice(i))!;
      out.push({ kind: 'name', value: m[0] });
      i += m[0].length;
    } else {
      out.push({ kind: 'punct', value: c });
      i++;
    }
  }
  return out;
}

const FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
  concat: (a) =>
    a.every(Array.isArray) ? (a as unknown[][]).flat() : a.map((x) => (x === null || x === undefined ? '' : String(x))).join(''),
  if: (a) => (a[0] ? a[1] : a[2]),
  not: (a) => !a[0],
  and: (a) => a.every(Boolean),
  or: (a) => a.some(Boolean),
  empty: (a) =>
    a[0] === null ||
    a[0] === undefined ||
    a[0] === '' ||
    (Array.isArray(a[0]) && a[0].length === 0) ||
    (typeof a[0] === 'object' && Object.keys(a[0] as object).length === 0),
  json: (a) => JSON.parse(String(a[0])),
  split: (a) => String(a[0]).split(String(a[1])),
  tolower: (a) => String(a[0]).toLowerCase(),
  toupper: (a) => String(a[0]).toUpperCase(),
  contains: (a) =>
    typeof a[0] === 'string'
      ? a[0].includes(String(a[1]))
      : Array.isArray(a[0])
        ? a[0].includes(a[1])
        : !!a[0] && typeof a[0] === 'object' && String(a[1]) in (a[0] as object),
  equals: (a) => a[0] === a[1],
  string: (a) => (typeof a[0] === 'string' ? a[0] : JSON.stringify(a[0])),
};

function evaluateTokens(tokens: Token[], scope: ExpressionScope): unknown {
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (value: string) => {
    const t = tokens[pos++];
    if (t?.value !== value) throw new Error(`Expected '${value}' in the template expression.`);
  };
  const primary = (): unknown => {
    const t = tokens[pos++];
    if (!t) throw new Error('The template expression ends early.');
    let value: unknown;
    if (t.kind === 'string') value = t.value;
    else if (t.kind === 'number') value = Number(t.value);
    else if (t.kind === 'name') {
      if (t.value === 'true' || t.value === 'false') value = t.value === 'true';
      else {
        expect('(');
        const args: unknown[] = [];
        while (peek()?.value !== ')') {
          args.push(primary());
          if (peek()?.value === ',') pos++;
        }
        expect(')');
        const name = t.value.toLowerCase();
        if (name === 'parameters') value = scope.parameters(String(args[0]));
        else if (name === 'field') value = scope.field(String(args[0]));
        else {
          const fn = FUNCTIONS[name];
          if (!fn) throw new Error(`The template function '${t.value}' is not supported by the sandbox.`);
          value = fn(args);
        }
      }
    } else throw new Error(`Unexpected '${t.value}' in the template expression.`);
    for (;;) {
      if (peek()?.value === '[') {
        pos++;
        const index = primary();
        expect(']');
        value = (value as Record<string, unknown> | unknown[] | undefined)?.[index as never];
      } else if (peek()?.value === '.') {
        pos++;
        const prop = tokens[pos++].value;
        value = (value as Record<string, unknown> | undefined)?.[prop];
      } else return value;
    }
  };
  return primary();
}

/** Evaluates one value: expressions in strings, recursively in objects (keys too) and arrays. */
export function evaluate(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('[[')) return value.slice(1);
    if (value.startsWith('[') && value.endsWith(']')) return evaluateTokens(tokenize(value.slice(1, -1)), scope);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const evaluated = evaluate(v, scope);
      if (evaluated !== null && evaluated !== undefined) out[String(evaluate(k, scope))] = evaluated;
    }
    return out;
  }
  return value;
}
