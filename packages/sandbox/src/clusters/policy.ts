import { ConfigurationError, errorMessage, waitFor } from '@arc-actions/core';
import type { LocalCluster } from './cluster.js';
import { waitForCrds } from './gatekeeper.js';
import { effectToAction, planConstraint, type PlannedConstraint, type PolicyAssignment } from './policy-constraints.js';
import { PolicyInstallError, type InstallFailureReason, type ResolvedTemplate } from './policy-templates.js';
import { KubeApiError } from './rest.js';

export type { PolicyAssignment, PolicyAssignmentDefinition, PolicyEffect } from './policy-constraints.js';
export { constraintName, effectToAction, planConstraint } from './policy-constraints.js';
export { PolicyInstallError, resolveTemplate, type InstallFailureReason, type ResolvedTemplate } from './policy-templates.js';

export interface InstalledConstraint {
  name: string;
  kind: string;
  template: string;
  assignmentId: string;
  definitionId: string;
  definitionReferenceId?: string;
  enforcementAction: 'dryrun' | 'deny';
}

/** A definition of an assignment that could not be installed: the add-on reports it as Error (or Conflict). */
export interface PolicyInstallFailure {
  assignmentId: string;
  definitionId: string;
  definitionReferenceId?: string;
  complianceState: 'Error' | 'Conflict';
  reason: InstallFailureReason;
  message: string;
}

export interface PolicySyncResult {
  templates: string[];
  constraints: InstalledConstraint[];
  failures: PolicyInstallFailure[];
  deletedConstraints: string[];
  deletedTemplates: string[];
}

const MANAGER = 'azure-policy-addon';
const MANAGED = 'managed-by=azure-policy-addon';
const CONSTRAINTS = 'constraints.gatekeeper.sh/v1beta1';
const TEMPLATES = 'templates.gatekeeper.sh/v1';

interface Desired extends PlannedConstraint {
  assignmentId: string;
}

async function applyTemplate(cluster: LocalCluster, template: ResolvedTemplate, definitionId: string): Promise<void> {
  const object = structuredClone(template.object);
  object.metadata.labels = { ...object.metadata.labels, 'managed-by': MANAGER };
  object.metadata.annotations = {
    ...object.metadata.annotations,
    'azure-policy-definition-id': definitionId,
    'constraint-template-installed-by': MANAGER,
    ...(template.source.startsWith('https://') ? { 'constraint-template': template.source } : {}),
  };
  await cluster.client.apply(object, MANAGER);
}

/**
 * Waits until Gatekeeper has compiled the template (status.created, its constraint CRD Established); a template
 * Gatekeeper rejects (Rego that does not compile, a bad schema) is a Constraint/TemplateInstallFailed.
 */
async function waitForTemplate(cluster: LocalCluster, template: ResolvedTemplate): Promise<void> {
  const created = await waitFor(
    async () => {
      const t = await cluster.client.get(TEMPLATES, 'ConstraintTemplate', template.name);
      const generation = t?.metadata?.generation ?? 0;
      const byPod: any[] = (t?.status?.byPod ?? []).filter((p: any) => (p.observedGeneration ?? 0) >= generation);
      const errors = byPod.flatMap((p) => p.errors ?? []);
      if (errors.length) return { errors: errors.map((e: any) => e.message).join('; ') };
      return t?.status?.created === true && byPod.length ? { errors: '' } : undefined;
    },
    { timeoutMs: 60000, initialMs: 100, maxMs: 500 },
  );
  if (!created.value)
    throw new PolicyInstallError(
      `Gatekeeper did not create the constraint template ${template.name} within 60 s.`,
      'Constraint/TemplateInstallFailed',
    );
  if (created.value.errors)
    throw new PolicyInstallError(
      `Gatekeeper rejected the constraint template ${template.name}: ${created.value.errors}`,
      'Constraint/TemplateInstallFailed',
    );
  await waitForCrds(cluster.client, [`${template.name}.constraints.gatekeeper.sh`], 60000);
}

/** Kinds of the constraint templates installed by the add-on emulation. */
async function managedKinds(cluster: LocalCluster): Promise<{ name: string; kind: string }[]> {
  const templates = await cluster.client.list(TEMPLATES, 'ConstraintTemplate', { labelSelector: MANAGED });
  return templates.map((t: any) => ({ name: t.metadata.name, kind: t.spec.crd.spec.names.kind }));
}

