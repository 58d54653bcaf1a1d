const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Parses durations such as `90s`, `15m`, `1h30m`, `7d`. Every number needs its unit: a bare `7` is refused (it was
 * once read as seconds, and `min-soak: 7` meant 7 seconds, not 7 days); only `0` stands alone, as in Go.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (value === '0') return 0;
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(value); match; match = part.exec(value)) {
    total += Number(match[1]) * UNITS[match[2]];
    consumed = part.lastIndex;
  }
  if (consumed === 0 || consumed !== value.length) return undefined;
  return Math.round(total);
}

/** Formats milliseconds the way users write them: `7d`, `1h30m`, `45s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('');
}

/** Whether a text is a number without a unit (`7`, `30`, `1.5`): the mistake {@link unitlessHint} explains. */
export const isUnitless = (text: string): boolean => /^\s*\d+(\.\d+)?\s*$/.test(text) && text.trim() !== '0';

/** The sentence that explains a duration without a unit. */
export function unitlessHint(text: string): string {
  const n = text.trim();
  return `a duration needs a unit: write ${n}d, ${n}h, ${n}m or ${n}s (units: s, m, h, d, w)`;
}
