import { describe, expect, it } from '@jest/globals';
import { diffFields, formatDuration, mapSettled, parseDuration, stableStringify } from '../src/index.js';

describe('diffFields', () => {
  it('compares only what the user sets, case-insensitively on keys, and reports paths', () => {
    const actual = { Tags: { env: 'prod' }, properties: { provisioningState: 'Succeeded', distribution: 'k3s' } };
    expect(diffFields(actual, { tags: { env: 'prod' }, properties: { distribution: 'k3s' } })).toEqual([]);
    expect(diffFields(actual, { tags: { env: 'dev', team: 'a' } })).toEqual([
      { path: 'tags.env', before: 'prod', after: 'dev' },
      { path: 'tags.team', before: undefined, after: 'a' },
    ]);
  });
  it('stableStringify does not depend on key order', () => {
    expect(stableStringify({ b: 1, a: [{ d: 1, c: 2 }] })).toBe(stableStringify({ a: [{ c: 2, d: 1 }], b: 1 }));
  });
});

describe('durations', () => {
  it('round-trips the forms users write', () => {
    for (const [text, ms] of [
      ['7d', 604_800_000],
      ['24h', 86_400_000],
      ['30m', 1_800_000],
      ['45s', 45_000],
      ['0', 0],
      ['1h30m', 5_400_000],
    ] as const) {
      expect(parseDuration(text)).toBe(ms);
    }
    expect(parseDuration('7 days')).toBeUndefined();
    expect(parseDuration('m')).toBeUndefined();
    // A number without a unit is not a duration: `min-soak: 7` once meant 7 seconds.
    expect(parseDuration('7')).toBeUndefined();
    expect(parseDuration('45')).toBeUndefined();
    expect(formatDuration(5_400_000)).toBe('1h30m');
  });
});

describe('mapSettled', () => {
  it('keeps order, bounds concurrency and keeps going after a failure', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapSettled([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (n === 3) throw new Error('three');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'err'))).toEqual([10, 20, 'err', 40, 50, 60]);
  });
});