const failureOf = (d: { assignmentId: string; definitionId: string; definitionReferenceId?: string }, error: PolicyInstallError) => ({
  assignmentId: d.assignmentId,
  definitionId: d.definitionId,
  definitionReferenceId: d.definitionReferenceId,
  complianceState: error.reason === 'ConstraintTemplateConflicts' ? ('Conflict' as const) : ('Error' as const),
  reason: error.reason,
  message: error.message,
});

/**
 * What the Azure Policy add-on does on its sync cycle: installs the constraint template of every assigned definition
 * (the store's, or the Base64 one of a custom definition), creates one constraint per assignment and definition
 * (Audit → dryrun, Deny → deny, Disabled → none), deletes the constraints (and templates) no longer assigned, and waits
 * until Gatekeeper reports every constraint enforced. A definition that cannot be installed (template missing or
 * rejected, two sources for one template name, a constraint the apiserver refuses) does not stop the others: it is
 * returned in `failures`, and what it had on the cluster is kept, as the add-on keeps existing constraints.
 */
export async function syncPolicyAssignments(
  cluster: LocalCluster,
  assignments: readonly PolicyAssignment[],
  options: { timeoutMs?: number } = {},
): Promise<PolicySyncResult> {
  if (!cluster.gatekeeper)
    throw new ConfigurationError(
      `The cluster ${cluster.name} runs without Gatekeeper, so policy assignments cannot be synced.`,
      'gatekeeper',
    );
  const desired: Desired[] = [];
  const failures: PolicyInstallFailure[] = [];
  /** Constraint and template names to keep on the cluster (installed now, or kept because their update failed). */
  const keepConstraints = new Set<string>();
  const keepTemplates = new Set<string>();
  for (const assignment of assignments) {
    const action = effectToAction(assignment.effect, assignment.name, assignment.enforcementMode);
    if (!action) continue;
    for (const def of assignment.definitions) {
      const ids = { assignmentId: assignment.id, definitionId: def.definitionId, definitionReferenceId: def.definitionReferenceId };
      try {
        desired.push({ ...(await planConstraint(assignment, def, action)), assignmentId: assignment.id });
      } catch (error) {
        if (!(error instanceof PolicyInstallError)) throw error;
        failures.push(failureOf(ids, error));
      }
    }
  }

  // One template name, one source: the first definition to ask for a name wins, the others are in conflict.
  const templates = new Map<string, Desired>();
  const installable: Desired[] = [];
  for (const d of desired) {
    keepConstraints.add(d.object.metadata.name);
    keepTemplates.add(d.template.name);
    const first = templates.get(d.template.name);
    if (!first) templates.set(d.template.name, d);
    if (first && first.template.sourceKey !== d.template.sourceKey) {
      failures.push(
        failureOf(
          d,
          new PolicyInstallError(
            `The constraint template ${d.template.name} of ${d.definitionReferenceId ?? d.definitionId} comes from ${d.template.source}, but ${first.definitionReferenceId ?? first.definitionId} installs the same name from ${first.template.source}.`,
            'ConstraintTemplateConflicts',
          ),
        ),
      );
    } else installable.push(d);
  }

  const failedTemplates = new Map<string, PolicyInstallError>();
  for (const d of templates.values()) {
    try {
      await applyTemplate(cluster, d.template, d.definitionId);
    } catch (error) {
      failedTemplates.set(d.template.name, new PolicyInstallError(errorMessage(error), 'InvalidConstraint/Template'));
    }
  }
  await Promise.all(
    [...templates.values()]
      .filter((d) => !failedTemplates.has(d.template.name))
      .map((d) =>
        waitForTemplate(cluster, d.template).catch((error: unknown) => {
          if (!(error instanceof PolicyInstallError)) throw error;
          failedTemplates.set(d.template.name, error);
        }),
      ),
  );

  const installed: Desired[] = [];
  for (const d of installable) {
    const templateError = failedTemplates.get(d.template.name);
    if (templateError) {
      failures.push(failureOf(d, templateError));
      continue;
    }
    try {
      await cluster.client.apply(d.object, MANAGER);
      installed.push(d);
    } catch (error) {
      if (!(error instanceof KubeApiError)) throw error;
      failures.push(
        failureOf(
          d,
          new PolicyInstallError(
            `The apiserver refused constraint ${d.object.metadata.name}: ${error.message}`,
            'InvalidConstraint/Template',
          ),
        ),
      );
    }
  }

  const deletedConstraints: string[] = [];
  const deletedTemplates: string[] = [];
  for (const { name: templateName, kind } of await managedKinds(cluster)) {
    for (const c of await cluster.client.list(CONSTRAINTS, kind, { labelSelector: MANAGED }).catch(() => [])) {
      if (keepConstraints.has(c.metadata.name)) continue;
      await cluster.client.delete(CONSTRAINTS, kind, c.metadata.name);
      deletedConstraints.push(c.metadata.name);
    }
    if (!keepTemplates.has(templateName)) {
      await cluster.client.delete(TEMPLATES, 'ConstraintTemplate', templateName);
      deletedTemplates.push(templateName);
    }
  }

  const timeoutMs = options.timeoutMs ?? 60000;
  const enforced = await waitFor(
    async () => {
      for (const d of installed) {
        const c = await cluster.client.get(CONSTRAINTS, d.template.kind, d.object.metadata.name);
        const byPod: any[] = c?.status?.byPod ?? [];
        if (!byPod.length || !byPod.every((p) => p.enforced === true && (p.observedGeneration ?? 0) >= c.metadata.generation))
          return undefined;
      }
      return true;
    },
    { timeoutMs, initialMs: 100, maxMs: 500 },
  );
  if (!enforced.value)
    throw new Error(
      `The constraints ${installed.map((d) => d.object.metadata.name).join(', ')} were not all enforced by Gatekeeper within ${timeoutMs / 1000} s.`,
    );

  return {
    templates: [...templates.keys()].filter((t) => !failedTemplates.has(t)),
    constraints: installed.map((d) => ({
      name: d.object.metadata.name,
      kind: d.template.kind,
      template: d.template.name,
      assignmentId: d.assignmentId,
      definitionId: d.definitionId,
      definitionReferenceId: d.definitionReferenceId,
      enforcementAction: (d.object.spec as { enforcementAction: 'dryrun' | 'deny' }).enforcementAction,
    })),
    failures,
    deletedConstraints,
    deletedTemplates,
  };
}

