import { gunzipSync, gzipSync } from 'node:zlib';
import { clusterLabels } from '@arc-actions/azure';
import type { GateEvidence } from './gate/evidence.js';

/** The row label of each cluster, by key: its name, or its id where two clusters share the name. */
const labelsOf = (clusters: GateEvidence['clusters']) =>
  clusterLabels(clusters.map((c) => ({ id: c.id, key: c.id.toLowerCase(), name: c.name })));

export interface Violation {
  cluster: string;
  policy: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** A stable key per violating object, for comparing evaluations. */
export const violationKey = (v: Violation): string => `${v.cluster}|${v.policy}|${v.kind}|${v.namespace ?? ''}/${v.name}`;

export function violationsOf(e: Pick<GateEvidence, 'clusters' | 'components'>, state = 'NonCompliant'): Violation[] {
  const names = labelsOf(e.clusters);
  return e.components
    .filter((c) => c.complianceState === state && names.has(c.clusterId.toLowerCase()))
    .map((c) => ({ cluster: names.get(c.clusterId.toLowerCase())!, policy: c.policy, kind: c.kind, namespace: c.namespace, name: c.name }))
    .sort((a, b) => violationKey(a).localeCompare(violationKey(b)));
}

/** The objects an exemption takes out of the evaluation: listed in every report, so an exemption is never silent. */
export const exemptionsOf = (e: Pick<GateEvidence, 'clusters' | 'components'>): Violation[] => violationsOf(e, 'Exempt');

/** Per cluster and policy: the state and the number of NonCompliant objects. */
export interface ComplianceCell {
  state: string;
  violations: number;
}

export function complianceMatrix(
  e: Pick<GateEvidence, 'clusters' | 'states' | 'components'>,
  policies: string[],
): Map<string, Map<string, ComplianceCell>> {
  const matrix = new Map<string, Map<string, ComplianceCell>>();
  const names = labelsOf(e.clusters);
  for (const label of names.values()) matrix.set(label, new Map(policies.map((p) => [p, { state: 'No data', violations: 0 }])));
  for (const s of e.states) {
    const row = matrix.get(names.get(s.clusterId.toLowerCase()) ?? '');
    const cell = row?.get(s.policy);
    if (cell) cell.state = s.complianceState;
  }
  for (const v of violationsOf(e)) {
    const cell = matrix.get(v.cluster)?.get(v.policy);
    if (cell) cell.violations++;
  }
  return matrix;
}

export interface ComplianceDiff {
  /** Whether a previous evaluation was available to compare with. */
  previous: boolean;
  added: string[];
  resolved: string[];
  unchanged: string[];
}

export function diffViolations(previous: string[] | undefined, current: Violation[]): ComplianceDiff {
  const now = current.map(violationKey);
  if (!previous) return { previous: false, added: now, resolved: [], unchanged: [] };
  const before = new Set(previous);
  const after = new Set(now);
  return {
    previous: true,
    added: now.filter((k) => !before.has(k)),
    resolved: previous.filter((k) => !after.has(k)),
    unchanged: now.filter((k) => before.has(k)),
  };
}

/** A snapshot of the violations per assignment, small enough to ride along in the sticky comment. */
export type Snapshot = Record<string, string[]>;

const SNAPSHOT = /<!-- arc-actions:snapshot:([A-Za-z0-9+/=]+) -->/;

export function encodeSnapshot(snapshot: Snapshot, maxChars = 20_000): string {
  let data = Buffer.from(gzipSync(JSON.stringify(snapshot))).toString('base64');
  if (data.length > maxChars) {
    // Too many violations to keep by name: keep a count per assignment only, so the next diff says "unknown".
    data = Buffer.from(gzipSync(JSON.stringify({}))).toString('base64');
  }
  return `<!-- arc-actions:snapshot:${data} -->`;
}

export function decodeSnapshot(text: string | undefined): Snapshot | undefined {
  const match = text ? SNAPSHOT.exec(text) : null;
  if (!match) return undefined;
  try {
    return JSON.parse(gunzipSync(Buffer.from(match[1], 'base64')).toString('utf8')) as Snapshot;
  } catch {
    return undefined;
  }
}
