/**
 * Pure logic of exemptions as code, rings in order, the gator download's refusals and arc-verify's exemption check.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicies } from '../src/policy-file/load.js';
import { ringOrderRefusal } from '../src/rollout.js';
import { GATOR_SHA256, GATOR_VERSION, locateGator, releaseAsset, verifyAndUnpack } from '../src/preview/gator.js';
import { storeLocation } from '../src/preview/templates.js';
import { checkExemptions } from '../../arc-verify/src/checks/exemptions.js';

const SUB = '00000000-0000-0000-0000-000000000001';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/edge/providers/Microsoft.Kubernetes/connectedClusters/dc1-01`;
const assignment = `assignments:
  - name: psp-baseline
    scope: /subscriptions/${SUB}
    definition: a8640138-9b0a-4a28-b8cb-1666c838647d
    stage: deny
    rings:
      - name: canary
        locations: [westeurope]
      - name: broad
        locations: [northeurope]
`;

function load(exemptions: string) {
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies/fleet.yaml'), `${assignment}exemptions:\n${exemptions}`);
  return () => loadPolicies('policies', dir);
}

describe('exemptions in the policy files', () => {
  it('reads an exemption with its line, a date expiry as midnight UTC and the policies it names', () => {
    const set = load(`  - name: dc1-waiver
    assignment: psp-baseline
    scope: ${CLUSTER}
    category: Waiver
    expires-on: 2026-09-30
    policies: [NoHostPathVolume]
`)();
    expect(set.exemptions).toEqual([
      expect.objectContaining({
        name: 'dc1-waiver',
        line: 12,
        scope: CLUSTER,
        category: 'Waiver',
        expiresOn: '2026-09-30T00:00:00.000Z',
        policies: ['NoHostPathVolume'],
      }),
    ]);
  });

  it.each([
    [
      'a waiver without an end',
      `  - name: w\n    assignment: psp-baseline\n    scope: ${CLUSTER}\n    category: Waiver\n`,
      /fleet.yaml line 15: exemption "w" is a Waiver without expires-on/,
    ],
    [
      'an unknown assignment',
      `  - name: w\n    assignment: nope\n    scope: ${CLUSTER}\n    category: Mitigated\n`,
      /exemption "w" names the assignment "nope", which is not in the policy files \(they define: psp-baseline\)/,
    ],
    [
      'a scope outside the assignment',
      `  - name: w\n    assignment: psp-baseline\n    scope: /subscriptions/00000000-0000-0000-0000-000000000002\n    category: Mitigated\n`,
      /is not at or below \/subscriptions\/00000000-0000-0000-0000-000000000001/,
    ],
    [
      'an expiry that is not a date',
      `  - name: w\n    assignment: psp-baseline\n    scope: ${CLUSTER}\n    category: Waiver\n    expires-on: next week\n`,
      /expires-on "next week" is not an ISO 8601 date/,
    ],
    ['an unknown category', `  - name: w\n    assignment: psp-baseline\n    scope: ${CLUSTER}\n    category: Forever\n`, /category/],
  ])('refuses %s, naming the file and line', (_, text, message) => {
    expect(load(text)).toThrow(message);
  });
});

describe('rings are promoted one at a time, in the order of the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies/fleet.yaml'), assignment);
  const spec = loadPolicies('policies', dir).assignments[0];
  it('refuses broad before canary, and the whole assignment before every ring', () => {
    expect(ringOrderRefusal(spec, 'canary', [])).toBeUndefined();
    expect(ringOrderRefusal(spec, 'broad', [])).toMatch(/canary is not Deny yet; promote ring canary first/);
    expect(ringOrderRefusal(spec, 'broad', ['canary'])).toBeUndefined();
    expect(ringOrderRefusal(spec, undefined, ['canary'])).toMatch(/promote ring broad first/);
    expect(ringOrderRefusal(spec, undefined, ['canary', 'broad'])).toBeUndefined();
    expect(ringOrderRefusal({ ...spec, rings: [] }, undefined, [])).toBeUndefined();
  });
});

describe('gator on a runner', () => {
  it('refuses to download without a pinned checksum, naming the asset and the fix', async () => {
    const env = { PATH: mkdtempSync(join(tmpdir(), 'empty-path-')), RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'runner-temp-')) };
    const os = `${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
    if (GATOR_SHA256[os]) return; // a pinned checksum would make this a download test, which needs the network
    await expect(locateGator(env)).rejects.toThrow(
      `gator is not on PATH, and no SHA-256 is pinned for gator-${GATOR_VERSION}-${os}.tar.gz in this action, so it refuses to download it`,
    );
  });

  it('takes gator from PATH first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gator-path-'));
    writeFileSync(join(dir, 'gator'), '#!/bin/sh\n', { mode: 0o755 });
    await expect(locateGator({ PATH: dir })).resolves.toEqual({ path: join(dir, 'gator'), source: 'PATH' });
  });

  it('unpacks a download only when its SHA-256 is the pinned one', async () => {
    const src = mkdtempSync(join(tmpdir(), 'gator-src-'));
    writeFileSync(join(src, 'gator'), '#!/bin/sh\necho gator\n', { mode: 0o755 });
    const archive = join(src, 'gator.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', src, 'gator']);
    const bytes = readFileSync(archive);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const asset = releaseAsset();
    await expect(verifyAndUnpack(bytes, 'f'.repeat(64), mkdtempSync(join(tmpdir(), 'gator-bad-')), asset)).rejects.toThrow(
      `The download of ${asset} has SHA-256 ${sha}, not the pinned ${'f'.repeat(64)}; refusing to run it.`,
    );
    const out = mkdtempSync(join(tmpdir(), 'gator-good-'));
    expect(await verifyAndUnpack(bytes, sha, out, asset)).toBe(join(out, 'gator'));
    expect(existsSync(join(out, 'gator'))).toBe(true);
  });

  it('fetches store templates from the override only for store URLs', () => {
    const url = 'https://store.policy.core.windows.net/kubernetes/container-no-privilege/v2/template.yaml';
    expect(storeLocation(url, {})).toBe(url);
    expect(storeLocation(url, { ARC_POLICY_STORE_URL: 'https://127.0.0.1:9/policy-store/' })).toBe(
      'https://127.0.0.1:9/policy-store/kubernetes/container-no-privilege/v2/template.yaml',
    );
    expect(storeLocation('https://example.com/t.yaml', { ARC_POLICY_STORE_URL: 'https://127.0.0.1:9' })).toBe('https://example.com/t.yaml');
  });
});

describe("arc-verify's policy-exemptions check", () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-09-01T00:00:00Z');
  const cluster = { id: CLUSTER, name: 'dc1-01', subscriptionId: SUB, resourceGroup: 'edge' };
  const row = (scope: string, name: string, expiresOn?: string) => ({
    id: `${scope}/providers/Microsoft.Authorization/policyExemptions/${name}`,
    name,
    assignment: `/subscriptions/${SUB}/providers/Microsoft.Authorization/policyAssignments/psp-baseline`,
    category: 'Waiver',
    expiresOn,
  });
  it('skips a cluster no exemption covers, also when another cluster of the group has one', () => {
    expect(checkExemptions(cluster, [row(`${CLUSTER}-2`, 'other', '2026-09-05T00:00:00Z')], now, 14).status).toBe('skipped');
  });
  it('warns within the window, with the days left, for exemptions at the cluster, its group or its subscription', () => {
    for (const scope of [CLUSTER, `/subscriptions/${SUB}/resourceGroups/edge`, `/subscriptions/${SUB}`]) {
      const r = checkExemptions(cluster, [row(scope, 'soak', new Date(now + 10 * DAY).toISOString())], now, 14);
      expect(r).toMatchObject({
        status: 'warn',
        reason: expect.stringContaining('soak (Waiver from psp-baseline, expires 2026-09-11), in 10 days'),
      });
    }
    expect(checkExemptions(cluster, [row(CLUSTER, 'soak', new Date(now + 20 * DAY).toISOString())], now, 14).status).toBe('ok');
  });
  it('fails on an expired exemption still present', () => {
    const r = checkExemptions(cluster, [row(CLUSTER, 'old', new Date(now - DAY).toISOString()), row(CLUSTER, 'new')], now, 14);
    expect(r).toMatchObject({ status: 'fail', reason: expect.stringContaining('1 expired exemptions are still present: old') });
  });
});
