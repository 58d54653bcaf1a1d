import { diffFields, log, type FieldChange } from '@arc-actions/core';
import type { ArmClients } from '@arc-actions/azure';
import { readAssignment, readCustomDefinition, writeAssignment, writeCustomDefinition, type ResolvedDefinition } from './azure-policy.js';
import { complianceMatrix, exemptionsOf, violationsOf, type ComplianceCell, type Violation } from './compliance.js';
import {
  definitionScope,
  desiredAssignment,
  desiredCustomDefinition,
  METADATA_KEY,
  resolveDefinitionId,
  specHash,
  type ArcActionsMetadata,
  type Effect,
} from './desired.js';
import { gatherFleetEvidence } from './fleet-evidence.js';
import { evaluateGate } from './gate/evaluate.js';
import type { GateEvidence, GateResult } from './gate/evidence.js';
import type { CustomDefinitionSpec, PolicyAssignmentSpec } from './policy-file/load.js';
import type { Provenance } from './provenance.js';

export type Mode = 'plan' | 'apply' | 'promote';

export interface RolloutContext {
  clients: ArmClients;
  subscriptionId: string;
  mode: Mode;
  dryRun: boolean;
  ring?: string;
  now: () => number;
  provenance: Provenance;
  gate: { minSoakMs: number; maxStalenessMs: number; syncAllowanceMs: number };
  definitions: CustomDefinitionSpec[];
  /** An assignment whose scope (or ring) holds no cluster is refused in plan and apply unless this is true. */
  allowEmpty?: boolean;
}

export interface AssignmentOutcome {
  name: string;
  id: string;
  file: string;
  line: number;
  scope: string;
  stage: 'audit' | 'deny';
  /** create/update/unchanged for plan and apply; promote/refused/unchanged for promote. */
  action: 'create' | 'update' | 'unchanged' | 'promote' | 'refused';
  written: boolean;
  fields: FieldChange[];
  effectBefore?: string;
  effectAfter: string;
  ring?: string;
  policies: string[];
  clusters: number;
  matrix: Record<string, Record<string, ComplianceCell>>;
  violations: Violation[];
  exempt: number;
  /** The Exempt objects themselves (listed in the summary and the check run). */
  exemptObjects: Violation[];
  complete: boolean;
  /** Ids of the clusters in scope and their azurepolicy extension states (for apply to install it where missing). */
  clusterIds: string[];
  policyExtension: Record<string, string | undefined>;
  gate?: GateResult;
  message: string;
}

const ARM_METADATA = ['createdBy', 'createdOn', 'updatedBy', 'updatedOn'];

function effectOf(actual: { parameters?: Record<string, { value?: unknown }> } | undefined): string | undefined {
  const value = actual?.parameters?.effect?.value;
  return typeof value === 'string' ? value.charAt(0).toUpperCase() + value.slice(1).toLowerCase() : actual ? 'Audit' : undefined;
}

const OWNED = [
  'displayName',
  'description',
  'policyDefinitionId',
  'enforcementMode',
  'parameters',
  'nonComplianceMessages',
  'resourceSelectors',
  'overrides',
] as const;

/**
 * The fields of an assignment that we own, normalised so that "absent" and "empty list" compare equal (ARM may omit
 * empty lists) while a field we no longer want (say, a ring override after a demotion) still shows as a change.
 */
export function comparable(body: object | undefined): Record<string, unknown> {
  const record = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    OWNED.map((key) => {
      const value = record[key];
      return [key, value === undefined || (Array.isArray(value) && value.length === 0) ? null : value];
    }),
  );
}

/** The definition of a `custom:<name>` assignment: written by this action where {@link definitionScope} says. */
export function customResolved(spec: PolicyAssignmentSpec): ResolvedDefinition {
  return { id: resolveDefinitionId(spec, definitionScope), kind: 'definition', policies: [spec.definitionId.slice(7)] };
}

