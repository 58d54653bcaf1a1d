import { readFileSync } from 'node:fs';
import {
  ConfigurationError,
  errorMessage,
  formatDuration,
  log,
  mapSettled,
  redact,
  RetryBudget,
  setOutput,
  stableStringify,
  type Change,
} from '@arc-actions/core';
import {
  armClientsFor,
  emptySelectionError,
  Clusters,
  clusterLabels,
  describeArmError,
  FluxConfigurations,
  listFleetClusters,
  selectorScope,
  type ArmClients,
  type ClusterRef,
} from '@arc-actions/azure';
import { getOctokit, publishOrWarn, upsertStickyComment, writeStepSummary } from '@arc-actions/report';
import { desiredBody, protectedSettings, settingsMarker } from './desired.js';
import type { Inputs } from './inputs.js';
import { observeCompliance, type Watched } from './observe.js';
import { planDelete, planFlux, type FluxPlan } from './plan.js';
import { configurationsOf, findTag, formatProvenance, parseProvenance, sameSource, sourceOf, tagName, TAG_PREFIX } from './provenance.js';
import { commentMarkdown, countTargets, summaryMarkdown, type FleetReport, type FluxTargetResult } from './report.js';

/**
 * flux-apply's story after the inputs: targets → (per cluster) extension, plan, apply → observe → report.
 * Every target ends with exactly one result, whatever fails where; secrets never leave `configurationProtectedSettings`.
 */

