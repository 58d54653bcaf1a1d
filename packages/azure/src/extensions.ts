import { diffFields, RetryBudget, waitFor, type FieldChange } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import { withBudget, writeThenPoll } from './arm-retry.js';
import type { ArmClients } from './clients.js';
import { CLUSTER_RP, describeCluster, type ClusterType } from './cluster-ref.js';

/**
 * The one installer of cluster extensions (Microsoft.KubernetesConfiguration/extensions) for every action:
 * desired extension → read → create or patch only what differs (a rerun writes nothing) → wait for the final
 * provisioningState → `Failed` reported with the extension's own error.
 *
 * As `az k8s-extension create` does, every extension on an Arc-connected cluster gets a system-assigned identity
 * (k8s-extension custom.py: `create_identity` from the partner extension class, True in DefaultExtension and
 * ContainerInsights, applied when the cluster type is connectedClusters); extensions on AKS get none.
 */

export interface ExtensionCluster {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  type: ClusterType;
}

export interface DesiredExtension {
  name: string;
  extensionType: string;
  /** Default true. */
  autoUpgradeMinorVersion?: boolean;
  releaseTrain?: string;
  /** Only with autoUpgradeMinorVersion false. */
  version?: string;
  scope?: { cluster: { releaseNamespace?: string } } | { namespace: { targetNamespace?: string } };
  configurationSettings?: Record<string, string>;
  /** Sent on create and when `protectedSettingsChanged`; ARM never returns them, so they are never compared. */
  configurationProtectedSettings?: Record<string, string>;
  /** The caller's knowledge (e.g. a fingerprint tag) that the protected settings differ from what ARM holds. */
  protectedSettingsChanged?: boolean;
}

/**
 * `converge`: the extension must look exactly like `desired` (arc-connect). `present`: an extension of that type must
 * exist and work, whatever its name and settings (flux-apply, policy-rollout): only a missing or Failed one is written.
 */
export type EnsureMode = 'converge' | 'present';

export type ExtensionAction = 'create' | 'update' | 'repair' | 'unchanged';

export interface ExtensionPlan {
  cluster: ExtensionCluster;
  desired: DesiredExtension;
  /** The extension's name in ARM (the existing one's in `present` mode). */
  name: string;
  action: ExtensionAction;
  fields: FieldChange[];
  /** What ARM returned before the write (flattened SDK model). */
  actual?: Record<string, any>;
}

export interface ExtensionState {
  name: string;
  extensionType?: string;
  provisioningState?: string;
  version?: string;
  identity?: string;
  /** The extension's own error (errorInfo, or the first error status). */
  error?: string;
}

/** An extension that ended Failed (or Canceled): the message is the extension's own error. */
export class ExtensionFailedError extends Error {
  constructor(
    readonly state: ExtensionState,
    readonly cluster: string,
  ) {
    super(
      `The extension ${state.name} on ${cluster} ended ${state.provisioningState ?? 'without a provisioning state'}${state.error ? `: ${state.error}` : ''}.`,
    );
  }
}

const TERMINAL = new Set(['succeeded', 'failed', 'canceled']);
const IN_PROGRESS = new Set(['creating', 'updating', 'deleting', 'accepted', 'provisioning']);

/** The extension's own error: errorInfo (with its details), else the first status of level Error. */
export function extensionError(e: Record<string, any> | undefined): string | undefined {
  if (!e) return undefined;
  const info = e.errorInfo as { code?: string; message?: string; details?: { code?: string; message?: string }[] } | null | undefined;
  if (info?.message || info?.code) {
    const details = (info.details ?? []).map((d) => d.message ?? d.code).filter(Boolean);
    return [info.code && info.message ? `${info.code}: ${info.message}` : (info.message ?? info.code), ...details].join(' — ');
  }
  const status = (e.statuses as { level?: string; message?: string; code?: string }[] | undefined)?.find(
    (s) => String(s.level).toLowerCase() === 'error',
  );
  return status ? String(status.message ?? status.code) : undefined;
}

