/**
 * A mistake in what the user asked for: a bad input, a bad file, a request that cannot be met as written.
 * Its message is one sentence that names the input, the value and what is allowed, so the fix is obvious.
 * Actions report it without a stack trace and before any write to Azure.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(message);
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError || (error instanceof Error && error.name === 'ConfigurationError');
}

/** The message of anything thrown, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
