import type { ApiFamily } from './knobs.js';

/** One request as the sandbox recorded it. */
export interface CallRecord {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  api: ApiFamily;
  status: number;
  /** Object id of the caller (from its bearer token), or the client id for token requests; undefined when anonymous. */
  principal?: string;
  durationMs: number;
  userAgent?: string;
  /** Error code when the answer was an error (ARM `error.code`, AAD `AADSTSnnnn`, `connection-reset`…). */
  error?: string;
}

/** The call log, bounded so that long benchmark runs do not grow without limit (oldest calls dropped first). */
export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;
  constructor(private readonly limit = 200_000) {}

  add(record: Omit<CallRecord, 'seq'>): void {
    this.records.push({ seq: ++this.seq, ...record });
    if (this.records.length > this.limit) this.records.splice(0, this.records.length - this.limit);
  }

  list(): CallRecord[] {
    return [...this.records];
  }

  clear(): void {
    this.records = [];
  }
}
