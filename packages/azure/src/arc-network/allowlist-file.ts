import type { RequiredHost } from './requirements.js';

/**
 * The allowlist the proxy team applies: a plain-text file (one `host:port` a line, nothing else, so that it can be fed
 * to a firewall or proxy as it is) and a JSON document with the purpose and source of each entry. What changed since
 * the last run is the difference with a previous file (text or JSON) the workflow hands back.
 */
export interface AllowlistDocument {
  version: 1;
  cloud: string;
  location: string;
  hosts: RequiredHost[];
  /** Entries (`host:port`) not in the previous file; undefined without a previous file. */
  added?: string[];
  /** Entries of the previous file that are no longer needed. */
  removed?: string[];
}

export const entryOf = (h: { host: string; port: number }): string => `${h.host}:${h.port}`;

export function allowlistText(hosts: readonly RequiredHost[]): string {
  return hosts.map((h) => `${entryOf(h)}\n`).join('');
}

/**
 * The entries of a previous allowlist: the JSON document (its `hosts`) or the text file (one `host:port` a line;
 * blank lines and `#` comments ignored, a bare host means port 443). Returns undefined when the text is neither.
 */
export function parsePreviousAllowlist(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const doc = JSON.parse(trimmed) as Partial<AllowlistDocument>;
      if (!Array.isArray(doc.hosts)) return undefined;
      return doc.hosts
        .filter((h) => h && typeof h.host === 'string')
        .map((h) => entryOf({ host: h.host.toLowerCase(), port: Number(h.port ?? 443) }));
    } catch {
      return undefined;
    }
  }
  const entries: string[] = [];
  for (const raw of trimmed.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\*\.)?[A-Za-z0-9.-]+(?::(\d{1,5}))?$/.exec(line);
    if (!m) return undefined;
    entries.push(m[2] ? line.toLowerCase() : `${line.toLowerCase()}:443`);
  }
  return entries;
}

/** What a proxy team has to add and may remove, comparing the previous entries with the current ones. */
export function diffAllowlist(previous: readonly string[], current: readonly string[]): { added: string[]; removed: string[] } {
  const before = new Set(previous);
  const now = new Set(current);
  return { added: current.filter((e) => !before.has(e)), removed: [...before].filter((e) => !now.has(e)) };
}
