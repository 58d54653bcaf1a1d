import * as core from '@actions/core';

const secrets = new Set<string>();

/**
 * Registers a secret: the runner masks it in its logs (`core.setSecret`) and everything this library writes
 * (logs, summaries, comments, check runs, outputs, files) is redacted with {@link redact}. Multi-line secrets
 * (keys, kubeconfigs) also have their secret-looking lines registered, because the runner masks line by line;
 * credentials inside structured secrets are registered by their parsers (e.g. maskKubeconfig).
 */
export function maskSecret(value: string | undefined | null): void {
  if (!value) return;
  // Lines of a multi-line secret are registered too when they look like secret material (a PEM body line, a token):
  // structural lines such as "clusters:" or "- name: prod" would otherwise be masked in every later message.
  const lines = value.includes('\n')
    ? value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => /^[A-Za-z0-9+/=_.~-]{16,}$/.test(line))
    : [];
  const candidates = [value, ...lines];
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
