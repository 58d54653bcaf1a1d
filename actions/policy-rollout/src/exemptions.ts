import { ConfigurationError, diffFields, log, type FieldChange } from '@arc-actions/core';
import { deleteExemption, listExemptionsOf, readExemption, writeExemption, type ArmClients } from '@arc-actions/azure';
import { blocks, code, heading, table } from '@arc-actions/report';
import { policiesOf } from './azure-policy.js';
import { definitionScope, METADATA_KEY, resolveDefinitionId, specHash } from './desired.js';
import { graphScopeOf } from './fleet-evidence.js';
import type { ExemptionSpec, PolicyAssignmentSpec, PolicySet } from './policy-file/load.js';
import type { Provenance } from './provenance.js';

/**
 * Exemptions as code: `exemptions:` of the policy files become Microsoft.Authorization/policyExemptions (through the
 * official @azure/arm-policy 5.x client, API 2020-07-01-preview, the one JavaScript SDK that has them). Plan shows
 * each as create / update / unchanged / expired / delete; apply writes only what differs (idempotent), stamps
 * `metadata.arcActions`, and deletes the exemptions it wrote that left the files. An expired exemption is never
 * rewritten: the plan says to remove it, and arc-verify fails while it is still in Azure.
 */
export interface ExemptionOutcome {
  name: string;
  scope: string;
  assignment: string;
  file?: string;
  line?: number;
  action: 'create' | 'update' | 'unchanged' | 'expired' | 'delete';
  written: boolean;
  fields: FieldChange[];
  category?: string;
  expiresOn?: string;
  policies: string[];
  message: string;
}

export interface ExemptionContext {
  clients: ArmClients;
  subscriptionId: string;
  mode: 'plan' | 'apply' | 'promote';
  dryRun: boolean;
  now: () => number;
  provenance: Provenance;
}

const assignmentIdOf = (a: PolicyAssignmentSpec) => `${a.scope}/providers/Microsoft.Authorization/policyAssignments/${a.name}`;

/**
 * Every exemption names policies its assignment has (reference ids of the initiative, or the definition's name).
 * Read-only; runs before anything is written, so a typo fails the run with nothing changed.
 */
export async function validateExemptions(ctx: ExemptionContext, set: PolicySet): Promise<void> {
  for (const e of set.exemptions) {
    if (!e.policies.length) continue;
    const assignment = set.assignments.find((a) => a.name === e.assignment)!;
    const known = assignment.definitionId.startsWith('custom:')
      ? [assignment.definitionId.slice(7)]
      : await policiesOf(ctx.clients, ctx.subscriptionId, resolveDefinitionId(assignment, definitionScope));
    const unknown = e.policies.filter((p) => !known.some((k) => k.toLowerCase() === p.toLowerCase()));
    if (unknown.length)
      throw new ConfigurationError(
        `${e.file} line ${e.line}: exemption "${e.name}" names ${unknown.join(', ')}, which assignment "${assignment.name}" does not have; its policies are: ${known.join(', ')}.`,
        'policies',
      );
  }
}

function desiredExemption(e: ExemptionSpec, assignment: PolicyAssignmentSpec) {
  return {
    policyAssignmentId: assignmentIdOf(assignment),
    policyDefinitionReferenceIds: [...e.policies].sort(),
    exemptionCategory: e.category,
    expiresOn: e.expiresOn ?? null,
    displayName: e.displayName ?? e.name,
    description: e.description ?? null,
  };
}

type Desired = ReturnType<typeof desiredExemption>;

function comparable(actual: Record<string, any> | undefined): Desired | undefined {
  if (!actual) return undefined;
  const expires = actual.expiresOn ? new Date(actual.expiresOn).toISOString() : null;
  return {
    policyAssignmentId: String(actual.policyAssignmentId ?? ''),
    policyDefinitionReferenceIds: [...((actual.policyDefinitionReferenceIds as string[] | undefined) ?? [])].sort(),
    exemptionCategory: actual.exemptionCategory,
    expiresOn: expires,
    displayName: actual.displayName ?? null,
    description: actual.description ?? null,
  };
}