export function extensionState(e: Record<string, any>): ExtensionState {
  const error = extensionError(e);
  return {
    name: String(e.name),
    extensionType: e.extensionType,
    provisioningState: e.provisioningState,
    version: e.currentVersion ?? e.version,
    identity: e.identity?.type,
    ...(error ? { error } : {}),
  };
}

const lower = (v: unknown) => String(v ?? '').toLowerCase();

export interface InstallerOptions {
  /** How long to wait for a final provisioningState (default 20 min). */
  timeoutMs?: number;
  /** Poll bounds while waiting (default 1 s .. 10 s). */
  pollMs?: { initial: number; max: number };
}

export class ExtensionInstaller {
  constructor(
    readonly clients: ArmClients,
    readonly budget: RetryBudget = new RetryBudget(20),
    readonly options: InstallerOptions = {},
  ) {}

  private args(c: ExtensionCluster): [string, string, string, string] {
    const rp = CLUSTER_RP[c.type];
    return [c.resourceGroup, rp.clusterRp, rp.clusterResourceName, c.name];
  }

  private sdk(c: ExtensionCluster) {
    return this.clients.kubernetesConfiguration(c.subscriptionId);
  }

  /** The extension as ARM returns it, or undefined on 404. */
  async read(c: ExtensionCluster, name: string): Promise<Record<string, any> | undefined> {
    const sdk = await this.sdk(c);
    return (await ifExists(withBudget(this.budget, () => sdk.extensions.get(...this.args(c), name)))) as Record<string, any> | undefined;
  }

  /** The first extension of `extensionType` on the cluster (any name), or undefined. */
  async findByType(c: ExtensionCluster, extensionType: string): Promise<Record<string, any> | undefined> {
    const sdk = await this.sdk(c);
    const all = await withBudget(this.budget, async () => {
      const out: Record<string, any>[] = [];
      for await (const e of sdk.extensions.list(...this.args(c))) out.push(e as Record<string, any>);
      return out;
    });
    return all.find((e) => lower(e.extensionType) === lower(extensionType));
  }

  /** Reads until the provisioning state is not in progress any more (another writer, or our own write). */
  async settled(c: ExtensionCluster, name: string, timeoutMs = this.options.timeoutMs ?? 20 * 60_000): Promise<Record<string, any>> {
    let last: Record<string, any> | undefined;
    const done = await waitFor(
      async () => {
        last = await this.read(c, name);
        if (!last) return null;
        return TERMINAL.has(lower(last.provisioningState)) || !IN_PROGRESS.has(lower(last.provisioningState)) ? last : undefined;
      },
      { timeoutMs, initialMs: this.options.pollMs?.initial ?? 1000, maxMs: this.options.pollMs?.max ?? 10_000 },
    );
    if (done.value === null) throw new Error(`The extension ${name} on ${describeCluster(c)} disappeared while it was being written.`);
    if (!done.value)
      throw new Error(
        `The extension ${name} on ${describeCluster(c)} was still ${last?.provisioningState ?? 'in progress'} after ${Math.round(timeoutMs / 1000)} s; look at its statuses in the portal and run again.`,
      );
    return done.value;
  }

