import type { BucketSpec, Knobs } from './knobs.js';

export type OperationClass = 'reads' | 'writes' | 'deletes';

interface Bucket {
  tokens: number;
  updated: number;
}

export interface ThrottleDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

/**
 * ARM's regional token bucket per principal and operation class, and Resource Graph's per-user quota window.
 * Only consulted when throttling is enabled.
 */
export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly windows = new Map<string, { start: number; used: number }>();

  reset(): void {
    this.buckets.clear();
    this.windows.clear();
  }

  arm(knobs: Knobs, principal: string, cls: OperationClass, now = Date.now()): ThrottleDecision {
    const spec: BucketSpec = knobs.throttling[cls];
    const id = `${principal}|${cls}`;
    let bucket = this.buckets.get(id);
    if (!bucket) this.buckets.set(id, (bucket = { tokens: spec.burst, updated: now }));
    bucket.tokens = Math.min(spec.burst, bucket.tokens + ((now - bucket.updated) / 1000) * spec.refillPerSecond);
    bucket.updated = now;
    const header = `x-ms-ratelimit-remaining-subscription-${cls}`;
    if (bucket.tokens < 1) {
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / spec.refillPerSecond));
      return { allowed: false, remaining: 0, retryAfterSeconds, headers: { [header]: '0' } };
    }
    bucket.tokens -= 1;
    const remaining = Math.floor(bucket.tokens);
    return { allowed: true, remaining, retryAfterSeconds: 0, headers: { [header]: String(remaining) } };
  }

  graph(knobs: Knobs, principal: string, now = Date.now()): ThrottleDecision {
    const { queries, windowSeconds } = knobs.throttling.graph;
    let w = this.windows.get(principal);
    if (!w || now - w.start >= windowSeconds * 1000) this.windows.set(principal, (w = { start: now, used: 0 }));
    const resetsMs = Math.max(0, w.start + windowSeconds * 1000 - now);
    const resetsAfter = hms(Math.ceil(resetsMs / 1000));
    if (w.used >= queries) {
      return {
        allowed: false,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil(resetsMs / 1000)),
        headers: { 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': resetsAfter },
      };
    }
    w.used++;
    const remaining = queries - w.used;
    return {
      allowed: true,
      remaining,
      retryAfterSeconds: 0,
      headers: { 'x-ms-user-quota-remaining': String(remaining), 'x-ms-user-quota-resets-after': resetsAfter },
    };
  }
}

function hms(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}