export async function rolloutAssignment(
  spec: PolicyAssignmentSpec,
  ctx: RolloutContext,
  resolved: ResolvedDefinition,
): Promise<AssignmentOutcome> {
  const assignmentId = `${spec.scope}/providers/Microsoft.Authorization/policyAssignments/${spec.name}`;
  const definitionId = resolved.id;
  const actual = await readAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name);
  const meta = (actual?.metadata?.[METADATA_KEY] ?? undefined) as ArcActionsMetadata | undefined;
  const effectBefore = effectOf(actual as never);
  const custom = spec.definitionId.startsWith('custom:') ? ctx.definitions.find((d) => d.name === spec.definitionId.slice(7)) : undefined;
  const policies = resolved.policies;

  const ringSpec = ctx.ring ? spec.rings.find((r) => r.name === ctx.ring) : undefined;
  if (ctx.ring && !ringSpec) {
    return refusedOutcome(
      spec,
      assignmentId,
      effectBefore,
      policies,
      `Assignment ${spec.name} has no ring "${ctx.ring}"; its rings are: ${spec.rings.map((r) => r.name).join(', ') || 'none'}.`,
    );
  }
  const evidence = await gatherFleetEvidence(ctx.clients, { id: assignmentId, scope: spec.scope, locations: ringSpec?.locations });
  const violations = violationsOf(evidence);
  const matrix = complianceMatrix(evidence, policies);
  const base = {
    name: spec.name,
    id: assignmentId,
    file: spec.file,
    line: spec.line,
    scope: spec.scope,
    stage: spec.stage,
    effectBefore,
    ring: ctx.ring,
    policies,
    clusters: evidence.clusters.length,
    matrix: Object.fromEntries([...matrix].map(([cluster, row]) => [cluster, Object.fromEntries(row)])),
    violations,
    exempt: exemptionsOf(evidence).length,
    exemptObjects: exemptionsOf(evidence),
    complete: Object.values(evidence.complete).every(Boolean),
    clusterIds: evidence.clusters.map((c) => c.id),
    policyExtension: evidence.policyExtension,
  };

  if (ctx.mode === 'promote')
    return promote(spec, ctx, { actual, meta, definitionId, evidence, base, ringLocations: ringSpec?.locations, custom, resolved });

  // Fail closed: an assignment whose scope (or ring) holds no cluster evaluates nothing, and a plan of nothing is
  // not green. Refused before any write.
  if (evidence.clusters.length === 0 && !ctx.allowEmpty) {
    return {
      ...base,
      action: 'refused',
      written: false,
      fields: [],
      effectAfter: effectBefore ?? 'none',
      message:
        `${spec.name}: no connected cluster is in its scope ${spec.scope}${ringSpec ? ` within ring ${ringSpec.name} (locations ${ringSpec.locations.join(', ')})` : ''}, so nothing would be evaluated; ` +
        'check the scope and the ring locations, or set "allow-empty: true" where an empty scope is expected. Nothing was written.',
    };
  }

  // plan and apply: Audit for anything new; `stage: deny` is reached only through the gated promote.
  const deniedRings = spec.stage === 'audit' ? [] : (meta?.deniedRings ?? []);
  const effect: Effect = spec.stage === 'audit' || !effectBefore || effectBefore === 'Audit' ? 'Audit' : 'Deny';
  const desired = desiredAssignment(spec, definitionId, effect, deniedRings);
  const fields = diffFields(comparable(actual), comparable(desired));
  const action = !actual ? 'create' : fields.length ? 'update' : 'unchanged';
  let written = false;
  if (ctx.mode === 'apply' && !ctx.dryRun) {
    if (custom) written = (await ensureCustomDefinition(custom, spec, ctx)) || written;
    if (action !== 'unchanged') {
      const enteringAudit = effect === 'Audit' && effectBefore !== 'Audit';
      await write(spec, ctx, desired, actual?.metadata, {
        ...meta,
        auditSince: enteringAudit ? new Date(ctx.now()).toISOString() : (meta?.auditSince ?? actual?.metadata?.createdOn),
        deniedRings,
      });
      written = true;
    }
  }
  const verb = ctx.mode === 'plan' || ctx.dryRun ? 'would be' : 'was';
  const message =
    action === 'unchanged'
      ? `${spec.name} is unchanged.`
      : `${spec.name} ${verb} ${action === 'create' ? 'created in Audit' : `updated (${fields.map((f) => f.path).join(', ')})`}.` +
        (spec.stage === 'deny' && effect === 'Audit'
          ? ' Its intended stage is deny: promote it with mode promote once the gate passes.'
          : '');
  return { ...base, action, written, fields, effectAfter: effect, message };
}

async function ensureCustomDefinition(def: CustomDefinitionSpec, spec: PolicyAssignmentSpec, ctx: RolloutContext): Promise<boolean> {
  const scope = definitionScope(spec);
  const body = desiredCustomDefinition(def);
  const hash = specHash(body);
  if (await customDefinitionCurrent(def, spec, ctx)) return false;
  await writeCustomDefinition(ctx.clients, ctx.subscriptionId, scope, def.name, {
    ...body,
    metadata: { [METADATA_KEY]: { specHash: hash, provenance: ctx.provenance } },
  });
  log.info(`Wrote custom definition ${def.name} at ${scope}.`);
  return true;
}