export interface AuditViolation {
  kind: string;
  namespace?: string;
  name: string;
  message: string;
}

export interface ConstraintAuditResult {
  constraintName: string;
  assignmentId: string;
  definitionId: string;
  definitionReferenceId?: string;
  enforcementAction: string;
  /** Last audit run that covered this constraint (absent before the first one). */
  auditTimestamp?: string;
  totalViolations: number;
  /** At most --constraint-violations-limit (20) entries; totalViolations counts all. */
  violations: AuditViolation[];
}

/** Gatekeeper's audit status of every add-on constraint, as the add-on reads it for its compliance report. */
export async function readAuditResults(cluster: LocalCluster): Promise<ConstraintAuditResult[]> {
  const results: ConstraintAuditResult[] = [];
  for (const { kind } of await managedKinds(cluster)) {
    for (const c of await cluster.client.list(CONSTRAINTS, kind, { labelSelector: MANAGED }).catch(() => [])) {
      const a = c.metadata.annotations ?? {};
      results.push({
        constraintName: c.metadata.name,
        assignmentId: a['azure-policy-assignment-id'] ?? '',
        definitionId: a['azure-policy-definition-id'] ?? '',
        definitionReferenceId: a['azure-policy-definition-reference-id'] || undefined,
        enforcementAction: c.spec?.enforcementAction ?? 'deny',
        auditTimestamp: c.status?.auditTimestamp,
        totalViolations: c.status?.totalViolations ?? 0,
        violations: (c.status?.violations ?? []).map((v: any) => ({
          kind: v.kind,
          namespace: v.namespace,
          name: v.name,
          message: v.message,
        })),
      });
    }
  }
  return results.sort((x, y) => x.constraintName.localeCompare(y.constraintName));
}
