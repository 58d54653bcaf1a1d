import type { IncomingHttpHeaders } from 'node:http';

/** One request as the sandbox's route handlers see it (body already read; JSON parsed when it is JSON). */
export interface SandboxRequest {
  method: string;
  /** Full URL (https://127.0.0.1:port/...). */
  url: URL;
  /** Path relative to the handler's mount point, e.g. `/repos/acme/fleet/check-runs` for the GitHub API. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, form fields (urlencoded) as a record, or undefined. */
  body: unknown;
  rawBody: Buffer;
}

export interface SandboxResponse {
  status: number;
  /** Reason phrase of the status line (default: the standard one). */
  statusText?: string;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string or a Buffer. */
  body?: unknown;
}

/** Returns undefined when the request is not for this handler. */
export type Handler = (request: SandboxRequest) => Promise<SandboxResponse | undefined> | SandboxResponse | undefined;