/** Plan (or apply) the exemptions of the assignments in this run. */
export async function rolloutExemptions(
  ctx: ExemptionContext,
  set: PolicySet,
  assignments: PolicyAssignmentSpec[],
): Promise<ExemptionOutcome[]> {
  if (ctx.mode === 'promote') return [];
  const write = ctx.mode === 'apply' && !ctx.dryRun;
  const verb = write ? 'was' : 'would be';
  const names = new Set(assignments.map((a) => a.name));
  const outcomes: ExemptionOutcome[] = [];
  for (const e of set.exemptions.filter((x) => names.has(x.assignment))) {
    const assignment = assignments.find((a) => a.name === e.assignment)!;
    const desired = desiredExemption(e, assignment);
    const actual = await readExemption(
      ctx.clients,
      ctx.subscriptionId,
      `${e.scope}/providers/Microsoft.Authorization/policyExemptions/${e.name}`,
    );
    const current = comparable(actual as Record<string, any> | undefined);
    // Ids come back in any casing: compare the assignment id case-insensitively.
    const fields = diffFields(current ? { ...current, policyAssignmentId: current.policyAssignmentId.toLowerCase() } : undefined, {
      ...desired,
      policyAssignmentId: desired.policyAssignmentId.toLowerCase(),
    }).map((f) => (f.path === 'policyAssignmentId' ? { ...f, after: desired.policyAssignmentId } : f));
    const base = {
      name: e.name,
      scope: e.scope,
      assignment: e.assignment,
      file: e.file,
      line: e.line,
      category: e.category,
      expiresOn: e.expiresOn,
      policies: e.policies,
    };
    if (e.expiresOn && Date.parse(e.expiresOn) <= ctx.now()) {
      outcomes.push({
        ...base,
        action: 'expired',
        written: false,
        fields: [],
        message: `Exemption ${e.name} expired on ${e.expiresOn}: Azure no longer honours it; remove it from ${e.file} (apply then deletes it) or give it a new expires-on.`,
      });
      continue;
    }
    const action = !actual ? 'create' : fields.length ? 'update' : 'unchanged';
    if (write && action !== 'unchanged') {
      await writeExemption(ctx.clients, ctx.subscriptionId, e.scope, e.name, {
        policyAssignmentId: desired.policyAssignmentId,
        policyDefinitionReferenceIds: desired.policyDefinitionReferenceIds.length ? desired.policyDefinitionReferenceIds : undefined,
        exemptionCategory: e.category,
        expiresOn: e.expiresOn ? new Date(e.expiresOn) : undefined,
        displayName: desired.displayName,
        description: e.description,
        metadata: { [METADATA_KEY]: { specHash: specHash(desired), provenance: ctx.provenance } },
      });
      log.info(`Wrote policy exemption ${e.name} at ${e.scope}.`);
    }
    outcomes.push({
      ...base,
      action,
      written: write && action !== 'unchanged',
      fields,
      message:
        action === 'unchanged'
          ? `Exemption ${e.name} is unchanged.`
          : `Exemption ${e.name} ${verb} ${action === 'create' ? 'created' : `updated (${fields.map((f) => f.path).join(', ')})`}.`,
    });
  }
  outcomes.push(...(await removedExemptions(ctx, set, assignments, write)));
  return outcomes;
}

/** Exemptions arc-actions wrote (metadata.arcActions) for these assignments that are no longer in the files. */
async function removedExemptions(
  ctx: ExemptionContext,
  set: PolicySet,
  assignments: PolicyAssignmentSpec[],
  write: boolean,
): Promise<ExemptionOutcome[]> {
  const out: ExemptionOutcome[] = [];
  const wanted = new Set(
    set.exemptions.map((e) => `${e.scope}/providers/Microsoft.Authorization/policyExemptions/${e.name}`.toLowerCase()),
  );
  for (const assignment of assignments) {
    const { scope, where } = graphScopeOf(assignment.scope);
    const rows = await listExemptionsOf(ctx.clients, assignmentIdOf(assignment), scope, where);
    if (!rows.complete)
      throw new Error(`Not every page of the exemptions of ${assignment.name} could be read; refusing to decide what to delete.`);
    for (const row of rows.rows) {
      if (!row.metadata?.[METADATA_KEY] || wanted.has(row.id.toLowerCase())) continue;
      const exemptionScope = row.id.replace(/\/providers\/Microsoft\.Authorization\/policyExemptions\/[^/]+$/i, '');
      if (write) {
        await deleteExemption(ctx.clients, ctx.subscriptionId, exemptionScope, row.name);
        log.info(`Deleted policy exemption ${row.name} at ${exemptionScope}: it is no longer in the policy files.`);
      }
      out.push({
        name: row.name,
        scope: exemptionScope,
        assignment: assignment.name,
        action: 'delete',
        written: write,
        fields: [],
        policies: [],
        message: `Exemption ${row.name} ${write ? 'was' : 'would be'} deleted: arc-actions wrote it and it is no longer in the policy files.`,
      });
    }
  }
  return out;
}

const ICON: Record<ExemptionOutcome['action'], string> = {
  create: '🆕 create',
  update: '✏️ update',
  unchanged: '✔️ unchanged',
  expired: '⌛ expired',
  delete: '🗑️ delete',
};

export function renderExemptions(outcomes: ExemptionOutcome[], now: number): string | undefined {
  if (!outcomes.length) return undefined;
  const left = (at?: string) => (at ? `${at.slice(0, 10)} (${Math.ceil((Date.parse(at) - now) / 86_400_000)} days)` : 'never');
  return blocks(
    heading('Exemptions', 3),
    table(
      ['Exemption', 'Assignment', 'Scope', 'Category', 'Policies', 'Expires', 'Action'],
      outcomes.map((o) => [
        o.name,
        o.assignment,
        code(o.scope),
        o.category ?? '',
        o.policies.join(', ') || 'all',
        o.action === 'delete' ? '' : left(o.expiresOn),
        ICON[o.action],
      ]),
    ),
  );
}
