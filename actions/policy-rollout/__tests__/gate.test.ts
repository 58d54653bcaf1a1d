import { describe, expect, it } from '@jest/globals';
import { evaluateGate } from '../src/gate/evaluate.js';
import type { GateEvidence, GateOptions } from '../src/gate/evidence.js';

const DAY = 86_400_000;
const now = Date.parse('2026-11-26T02:00:00Z');
const options: GateOptions = { minSoakMs: 7 * DAY, maxStalenessMs: DAY, syncAllowanceMs: 30 * 60_000 };
const id = (n: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/fleet/providers/Microsoft.Kubernetes/connectedClusters/${n}`;
const names = ['eks-prod-use1', 'gke-loyalty', 'onprem-dc1'];
const policies = ['ContainerNoPrivilege', 'HostNamespace'];

function clean(): GateEvidence {
  return {
    now,
    assignment: {
      id: '/a/psp-baseline',
      name: 'psp-baseline',
      effect: 'Audit',
      lastChangedAt: '2026-11-10T00:00:00Z',
      auditSince: '2026-11-10T00:00:00Z',
      policies,
    },
    clusters: names.map((n) => ({ id: id(n), name: n, connectivityStatus: 'Connected' })),
    policyExtension: Object.fromEntries(names.map((n) => [id(n).toLowerCase(), 'Succeeded'])),
    states: names.flatMap((n) =>
      policies.map((p) => ({ clusterId: id(n).toLowerCase(), policy: p, complianceState: 'Compliant', timestamp: '2026-11-26T01:30:00Z' })),
    ),
    components: [],
    complete: { inventory: true, extensions: true, states: true, components: true },
  };
}

const failed = (e: GateEvidence) =>
  evaluateGate(e, options)
    .conditions.filter((c) => !c.passed)
    .map((c) => c.id);

describe('promotion gate', () => {
  it('the clean case passes every condition', () => {
    const result = evaluateGate(clean(), options);
    expect(result.passed).toBe(true);
    expect(result.conditions).toHaveLength(8);
  });

  it('refuses with no cluster in scope', () => {
    const e = { ...clean(), clusters: [], states: [] };
    expect(failed(e)).toEqual(['clusters-in-scope']);
  });

  it('refuses when a cluster has no states', () => {
    const e = clean();
    e.states = e.states.filter((s) => !s.clusterId.endsWith('onprem-dc1'));
    const result = evaluateGate(e, options);
    expect(failed(e)).toEqual(['fresh-states']);
    expect(result.conditions.find((c) => c.id === 'fresh-states')!.clusters).toEqual(['onprem-dc1']);
  });

  it('refuses stale states (older than max-staleness)', () => {
    const e = clean();
    e.states[0].timestamp = '2026-11-24T00:00:00Z';
    expect(failed(e)).toEqual(['fresh-states']);
    expect(evaluateGate(e, options).conditions.find((c) => c.id === 'fresh-states')!.detail).toMatch(
      /eks-prod-use1\/ContainerNoPrivilege: evaluated 2d2h ago/,
    );
  });

  it('refuses states evaluated before the last change plus the sync allowance', () => {
    const e = clean();
    e.assignment.lastChangedAt = '2026-11-26T01:10:00Z';
    e.assignment.auditSince = '2026-11-10T00:00:00Z';
    expect(failed(e)).toEqual(['fresh-states']);
  });

  it('refuses Unknown or Error states', () => {
    const e = clean();
    e.states[3].complianceState = 'Unknown';
    expect(failed(e)).toEqual(['fresh-states']);
  });

  it('refuses an Offline cluster', () => {
    const e = clean();
    e.clusters[1].connectivityStatus = 'Offline';
    expect(failed(e)).toEqual(['connected']);
  });

  it('refuses a Failed or missing policy extension', () => {
    const e = clean();
    e.policyExtension[id('gke-loyalty').toLowerCase()] = 'Failed';
    delete e.policyExtension[id('onprem-dc1').toLowerCase()];
    const condition = evaluateGate(e, options).conditions.find((c) => c.id === 'policy-extension')!;
    expect(condition.passed).toBe(false);
    expect(condition.detail).toContain('gke-loyalty (Failed), onprem-dc1 (not installed)');
  });

  it('refuses truncated paging', () => {
    const e = clean();
    e.complete.components = false;
    expect(failed(e)).toEqual(['complete-data']);
  });

  it('refuses one violation in one of three clusters, naming the object', () => {
    const e = clean();
    e.components = [
      {
        clusterId: id('onprem-dc1'),
        policy: 'ContainerNoPrivilege',
        kind: 'Pod',
        namespace: 'payments',
        name: 'legacy-agent-x7',
        complianceState: 'NonCompliant',
      },
    ];
    const result = evaluateGate(e, options);
    expect(failed(e)).toEqual(['zero-violations']);
    expect(result.conditions.find((c) => c.id === 'zero-violations')!.objects).toEqual([
      { cluster: 'onprem-dc1', policy: 'ContainerNoPrivilege', kind: 'Pod', namespace: 'payments', name: 'legacy-agent-x7' },
    ]);
  });

  it('lists Exempt objects apart and still passes', () => {
    const e = clean();
    e.components = [
      {
        clusterId: id('gke-loyalty'),
        policy: 'ContainerNoPrivilege',
        kind: 'DaemonSet',
        namespace: 'monitoring',
        name: 'node-exporter',
        complianceState: 'Exempt',
      },
    ];
    const result = evaluateGate(e, options);
    expect(result.passed).toBe(true);
    expect(result.exempt).toHaveLength(1);
  });

  it('refuses before the soak period, giving the earliest promotion time', () => {
    const e = clean();
    e.assignment.auditSince = '2026-11-23T02:00:00Z';
    const condition = evaluateGate(e, options).conditions.find((c) => c.id === 'soak')!;
    expect(condition.passed).toBe(false);
    expect(condition.detail).toContain('3d of 7d; earliest promotion 2026-11-30T02:00:00.000Z');
  });

  it('refuses an assignment that is not in Audit', () => {
    const e = clean();
    e.assignment.effect = 'Deny';
    expect(failed(e)).toEqual(['effect']);
  });

  it('reports every failed condition at once', () => {
    const e = clean();
    e.clusters[0].connectivityStatus = 'Offline';
    e.complete.states = false;
    e.assignment.auditSince = '2026-11-25T00:00:00Z';
    expect(failed(e).sort()).toEqual(['complete-data', 'connected', 'soak']);
  });
});
