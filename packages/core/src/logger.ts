import * as core from '@actions/core';
import { redact } from './masking.js';

/**
 * The one way our code writes to the log. Every method redacts registered secrets, so a secret that slipped
 * into an error message or a response body never reaches the log, even where the runner's masking does not run.
 */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string, properties?: core.AnnotationProperties): void;
  error(message: string, properties?: core.AnnotationProperties): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export const log: Logger = {
  info: (message) => core.info(redact(message)),
  debug: (message) => core.debug(redact(message)),
  notice: (message) => core.notice(redact(message)),
  warning: (message, properties) => core.warning(redact(message), properties),
  error: (message, properties) => core.error(redact(message), properties),
  group: (title, fn) => core.group(redact(title), fn),
};

/** Sets an output, redacted. Objects are written as JSON. */
export function setOutput(name: string, value: unknown): void {
  core.setOutput(name, redact(typeof value === 'string' ? value : JSON.stringify(value)));
}
