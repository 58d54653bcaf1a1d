import { formatDuration, mapSettled, redact, sleep } from '@arc-actions/core';
import { clusterKeyOf, kqlString, queryGraph, type ArmClients } from '@arc-actions/azure';
import type { FluxTargetResult } from './report.js';

/**
 * Observing Flux after a write: `complianceState` per cluster until Compliant or the deadline. A fleet is read
 * through Resource Graph (one query per round for every cluster still waiting); a few clusters with one GET
 * each. Non-Compliant is final once no kustomization is still progressing: an admission denial does not heal by
 * waiting, so the run does not sit out its timeout.
 */

export type ComplianceState = 'Compliant' | 'Non-Compliant' | 'Pending' | 'Suspended' | 'Unknown';

export interface KustomizationState {
  name: string;
  complianceState: string;
  /** Ready condition: True, False or Unknown. */
  ready?: string;
  reason?: string;
  message?: string;
}

export interface Compliance {
  state: ComplianceState;
  provisioningState?: string;
  errorMessage?: string;
  sourceSyncedCommitId?: string;
  statusUpdatedAt?: string;
  /** The GitRepository's own condition, when it is not Ready (clone failures, auth errors). */
  source?: { ready?: string; reason?: string; message?: string };
  kustomizations: KustomizationState[];
}

interface RawStatus {
  name?: string;
  kind?: string;
  complianceState?: string;
  statusConditions?: { type?: string; status?: string; reason?: string; message?: string }[] | null;
}

const STATES: ComplianceState[] = ['Compliant', 'Non-Compliant', 'Pending', 'Suspended', 'Unknown'];

function state(value: unknown): ComplianceState {
  const text = String(value ?? '');
  return STATES.find((s) => s.toLowerCase() === text.toLowerCase()) ?? (/^non.?compliant$/i.test(text) ? 'Non-Compliant' : 'Unknown');
}

const readyOf = (s: RawStatus) => (s.statusConditions ?? []).find((c) => c?.type === 'Ready') ?? (s.statusConditions ?? [])[0];

/** Reads a flux configuration (ARM GET or a Resource Graph row) into the per-kustomization view of the report. */
export function readCompliance(raw: Record<string, any>, configName: string, kustomizations: readonly string[]): Compliance {
  const statuses = ((raw.statuses ?? []) as (RawStatus | null)[]).filter((s): s is RawStatus => !!s);
  const byName = new Map(statuses.filter((s) => s.kind === 'Kustomization').map((s) => [String(s.name), s]));
  const names = [
    ...new Set([
      ...kustomizations,
      ...[...byName.keys()].filter((n) => n.startsWith(`${configName}-`)).map((n) => n.slice(configName.length + 1)),
    ]),
  ];
  const source = statuses.find((s) => s.kind === 'GitRepository');
  const sourceReady = source ? readyOf(source) : undefined;
  const when =
    raw.statusUpdatedAt instanceof Date ? raw.statusUpdatedAt.toISOString() : raw.statusUpdatedAt ? String(raw.statusUpdatedAt) : undefined;
  return {
    state: state(raw.complianceState),
    provisioningState: raw.provisioningState ? String(raw.provisioningState) : undefined,
    errorMessage: raw.errorMessage ? String(raw.errorMessage) : undefined,
    sourceSyncedCommitId: raw.sourceSyncedCommitId ? String(raw.sourceSyncedCommitId) : undefined,
    statusUpdatedAt: when,
    source:
      sourceReady && sourceReady.status !== 'True'
        ? { ready: sourceReady.status, reason: sourceReady.reason, message: sourceReady.message }
        : undefined,
    kustomizations: names.map((name) => {
      const s = byName.get(`${configName}-${name}`);
      const ready = s ? readyOf(s) : undefined;
      return {
        name,
        complianceState: s ? state(s.complianceState) : 'Unknown',
        ready: ready?.status,
        reason: ready?.reason,
        message: ready?.message,
      };
    }),
  };
}

const PROGRESSING = new Set(['Progressing', 'ProgressingWithRetry', 'DependencyNotReady', 'ArtifactFailed']);

/**
 * Whether the observation is final. `writtenAt` (ms) is when this run wrote the configuration: a status older
 * than that (minus clock skew) describes the previous generation, as Resource Graph may still show it.
 */
export function isFinal(c: Compliance, writtenAt?: number, skewMs = 5000): boolean {
  if (c.provisioningState === 'Failed') return true;
  if (c.provisioningState && c.provisioningState !== 'Succeeded') return false;
  if (writtenAt !== undefined && c.statusUpdatedAt && Date.parse(c.statusUpdatedAt) < writtenAt - skewMs) return false;
  if (c.state === 'Compliant' || c.state === 'Suspended') return true;
  if (c.state !== 'Non-Compliant') return false;
  // kustomize-controller marks a kustomization whose dependency is not ready yet Ready=False (DependencyNotReady)
  // and retries: that is final only when something failed for good (a kustomization or the source).
  const failed =
    c.source?.ready === 'False' ||
    c.kustomizations.some((k) => k.complianceState === 'Non-Compliant' && !(k.reason !== undefined && PROGRESSING.has(k.reason)));
  return !c.kustomizations.some(
    (k) =>
      k.ready === 'Unknown' || (k.reason !== undefined && PROGRESSING.has(k.reason) && (k.complianceState !== 'Non-Compliant' || !failed)),
  );
}

export interface Watched {
  key: string;
  clusterId: string;
  subscriptionId: string;
  writtenAt?: number;
}

