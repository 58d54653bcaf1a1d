import * as core from '@actions/core';
import { errorMessage, isConfigurationError } from './errors.js';
import { redact } from './masking.js';

/**
 * Wraps an action's story so that every failure ends the same way: a ConfigurationError is one line that the
 * user can act on; anything else shows its message (redacted) and, in debug logs, its stack.
 */
export async function runAction(name: string, story: () => Promise<void>): Promise<void> {
  try {
    await story();
  } catch (error) {
    if (isConfigurationError(error)) {
      core.setFailed(redact(error.message));
      return;
    }
    if (error instanceof Error && error.stack) core.debug(redact(error.stack));
    core.setFailed(redact(`${name} failed: ${errorMessage(error)}`));
  }
}
