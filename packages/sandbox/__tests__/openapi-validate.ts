import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A small validator for the OpenAPI 3.0 schemas of GitHub's REST description (`@octokit/openapi`, a
 * devDependency): `$ref` into `components`, `type`, `nullable`, `enum`, `properties`, `required`,
 * `additionalProperties`, `items`, `allOf`/`anyOf`/`oneOf` (with `discriminator`), string formats `date-time` and
 * `uri`, lengths, bounds and `pattern`. Other keywords are ignored. Test support only.
 */

export type Schema = Record<string, any>;

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  responses: Record<string, Schema>;
  requestBody?: Schema;
}

/** The description of api.github.com, read from the package's JSON (not its index, which loads every variant). */
export function loadGitHubSpec(): { spec: Schema; version: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@octokit/openapi/package.json'));
  const spec = JSON.parse(readFileSync(join(root, 'generated/api.github.com.json'), 'utf8')) as Schema;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { spec, version };
}

export class OpenApi {
  private readonly templates: { method: string; path: string; segments: string[]; op: Operation }[] = [];

  constructor(readonly spec: Schema) {
    for (const [path, item] of Object.entries(spec.paths as Record<string, Schema>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op || typeof op !== 'object' || !('responses' in op)) continue;
        const operation = {
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          responses: op.responses,
          requestBody: op.requestBody,
        };
        this.templates.push({ method: method.toUpperCase(), path, segments: path.split('/').filter(Boolean), op: operation });
      }
    }
  }

  /** Follows `$ref`s (`#/components/...`) until a schema that is not a reference. */
  deref(schema: Schema): Schema {
    let current = schema;
    for (let i = 0; current && typeof current.$ref === 'string'; i++) {
      if (i > 20) throw new Error(`$ref loop at ${schema.$ref}`);
      current = (current.$ref as string)
        .replace(/^#\//, '')
        .split('/')
        .reduce((node: Schema, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec);
      if (!current) throw new Error(`Unresolvable $ref ${schema.$ref}`);
    }
    return current;
  }

  /** The operation for a concrete request path (literal segments win over parameters). */
  operationFor(method: string, path: string): Operation | undefined {
    const parts = path.split('?')[0].split('/').filter(Boolean);
    let best: { op: Operation; literals: number } | undefined;
    for (const t of this.templates) {
      if (t.method !== method.toUpperCase() || t.segments.length !== parts.length) continue;
      let literals = 0;
      const ok = t.segments.every((segment, i) => {
        if (/^\{.+\}$/.test(segment)) return true;
        literals++;
        return segment === parts[i];
      });
      if (ok && (!best || literals > best.literals)) best = { op: t.op, literals };
    }
    return best?.op;
  }

  byId(operationId: string): Operation | undefined {
    return this.templates.find((t) => t.op.operationId === operationId)?.op;
  }

  /** The JSON schema of a response the operation lists, or undefined when it lists none for that status. */
  responseSchema(op: Operation, status: number): { listed: boolean; schema?: Schema } {
    const response = op.responses[String(status)];
    if (!response) return { listed: false };
    const resolved = this.deref(response);
    return { listed: true, schema: resolved.content?.['application/json']?.schema };
  }

  requestSchema(op: Operation): Schema | undefined {
    if (!op.requestBody) return undefined;
    return this.deref(op.requestBody).content?.['application/json']?.schema;
  }

  /** Every way `value` does not match `schema`, as `$.path: problem` lines (empty when it matches). */
  validate(schema: Schema, value: unknown, at = '$', errors: string[] = []): string[] {
    const s = this.deref(schema);
    if (errors.length > 50) return errors;
    if (value === null) {
      const untyped = !s.type && !s.properties && !s.allOf && !s.anyOf && !s.oneOf && !s.enum;
      if (s.nullable === true || s.enum?.includes(null) || untyped) return errors;
      if (s.allOf || s.anyOf || s.oneOf) {
        const branches = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])] as Schema[];
        if (branches.some((b) => this.deref(b).nullable === true)) return errors;
      }
      errors.push(`${at}: null where the schema does not allow it`);
      return errors;
    }
    if (s.allOf) for (const part of s.allOf as Schema[]) this.validate(part, value, at, errors);
    if (s.anyOf && !(s.anyOf as Schema[]).some((part) => this.validate(part, value, at).length === 0)) {
      errors.push(`${at}: matches none of anyOf (${(s.anyOf as Schema[]).map((p) => p.$ref ?? p.type).join(', ')})`);
    }
    if (s.oneOf) this.oneOf(s, value, at, errors);
    const type = s.type ?? (s.properties ? 'object' : undefined);
    if (type && !typeMatches(type, value)) {
      errors.push(`${at}: expected ${type}, got ${Array.isArray(value) ? 'array' : typeof value} ${short(value)}`);
      return errors;
    }
    if (s.enum && !(s.enum as unknown[]).includes(value)) errors.push(`${at}: ${short(value)} is not one of ${JSON.stringify(s.enum)}`);
    if (typeof value === 'string') this.string(s, value, at, errors);
    if (typeof value === 'number') {
      if (s.minimum !== undefined && value < s.minimum) errors.push(`${at}: ${value} < minimum ${s.minimum}`);
      if (s.maximum !== undefined && value > s.maximum) errors.push(`${at}: ${value} > maximum ${s.maximum}`);
    }
    if (Array.isArray(value)) {
      if (s.maxItems !== undefined && value.length > s.maxItems) errors.push(`${at}: ${value.length} items > maxItems ${s.maxItems}`);
      if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${at}: ${value.length} items < minItems ${s.minItems}`);
      if (s.items) value.forEach((item, i) => this.validate(s.items, item, `${at}[${i}]`, errors));
    }
    if (type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) this.object(s, value as Schema, at, errors);
    return errors;
  }

  private oneOf(s: Schema, value: unknown, at: string, errors: string[]): void {
    const branches = s.oneOf as Schema[];
    const key = s.discriminator?.propertyName as string | undefined;
    const tag = key && value && typeof value === 'object' ? (value as Schema)[key] : undefined;
    if (key && typeof tag === 'string' && s.discriminator.mapping?.[tag]) {
      this.validate({ $ref: s.discriminator.mapping[tag] }, value, at, errors);
      return;
    }
    const passing = branches.filter((part) => this.validate(part, value, at).length === 0).length;
    if (passing !== 1)
      errors.push(`${at}: matches ${passing} of oneOf (${branches.map((p) => p.$ref ?? p.type).join(', ')}), not exactly 1`);
  }

  private string(s: Schema, value: string, at: string, errors: string[]): void {
    const length = [...value].length;
    if (s.maxLength !== undefined && length > s.maxLength) errors.push(`${at}: ${length} characters > maxLength ${s.maxLength}`);
    if (s.minLength !== undefined && length < s.minLength) errors.push(`${at}: ${length} characters < minLength ${s.minLength}`);
    if (s.pattern && !new RegExp(s.pattern).test(value)) errors.push(`${at}: ${short(value)} does not match ${s.pattern}`);
    if (s.format === 'date-time' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value))
      errors.push(`${at}: ${short(value)} is not a date-time`);
    if (s.format === 'uri' && !URL.canParse(value)) errors.push(`${at}: ${short(value)} is not a URI`);
  }

  private object(s: Schema, value: Schema, at: string, errors: string[]): void {
    for (const name of (s.required ?? []) as string[]) if (!(name in value)) errors.push(`${at}: missing required property "${name}"`);
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    for (const [name, v] of Object.entries(value)) {
      if (properties[name]) this.validate(properties[name], v, `${at}.${name}`, errors);
      else if (s.additionalProperties === false) errors.push(`${at}: property "${name}" is not allowed`);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object')
        this.validate(s.additionalProperties, v, `${at}.${name}`, errors);
    }
  }
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

const short = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
