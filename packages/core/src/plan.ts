/**
 * The result model shared by every action: per target, what was planned and what happened.
 * Reports (summary, outputs, check runs, comments) are all rendered from it.
 */

export type ChangeKind = 'create' | 'update' | 'delete' | 'unchanged';

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface Change {
  kind: ChangeKind;
  /** What the change is about, e.g. `connectedCluster`, `extension`, `fluxConfiguration`. */
  resourceType: string;
  /** The ARM id (or another stable id) of the resource. */
  resourceId: string;
  /** A short human name. */
  name: string;
  fields: FieldChange[];
  /** Whether the write was performed (false in dry runs and for unchanged resources). */
  applied?: boolean;
  error?: string;
}

export type TargetStatus = 'ok' | 'warn' | 'fail' | 'skipped';

export interface TargetResult {
  /** ARM id of the target (cluster, assignment, …). */
  target: string;
  name: string;
  status: TargetStatus;
  changes: Change[];
  /** One line for the report: what happened, or why it failed and how to fix it. */
  message?: string;
  error?: { code?: string; message: string };
  details?: Record<string, unknown>;
}

export interface RunResult {
  action: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt?: string;
  targets: TargetResult[];
}

export function countChanges(targets: readonly TargetResult[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { create: 0, update: 0, delete: 0, unchanged: 0 };
  for (const t of targets) for (const c of t.changes) counts[c.kind]++;
  return counts;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields of `desired` that differ from `actual`. Only keys present in `desired` are compared:
 * ARM adds read-only fields that the user never set. Arrays are compared whole.
 */
export function diffFields(actual: unknown, desired: unknown, prefix = ''): FieldChange[] {
  if (isObject(desired)) {
    const base = isObject(actual) ? actual : {};
    return Object.keys(desired).flatMap((key) => {
      const path = prefix ? `${prefix}.${key}` : key;
      const keyActual = Object.keys(base).find((k) => k.toLowerCase() === key.toLowerCase());
      return diffFields(keyActual === undefined ? undefined : base[keyActual], desired[key], path);
    });
  }
  if (desired === undefined) return [];
  return stableStringify(actual) === stableStringify(desired) ? [] : [{ path: prefix, before: actual, after: desired }];
}

/** JSON with sorted keys, for comparisons and hashes that must not depend on key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
