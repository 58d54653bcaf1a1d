import { ArmError } from './errors.js';

/** A predicate over a record from an OData `$filter` (eq, ne, and, or, not, parentheses; strings, numbers, booleans). */
export type Predicate = (row: Record<string, unknown>) => boolean;

const invalid = (message: string) => new ArmError(400, 'InvalidFilterInQueryString', `The $filter is invalid: ${message}`);

export function compileFilter(text: string | null | undefined): Predicate {
  if (!text || !text.trim()) return () => true;
  const tokens = text.match(/'(?:[^']|'')*'|\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const value = (tok: string | undefined): unknown => {
    if (tok === undefined) throw invalid('a value is missing.');
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    if (/^(true|false)$/i.test(tok)) return tok.toLowerCase() === 'true';
    if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok);
    throw invalid(`'${tok}' is not a literal.`);
  };
  const field = (row: Record<string, unknown>, name: string): unknown => {
    const k = Object.keys(row).find((key) => key.toLowerCase() === name.toLowerCase());
    return k === undefined ? undefined : row[k];
  };
  const eq = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);
  const primary = (): Predicate => {
    if (peek() === '(') {
      i++;
      const inner = or();
      if (tokens[i++] !== ')') throw invalid('a closing parenthesis is missing.');
      return inner;
    }
    if (peek() === 'not') {
      i++;
      const inner = primary();
      return (row) => !inner(row);
    }
    const name = tokens[i++];
    const op = tokens[i++]?.toLowerCase();
    const literal = value(tokens[i++]);
    if (!name || !op) throw invalid('a comparison is incomplete.');
    switch (op) {
      case 'eq':
        return (row) => eq(field(row, name), literal);
      case 'ne':
        return (row) => !eq(field(row, name), literal);
      case 'gt':
        return (row) => String(field(row, name)) > String(literal);
      case 'lt':
        return (row) => String(field(row, name)) < String(literal);
      default:
        throw invalid(`the operator '${op}' is not supported (use eq, ne, gt, lt, and, or, not).`);
    }
  };
  const and = (): Predicate => {
    let left = primary();
    while (peek() === 'and') {
      i++;
      const l = left;
      const r = primary();
      left = (row) => l(row) && r(row);
    }
    return left;
  };
  const or = (): Predicate => {
    let left = and();
    while (peek() === 'or') {
      i++;
      const l = left;
      const r = and();
      left = (row) => l(row) || r(row);
    }
    return left;
  };
  const predicate = or();
  if (i < tokens.length) throw invalid(`unexpected '${tokens[i]}'.`);
  return predicate;
}