/** Whether the custom definition in Azure (at its own scope) is the one the file describes. */
async function customDefinitionCurrent(def: CustomDefinitionSpec, spec: PolicyAssignmentSpec, ctx: RolloutContext): Promise<boolean> {
  const actual = await readCustomDefinition(ctx.clients, ctx.subscriptionId, definitionScope(spec), def.name);
  return (
    (actual?.metadata as Record<string, { specHash?: string }> | undefined)?.[METADATA_KEY]?.specHash ===
    specHash(desiredCustomDefinition(def))
  );
}

async function write(
  spec: PolicyAssignmentSpec,
  ctx: RolloutContext,
  desired: ReturnType<typeof desiredAssignment>,
  actualMetadata: Record<string, unknown> | undefined,
  ours: Partial<ArcActionsMetadata>,
): Promise<void> {
  const kept = Object.fromEntries(Object.entries(actualMetadata ?? {}).filter(([k]) => !ARM_METADATA.includes(k) && k !== METADATA_KEY));
  const metadata = {
    ...kept,
    [METADATA_KEY]: { ...ours, specHash: specHash(desired), provenance: ctx.provenance, writtenAt: new Date(ctx.now()).toISOString() },
  };
  await writeAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name, { ...desired, metadata });
  log.info(`Wrote policy assignment ${spec.name} at ${spec.scope} (effect ${desired.parameters.effect.value}).`);
}

function refusedOutcome(
  spec: PolicyAssignmentSpec,
  id: string,
  effectBefore: string | undefined,
  policies: string[],
  message: string,
): AssignmentOutcome {
  return {
    name: spec.name,
    id,
    file: spec.file,
    line: spec.line,
    scope: spec.scope,
    stage: spec.stage,
    action: 'refused',
    written: false,
    fields: [],
    effectBefore,
    effectAfter: effectBefore ?? 'none',
    policies,
    clusters: 0,
    matrix: {},
    violations: [],
    exempt: 0,
    exemptObjects: [],
    complete: false,
    clusterIds: [],
    policyExtension: {},
    message,
  };
}

interface PromoteState {
  actual: Awaited<ReturnType<typeof readAssignment>>;
  meta: ArcActionsMetadata | undefined;
  definitionId: string;
  evidence: Awaited<ReturnType<typeof gatherFleetEvidence>>;
  base: Omit<AssignmentOutcome, 'action' | 'written' | 'fields' | 'effectAfter' | 'message' | 'gate'>;
  ringLocations?: string[];
  custom?: CustomDefinitionSpec;
  resolved: ResolvedDefinition;
}

/** `1.*.*` or `2.0.0` → `1` / `2`: assignments pin a definition's major version. */
const major = (version: unknown): string | undefined => (typeof version === 'string' ? version.split('.')[0] : undefined);

/**
 * What the gate did not see: every difference between the assignment the file describes (as apply would write it
 * now) and the one in Azure, except the effect that promote changes. The gate judges the assignment in Azure, so
 * promote may write only the effect; anything else has to go through apply and an evaluation first.
 */
async function drift(spec: PolicyAssignmentSpec, ctx: RolloutContext, s: PromoteState): Promise<string[]> {
  const actual = s.actual as Record<string, unknown> & { parameters?: Record<string, unknown> };
  const asApplied = desiredAssignment(spec, s.definitionId, 'Audit', s.meta?.deniedRings ?? []);
  const withoutEffect = (body: Record<string, unknown> | undefined) => {
    const c = comparable(body);
    const { effect: _effect, ...parameters } = (c.parameters ?? {}) as Record<string, unknown>;
    return { ...c, parameters };
  };
  const before = withoutEffect(actual);
  const after = withoutEffect(asApplied as never);
  const differences = diffFields(before, after).map((f) => f.path);
  // diffFields looks only at the keys the file has: a parameter set in Azure that the file no longer sets differs too.
  for (const key of Object.keys(before.parameters))
    if (!(key in after.parameters) && !differences.includes(`parameters.${key}`)) differences.push(`parameters.${key}`);
  const pinned = major(actual.definitionVersion);
  const current = major(s.resolved.version);
  if (pinned && current && pinned !== current)
    differences.push(`definitionVersion (${String(actual.definitionVersion)} in Azure, the definition is now ${s.resolved.version})`);
  if (s.custom && !(await customDefinitionCurrent(s.custom, spec, ctx)))
    differences.push(`custom definition ${s.custom.name} (the file's ConstraintTemplate or values)`);
  return differences;
}

