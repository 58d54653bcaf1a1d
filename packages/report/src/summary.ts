import { appendFileSync, statSync } from 'node:fs';
import { log, readEnv, redact } from '@arc-actions/core';
import { LIMITS, STEP_SUMMARY_MAX_BYTES } from './limits.js';
import { fitMarkdown, splitMarkdown, type FitOptions, type FitResult } from './truncate.js';

/** Set to `false` to skip the step summary (the actions still write their outputs); see ENV in packages/core. */
export const SUMMARY_SWITCH = 'ARC_ACTIONS_STEP_SUMMARY';

/** Bytes already in this step's summary file (earlier writes of this step), which count towards the same 1 MiB. */
function bytesAlreadyWritten(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Appends Markdown to the step summary: redacted, then cut to what is left of the 1,048,576 bytes a step may write.
 * The runner drops the whole file when it holds more than that (actions/runner, `CreateStepSummaryCommand`:
 * `fileSize > 1024 * 1024`), so the budget counts the file's UTF-8 bytes, what earlier writes left in it and the
 * newline appended after the Markdown; a file of exactly 1,048,576 bytes is kept. When not even the truncation note
 * fits, nothing is written and a warning says so. Returns undefined when the summary is switched off or
 * GITHUB_STEP_SUMMARY is not set (local runs).
 */
export async function writeStepSummary(markdown: string, options: FitOptions = {}): Promise<FitResult | undefined> {
  const path = readEnv('GITHUB_STEP_SUMMARY');
  if (readEnv(SUMMARY_SWITCH)?.toLowerCase() === 'false' || !path) return undefined;
  const left = STEP_SUMMARY_MAX_BYTES - bytesAlreadyWritten(path) - Buffer.byteLength('\n');
  const fitted = fitMarkdown(redact(markdown), { ...LIMITS.stepSummary, max: Math.max(0, left) }, options);
  if (Buffer.byteLength(fitted.text) > left) {
    const units = splitMarkdown(markdown);
    log.warning(
      `The step summary was not written: this step's summary file already holds ${STEP_SUMMARY_MAX_BYTES - left - 1} of the 1,048,576 bytes GitHub keeps; see the outputs for the report.`,
    );
    const totalRows = units.filter((u) => u.kind === 'row').length;
    const sections = units.filter((u) => u.kind === 'block' || u.kind === 'open').length;
    return { text: '', truncated: true, totalRows, omittedRows: totalRows, omittedSections: sections };
  }
  // Appended directly rather than through core.summary, which caches the file path of the first step it saw.
  appendFileSync(path, `${fitted.text}\n`);
  return fitted;
}
