import { diffFields, stableStringify, type FieldChange } from '@arc-actions/core';
import { actualBody, type FluxBody, type KustomizationBody } from './desired.js';

/**
 * Desired against actual for one cluster: create (PUT the whole body), update (PATCH only what differs; a
 * kustomization removed from the file is `null`), unchanged (no write), or blocked (a create-only field differs).
 */

export type FluxAction = 'create' | 'update' | 'unchanged' | 'delete';

export interface SettingsState {
  /** Fingerprint of the protected settings the file asks for (`none` without settings). */
  desired: string;
  /** Fingerprint recorded in the provenance on the cluster, if any. */
  recorded?: string;
  /** Send the protected settings again even though the markers agree (`resend-protected-settings: true`). */
  resend?: boolean;
}

export interface FluxPlan {
  action: FluxAction;
  fields: FieldChange[];
  /** Body of the PUT (create) without protected settings. */
  put?: FluxBody;
  /** Body of the PATCH (update) without protected settings. */
  patch?: Record<string, unknown>;
  /** Whether the protected settings are (re)sent with the write. */
  sendSettings: boolean;
  /** Why the change cannot be made by a PATCH (scope or namespace differ). */
  blocked?: string;
}

/** A kustomization as compared and sent: an unset retry interval is left to ARM (it has its own default). */
function comparable(k: KustomizationBody): Record<string, unknown> {
  const { retryIntervalInSeconds, ...rest } = k;
  return retryIntervalInSeconds === null ? rest : { ...rest, retryIntervalInSeconds };
}

/**
 * Whether ARM's kustomization already is the desired one. A retry interval the file leaves unset is whatever the
 * service keeps: omitted, null or filled in by the service (undocumented; see docs/sandbox.md), never drift.
 */
function sameKustomization(actual: KustomizationBody, desired: KustomizationBody): boolean {
  const a = desired.retryIntervalInSeconds === null ? { ...actual, retryIntervalInSeconds: null } : actual;
  return stableStringify(comparable(a)) === stableStringify(comparable(desired));
}

function comparableBody(body: FluxBody): Record<string, unknown> {
  return { ...body, kustomizations: Object.fromEntries(Object.entries(body.kustomizations).map(([n, k]) => [n, comparable(k)])) };
}

const REF_KINDS = ['branch', 'tag', 'semver', 'commit'] as const;

export function planFlux(desired: FluxBody, actualRaw: Record<string, any> | undefined, settings: SettingsState): FluxPlan {
  const hasSettings = settings.desired !== 'none';
  if (!actualRaw) {
    const fields = diffFields(undefined, comparableBody(desired));
    if (hasSettings) fields.push({ path: 'configurationProtectedSettings', before: undefined, after: '(set)' });
    return { action: 'create', fields, put: desired, sendSettings: hasSettings };
  }
  const actual = actualBody(actualRaw);
  const fields: FieldChange[] = diffFields(comparableBody(actual), comparableBody(desired));
  for (const name of Object.keys(actual.kustomizations)) {
    if (!(name in desired.kustomizations))
      fields.push({ path: `kustomizations.${name}`, before: comparable(actual.kustomizations[name]), after: null });
  }
  const settingsChanged =
    (settings.resend === true && hasSettings) ||
    (settings.recorded !== settings.desired && (hasSettings || (settings.recorded !== undefined && settings.recorded !== 'none')));
  if (settingsChanged)
    fields.push({
      path: 'configurationProtectedSettings',
      before: settings.recorded ? '(set before)' : '(unknown)',
      after: hasSettings ? '(set)' : '(none)',
    });

  const createOnly = fields.filter((f) => f.path === 'scope' || f.path === 'namespace');
  if (createOnly.length) {
    const what = createOnly.map((f) => `${f.path} ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`).join(', ');
    return {
      action: 'update',
      fields,
      sendSettings: false,
      blocked: `${what} can only be set when the configuration is created; delete it first or give the configuration another name`,
    };
  }
  if (fields.length === 0) return { action: 'unchanged', fields, sendSettings: false };

  const patch: Record<string, unknown> = {};
  if (desired.suspend !== actual.suspend) patch.suspend = desired.suspend;
  if (fields.some((f) => f.path.startsWith('gitRepository.'))) {
    // The whole source block (ARM rejects a sourceKind without its body); other reference kinds are cleared.
    const ref: Record<string, string | null> = Object.fromEntries(REF_KINDS.map((k) => [k, null]));
    Object.assign(ref, desired.gitRepository.repositoryRef);
    patch.sourceKind = desired.sourceKind;
    patch.gitRepository = { ...desired.gitRepository, repositoryRef: ref };
  }
  const kustomizations: Record<string, unknown> = {};
  for (const [name, k] of Object.entries(desired.kustomizations)) {
    const before = actual.kustomizations[name];
    if (!before || !sameKustomization(before, k)) kustomizations[name] = comparable(k);
  }
  for (const name of Object.keys(actual.kustomizations)) if (!(name in desired.kustomizations)) kustomizations[name] = null;
  if (Object.keys(kustomizations).length) patch.kustomizations = kustomizations;
  // Settings that the file no longer has are removed key by key (merge-patch null).
  if (settingsChanged && !hasSettings) patch.configurationProtectedSettings = { httpsKey: null, sshPrivateKey: null };
  return { action: 'update', fields, patch, sendSettings: settingsChanged && hasSettings };
}

/** The plan when a configuration of ours is no longer in the file (`delete-missing`). */
export function planDelete(name: string): FluxPlan {
  return { action: 'delete', fields: [{ path: name, before: '(exists)', after: null }], sendSettings: false };
}
