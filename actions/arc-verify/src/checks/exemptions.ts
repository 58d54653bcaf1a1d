import type { ClusterInventory, ExemptionRow } from '@arc-actions/azure';
import type { CheckResult } from './types.js';

export type { ExemptionRow };

const DAY = 86_400_000;
export const exemptionScopeOf = (id: string) => id.replace(/\/providers\/Microsoft\.Authorization\/policyExemptions\/[^/]+$/i, '');

/**
 * The exemptions that cover a cluster: made at the cluster, its resource group or its subscription (an exemption at a
 * management group is not matched here: Resource Graph rows do not say which subscriptions a group holds).
 */
export function exemptionsOf(cluster: ClusterInventory, all: readonly ExemptionRow[]): ExemptionRow[] {
  const id = cluster.id.toLowerCase();
  return all.filter((e) => {
    const scope = exemptionScopeOf(e.id).toLowerCase();
    return id === scope || id.startsWith(`${scope}/`);
  });
}

/**
 * `policy-exemptions`: fail on an exemption that has expired but is still there (Azure no longer honours it, so the
 * cluster is evaluated again while the record suggests otherwise); warn when one expires within the warning window;
 * ok otherwise; skipped without exemptions.
 */
export function checkExemptions(cluster: ClusterInventory, all: readonly ExemptionRow[], now: number, warningDays: number): CheckResult {
  const mine = exemptionsOf(cluster, all);
  if (!mine.length) return { check: 'policy-exemptions', status: 'skipped', reason: 'No policy exemption covers this cluster.' };
  const describe = (e: ExemptionRow) =>
    `${e.name} (${e.category ?? 'exemption'} from ${(e.assignment ?? '').split('/').pop()}, expires ${e.expiresOn?.slice(0, 10)})`;
  const expired = mine.filter((e) => e.expiresOn && Date.parse(e.expiresOn) <= now);
  const soon = mine.filter((e) => e.expiresOn && Date.parse(e.expiresOn) > now && Date.parse(e.expiresOn) - now <= warningDays * DAY);
  const evidence = { exemptions: mine.map((e) => ({ name: e.name, assignment: e.assignment, expiresOn: e.expiresOn })) };
  if (expired.length)
    return {
      check: 'policy-exemptions',
      status: 'fail',
      reason: `${expired.length} expired exemptions are still present: ${expired.map(describe).join('; ')}.`,
      fix: 'Fix the exempted workloads and remove the exemption from the policy files (policy-rollout apply deletes it), or extend expires-on.',
      evidence,
    };
  if (soon.length)
    return {
      check: 'policy-exemptions',
      status: 'warn',
      reason: `${soon.length} exemptions expire within ${warningDays} days: ${soon.map((e) => `${describe(e)}, in ${Math.ceil((Date.parse(e.expiresOn!) - now) / DAY)} days`).join('; ')}.`,
      fix: 'Fix the exempted workloads before the exemption expires; after that their violations count again (and Deny rejects them).',
      evidence,
    };
  return {
    check: 'policy-exemptions',
    status: 'ok',
    reason: `${mine.length} exemptions, none expiring within ${warningDays} days.`,
    evidence,
  };
}