  /** Desired against actual (reads only). An extension in progress is waited for first. */
  async plan(c: ExtensionCluster, desired: DesiredExtension, mode: EnsureMode = 'converge'): Promise<ExtensionPlan> {
    let actual = mode === 'present' ? await this.findByType(c, desired.extensionType) : await this.read(c, desired.name);
    if (actual && IN_PROGRESS.has(lower(actual.provisioningState))) {
      if (lower(actual.provisioningState) === 'deleting')
        throw new Error(`The extension ${actual.name} on ${describeCluster(c)} is being deleted; run again once it is gone.`);
      actual = await this.settled(c, String(actual.name));
    }
    const name = String(actual?.name ?? desired.name);
    if (!actual)
      return {
        cluster: c,
        desired,
        name,
        action: 'create',
        fields: [{ path: 'extensionType', before: undefined, after: desired.extensionType }],
      };
    if (lower(actual.extensionType) !== lower(desired.extensionType))
      throw new Error(
        `The extension ${name} on ${describeCluster(c)} has type ${actual.extensionType}, not ${desired.extensionType}; give the extension another name.`,
      );
    if (lower(actual.provisioningState) !== 'succeeded')
      return {
        cluster: c,
        desired,
        name,
        actual,
        action: 'repair',
        fields: [{ path: 'provisioningState', before: actual.provisioningState, after: 'Succeeded' }],
      };
    if (mode === 'present') return { cluster: c, desired, name, actual, action: 'unchanged', fields: [] };
    const fields = compare(c, desired, actual);
    const scope = fields.find((f) => f.path === 'scope');
    if (scope)
      throw new Error(
        `The extension ${name} on ${describeCluster(c)} was installed with scope ${JSON.stringify(scope.before)}; the scope can only be chosen at creation: delete the extension first or give it another name.`,
      );
    return { cluster: c, desired, name, actual, action: fields.length ? 'update' : 'unchanged', fields };
  }

  /** Writes the plan (nothing when unchanged), waits for the final state and throws ExtensionFailedError on Failed. */
  async apply(plan: ExtensionPlan): Promise<ExtensionState> {
    const { cluster: c, name } = plan;
    if (plan.action === 'unchanged') return extensionState(plan.actual!);
    const sdk = await this.sdk(c);
    const sent = Date.now() - 5_000; // ARM's clock may lag the runner's a little
    const landed = async () => {
      const now = await this.read(c, name);
      const modified = Date.parse(String(now?.systemData?.lastModifiedAt ?? ''));
      return now && (plan.action === 'create' || modified >= sent) ? now : undefined;
    };
    const needsPut = plan.action !== 'update' || plan.fields.some((f) => f.path === 'identity.type');
    try {
      if (needsPut) {
        await writeThenPoll(
          this.budget,
          async () => ({ poller: await sdk.extensions.beginCreate(...this.args(c), name, putBody(c, plan.desired)) }),
          landed,
        );
      } else {
        await writeThenPoll(
          this.budget,
          async () => ({ poller: await sdk.extensions.beginUpdate(...this.args(c), name, patchBody(plan)) }),
          landed,
        );
      }
    } catch (error) {
      // A failed operation: the extension's own error says more than the operation's (when it is there).
      const now = await this.read(c, name).catch(() => undefined);
      if (now && TERMINAL.has(lower(now.provisioningState)) && lower(now.provisioningState) !== 'succeeded')
        throw new ExtensionFailedError(extensionState(now), describeCluster(c));
      throw error;
    }
    const final = await this.settled(c, name);
    const state = extensionState(final);
    if (lower(state.provisioningState) !== 'succeeded') throw new ExtensionFailedError(state, describeCluster(c));
    return state;
  }

  /** plan + apply. */
  async ensure(
    c: ExtensionCluster,
    desired: DesiredExtension,
    mode: EnsureMode = 'converge',
  ): Promise<{ plan: ExtensionPlan; state: ExtensionState }> {
    const plan = await this.plan(c, desired, mode);
    return { plan, state: await this.apply(plan) };
  }
}

function desiredScope(d: DesiredExtension) {
  return d.scope ?? { cluster: {} };
}

