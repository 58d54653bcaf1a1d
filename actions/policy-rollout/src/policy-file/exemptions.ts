import { ConfigurationError } from '@arc-actions/core';
import type { ExemptionInput } from './schema.js';
import type { Located, PolicyAssignmentSpec } from './load.js';

export interface ExemptionSpec extends Located {
  name: string;
  displayName?: string;
  description?: string;
  /** The name of the assignment (in these files) it exempts from. */
  assignment: string;
  scope: string;
  category: 'Waiver' | 'Mitigated';
  /** ISO 8601, UTC. */
  expiresOn?: string;
  policies: string[];
}

type Fail = (path: (string | number)[], message: string) => never;

/** `expires-on`: a date (midnight UTC) or a date-time; anything Date cannot read is refused. */
function expiry(value: string | undefined, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const at = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at))
    fail(['expires-on'], `expires-on "${value}" is not an ISO 8601 date or date-time such as 2026-09-30 or 2026-09-30T18:00:00Z.`);
  return new Date(at).toISOString();
}

export function toExemption(e: ExemptionInput, file: string, line: number, fail: Fail): ExemptionSpec {
  if (e.category === 'Waiver' && !e['expires-on'])
    fail(['category'], `exemption "${e.name}" is a Waiver without expires-on; a waiver is time-boxed, so give it an end date.`);
  return {
    file,
    line,
    name: e.name,
    displayName: e['display-name'],
    description: e.description,
    assignment: e.assignment,
    scope: e.scope,
    category: e.category,
    expiresOn: expiry(e['expires-on'], fail),
    policies: e.policies ?? [],
  };
}

/**
 * Exemptions name an assignment of these files, sit at or below its scope (as far as ids tell: management-group
 * membership is checked by Azure), and are unique per scope and name.
 */
export function checkExemptions(exemptions: ExemptionSpec[], assignments: PolicyAssignmentSpec[]): void {
  const seen = new Map<string, ExemptionSpec>();
  for (const e of exemptions) {
    const at = `${e.file} line ${e.line}`;
    const key = `${e.scope.toLowerCase()}|${e.name.toLowerCase()}`;
    const before = seen.get(key);
    if (before)
      throw new ConfigurationError(
        `${at}: exemption "${e.name}" at ${e.scope} is already defined in ${before.file} line ${before.line}.`,
        'policies',
      );
    seen.set(key, e);
    const assignment = assignments.find((a) => a.name === e.assignment);
    if (!assignment)
      throw new ConfigurationError(
        `${at}: exemption "${e.name}" names the assignment "${e.assignment}", which is not in the policy files (they define: ${assignments.map((a) => a.name).join(', ')}).`,
        'policies',
      );
    const scope = assignment.scope.toLowerCase();
    if (scope.startsWith('/subscriptions/') && e.scope.toLowerCase() !== scope && !e.scope.toLowerCase().startsWith(`${scope}/`))
      throw new ConfigurationError(
        `${at}: exemption "${e.name}" is at ${e.scope}, which is not at or below ${assignment.scope}, the scope of assignment "${assignment.name}".`,
        'policies',
      );
  }
}
