/** Compares dotted versions numerically (1.10.0 > 1.9.3); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a
    .replace(/^v/, '')
    .split(/[.-]/)
    .map((p) => Number.parseInt(p, 10) || 0);
  const pb = b
    .replace(/^v/, '')
    .split(/[.-]/)
    .map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** How many minor versions `version` is behind `newest` (same major), or Infinity across majors. */
export function minorLag(version: string, newest: string): number {
  const [ma, mi] = version.replace(/^v/, '').split('.').map(Number);
  const [nma, nmi] = newest.replace(/^v/, '').split('.').map(Number);
  if (ma !== nma) return ma < nma ? Infinity : 0;
  return Math.max(0, (nmi ?? 0) - (mi ?? 0));
}