export interface FleetDeps {
  /** SDK client factory (tests and main.ts may pass one; otherwise built from the identity inputs with GitHub OIDC). */
  clients?: ArmClients;
  /** Fan-out: this job handles the targets whose position (sorted by id) modulo `total` is `index`. */
  shard?: { index: number; total: number };
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

type Target = ClusterRef & { tags: Record<string, string> };

const withTags = (ref: ClusterRef, tags: Record<string, string> | undefined): Target => ({ ...ref, tags: { ...(tags ?? {}) } });

function failResult(cluster: { id: string; name: string }, configuration: string, message: string, code?: string): FluxTargetResult {
  return {
    target: cluster.id,
    name: cluster.name,
    status: 'fail',
    changes: [],
    action: 'none',
    configuration,
    fields: [],
    deleted: [],
    protectedSettings: 'none',
    message,
    error: { code, message },
  };
}

/** Explicit ids or the selector, through Resource Graph; ids it has not indexed yet are read from ARM. */
async function resolveTargets(
  inputs: Inputs,
  clients: ArmClients,
  clusters: Clusters,
): Promise<{ targets: Target[]; unresolved: FluxTargetResult[] }> {
  const clusterType = inputs.clusterType;
  const config = inputs.source.config.name;
  if (inputs.targets.kind === 'targets') {
    const refs = inputs.targets.targets;
    const defaultSub = inputs.identity.subscriptionId ?? refs[0].subscriptionId;
    const found = await listFleetClusters(clients, { refs }, defaultSub);
    const byKey = new Map(found.rows.map((r) => [r.ref.key, r]));
    const targets: Target[] = [];
    const unresolved: FluxTargetResult[] = [];
    for (const t of refs) {
      const row = byKey.get(t.key);
      if (row) {
        targets.push(withTags(row.ref, row.tags));
        continue;
      }
      const ref = withTags(t, {});
      try {
        const cluster = await clusters.get(ref);
        if (cluster) targets.push({ ...ref, tags: { ...(cluster.tags ?? {}) } });
        else
          unresolved.push(
            failResult(
              ref,
              config,
              `The cluster ${t.id} does not exist (neither Resource Graph nor ARM know it); check the id in "targets".`,
              'ClusterNotFound',
            ),
          );
      } catch (error) {
        unresolved.push(
          failResult(ref, config, `The cluster could not be read: ${describeArmError(error).message}`, describeArmError(error).code),
        );
      }
    }
    return { targets, unresolved };
  }
  const s = inputs.targets.selector;
  const defaultSub = inputs.identity.subscriptionId;
  if (!defaultSub && !s.subscriptions.length && !s.managementGroups.length) {
    throw new ConfigurationError(
      'Input "selector" names no subscriptions or management-groups and "subscription-id" is empty; set one of them so Resource Graph knows where to look.',
      'selector',
    );
  }
  const found = await listFleetClusters(clients, { selector: s, clusterType }, defaultSub ?? s.subscriptions[0] ?? '');
  if (!found.complete)
    throw new Error(
      'Resource Graph returned a partial list of clusters for the selector; nothing was changed. Run again, or narrow the selector.',
    );
  if (found.rows.length === 0 && !inputs.allowEmpty) throw emptySelectionError(s, selectorScope(s, defaultSub), clusterType);
  return { targets: found.rows.map((r) => withTags(r.ref, r.tags)), unresolved: [] };
}

/** Keeps the targets of one shard: position (sorted by id, case-insensitive) modulo total. */
export function shardOf<T extends { id: string }>(targets: readonly T[], shard?: { index: number; total: number }): T[] {
  const sorted = [...targets].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
  if (!shard || shard.total <= 1) return sorted;
  return sorted.filter((_, i) => i % shard.total === shard.index);
}

const change = (kind: Change['kind'], id: string, name: string, plan: FluxPlan | undefined, applied: boolean): Change => ({
  kind,
  resourceType: 'fluxConfiguration',
  resourceId: id,
  name,
  fields: plan?.fields ?? [],
  applied,
});

export async function applyFleet(inputs: Inputs, deps: FleetDeps = {}): Promise<FleetResult> {
  const env = deps.env ?? process.env;
  const startedAt = new Date().toISOString();
  const { config, auth } = inputs.source;
  const configName = config.name;
  const kustomizationNames = Object.keys(config.kustomizations);
  const source = sourceOf(inputs.source.origin, env);
  const desired = desiredBody(config, auth);
  const settings = protectedSettings(auth);

  const clients = deps.clients ?? (await armClientsFor(inputs.identity));
  const budget = new RetryBudget(deps.retryBudget ?? Math.max(20, 5 * inputs.concurrency));
  const flux = new FluxConfigurations(clients, budget);
  const clusters = new Clusters(clients, budget);

  const resolved = await resolveTargets(inputs, clients, clusters);
  const targets = shardOf(resolved.targets, deps.shard);
  log.info(
    `flux-apply: configuration "${configName}" from ${source} on ${targets.length} ${inputs.clusterType} cluster(s)${deps.shard ? ` (shard ${deps.shard.index + 1}/${deps.shard.total})` : ''}${inputs.dryRun ? ', dry run' : ''}.`,
  );

  if (Object.keys(settings).length && !inputs.fingerprintKey && !inputs.resendProtectedSettings)
    log.info(
      'Protected settings are compared by kind only (no fingerprint-key): a rotated Git key is sent again only with resend-protected-settings: true.',
    );
  const writtenAt = new Map<string, number>();

  const processTarget = async (t: Target): Promise<FluxTargetResult> => {
    const fluxId = `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${configName}`;
    const result: FluxTargetResult = {
      target: t.id,
      name: t.name,
      status: 'ok',
      changes: [],
      action: 'none',
      configuration: configName,
      fields: [],
      deleted: [],
      protectedSettings: 'none',
    };
    try {
      const hash = settingsMarker(fluxId, settings, inputs.fingerprintKey);
      const recorded = parseProvenance(findTag(t.tags, tagName(configName)));
      const actual = await flux.get(t, configName);
      const plan = planFlux(desired, actual, { desired: hash, recorded: recorded?.settings, resend: inputs.resendProtectedSettings });
      result.action = plan.action;
      result.fields = plan.fields;
      result.protectedSettings = plan.sendSettings ? 'sent' : hash === 'none' ? 'none' : 'unchanged';
      if (actual && recorded && !sameSource(recorded.source, source)) {
        result.status = 'warn';
        result.message = `The configuration was managed by ${recorded.source}; it is now managed by ${source}.`;
      } else if (actual && !recorded) {
        result.message = 'The configuration existed without flux-apply provenance; it is now managed by this file.';
      }
      if (plan.blocked) {
        result.status = 'fail';
        result.message = `Configuration "${configName}": ${plan.blocked}.`;
        result.error = { code: 'CreateOnlyField', message: result.message };
        result.changes.push(change('update', fluxId, configName, plan, false));
        return result;
      }

      // delete-missing: configurations this source put on the cluster that the file no longer has.
      const ours = inputs.deleteMissing ? configurationsOf(t.tags, source).filter((n) => n.toLowerCase() !== configName.toLowerCase()) : [];
      const toDelete: string[] = [];
      const staleTags: string[] = [];
      for (const name of ours) {
        if (await flux.get(t, name)) toDelete.push(name);
        else staleTags.push(name);
      }

      if (inputs.dryRun) {
        const ext = await flux.fluxExtension(t);
        result.extension = ext
          ? { outcome: ext.provisioningState === 'Failed' ? 'failed' : 'present', state: ext.provisioningState, version: ext.version }
          : { outcome: 'missing' };
        result.changes.push(change(plan.action, fluxId, configName, plan, false));
        for (const name of toDelete) {
          result.deleted.push(name);
          result.changes.push(
            change(
              'delete',
              `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${name}`,
              name,
              planDelete(name),
              false,
            ),
          );
        }
        return result;
      }

      const ext = await flux.ensureFluxExtension(t, Math.min(inputs.timeoutMs, 15 * 60_000));
      result.extension = { outcome: ext.outcome, state: ext.state.provisioningState, version: ext.state.version };

      let wrote = false;
      if (plan.action === 'create' || plan.action === 'update') {
        const body: Record<string, unknown> = { ...(plan.action === 'create' ? plan.put : plan.patch) };
        if (plan.sendSettings) body.configurationProtectedSettings = settings;
        writtenAt.set(t.id, Date.now());
        const after = plan.action === 'create' ? await flux.create(t, configName, body) : await flux.patch(t, configName, body);
        wrote = true;
        if (after?.provisioningState && after.provisioningState !== 'Succeeded') {
          throw Object.assign(
            new Error(`The configuration ended ${after.provisioningState}${after.errorMessage ? `: ${after.errorMessage}` : ''}.`),
            { code: 'ProvisioningFailed' },
          );
        }
      }
      result.changes.push(change(plan.action, fluxId, configName, plan, wrote));

      for (const name of toDelete) {
        await flux.delete(t, name);
        result.deleted.push(name);
        result.changes.push(
          change('delete', `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${name}`, name, planDelete(name), true),
        );
      }

      // Provenance: only when it changes (never on a rerun, nor for a change of kustomizations alone).
      const tags = { ...t.tags };
      const setTag = (name: string, value: string | undefined) => {
        for (const k of Object.keys(tags)) if (k.toLowerCase() === name.toLowerCase()) delete tags[k];
        if (value !== undefined) tags[name] = value;
      };
      const wanted = formatProvenance({ settings: hash, source });
      const current = findTag(t.tags, tagName(configName));
      const recordedHash = recorded?.settings;
      if (!current || !recorded || !sameSource(recorded.source, source) || (wrote && plan.sendSettings) || recordedHash !== hash)
        setTag(tagName(configName), wanted);
      for (const name of [...result.deleted, ...staleTags]) setTag(`${TAG_PREFIX}${name}`, undefined);
      if (stableStringify(tags) !== stableStringify(t.tags)) {
        try {
          await clusters.setTags(t, tags);
          t.tags = tags;
        } catch (error) {
          result.status = 'warn';
          result.message = `The provenance tag ${tagName(configName)} could not be written (${describeArmError(error).message}); the next run will send the protected settings again.`;
        }
      }
      return result;
    } catch (error) {
      const e = describeArmError(error);
      result.status = 'fail';
      result.message = redact(e.message);
      result.error = { code: e.code, message: redact(e.message) };
      return result;
    }
  };

  const settled = await mapSettled(targets, inputs.concurrency, processTarget);
  const results: FluxTargetResult[] = settled.map((s, i) =>
    s.status === 'fulfilled' ? s.value : failResult(targets[i], configName, redact(errorMessage(s.reason))),
  );

  // Observe.
  if (inputs.wait && !inputs.dryRun) {
    const watched: Watched[] = results
      .filter((r) => r.status !== 'fail')
      .map((r) => {
        const t = targets.find((x) => x.id === r.target)!;
        return { key: r.target, clusterId: r.target, subscriptionId: t.subscriptionId, writtenAt: writtenAt.get(r.target) };
      });
    log.info(`Waiting up to ${formatDuration(inputs.timeoutMs)} for ${watched.length} configuration(s) to be compliant.`);
    const observations = await observeCompliance(watched, {
      configName,
      kustomizations: kustomizationNames,
      timeoutMs: inputs.timeoutMs,
      via: deps.observeVia ?? 'auto',
      concurrency: inputs.concurrency,
      clients,
      get: (w) =>
        flux.get(
          targets.find((x) => x.id === w.key)!,
          configName,
        ),
      initialIntervalMs: deps.pollIntervalMs?.initial,
      maxIntervalMs: deps.pollIntervalMs?.max,
    });
    for (const r of results) {
      const obs = observations.get(r.target);
      if (!obs) continue;
      if (obs.compliance) r.compliance = { ...obs.compliance, final: obs.final, waitedMs: obs.waitedMs };
      const c = obs.compliance;
      const failing = c?.kustomizations.filter((k) => k.complianceState !== 'Compliant' && k.message) ?? [];
      if (!c) {
        r.status = 'fail';
        r.message = `No compliance state within ${formatDuration(inputs.timeoutMs)}${obs.error ? ` (${obs.error})` : ''}.`;
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
  const summary = summaryMarkdown(report, kustomizationNames);
  const isPr = /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '');
  return {
    report,
    matrix: {
      include: [
        ...resolved.unresolved.map((r) => ({ cluster: r.name, target: r.target })),
        ...targets.map((t) => ({ cluster: labels.get(t.key) ?? t.name, target: t.id })),
      ],
    },
    summary,
    comment: isPr && inputs.dryRun ? commentMarkdown(report) : undefined,
    failed: report.counts.fail > 0,
  };
}

/** The pull request number of this run's event, if any. */
export function pullRequestNumber(env: NodeJS.ProcessEnv = process.env): number | undefined {
  try {
    if (!env.GITHUB_EVENT_PATH) return undefined;
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: number }; number?: number };
    return event.pull_request?.number ?? event.number;
  } catch {
    return undefined;
  }
}

/**
 * Writes what {@link applyFleet} returned: outputs `results` and `matrix`, the step summary, and then the sticky PR
 * comment when there is one and a token (a comment GitHub refuses is a warning naming the permission; the result
 * stands). Everything goes through redaction on the way out.
 */
export async function publishFleetResult(
  result: FleetResult,
  options: { token?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ comment?: string }> {
  const env = options.env ?? process.env;
  setOutput('results', result.report);
  setOutput('matrix', result.matrix);
  await writeStepSummary(result.summary, { fullReport: 'in the `results` output of this step' });
  if (!result.comment || !options.token) return {};
  const number = pullRequestNumber(env);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  if (!number || !owner || !repo) return {};
  const { comment } = result;
  const { token } = options;
  const posted = await publishOrWarn('pull request comment', () =>
    upsertStickyComment(getOctokit(token), {
      owner,
      repo,
      issueNumber: number,
      action: 'flux-apply',
      group: result.report.configuration,
      body: comment,
      fullReport: 'in the `results` output of the flux-apply step',
    }),
  );
  return { comment: posted?.htmlUrl };
}