export interface ObserveOptions {
  configName: string;
  kustomizations: readonly string[];
  timeoutMs: number;
  /** `graph`: one Resource Graph query per round; `arm`: one GET per cluster; `auto`: graph above 5 clusters. */
  via: 'graph' | 'arm' | 'auto';
  concurrency: number;
  clients: ArmClients;
  /** GET of one configuration (used with `arm`). */
  get: (w: Watched) => Promise<Record<string, any> | undefined>;
  initialIntervalMs?: number;
  maxIntervalMs?: number;
  onRound?: (round: number, pending: number) => void;
}

export interface Observation {
  compliance?: Compliance;
  final: boolean;
  waitedMs: number;
  error?: string;
}

async function readByGraph(options: ObserveOptions, pending: Watched[]): Promise<Map<string, Record<string, any>>> {
  const query = [
    'kubernetesconfigurationresources',
    "| where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations'",
    `| where name =~ ${kqlString(options.configName)}`,
    '| project id, name, complianceState = properties.complianceState, provisioningState = properties.provisioningState, ' +
      'errorMessage = properties.errorMessage, statuses = properties.statuses, statusUpdatedAt = properties.statusUpdatedAt, ' +
      'sourceSyncedCommitId = properties.sourceSyncedCommitId',
    '| order by id asc',
  ].join('\n');
  const subscriptions = [...new Set(pending.map((w) => w.subscriptionId.toLowerCase()))];
  const result = await queryGraph<Record<string, any>>(options.clients, query, { subscriptions });
  const wanted = new Map(pending.map((w) => [w.clusterId.toLowerCase(), w.key]));
  const out = new Map<string, Record<string, any>>();
  for (const row of result.rows) {
    const key = wanted.get(clusterKeyOf(String(row.id)));
    if (key) out.set(key, row);
  }
  return out;
}

async function readByArm(options: ObserveOptions, pending: Watched[]): Promise<Map<string, Record<string, any>>> {
  const out = new Map<string, Record<string, any>>();
  const settled = await mapSettled(pending, options.concurrency, async (w) => [w.key, await options.get(w)] as const);
  for (const s of settled) if (s.status === 'fulfilled' && s.value[1]) out.set(s.value[0], s.value[1]);
  return out;
}

/** Polls every watched configuration until each is final or the deadline passes; one observation per key. */
export async function observeCompliance(watched: readonly Watched[], options: ObserveOptions): Promise<Map<string, Observation>> {
  const started = Date.now();
  const results = new Map<string, Observation>(watched.map((w) => [w.key, { final: false, waitedMs: 0 }]));
  let pending = [...watched];
  let interval = options.initialIntervalMs ?? 2000;
  const useGraph = options.via === 'graph' || (options.via === 'auto' && watched.length > 5);
  for (let round = 1; pending.length > 0; round++) {
    options.onRound?.(round, pending.length);
    let rows: Map<string, Record<string, any>> | undefined;
    let roundError: string | undefined;
    try {
      rows = useGraph ? await readByGraph(options, pending) : await readByArm(options, pending);
    } catch (error) {
      roundError = (error as Error).message;
    }
    const waitedMs = Date.now() - started;
    pending = pending.filter((w) => {
      const obs = results.get(w.key)!;
      obs.waitedMs = waitedMs;
      if (roundError) obs.error = roundError;
      const raw = rows?.get(w.key);
      if (!raw) return true;
      obs.error = undefined;
      obs.compliance = readCompliance(raw, options.configName, options.kustomizations);
      obs.final = isFinal(obs.compliance, w.writtenAt);
      return !obs.final;
    });
    const left = options.timeoutMs - (Date.now() - started);
    if (pending.length === 0 || left <= 0) break;
    await sleep(Math.min(interval, left));
    interval = Math.min(interval * 1.5, options.maxIntervalMs ?? 15_000);
  }
  return results;
}

/** Each watched result's status and message from its observation: no state, Failed, still pending, Non-Compliant, Suspended. */
export function judgeObservations(results: FluxTargetResult[], observations: Map<string, Observation>, timeoutMs: number): void {
  for (const r of results) {
    const obs = observations.get(r.target);
    if (!obs) continue;
    if (obs.compliance) r.compliance = { ...obs.compliance, final: obs.final, waitedMs: obs.waitedMs };
    const c = obs.compliance;
    const failing = c?.kustomizations.filter((k) => k.complianceState !== 'Compliant' && k.message) ?? [];
    if (!c) {
      r.status = 'fail';
      r.message = `No compliance state within ${formatDuration(timeoutMs)}${obs.error ? ` (${obs.error})` : ''}.`;
    } else if (c.provisioningState === 'Failed') {
      r.status = 'fail';
      r.message = `The configuration's provisioning Failed${c.errorMessage ? `: ${c.errorMessage}` : ''}.`;
    } else if (!obs.final) {
      r.status = 'fail';
      r.message = `Still ${c.state} after ${formatDuration(obs.waitedMs)}${failing.length ? `: ${failing[0].name}: ${failing[0].message}` : ''}.`;
    } else if (c.state === 'Non-Compliant') {
      r.status = 'fail';
      const first = failing[0];
      r.message = first
        ? `Non-Compliant: ${first.name} (${first.reason ?? 'Ready=False'}): ${first.message}`
        : `Non-Compliant${c.source?.message ? `: source: ${c.source.message}` : ''}.`;
    } else if (c.state === 'Suspended') {
      r.status = r.status === 'fail' ? 'fail' : 'warn';
      r.message ??= 'The configuration is suspended.';
    }
    if (r.message) r.message = redact(r.message);
  }
}
