/**
 * Runs `fn` over `items` with at most `limit` in flight; results keep the order of `items`.
 * A rejection of one item does not stop the others: each result is either a value or the error.
 */
export async function mapSettled<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await fn(items[index], index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/** Like {@link mapSettled} but rejects with the first error after all items have finished. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const settled = await mapSettled(items, limit, fn);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((r) => (r as PromiseFulfilledResult<R>).value);
}

/**
 * A budget of retries shared by a whole run, so that a fleet-wide outage fails fast instead of every target
 * retrying to its own limit. `take()` is false once the budget is spent.
 */
export class RetryBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }
  get spent(): number {
    return this.used;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a value other than undefined or the deadline passes. The interval grows
 * from `initialMs` to `maxMs`; never a blind sleep of the whole wait.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; initialMs?: number; maxMs?: number; now?: () => number },
): Promise<{ value: T; waitedMs: number } | { value: undefined; waitedMs: number }> {
  const now = options.now ?? Date.now;
  const start = now();
  let interval = options.initialMs ?? 250;
  for (;;) {
    const value = await probe();
    const waitedMs = now() - start;
    if (value !== undefined) return { value, waitedMs };
    if (waitedMs >= options.timeoutMs) return { value: undefined, waitedMs };
    await sleep(Math.min(interval, Math.max(0, options.timeoutMs - waitedMs)));
    interval = Math.min(interval * 2, options.maxMs ?? 5000);
  }
}
