import { redact, stableStringify, type Change } from '@arc-actions/core';
import { describeArmError, type Clusters, type FluxConfigurations } from '@arc-actions/azure';
import { settingsMarker, type FluxBody } from './desired.js';
import type { Inputs } from './inputs.js';
import { planDelete, planFlux, type FluxPlan } from './plan.js';
import { configurationsOf, findTag, formatProvenance, parseProvenance, sameSource, tagName, TAG_PREFIX } from './provenance.js';
import type { FluxTargetResult } from './report.js';
import type { Target } from './targets.js';

/** What every cluster's apply shares: the file's desired configuration, its protected settings, the modules. */
export interface ApplyContext {
  inputs: Inputs;
  flux: FluxConfigurations;
  clusters: Clusters;
  configName: string;
  /** `owner/repo:path`: who manages the configuration (the provenance tag). */
  source: string;
  desired: FluxBody;
  settings: Record<string, string>;
  /** When this run wrote each cluster's configuration (for the observation to skip older statuses). */
  writtenAt: Map<string, number>;
}

const change = (kind: Change['kind'], id: string, name: string, plan: FluxPlan | undefined, applied: boolean): Change => ({
  kind,
  resourceType: 'fluxConfiguration',
  resourceId: id,
  name,
  fields: plan?.fields ?? [],
  applied,
});

/**
 * One cluster: plan the configuration (and delete-missing), stop there in a dry run, else ensure microsoft.flux, write,
 * delete, and record provenance in the cluster's tags. Always one result, whatever fails where.
 */
export async function applyTarget(t: Target, ctx: ApplyContext): Promise<FluxTargetResult> {
  const { inputs, flux, clusters, configName, source, desired, settings, writtenAt } = ctx;
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
          change('delete', `${t.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/${name}`, name, planDelete(name), false),
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
}