async function promote(spec: PolicyAssignmentSpec, ctx: RolloutContext, s: PromoteState): Promise<AssignmentOutcome> {
  const { actual, meta, base } = s;
  const refuse = (effectAfter: string, message: string, gate?: AssignmentOutcome['gate']): AssignmentOutcome => ({
    ...base,
    action: 'refused',
    written: false,
    fields: [],
    effectAfter,
    gate,
    message,
  });
  if (!actual) return refuse('none', `${spec.name} does not exist yet: run mode apply first.`);
  const deniedRings = meta?.deniedRings ?? [];
  const effect = base.effectBefore ?? 'Audit';
  const already = ctx.ring ? effect === 'Deny' || deniedRings.includes(ctx.ring) : effect === 'Deny';
  const outOfOrder = already ? undefined : ringOrderRefusal(spec, ctx.ring, deniedRings);
  if (outOfOrder) return refuse(effect, outOfOrder);
  if (already) {
    return {
      ...base,
      action: 'unchanged',
      written: false,
      fields: [],
      effectAfter: 'Deny',
      message: `${spec.name}${ctx.ring ? ` ring ${ctx.ring}` : ''} is already Deny.`,
    };
  }
  const differences = await drift(spec, ctx, s);
  if (differences.length)
    return refuse(
      effect,
      `Promotion of ${ctx.ring ? `ring ${ctx.ring} of ${spec.name}` : spec.name} refused: the policy file differs from the assignment in Azure in ${differences.join(', ')}, ` +
        'and the gate can only judge what Azure evaluated; run apply and wait for an evaluation, then promote. Nothing was written.',
    );
  const metadata = (actual.metadata ?? {}) as Record<string, string | undefined>;
  const changes = [metadata.updatedOn, metadata.createdOn, (meta as { writtenAt?: string } | undefined)?.writtenAt].filter(
    (d): d is string => !!d,
  );
  const lastChangedAt = changes.length
    ? new Date(Math.max(...changes.map((d) => Date.parse(d)))).toISOString()
    : new Date(ctx.now()).toISOString();
  const evidence: GateEvidence = {
    ...s.evidence,
    now: ctx.now(),
    assignment: {
      id: base.id,
      name: spec.name,
      effect,
      lastChangedAt,
      auditSince: meta?.auditSince ?? metadata.createdOn ?? lastChangedAt,
      policies: base.policies,
    },
  };
  const gate = evaluateGate(evidence, ctx.gate);
  const target = ctx.ring ? `ring ${ctx.ring} of ${spec.name}` : spec.name;
  if (!gate.passed)
    return refuse(
      effect,
      `Promotion of ${target} refused: ${gate.conditions
        .filter((c) => !c.passed)
        .map((c) => c.detail)
        .join(' ')}`,
      gate,
    );
  const nextRings = ctx.ring ? [...deniedRings, ctx.ring] : [];
  const desired = desiredAssignment(spec, s.definitionId, ctx.ring ? 'Audit' : 'Deny', nextRings);
  const fields = diffFields(comparable(actual), comparable(desired));
  if (!ctx.dryRun) {
    await write(spec, ctx, desired, actual.metadata as Record<string, unknown>, {
      ...meta,
      deniedRings: nextRings,
      promotion: {
        at: new Date(ctx.now()).toISOString(),
        by: ctx.provenance,
        gate: gate.conditions.map((c) => ({ id: c.id, passed: c.passed, detail: c.detail })),
      },
    });
  }
  return {
    ...base,
    action: 'promote',
    written: !ctx.dryRun,
    fields,
    effectAfter: 'Deny',
    gate,
    message: `${ctx.dryRun ? 'Would promote' : 'Promoted'} ${target} to Deny: every gate condition passed.`,
  };
}

/**
 * One ring at a time, in the order of the file: a ring is promoted only after every ring before it is Deny, and the
 * whole assignment only after all its rings are (an assignment without rings is promoted whole).
 */
export function ringOrderRefusal(spec: PolicyAssignmentSpec, ring: string | undefined, deniedRings: string[]): string | undefined {
  const order = spec.rings.map((r) => r.name);
  const upTo = ring ? order.indexOf(ring) : order.length;
  const pending = order.slice(0, upTo).filter((r) => !deniedRings.includes(r));
  if (!pending.length) return undefined;
  return `Promotion of ${ring ? `ring ${ring} of ${spec.name}` : `all of ${spec.name}`} refused: rings are promoted one at a time in the order of ${spec.file}, and ${pending.join(', ')} ${pending.length > 1 ? 'are' : 'is'} not Deny yet; promote ring ${pending[0]} first.`;
}