/** The PUT body: the desired extension, with the identity az gives extensions on Arc clusters. */
export function putBody(c: ExtensionCluster, d: DesiredExtension): Record<string, unknown> {
  const autoUpgrade = d.autoUpgradeMinorVersion ?? true;
  return {
    extensionType: d.extensionType,
    autoUpgradeMinorVersion: autoUpgrade,
    ...(autoUpgrade ? (d.releaseTrain ? { releaseTrain: d.releaseTrain } : {}) : d.version ? { version: d.version } : {}),
    scope: desiredScope(d),
    configurationSettings: d.configurationSettings ?? {},
    ...(d.configurationProtectedSettings ? { configurationProtectedSettings: d.configurationProtectedSettings } : {}),
    ...(c.type === 'connectedClusters' ? { identity: { type: 'SystemAssigned' } } : {}),
  };
}

/** Only what differs; settings the desired state no longer has are removed with merge-patch nulls. */
function patchBody(plan: ExtensionPlan): Record<string, unknown> {
  const d = plan.desired;
  const paths = new Set(plan.fields.map((f) => f.path.split('.')[0]));
  const patch: Record<string, unknown> = {};
  if (paths.has('autoUpgradeMinorVersion')) patch.autoUpgradeMinorVersion = d.autoUpgradeMinorVersion ?? true;
  if (paths.has('releaseTrain') && d.releaseTrain) patch.releaseTrain = d.releaseTrain;
  if (paths.has('version') && d.version) patch.version = d.version;
  if (paths.has('configurationSettings')) {
    const settings: Record<string, string | null> = { ...(d.configurationSettings ?? {}) };
    for (const key of Object.keys(plan.actual?.configurationSettings ?? {})) if (!(key in settings)) settings[key] = null;
    patch.configurationSettings = settings;
  }
  if (paths.has('configurationProtectedSettings') && d.configurationProtectedSettings)
    patch.configurationProtectedSettings = d.configurationProtectedSettings;
  return patch;
}

/** Field changes between desired and actual, ignoring what ARM fills in by itself. */
function compare(c: ExtensionCluster, d: DesiredExtension, actual: Record<string, any>): FieldChange[] {
  const fields: FieldChange[] = [];
  const autoUpgrade = d.autoUpgradeMinorVersion ?? true;
  if ((actual.autoUpgradeMinorVersion ?? true) !== autoUpgrade)
    fields.push({ path: 'autoUpgradeMinorVersion', before: actual.autoUpgradeMinorVersion, after: autoUpgrade });
  if (autoUpgrade && d.releaseTrain && lower(actual.releaseTrain) !== lower(d.releaseTrain))
    fields.push({ path: 'releaseTrain', before: actual.releaseTrain, after: d.releaseTrain });
  if (!autoUpgrade && d.version && actual.version !== d.version) fields.push({ path: 'version', before: actual.version, after: d.version });
  if (d.scope) {
    const actualScope = actual.scope ?? {};
    const want = d.scope as Record<string, Record<string, string | undefined>>;
    const kind = Object.keys(want)[0];
    const have = actualScope[kind] as Record<string, string> | undefined;
    const differs = !have || Object.entries(want[kind]).some(([k, v]) => v !== undefined && have[k] !== v);
    if (differs) fields.push({ path: 'scope', before: actualScope, after: d.scope });
  }
  const settings = d.configurationSettings ?? {};
  const actualSettings = (actual.configurationSettings ?? {}) as Record<string, string>;
  fields.push(...diffFields(actualSettings, settings, 'configurationSettings'));
  // Settings the desired state dropped (diffFields only walks the desired keys).
  for (const key of Object.keys(actualSettings))
    if (!(key in settings)) fields.push({ path: `configurationSettings.${key}`, before: actualSettings[key], after: undefined });
  if (d.protectedSettingsChanged && d.configurationProtectedSettings)
    fields.push({ path: 'configurationProtectedSettings', before: '(differs)', after: '(new values)' });
  if (c.type === 'connectedClusters' && lower(actual.identity?.type) !== 'systemassigned')
    fields.push({ path: 'identity.type', before: actual.identity?.type, after: 'SystemAssigned' });
  return fields;
}
