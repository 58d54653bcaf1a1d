import { randomUUID } from 'node:crypto';
import type { Knobs } from '../knobs.js';
import { key } from '../state/ids.js';

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface Operation {
  id: string;
  resourceId: string;
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  readyAt: number;
  error?: { code: string; message: string };
  /** What a GET on the Location URL returns once finished: a body (200) or nothing (204). */
  result?: () => unknown;
}

export interface StartOptions {
  resourceId: string;
  /** Applies the outcome to the store (provisioningState, deletion). */
  finish: (failed: boolean) => void;
  result?: () => unknown;
  /** Make this operation end Failed with this error (whatever lro.failureRate says). */
  fail?: { code: string; message: string };
}

/**
 * Long-running operations: each starts InProgress and reaches its terminal state after `lro.durationMs`
 * (on a timer, or earlier when polled after that time); `lro.failureRate` makes some end Failed.
 */
export class LroManager {
  private readonly ops = new Map<
    string,
    Operation & { finish: (failed: boolean) => void; failed: boolean; failure?: { code: string; message: string } }
  >();
  private readonly byResource = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly knobs: () => Knobs,
    private readonly random: () => number,
  ) {}

  start(options: StartOptions): Operation {
    const { durationMs, failureRate } = this.knobs().lro;
    const op = {
      id: randomUUID(),
      resourceId: options.resourceId,
      status: 'InProgress' as OperationStatus,
      startTime: new Date().toISOString(),
      readyAt: Date.now() + durationMs,
      finish: options.finish,
      result: options.result,
      failed: options.fail !== undefined || (failureRate > 0 && this.random() < failureRate),
      failure: options.fail,
    };
    this.ops.set(op.id, op);
    const previous = this.byResource.get(key(options.resourceId));
    if (previous) this.advance(previous, true);
    this.byResource.set(key(options.resourceId), op.id);
    if (durationMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.advance(op.id);
      }, durationMs);
      timer.unref();
      this.timers.add(timer);
    }
    if (this.ops.size > 50_000) for (const [id, o] of this.ops) if (o.status !== 'InProgress') this.ops.delete(id);
    return op;
  }

  /** The operation, moved to its terminal state when its time has come (or `force`). */
  advance(id: string, force = false): Operation | undefined {
    const op = this.ops.get(id);
    if (!op) return undefined;
    if (op.status === 'InProgress' && (force || Date.now() >= op.readyAt)) {
      op.status = op.failed ? 'Failed' : 'Succeeded';
      op.endTime = new Date().toISOString();
      if (op.failed) {
        op.error = op.failure ?? {
          code: 'ResourceOperationFailure',
          message: "The resource operation completed with terminal provisioning state 'Failed'. (failure injected by the sandbox)",
        };
      }
      op.finish(op.failed);
      if (this.byResource.get(key(op.resourceId)) === id) this.byResource.delete(key(op.resourceId));
    }
    return op;
  }

  /** Lets a pending operation of a resource finish if it is due (called before serving GETs). */
  settle(resourceId: string): void {
    const id = this.byResource.get(key(resourceId));
    if (id) this.advance(id);
  }

  retryAfter(op: Operation): string {
    const configured = this.knobs().lro.retryAfterSeconds;
    if (configured !== undefined) return String(configured);
    return String(Math.max(0, Math.ceil((op.readyAt - Date.now()) / 1000)));
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
