import * as core from '@actions/core';
import { errorMessage, isConfigurationError, log, redact } from '@arc-actions/core';
import { blocks, heading } from './markdown.js';
import { writeStepSummary } from './summary.js';
import type { FitOptions } from './truncate.js';

/**
 * The one way an action's run ends. A failure is classified — the user's input (`ConfigurationError`), an answer of
 * Azure, GitHub or the network (a service error), or a bug of ours — and told in one redacted line; the step summary is
 * written even when the run fails after its inputs; the step is set failed once, at the end; each phase of the story runs in a log group.
 */

export type FailureKind = 'configuration' | 'service' | 'bug';

/** JavaScript's own errors of a program that went wrong; everything else is a failure the run can explain. */
const BUGS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'EvalError', 'URIError']);

export function classifyFailure(error: unknown): FailureKind {
  if (isConfigurationError(error)) return 'configuration';
  return error instanceof Error && BUGS.has(error.name) && !(error as { code?: unknown }).code ? 'bug' : 'service';
}

/** The one line a failed run ends with. */
export function failureMessage(action: string, error: unknown): string {
  const kind = classifyFailure(error);
  if (kind === 'configuration') return errorMessage(error);
  if (kind === 'bug')
    return `${action} failed: ${errorMessage(error)} This is a bug in arc-actions, not in your inputs: please report it with the debug log (ACTIONS_STEP_DEBUG).`;
  return `${action} failed: ${errorMessage(error)}`;
}

export interface RunContext {
  /** Runs one phase of the story (inputs, plan, apply, observe, report…) in a log group named `<action>: <phase>`. */
  phase<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Writes the step summary now (redacted, within GitHub's limit); a run that fails before writing one gets a short one. */
  summary(markdown: string, options?: FitOptions): Promise<void>;
  /** Marks the run failed with this message, set once when the story ends (the outputs and summary are written first). */
  fail(message: string): void;
}

export async function runAction(action: string, story: (run: RunContext) => Promise<void>): Promise<void> {
  let summarised = false;
  let failure: string | undefined;
  let kind: FailureKind | undefined;
  const run: RunContext = {
    phase: (name, fn) => log.group(`${action}: ${name}`, fn),
    summary: async (markdown, options) => {
      summarised = true;
      await writeStepSummary(markdown, options);
    },
    fail: (message) => {
      failure ??= message;
    },
  };
  try {
    await story(run);
  } catch (error) {
    kind = classifyFailure(error);
    failure = failureMessage(action, error);
    if (error instanceof Error && error.stack) core.debug(redact(error.stack));
  }
  if (failure === undefined) return;
  // A run that got past its inputs and failed still says so in the summary (an input error is its annotation alone).
  if (!summarised && kind && kind !== 'configuration') {
    const quoted = redact(failure)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    await writeStepSummary(blocks(heading(`${action}: ${kind === 'bug' ? 'failed (a bug)' : 'failed'}`, 2), quoted)).catch(
      (error: unknown) => log.warning(`The step summary could not be written: ${errorMessage(error)}`),
    );
  }
  core.setFailed(redact(failure));
}
