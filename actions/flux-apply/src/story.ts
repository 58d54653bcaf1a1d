import { errorMessage, formatDuration, isPullRequestEvent, log, mapSettled, redact, RetryBudget } from '@arc-actions/core';
import { armClientsFor, clusterLabels, Clusters, FluxConfigurations, type ArmClients } from '@arc-actions/azure';
import { applyTarget, type ApplyContext } from './apply-target.js';
import { desiredBody, protectedSettings } from './desired.js';
import type { Inputs } from './inputs.js';
import { judgeObservations, observeCompliance, type Watched } from './observe.js';
import { sourceOf } from './provenance.js';
import { commentMarkdown, countTargets, summaryMarkdown, type FleetReport, type FluxTargetResult } from './report.js';
import { failResult, resolveTargets } from './targets.js';

export { publishFleetResult } from './publish.js';

/**
 * flux-apply's story after the inputs: targets → (per cluster) extension, plan, apply → observe → report.
 * Every target ends with exactly one result, whatever fails where; secrets never leave `configurationProtectedSettings`.
 */

export interface FleetDeps {
  /** SDK client factory (tests and main.ts may pass one; otherwise built from the identity inputs with GitHub OIDC). */
  clients?: ArmClients;
  /** How compliance is polled; `auto` uses Resource Graph above 5 clusters. */
  observeVia?: 'graph' | 'arm' | 'auto';
  /** Retries of transient ARM failures shared by the whole run (beyond the SDK's own per-call retries). */
  retryBudget?: number;
  /** Environment for the provenance source and the pull-request context (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Polling intervals (tests shorten them). */
  pollIntervalMs?: { initial: number; max: number };
}

export interface FleetResult {
  /** The `results` JSON: one entry per target. */
  report: FleetReport;
  /** `{ include: [{ cluster, target }] }` for a GitHub Actions matrix. */
  matrix: { include: { cluster: string; target: string }[] };
  summary: string;
  /** The sticky PR comment (pull_request events in dry-run mode only). */
  comment?: string;
  failed: boolean;
}

export async function applyFleet(inputs: Inputs, deps: FleetDeps = {}): Promise<FleetResult> {
  const env = deps.env ?? process.env;
  const startedAt = new Date().toISOString();
  const { config, auth } = inputs.source;
  const configName = config.name;
  const kustomizationNames = Object.keys(config.kustomizations);
  const source = sourceOf(inputs.source.origin, env);
  const settings = protectedSettings(auth);

  const clients = deps.clients ?? (await armClientsFor(inputs.identity));
  const budget = new RetryBudget(deps.retryBudget ?? Math.max(20, 5 * inputs.concurrency));
  const ctx: ApplyContext = {
    inputs,
    flux: new FluxConfigurations(clients, budget),
    clusters: new Clusters(clients, budget),
    configName,
    source,
    desired: desiredBody(config, auth),
    settings,
    writtenAt: new Map<string, number>(),
  };

  const resolved = await resolveTargets(inputs, clients, ctx.clusters);
  const targets = [...resolved.targets].sort((a, b) => a.key.localeCompare(b.key));
  log.info(
    `flux-apply: configuration "${configName}" from ${source} on ${targets.length} ${inputs.clusterType} cluster(s)${inputs.dryRun ? ', dry run' : ''}.`,
  );
  if (Object.keys(settings).length && !inputs.fingerprintKey && !inputs.resendProtectedSettings)
    log.info(
      'Protected settings are compared by kind only (no fingerprint-key): a rotated Git key is sent again only with resend-protected-settings: true.',
    );

  const settled = await mapSettled(targets, inputs.concurrency, (t) => applyTarget(t, ctx));
  const results: FluxTargetResult[] = settled.map((s, i) =>
    s.status === 'fulfilled' ? s.value : failResult(targets[i], configName, redact(errorMessage(s.reason))),
  );

  // Observe.
  if (inputs.wait && !inputs.dryRun) {
    const byId = new Map(targets.map((t) => [t.id, t]));
    const watched: Watched[] = results
      .filter((r) => r.status !== 'fail')
      .map((r) => ({
        key: r.target,
        clusterId: r.target,
        subscriptionId: byId.get(r.target)!.subscriptionId,
        writtenAt: ctx.writtenAt.get(r.target),
      }));
    log.info(`Waiting up to ${formatDuration(inputs.timeoutMs)} for ${watched.length} configuration(s) to be compliant.`);
    const observations = await observeCompliance(watched, {
      configName,
      kustomizations: kustomizationNames,
      timeoutMs: inputs.timeoutMs,
      via: deps.observeVia ?? 'auto',
      concurrency: inputs.concurrency,
      clients,
      get: (w) => ctx.flux.get(byId.get(w.key)!, configName),
      initialIntervalMs: deps.pollIntervalMs?.initial,
      maxIntervalMs: deps.pollIntervalMs?.max,
    });
    judgeObservations(results, observations, inputs.timeoutMs);
  }

  const all = [...resolved.unresolved, ...results];
  // Rows are keyed by id; two clusters of one name (two resource groups) are shown by id.
  const labels = clusterLabels(all.map((r) => ({ id: r.target, key: r.target.toLowerCase(), name: r.name })));
  for (const r of all) r.name = labels.get(r.target.toLowerCase()) ?? r.name;
  const report: FleetReport = {
    action: 'flux-apply',
    dryRun: inputs.dryRun,
    startedAt,
    finishedAt: new Date().toISOString(),
    configuration: configName,
    source,
    counts: countTargets(all, inputs.dryRun),
    targets: all,
  };
  for (const r of all) {
    const k = r.compliance ? ` · ${r.compliance.state}` : '';
    log.info(
      `${r.status.padEnd(4)} ${r.name}: ${r.action}${r.deleted.length ? ` (deleted ${r.deleted.join(', ')})` : ''}${k}${r.message ? ` · ${r.message}` : ''}`,
    );
  }
  return {
    report,
    matrix: { include: all.map((r) => ({ cluster: r.name, target: r.target })) },
    summary: summaryMarkdown(report, kustomizationNames),
    comment: isPullRequestEvent(env) && inputs.dryRun ? commentMarkdown(report) : undefined,
    failed: report.counts.fail > 0,
  };
}
