import { errorMessage, sleep, type RetryBudget } from '@arc-actions/core';

/**
 * Retries of ARM calls made through the SDKs. The SDKs already retry 429 (honouring Retry-After) and a few 5xx and
 * connection resets per call; when a call still fails transiently, it is retried again only while the run-wide
 * {@link RetryBudget} lasts, so a fleet-wide outage ends quickly with a result per cluster instead of a storm.
 */

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

const TRANSIENT_CODES = new Set(['REQUEST_SEND_ERROR', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']);

export function isTransient(error: unknown): boolean {
  const e = error as ErrorLike;
  if (typeof e?.statusCode === 'number') return e.statusCode === 429 || e.statusCode === 408 || e.statusCode >= 500;
  return (
    (e?.code !== undefined && TRANSIENT_CODES.has(e.code)) ||
    /socket hang up|ECONNRESET|other side closed|fetch failed/i.test(e?.message ?? '')
  );
}

/** A short, user-facing description of an ARM error: status, code and message. */
export function describeArmError(error: unknown): { code?: string; message: string } {
  // Already named by the client pipeline (service, operation, attempts, status): keep it whole.
  if (typeof (error as { operation?: unknown })?.operation === 'string')
    return { code: (error as ErrorLike).code, message: errorMessage(error).split('\n')[0] };
  const e = error as ErrorLike;
  const status = typeof e?.statusCode === 'number' ? `HTTP ${e.statusCode}` : undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = errorMessage(error).split('\n')[0];
  return {
    code,
    message: [status, code && code !== message ? code : undefined].filter(Boolean).join(' ') + (status || code ? ': ' : '') + message,
  };
}

const isThrottled = (error: unknown): boolean => (error as ErrorLike)?.statusCode === 429;

/** ARM's Retry-After of a throttled answer, in milliseconds (1 s when absent), with jitter so workers spread out. */
function retryAfterMs(error: unknown): number {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers;
  const seconds = Number(headers?.get?.('retry-after') ?? 1);
  return (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) : 1) * 1000 * (1 + Math.random() * 0.5);
}

const backoffMs = (attempt: number) => Math.min(8000, 250 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);

/** Adds how often the call was sent within the run's retry budget (on top of the SDK's own attempts) to its error. */
function triedTimes(error: unknown, tries: number): unknown {
  const e = error as { message?: unknown };
  if (tries > 1 && e && typeof e === 'object' && typeof e.message === 'string')
    e.message = `${e.message} (sent ${tries} times within the run's retry budget)`;
  return error;
}

/**
 * Runs `call`, retrying transient failures while the run-wide budget allows (at most `attempts` tries). Throttling
 * (429) is ARM pacing a large fleet, not a failure: it is waited out (the SDK honours Retry-After first) without
 * spending the budget, for up to 12 tries.
 */
export async function withBudget<T>(budget: RetryBudget, call: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const throttled = isThrottled(error);
      if (attempt >= (throttled ? 12 : attempts) || !isTransient(error) || (!throttled && !budget.take())) throw triedTimes(error, attempt);
      await sleep(throttled ? retryAfterMs(error) : backoffMs(attempt));
    }
  }
}

/**
 * A long-running write. The SDK sends the write and its first status poll inside `begin`, so a transient failure of
 * `begin` does not tell whether ARM accepted the write: before sending it again, `landed` reads the resource back, and
 * a write that already landed is never re-sent. Once ARM has accepted the write, a failed wait is not retried on the
 * poller (its result is cached, failure included) but by reading the resource back until it has settled.
 */
export async function writeThenPoll<T>(
  budget: RetryBudget,
  begin: () => Promise<{ poller: { pollUntilDone(): Promise<T> } }>,
  landed?: () => Promise<T | undefined>,
): Promise<T> {
  let poller: { pollUntilDone(): Promise<T> } | undefined;
  for (let attempt = 1; !poller; attempt++) {
    try {
      poller = (await begin()).poller;
    } catch (error) {
      const throttled = isThrottled(error);
      if (attempt >= (throttled ? 12 : 6) || !isTransient(error) || (!throttled && !budget.take())) throw triedTimes(error, attempt);
      const already = landed ? await landed().catch(() => undefined) : undefined;
      if (already !== undefined) return already;
      await sleep(throttled ? retryAfterMs(error) : backoffMs(attempt));
    }
  }
  try {
    return await poller.pollUntilDone();
  } catch (error) {
    if (!landed || !isTransient(error)) throw error;
    for (let attempt = 1; attempt <= 12; attempt++) {
      const settled = await landed().catch(() => undefined);
      if (settled !== undefined) return settled;
      await sleep(isThrottled(error) ? retryAfterMs(error) : Math.min(8000, 250 * 2 ** (attempt - 1)));
    }
    throw error;
  }
}
