import { appendFileSync, statSync } from 'node:fs';
import { redact } from '@arc-actions/core';
import { LIMITS } from './limits.js';
import { fitMarkdown, type FitOptions, type FitResult } from './truncate.js';

/** Set to `false` to skip the step summary (the actions still write their outputs). */
export const SUMMARY_SWITCH = 'ARC_ACTIONS_STEP_SUMMARY';

/** Bytes already in this step's summary file, which count towards the same 1 MiB. */
function bytesAlreadyWritten(): number {
  const path = process.env.GITHUB_STEP_SUMMARY;
  let size = 0;
  try {
    if (path) size = statSync(path).size;
  } catch {
    size = 0;
  }
  return size;
}

/**
 * Appends Markdown to the step summary: redacted, then cut to what is left of the 1 MiB a step may write.
 * Returns undefined when the summary is switched off or GITHUB_STEP_SUMMARY is not set (local runs).
 */
export async function writeStepSummary(markdown: string, options: FitOptions = {}): Promise<FitResult | undefined> {
  if (process.env[SUMMARY_SWITCH]?.toLowerCase() === 'false' || !process.env.GITHUB_STEP_SUMMARY) return undefined;
  const limit = { ...LIMITS.stepSummary, max: Math.max(0, LIMITS.stepSummary.max - bytesAlreadyWritten()) };
  const fitted = fitMarkdown(redact(markdown), limit, options);
  // Appended directly rather than through core.summary, which caches the file path of the first step it saw.
  appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${fitted.text}\n`);
  return fitted;
}
