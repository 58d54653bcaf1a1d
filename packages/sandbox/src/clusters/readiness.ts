import { request as httpRequest } from 'node:http';
import { readFile } from 'node:fs/promises';
import { waitFor } from '@arc-actions/core';
import type { ManagedProcess } from './processes.js';

/** The last lines of a log file, for error messages. */
export async function logTail(file: string, lines = 12): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Polls `probe` until it is true; fails early with the log's tail when the process exits, and with a sentence
 * naming what was awaited when the deadline passes.
 */
export async function waitUntilReady(
  what: string,
  proc: ManagedProcess | undefined,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  let exited = false;
  const result = await waitFor(
    async () => {
      if (proc && !proc.isRunning()) {
        exited = true;
        return true;
      }
      return (await probe().catch(() => false)) ? true : undefined;
    },
    { timeoutMs, initialMs: 100, maxMs: 500 },
  );
  if (exited) throw new Error(`${what} exited before it was ready; the end of ${proc?.logFile}:\n${await logTail(proc?.logFile ?? '')}`);
  if (result.value === undefined) {
    const tail = proc ? `; the end of ${proc.logFile}:\n${await logTail(proc.logFile)}` : '.';
    throw new Error(`${what} was not ready within ${Math.round(timeoutMs / 1000)} s${tail}`);
  }
  return result.waitedMs;
}

/** GET over plain HTTP without keep-alive (no socket outlives the probe); resolves with status and body. */
export function httpGet(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out.`)));
    req.on('error', reject);
    req.end();
  });
}
