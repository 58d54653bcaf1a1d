import * as core from '@actions/core';

const secrets = new Set<string>();

/**
 * Registers a secret: the runner masks it in its logs (`core.setSecret`) and everything this library writes
 * (logs, summaries, comments, check runs, outputs, files) is redacted with {@link redact}. Multi-line secrets
 * (keys, kubeconfigs) are registered line by line too, because the runner masks line by line.
 */
export function maskSecret(value: string | undefined | null): void {
  if (!value) return;
  const candidates = [value, ...value.split(/\r?\n/).map((line) => line.trim())];
  for (const candidate of candidates) {
    if (candidate.length < 4 || secrets.has(candidate)) continue;
    secrets.add(candidate);
    core.setSecret(candidate);
  }
}

/** Replaces every registered secret in the text with `***`, longest first. */
export function redact(text: string): string {
  if (secrets.size === 0 || !text) return text;
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** Redacts a value after turning it into JSON, for outputs and reports. */
export function redactJson(value: unknown, space?: number): string {
  return redact(JSON.stringify(value, null, space));
}

/** For tests: forget the registered secrets. */
export function clearSecretsForTesting(): void {
  secrets.clear();
}
