import { ConfigurationError, waitFor } from '@arc-actions/core';
import type { LocalCluster } from './cluster.js';
import { waitForCrds } from './gatekeeper.js';
import { effectToAction, planConstraint, type PolicyAssignment } from './policy-constraints.js';
import type { ResolvedTemplate } from './policy-templates.js';
import type { KubeObject } from './rest.js';

export type { PolicyAssignment, PolicyAssignmentDefinition, PolicyEffect } from './policy-constraints.js';
export { constraintName, planConstraint } from './policy-constraints.js';

export interface InstalledConstraint {
  name: string;
  kind: string;
  template: string;
  assignmentId: string;
  definitionId: string;
  enforcementAction: 'dryrun' | 'deny';
}

export interface PolicySyncResult {
  templates: string[];
  constraints: InstalledConstraint[];
  deletedConstraints: string[];
  deletedTemplates: string[];
}

const MANAGER = 'azure-policy-addon';
const MANAGED = 'managed-by=azure-policy-addon';
const CONSTRAINTS = 'constraints.gatekeeper.sh/v1beta1';
const TEMPLATES = 'templates.gatekeeper.sh/v1';

async function installTemplate(cluster: LocalCluster, template: ResolvedTemplate, definitionId: string): Promise<void> {
  const object = structuredClone(template.object);
  object.metadata.labels = { ...object.metadata.labels, 'managed-by': MANAGER };
  object.metadata.annotations = {
    ...object.metadata.annotations,
    'azure-policy-definition-id': definitionId,
    'constraint-template-installed-by': MANAGER,
    'constraint-template': template.url,
  };
  await cluster.client.apply(object, MANAGER);
  const created = await waitFor(
    async () => {
      const t = await cluster.client.get(TEMPLATES, 'ConstraintTemplate', template.name);
      const errors = (t?.status?.byPod ?? []).flatMap((p: any) => p.errors ?? []);
      if (errors.length)
        throw new Error(
          `The constraint template ${template.name} was rejected by Gatekeeper: ${errors.map((e: any) => e.message).join('; ')}`,
        );
      return t?.status?.created === true ? true : undefined;
    },
    { timeoutMs: 60000, initialMs: 100, maxMs: 500 },
  );
  if (!created.value) throw new Error(`The constraint template ${template.name} was not created by Gatekeeper within 60 s.`);
  await waitForCrds(cluster.client, [`${template.name}.constraints.gatekeeper.sh`], 60000);
}

/** Kinds of the constraint templates installed by the add-on emulation. */
async function managedKinds(cluster: LocalCluster): Promise<{ name: string; kind: string }[]> {
  const templates = await cluster.client.list(TEMPLATES, 'ConstraintTemplate', { labelSelector: MANAGED });
  return templates.map((t: any) => ({ name: t.metadata.name, kind: t.spec.crd.spec.names.kind }));
}

/**
 * What the Azure Policy add-on does on its sync cycle: installs the templates of the assigned definitions, creates
 * one constraint per assignment and definition (Audit → dryrun, Deny → deny, Disabled → none), deletes the
 * constraints (and templates) no longer assigned, and waits until Gatekeeper reports every constraint enforced.
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
  const desired: { template: ResolvedTemplate; object: KubeObject; definitionId: string; assignmentId: string }[] = [];
  for (const assignment of assignments) {
    const action = effectToAction(assignment.effect, assignment.name);
    if (!action) continue;
    for (const def of assignment.definitions)
      desired.push({ ...(await planConstraint(assignment, def, action)), assignmentId: assignment.id });
  }
  const templates = new Map(desired.map((d) => [d.template.name, d]));
  for (const d of templates.values()) await installTemplate(cluster, d.template, d.definitionId);
  for (const d of desired) await cluster.client.apply(d.object, MANAGER);

  const wanted = new Set(desired.map((d) => d.object.metadata.name));
  const deletedConstraints: string[] = [];
  const deletedTemplates: string[] = [];
  for (const { name: templateName, kind } of await managedKinds(cluster)) {
    for (const c of await cluster.client.list(CONSTRAINTS, kind, { labelSelector: MANAGED }).catch(() => [])) {
      if (wanted.has(c.metadata.name)) continue;
      await cluster.client.delete(CONSTRAINTS, kind, c.metadata.name);
      deletedConstraints.push(c.metadata.name);
    }
    if (!templates.has(templateName)) {
      await cluster.client.delete(TEMPLATES, 'ConstraintTemplate', templateName);
      deletedTemplates.push(templateName);
    }
  }

  const timeoutMs = options.timeoutMs ?? 60000;
  const enforced = await waitFor(
    async () => {
      for (const d of desired) {
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
    throw new Error(`The constraints ${[...wanted].join(', ')} were not all enforced by Gatekeeper within ${timeoutMs / 1000} s.`);

  return {
    templates: [...templates.keys()],
    constraints: desired.map((d) => ({
      name: d.object.metadata.name,
      kind: d.template.kind,
      template: d.template.name,
      assignmentId: d.assignmentId,
      definitionId: d.definitionId,
      enforcementAction: (d.object.spec as { enforcementAction: 'dryrun' | 'deny' }).enforcementAction,
    })),
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
