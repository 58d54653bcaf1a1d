import type { ArmResource } from '../state/types.js';
import { evaluate, type ExpressionScope } from './expressions.js';

/**
 * Azure Policy conditions (`if`, `existenceCondition`): allOf, anyOf, not, and field conditions with equals,
 * notEquals, in, notIn, exists, contains. String comparisons are case-insensitive, as Azure Policy's are
 * (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#conditions).
 */

/** A field of a resource: `type`, `name`, `id`, `location`, `kind`, or an alias `<Namespace>/<type>/<path>` → properties. */
export function fieldOf(resource: ArmResource, field: string): unknown {
  const lower = field.toLowerCase();
  if (['type', 'name', 'id', 'location', 'kind'].includes(lower)) return (resource as unknown as Record<string, unknown>)[lower];
  const prefix = `${resource.type.toLowerCase()}/`;
  if (!lower.startsWith(prefix)) return undefined;
  const path = field.slice(prefix.length).split('.');
  let value: unknown = resource.properties;
  for (const part of path) {
    if (!value || typeof value !== 'object') return undefined;
    const record = value as Record<string, unknown>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === part.toLowerCase());
    value = key === undefined ? undefined : record[key];
  }
  return value;
}

const same = (a: unknown, b: unknown) =>
  a !== undefined && a !== null && b !== undefined && b !== null && String(a).toLowerCase() === String(b).toLowerCase();

type Condition = Record<string, any>;

export function matches(condition: Condition, resource: ArmResource, scope: ExpressionScope): boolean {
  if (condition.allOf) return (condition.allOf as Condition[]).every((c) => matches(c, resource, scope));
  if (condition.anyOf) return (condition.anyOf as Condition[]).some((c) => matches(c, resource, scope));
  if (condition.not) return !matches(condition.not as Condition, resource, scope);
  const actual = fieldOf(resource, String(evaluate(condition.field, scope)));
  const value = (key: string) => evaluate(condition[key], scope);
  if ('equals' in condition) return same(actual, value('equals'));
  if ('notEquals' in condition) return !same(actual, value('notEquals'));
  if ('in' in condition) return ((value('in') as unknown[]) ?? []).some((v) => same(actual, v));
  if ('notIn' in condition) return !((value('notIn') as unknown[]) ?? []).some((v) => same(actual, v));
  if ('exists' in condition) return String(value('exists')).toLowerCase() === 'true' ? actual !== undefined : actual === undefined;
  if ('contains' in condition)
    return String(actual ?? '')
      .toLowerCase()
      .includes(String(value('contains')).toLowerCase());
  throw new Error(`The policy condition ${JSON.stringify(condition)} uses an operator the sandbox does not evaluate.`);
}
