import { afterEach, describe, expect, it } from '@jest/globals';
import { parseClusterId, type FleetCluster } from '@arc-actions/azure';
import { governance, newestMinor } from '../src/governance.js';
import { readObservationInputs } from '../src/inputs.js';
import { topPerNamespace } from '../src/log-errors.js';
import { mergeSections, renderLogErrors } from '../src/sections.js';

const cluster = (name: string, kubernetesVersion: string | undefined, tags: Record<string, string> = {}): FleetCluster => {
  const id = `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/g/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
  return {
    id,
    name,
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'g',
    tags,
    kubernetesVersion,
    ref: parseClusterId(id),
  };
};

describe('governance checks', () => {
  it('warns on missing or empty required tags, matching tag names without case, and counts each tag', () => {
    const g = governance([], { requiredTags: ['environment', 'owner'], maxMinorsBehind: 2 });
    expect(g.checks(cluster('a', undefined, { Environment: 'prod', owner: ' ' }))).toEqual([
      expect.objectContaining({ check: 'required-tags', status: 'warn', reason: 'Missing required tags: owner.' }),
    ]);
    expect(g.checks(cluster('b', undefined, { environment: 'dev', OWNER: 'ops' }))[0].status).toBe('ok');
    g.checks(cluster('c', undefined));
    expect(g.section.missingTags).toEqual({ environment: 1, owner: 2 });
  });

  it('measures minors against the fleet newest or the input, warns past the allowed lag and skips unknown versions', () => {
    const fleet = [cluster('new', 'v1.33.2'), cluster('mid', '1.31.0'), cluster('old', '1.30.9'), cluster('none', undefined)];
    expect(newestMinor(fleet)).toEqual({ minor: '1.33', source: 'fleet' });
    const g = governance(fleet, { requiredTags: [], maxMinorsBehind: 2 });
    expect(fleet.map((c) => g.checks(c)[0]?.status)).toEqual(['ok', 'ok', 'warn', 'skipped']);
    expect(g.section.kubernetes).toEqual({
      newestMinor: '1.33',
      source: 'fleet',
      maxMinorsBehind: 2,
      behind: 1,
      byMinor: { '1.33': 1, '1.31': 1, '1.30': 1, unknown: 1 },
    });
    const pinned = governance(fleet, { requiredTags: [], newestKubernetesMinor: '1.35', maxMinorsBehind: 2 });
    expect(pinned.checks(fleet[1])[0]).toMatchObject({ status: 'warn', reason: expect.stringContaining('(newest-kubernetes-minor)') });
    expect(
      governance([cluster('x', '0.9.0')], { requiredTags: [], newestKubernetesMinor: '1.2', maxMinorsBehind: 2 }).checks(
        cluster('x', '0.9.0'),
      )[0],
    ).toMatchObject({
      status: 'warn',
      reason: expect.stringContaining('a major version behind'),
    });
  });
});

describe('log errors section', () => {
  it('keeps the top messages per cluster and namespace and says how many more were not shown', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ cluster: '/c1', namespace: 'shop', message: `m${i}`, count: 10 - i }));
    rows.push({ cluster: '/c2', namespace: 'db', message: 'disk', count: 1 });
    const top = topPerNamespace(rows);
    expect(top.map((r) => r.message)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'disk']);
    const section = {
      window: '24h',
      workspaces: [{ workspace: '/ws/a', outcome: 'ok' as const, clusters: 1, queryMs: 5 }],
      rows: Array.from({ length: 60 }, (_, i) => ({ cluster: 'c', id: '/c', namespace: 'n', message: `m${i}`, count: 60 - i })),
      notShown: 3,
    };
    expect(renderLogErrors(section)).toContain('13 more not shown (the JSON report keeps 500).');
    const merged = mergeSections([
      { logErrors: section, governance: { missingTags: { owner: 1 } } },
      {
        logErrors: { ...section, workspaces: [{ ...section.workspaces[0], outcome: 'failed', reason: 'throttled' }] },
        governance: { missingTags: { owner: 2 } },
      },
    ]);
    expect(merged.governance).toEqual({ missingTags: { owner: 3 } });
    expect(merged.logErrors?.rows).toHaveLength(120);
    expect(merged.logErrors?.notShown).toBe(6);
    expect(renderLogErrors(merged.logErrors)).toContain('| a | ⚠️ failed | throttled |');
  });
});

describe('observation inputs', () => {
  const set = (inputs: Record<string, string>) => {
    for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  };
  afterEach(() => set({}));

  it('reads the window, the tags and the version bounds, and refuses what it cannot use', () => {
    set({ 'log-errors': '6h', 'required-tags': 'environment, owner\ndata-classification', 'newest-kubernetes-minor': '1.34' });
    expect(readObservationInputs()).toEqual({
      logErrorsMs: 6 * 3_600_000,
      requiredTags: ['environment', 'owner', 'data-classification'],
      newestKubernetesMinor: '1.34',
      maxMinorsBehind: 2,
    });
    set({});
    expect(readObservationInputs()).toEqual({
      logErrorsMs: undefined,
      requiredTags: [],
      newestKubernetesMinor: undefined,
      maxMinorsBehind: 2,
    });
    for (const [inputs, message] of [
      [{ 'log-errors': '24' }, /"log-errors"/],
      [{ 'log-errors': '90d' }, /"log-errors"/],
      [{ 'newest-kubernetes-minor': '1.34.2' }, /"newest-kubernetes-minor".*x\.y/],
      [{ 'max-minors-behind': '-1' }, /"max-minors-behind"/],
      [{ 'required-tags': 'a/b' }, /"required-tags" has the item "a\/b"/],
    ] as const) {
      set(inputs);
      expect(() => readObservationInputs()).toThrow(message);
    }
  });
});
