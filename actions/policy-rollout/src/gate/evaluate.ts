import { formatDuration } from '@arc-actions/core';
import type { GateCondition, GateEvidence, GateOptions, GateResult } from './evidence.js';

const key = (id: string) => id.toLowerCase();
const LIST = 10;
const names = (items: string[]) =>
  items.length > LIST ? `${items.slice(0, LIST).join(', ')} and ${items.length - LIST} more` : items.join(', ');

/**
 * The audit → deny promotion gate. Every condition is evaluated (so the report names every reason at once) and
 * the gate passes only when all do. It never decides on partial data: an unread page fails the gate.
 */
export function evaluateGate(e: GateEvidence, o: GateOptions): GateResult {
  const byId = new Map(e.clusters.map((c) => [key(c.id), c]));
  const nameOf = (id: string) => byId.get(key(id))?.name ?? id.split('/').pop() ?? id;
  const conditions: GateCondition[] = [];

  conditions.push(
    e.assignment.effect.toLowerCase() === 'audit'
      ? { id: 'effect', title: 'Assignment is in Audit', passed: true, detail: `${e.assignment.name} is in Audit.` }
      : {
          id: 'effect',
          title: 'Assignment is in Audit',
          passed: false,
          detail: `${e.assignment.name} has effect ${e.assignment.effect}; only Audit is promoted to Deny.`,
        },
  );

  const incomplete = Object.entries(e.complete)
    .filter(([, done]) => !done)
    .map(([what]) => what);
  conditions.push({
    id: 'complete-data',
    title: 'Every page of data was read',
    passed: incomplete.length === 0,
    detail: incomplete.length
      ? `Not every page was read for: ${incomplete.join(', ')}; refusing to decide on partial data.`
      : 'All pages read.',
  });

  conditions.push({
    id: 'clusters-in-scope',
    title: 'Clusters in scope',
    passed: e.clusters.length > 0,
    detail: e.clusters.length
      ? `${e.clusters.length} clusters in scope.`
      : 'No cluster is in the scope of the assignment: there is no evidence that Deny is safe.',
  });

  const offline = e.clusters.filter((c) => c.connectivityStatus !== 'Connected');
  conditions.push({
    id: 'connected',
    title: 'Every cluster Connected',
    passed: offline.length === 0,
    detail: offline.length
      ? `Not Connected: ${names(offline.map((c) => `${c.name} (${c.connectivityStatus ?? 'Unknown'})`))}.`
      : 'All Connected.',
    clusters: offline.map((c) => c.name),
  });

  const badExtension = e.clusters.filter((c) => e.policyExtension[key(c.id)] !== 'Succeeded');
  conditions.push({
    id: 'policy-extension',
    title: 'Policy extension Succeeded',
    passed: badExtension.length === 0,
    detail: badExtension.length
      ? `Policy extension not Succeeded on: ${names(badExtension.map((c) => `${c.name} (${e.policyExtension[key(c.id)] ?? 'not installed'})`))}.`
      : 'Succeeded everywhere.',
    clusters: badExtension.map((c) => c.name),
  });

  const notBefore = Date.parse(e.assignment.lastChangedAt) + o.syncAllowanceMs;
  const oldest = e.now - o.maxStalenessMs;
  const stateOf = new Map(e.states.map((s) => [`${key(s.clusterId)}|${s.policy.toLowerCase()}`, s]));
  const problems: string[] = [];
  const staleClusters = new Set<string>();
  for (const c of e.clusters) {
    for (const policy of e.assignment.policies) {
      const s = stateOf.get(`${key(c.id)}|${policy.toLowerCase()}`);
      const at = s ? Date.parse(s.timestamp) : NaN;
      let why: string | undefined;
      if (!s) why = 'no state';
      // Exempt is an evaluated state too: the cluster is covered by an exemption (its objects are listed apart).
      else if (!['Compliant', 'NonCompliant', 'Exempt'].includes(s.complianceState)) why = `state ${s.complianceState}`;
      else if (at < notBefore) why = `evaluated ${s.timestamp}, before the last change + sync allowance`;
      else if (at < oldest) why = `evaluated ${formatDuration(e.now - at)} ago`;
      if (why) {
        problems.push(`${c.name}/${policy}: ${why}`);
        staleClusters.add(c.name);
      }
    }
  }
  conditions.push({
    id: 'fresh-states',
    title: 'Fresh states for every cluster and policy',
    passed: problems.length === 0,
    detail: problems.length
      ? `${problems.length} cluster × policy states missing or stale (need evaluation after ${new Date(notBefore).toISOString()} and within ${formatDuration(o.maxStalenessMs)}): ${names(problems)}.`
      : `${e.clusters.length * e.assignment.policies.length} states, all fresh.`,
    clusters: [...staleClusters],
  });

  const inScope = (clusterId: string) => byId.has(key(clusterId));
  const violations = e.components.filter((c) => c.complianceState === 'NonCompliant' && inScope(c.clusterId));
  const exempt = e.components.filter((c) => c.complianceState === 'Exempt' && inScope(c.clusterId));
  const objects = violations.map((v) => ({
    cluster: nameOf(v.clusterId),
    policy: v.policy,
    kind: v.kind,
    namespace: v.namespace,
    name: v.name,
  }));
  conditions.push({
    id: 'zero-violations',
    title: 'Zero NonCompliant objects',
    passed: violations.length === 0,
    detail: violations.length
      ? `${violations.length} NonCompliant objects on ${new Set(objects.map((o) => o.cluster)).size} clusters: ${names(objects.map((v) => `${v.cluster}: ${v.kind} ${v.namespace ? `${v.namespace}/` : ''}${v.name}`))}.`
      : `No NonCompliant objects${exempt.length ? ` (${exempt.length} Exempt, listed apart)` : ''}.`,
    objects,
    clusters: [...new Set(objects.map((o) => o.cluster))],
  });

  const soaked = e.now - Date.parse(e.assignment.auditSince);
  conditions.push({
    id: 'soak',
    title: `In Audit for at least ${formatDuration(o.minSoakMs)}`,
    passed: soaked >= o.minSoakMs,
    detail:
      soaked >= o.minSoakMs
        ? `In Audit since ${e.assignment.auditSince} (${formatDuration(soaked)}).`
        : `In Audit since ${e.assignment.auditSince}: ${formatDuration(Math.max(0, soaked))} of ${formatDuration(o.minSoakMs)}; earliest promotion ${new Date(Date.parse(e.assignment.auditSince) + o.minSoakMs).toISOString()}.`,
  });

  return {
    passed: conditions.every((c) => c.passed),
    conditions,
    exempt: exempt.map((v) => ({ cluster: nameOf(v.clusterId), policy: v.policy, kind: v.kind, namespace: v.namespace, name: v.name })),
  };
}
