import * as core from '@actions/core';
import { isAlias, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigurationError } from './errors.js';
import { formatDuration, isUnitless, parseDuration, unitlessHint } from './duration.js';
import { maskSecret } from './masking.js';

/**
 * Typed readers over `core.getInput`. Each helper either returns a valid value or throws a
 * {@link ConfigurationError} whose message names the input, the value and what is allowed.
 * Nothing is read at import time: actions call these inside `run()`.
 */

const MAX_SHOWN = 60;

/** Quotes a user value for an error message, shortened so that a huge input does not flood the log. */
export function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}… (${value.length} characters)` : oneLine;
  return `"${cut}"`;
}

function raw(name: string): string {
  return core.getInput(name, { trimWhitespace: true });
}

export interface StringOptions {
  /** A regular expression the value must match, with a description of what it means. */
  pattern?: { regex: RegExp; description: string };
  maxLength?: number;
  /** Registers the value as a secret before anything else sees it. */
  secret?: boolean;
}

function checkString(name: string, value: string, options: StringOptions): string {
  if (options.secret) maskSecret(value);
  const max = options.maxLength ?? 65_536;
  if (value.length > max) {
    throw new ConfigurationError(`Input "${name}" is ${value.length} characters long; at most ${max} are allowed.`, name);
  }
  if (options.pattern && !options.pattern.regex.test(value)) {
    const what = options.secret ? 'The value' : `The value ${shown(value)}`;
    throw new ConfigurationError(`Input "${name}": ${what} is not ${options.pattern.description}.`, name);
  }
  return value;
}

export function requiredString(name: string, options: StringOptions = {}): string {
  const value = raw(name);
  if (!value) throw new ConfigurationError(`Input "${name}" is required but was empty; set it in the step's "with:" block.`, name);
  return checkString(name, value, options);
}

export function optionalString(name: string, options: StringOptions = {}): string | undefined {
  const value = raw(name);
  return value ? checkString(name, value, options) : undefined;
}

/** Strict booleans: only `true` or `false` (any case); empty gives the default. */
export function booleanInput(name: string, defaultValue: boolean): boolean {
  const value = raw(name);
  if (!value) return defaultValue;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: true or false.`, name);
}

export function enumInput<T extends string>(name: string, allowed: readonly T[], defaultValue?: T): T {
  const value = raw(name);
  if (!value) {
    if (defaultValue !== undefined) return defaultValue;
    throw new ConfigurationError(`Input "${name}" is required; allowed: ${allowed.join(', ')}.`, name);
  }
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: ${allowed.join(', ')}.`, name);
  return match;
}

export function integerInput(name: string, options: { default: number; min?: number; max?: number }): number {
  const value = raw(name);
  if (!value) return options.default;
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const n = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: a whole number from ${min} to ${max}.`, name);
  }
  return n;
}

/** Durations like `90s`, `15m`, `1h30m`, `7d`; returns milliseconds. */
export function durationInput(name: string, options: { default: string; min?: string; max?: string }): number {
  const value = raw(name) || options.default;
  if (isUnitless(value)) throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; ${unitlessHint(value)}.`, name);
  const ms = parseDuration(value);
  if (ms === undefined) {
    throw new ConfigurationError(
      `Input "${name}" has the value ${shown(value)}, which is not a duration; use a number and a unit (s, m, h, d), such as ${options.default}.`,
      name,
    );
  }
  const min = options.min ? parseDuration(options.min)! : 0;
  const max = options.max ? parseDuration(options.max)! : Number.MAX_SAFE_INTEGER;
  if (ms < min || ms > max) {
    const range = options.max ? `from ${formatDuration(min)} to ${formatDuration(max)}` : `at least ${formatDuration(min)}`;
    throw new ConfigurationError(`Input "${name}" has the value ${shown(value)}; allowed: a duration ${range}.`, name);
  }
  return ms;
}

/** A list given one item per line or comma-separated; empty items and `#` comments are dropped. */
export function listInput(name: string, options: { item?: { regex: RegExp; description: string }; max?: number } = {}): string[] {
  const items = raw(name)
    .split(/[\n,]/)
    .map((s) => s.replace(/#.*$/, '').trim())
    .filter(Boolean);
  if (options.max !== undefined && items.length > options.max) {
    throw new ConfigurationError(`Input "${name}" lists ${items.length} items; at most ${options.max} are allowed.`, name);
  }
  if (options.item) {
    for (const item of items) {
      if (!options.item.regex.test(item)) {
        throw new ConfigurationError(`Input "${name}" has the item ${shown(item)}, which is not ${options.item.description}.`, name);
      }
    }
  }
  return items;
}

/**
 * Parses a YAML (or JSON, a subset of YAML) block and validates it with a zod schema.
 * Errors name the input, the line, the path inside the document and what was expected.
 */
export function yamlInput<S extends z.ZodType>(
  name: string,
  schema: S,
  options: { secret?: boolean; maxLength?: number } = {},
): z.infer<S> | undefined {
  const value = raw(name);
  if (!value) return undefined;
  // Bounded like every string input, before the YAML parser sees it.
  checkString(name, value, { secret: options.secret, maxLength: options.maxLength });
  return parseYamlWithSchema(value, schema, `Input "${name}"`, name);
}

/** How many alias expansions a document may make before it is refused as an alias bomb ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/**
 * Parses YAML text into plain data, refusing what would mislead or exhaust: syntax errors, merge keys (`<<`, which
 * YAML 1.2 reads as an ordinary key, so `<<: *defaults` silently adds a key named "<<" instead of merging) and alias
 * bombs (anchors expanded more than {@link MAX_YAML_ALIASES} times). Every error names `where`, the line and the fix.
 */
export function parseYamlSafely(text: string, where: string, input?: string): { doc: Document; lines: LineCounter; value: unknown } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0]?.line;
    const reason = first.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '')
      .replace(/\.$/, '');
    throw new ConfigurationError(`${where}${line ? ` line ${line}` : ''} is not valid YAML: ${reason}.`, input);
  }
  let merge: number | undefined;
  let firstAlias: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (merge === undefined && isScalar(pair.key) && pair.key.value === '<<' && pair.key.range) merge = pair.key.range[0];
    },
    Alias(_, alias) {
      if (firstAlias === undefined && isAlias(alias) && alias.range) firstAlias = alias.range[0];
    },
  });
  if (merge !== undefined) {
    throw new ConfigurationError(
      `${where} line ${lines.linePos(merge).line} uses a YAML merge key (<<), which is not supported (YAML 1.2 reads it as a key named "<<"); write the keys out in full.`,
      input,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const at = firstAlias === undefined ? '' : ` line ${lines.linePos(firstAlias).line}`;
    throw new ConfigurationError(
      `${where}${at} expands YAML aliases (*name) more than ${MAX_YAML_ALIASES} times (${(error as Error).message.toLowerCase()}); write the values out instead of nesting anchors.`,
      input,
    );
  }
  return { doc, lines, value };
}

/** Parses YAML text against a schema; `where` prefixes every error (an input or a file name). */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, schema: S, where: string, input?: string): z.infer<S> {
  const { doc, lines, value } = parseYamlSafely(text, where, input);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const line = lineOfPath(doc, lines, path);
    const at = path.length ? ` at "${path.join('.')}"` : '';
    throw new ConfigurationError(`${where}${line ? ` line ${line}` : ''}${at}: ${issue.message}.`, input);
  }
  return parsed.data;
}

/** The 1-based line of the deepest node of `path` that exists in the document. */
export function lineOfPath(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}
