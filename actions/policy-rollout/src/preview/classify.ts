import type { GatorViolation } from './gator.js';

/** A live object whose verdict under Deny is, or changes to, something a reviewer must see. */
export interface PreviewObject {
  cluster: string;
  kind: string;
  namespace?: string;
  name: string;
  /** `denied`: rejected under the PR's version (`new` when the current version would let it through); `passes`: newly let through. */
  verdict: 'denied' | 'passes';
  /** Denied by the PR's version and not by the current one (or there is no current one). */
  new: boolean;
  /** The policies (reference ids or definition names) that deny it; for `passes`, those that denied it before. */
  policies: string[];
  /** Gatekeeper's messages (the first per policy). */
  messages: string[];
}

/** Per cluster and assignment. Invariant: evaluated = wouldBeDenied + wouldNewlyPass + unchanged. */
export interface PreviewCounts {
  evaluated: number;
  wouldBeDenied: number;
  /** Of wouldBeDenied, those the current version would admit. */
  newlyDenied: number;
  wouldNewlyPass: number;
  /** Admitted before and after. */
  unchanged: number;
}

export const emptyCounts = (): PreviewCounts => ({ evaluated: 0, wouldBeDenied: 0, newlyDenied: 0, wouldNewlyPass: 0, unchanged: 0 });

export function addCounts(a: PreviewCounts, b: PreviewCounts): PreviewCounts {
  return {
    evaluated: a.evaluated + b.evaluated,
    wouldBeDenied: a.wouldBeDenied + b.wouldBeDenied,
    newlyDenied: a.newlyDenied + b.newlyDenied,
    wouldNewlyPass: a.wouldNewlyPass + b.wouldNewlyPass,
    unchanged: a.unchanged + b.unchanged,
  };
}

export const objectKey = (o: { kind: string; namespace?: string; name: string }) => `${o.kind}|${o.namespace ?? ''}|${o.name}`;

interface Verdict {
  policies: Set<string>;
  messages: string[];
}

function verdicts(violations: GatorViolation[], policyOf: Map<string, string>, evaluated: Set<string>): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const v of violations) {
    const policy = policyOf.get(v.constraint);
    const k = objectKey(v);
    // Only verdicts on the objects this assignment evaluates, from its own constraints, count.
    if (!policy || !evaluated.has(k)) continue;
    const entry = out.get(k) ?? { policies: new Set<string>(), messages: [] };
    if (!entry.policies.has(policy)) entry.messages.push(v.message);
    entry.policies.add(policy);
    out.set(k, entry);
  }
  return out;
}

/**
 * Splits the evaluated objects of one cluster by their verdict under Deny: denied by the PR's version (new or not),
 * newly admitted (denied by the current version only), unchanged (admitted by both). `before` is undefined for an
 * assignment that does not exist yet.
 */
export function classify(
  cluster: string,
  evaluated: { kind: string; namespace?: string; name: string }[],
  after: GatorViolation[],
  before: GatorViolation[] | undefined,
  policyOf: Map<string, string>,
): { counts: PreviewCounts; objects: PreviewObject[] } {
  const keys = new Set(evaluated.map(objectKey));
  const denied = verdicts(after, policyOf, keys);
  const deniedBefore = before ? verdicts(before, policyOf, keys) : new Map<string, Verdict>();
  const counts = emptyCounts();
  const objects: PreviewObject[] = [];
  for (const o of evaluated) {
    const k = objectKey(o);
    counts.evaluated++;
    const now = denied.get(k);
    const then = deniedBefore.get(k);
    const base = { cluster, kind: o.kind, namespace: o.namespace, name: o.name };
    if (now) {
      counts.wouldBeDenied++;
      if (!then) counts.newlyDenied++;
      objects.push({ ...base, verdict: 'denied', new: !then, policies: [...now.policies].sort(), messages: now.messages });
    } else if (then) {
      counts.wouldNewlyPass++;
      objects.push({ ...base, verdict: 'passes', new: false, policies: [...then.policies].sort(), messages: then.messages });
    } else counts.unchanged++;
  }
  return { counts, objects };
}
