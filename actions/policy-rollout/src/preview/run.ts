import { errorMessage, log, mapSettled } from '@arc-actions/core';
import type { ArmClients } from '@arc-actions/azure';
import { apiMessage } from '@arc-actions/kube';
import { readAssignment } from '../azure-policy.js';
import { definitionScope, desiredAssignment, desiredCustomDefinition, resolveDefinitionId } from '../desired.js';
import type { CustomDefinitionSpec, PolicyAssignmentSpec } from '../policy-file/load.js';
import type { AssignmentOutcome } from '../rollout.js';
import { addCounts, classify, emptyCounts, objectKey, type PreviewCounts, type PreviewObject } from './classify.js';
import { readClusterObjects, kindKey, type ClusterObjects, type LiveObject } from './cluster-objects.js';
import { buildConstraint, matchedKinds, policyName, templateInfoOf, type ConstraintObject } from './constraints.js';
import { assignmentPolicies, DefinitionReader, type AssignmentRef } from './definitions.js';
import { gatorTest, locateGator, type Gator } from './gator.js';
import { chooseSample, clustersInScope, withCluster, type InventoryCluster, type PreviewOptions } from './sample.js';
import { TemplateResolver, type PreviewTemplate } from './templates.js';

export interface ClusterPreview extends PreviewCounts {
  cluster: string;
}

export interface AssignmentPreview {
  name: string;
  file: string;
  line: number;
  stage: 'audit' | 'deny';
  /** `failed`: nothing could be concluded (the reason says why); the check run fails. */
  status: 'evaluated' | 'failed';
  reason?: string;
  /** Whether a current version exists in Azure to compare with. */
  compared: boolean;
  /** The ring sampled, when the preview was limited to one. */
  ring?: string;
  policies: string[];
  inScope: number;
  sampled: string[];
  unreadable: { cluster: string; reason: string }[];
  notSampled: { cluster: string; reason: string }[];
  clusters: ClusterPreview[];
  totals: PreviewCounts;
  /** Objects denied by the PR's version, and objects it newly admits, on the clusters read. */
  objects: PreviewObject[];
}

export interface PreviewResult {
  gator?: { path: string; source: string };
  assignments: AssignmentPreview[];
  /** Assignments that need no preview: nothing they evaluate changes. */
  skipped: string[];
}

export interface PreviewContext {
  clients: ArmClients;
  subscriptionId: string;
  options: PreviewOptions;
  definitions: CustomDefinitionSpec[];
}

/** The constraints (and their templates) of one version of an assignment, ready for gator. */
interface Side {
  templates: PreviewTemplate[];
  constraints: ConstraintObject[];
  /** constraint name → policy name */
  policyOf: Map<string, string>;
}

const plain = (params: Record<string, { value?: unknown }> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, v?.value]));

const EVALUATED_FIELDS = new Set(['policyDefinitionId', 'parameters']);

async function buildSide(
  reader: DefinitionReader,
  templates: TemplateResolver,
  assignmentId: string,
  ref: AssignmentRef,
): Promise<Side & { policies: string[] }> {
  const { setDefinitionId, policies } = await assignmentPolicies(reader, ref);
  const side: Side & { policies: string[] } = { templates: [], constraints: [], policyOf: new Map(), policies: [] };
  const seen = new Map<string, PreviewTemplate>();
  for (const policy of policies) {
    const name = policyName(policy);
    side.policies.push(name);
    let template: PreviewTemplate;
    try {
      template = await templates.resolve(templateInfoOf(policy.details));
    } catch (error) {
      throw new Error(`${name}: ${errorMessage(error)}`, { cause: error });
    }
    if (!seen.has(template.name)) {
      seen.set(template.name, template);
      side.templates.push(template);
    }
    const constraint = buildConstraint({ assignmentId, setDefinitionId, policy, template, enforcementAction: 'deny' });
    side.constraints.push(constraint);
    side.policyOf.set(constraint.metadata.name, name);
  }
  return side;
}

interface Target {
  spec: PolicyAssignmentSpec;
  outcome: AssignmentOutcome;
  after: Side & { policies: string[] };
  before?: Side;
  kinds: { group: string; kind: string }[];
  inScope: InventoryCluster[];
  sampled: InventoryCluster[];
  preview: AssignmentPreview;
}

/**
 * The deny-impact preview of a plan: for every assignment whose evaluated content changes (new assignment,
 * definition, parameters, or the Rego of its custom definition), the live objects of a sample of the clusters in
 * its scope are evaluated with gator against the constraints of the PR's version and of the version in Azure, both
 * under Deny. Clusters are read once each, read-only.
 */
export async function runPreview(
  ctx: PreviewContext,
  specs: PolicyAssignmentSpec[],
  outcomes: AssignmentOutcome[],
  deps: { gator?: Gator } = {},
): Promise<PreviewResult> {
  const reader = new DefinitionReader(ctx.clients, ctx.subscriptionId);
  const templates = new TemplateResolver();
  const result: PreviewResult = { assignments: [], skipped: [] };
  const targets: Target[] = [];

  for (const outcome of outcomes) {
    const spec = specs.find((s) => s.name === outcome.name && s.scope === outcome.scope);
    if (!spec || outcome.action === 'refused') continue;
    const definitionId = resolveDefinitionId(spec, definitionScope);
    const customSpec = spec.definitionId.startsWith('custom:')
      ? ctx.definitions.find((d) => d.name === spec.definitionId.slice(7))
      : undefined;
    const custom = customSpec ? { [definitionId.toLowerCase()]: desiredCustomDefinition(customSpec) as Record<string, any> } : undefined;
    const preview: AssignmentPreview = {
      name: spec.name,
      file: spec.file,
      line: spec.line,
      stage: spec.stage,
      status: 'evaluated',
      compared: false,
      policies: [],
      inScope: 0,
      sampled: [],
      unreadable: [],
      notSampled: [],
      clusters: [],
      totals: emptyCounts(),
      objects: [],
    };
    try {
      const actual = await readAssignment(ctx.clients, ctx.subscriptionId, spec.scope, spec.name);
      const afterRef: AssignmentRef = {
        definitionId,
        parameters: plain(desiredAssignment(spec, definitionId, 'Deny').parameters),
        custom,
      };
      const beforeRef: AssignmentRef | undefined = actual?.policyDefinitionId
        ? {
            definitionId: actual.policyDefinitionId,
            definitionVersion: (actual as { definitionVersion?: string }).definitionVersion,
            parameters: plain(actual.parameters as Record<string, { value?: unknown }>),
          }
        : undefined;
      const after = await buildSide(reader, templates, outcome.id, afterRef);
      const before = beforeRef ? await buildSide(reader, templates, outcome.id, beforeRef) : undefined;
      const evaluatedChanged =
        !before ||
        outcome.fields.some((f) => EVALUATED_FIELDS.has(f.path.split('.')[0])) ||
        JSON.stringify([after.templates.map((t) => t.object), after.constraints]) !==
          JSON.stringify([before.templates.map((t) => t.object), before.constraints]);
      if (!evaluatedChanged) {
        result.skipped.push(spec.name);
        continue;
      }
      preview.compared = !!before;
      preview.policies = after.policies;
      const ring = ctx.options.ring ? spec.rings.find((r) => r.name === ctx.options.ring) : undefined;
      preview.ring = ring?.name;
      const inventory = await clustersInScope(ctx.clients, spec.scope, ring?.locations);
      if (!inventory.complete) throw new Error('not every page of the cluster inventory could be read from Resource Graph');
      const sample = chooseSample(inventory.clusters, ctx.options);
      preview.inScope = inventory.clusters.length;
      preview.notSampled = sample.notSampled;
      const kinds = [...after.constraints, ...(before?.constraints ?? [])].flatMap(matchedKinds);
      targets.push({ spec, outcome, after, before, kinds, inScope: inventory.clusters, sampled: sample.sampled, preview });
    } catch (error) {
      preview.status = 'failed';
      preview.reason = errorMessage(error);
    }
    result.assignments.push(preview);
  }
  if (!targets.length) return result;

  let gator: Gator;
  try {
    gator = deps.gator ?? (await locateGator());
    result.gator = { path: gator.path, source: gator.source };
  } catch (error) {
    for (const t of targets) Object.assign(t.preview, { status: 'failed', reason: errorMessage(error) });
    return result;
  }

  // Read each sampled cluster once, for the kinds of every assignment that samples it.
  const clusters = new Map<string, { cluster: InventoryCluster; kinds: { group: string; kind: string }[] }>();
  for (const t of targets) {
    for (const c of t.sampled) {
      const entry = clusters.get(c.id.toLowerCase()) ?? { cluster: c, kinds: [] };
      entry.kinds.push(...t.kinds);
      clusters.set(c.id.toLowerCase(), entry);
    }
  }
  const read = new Map<string, ClusterObjects | { error: string }>();
  const list = [...clusters.values()];
  await mapSettled(list, 2, async ({ cluster, kinds }, i) => {
    try {
      const objects = await withCluster(cluster, ctx.options, 47200 + i, (kc) => readClusterObjects(kc, kinds));
      read.set(cluster.id.toLowerCase(), objects);
      log.info(`Preview: read ${objects.count} objects of ${cluster.name}.`);
    } catch (error) {
      read.set(cluster.id.toLowerCase(), { error: apiMessage(error) });
    }
  });

  for (const t of targets) {
    try {
      await evaluateTarget(t, gator, read);
    } catch (error) {
      Object.assign(t.preview, { status: 'failed', reason: errorMessage(error) });
    }
  }
  return result;
}

async function evaluateTarget(t: Target, gator: Gator, read: Map<string, ClusterObjects | { error: string }>): Promise<void> {
  const p = t.preview;
  if (!t.inScope.length) {
    throw new Error(
      `no cluster is in the scope of ${t.spec.name}${p.ring ? ` (ring ${p.ring})` : ''}, so there is nothing to evaluate: a preview of no cluster would prove nothing`,
    );
  }
  if (!t.sampled.length) throw new Error(`none of the ${t.inScope.length} clusters in scope could be sampled (${p.notSampled[0]?.reason})`);
  const kindKeys = new Set(t.kinds.map((k) => kindKey(k.group, k.kind)));
  for (const cluster of t.sampled) {
    const objects = read.get(cluster.id.toLowerCase());
    if (!objects || 'error' in objects) {
      p.unreadable.push({ cluster: cluster.name, reason: objects?.error ?? 'not read' });
      continue;
    }
    p.sampled.push(cluster.name);
    const evaluated = new Map<string, LiveObject>();
    for (const [key, list] of objects.byKind)
      if (kindKeys.has(key)) for (const o of list) evaluated.set(objectKey({ ...o, ...o.metadata }), o);
    const namespaces = objects.namespaces.filter((n) => !evaluated.has(objectKey({ kind: 'Namespace', name: n.metadata.name })));
    const docs = { objects: [...namespaces, ...evaluated.values()] };
    const after = await gatorTest(gator, { templates: t.after.templates.map((x) => x.object), constraints: t.after.constraints, ...docs });
    const before = t.before
      ? await gatorTest(gator, { templates: t.before.templates.map((x) => x.object), constraints: t.before.constraints, ...docs })
      : undefined;
    const policyOf = new Map([...(t.before?.policyOf ?? []), ...t.after.policyOf]);
    const list = [...evaluated.values()].map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name }));
    const { counts, objects: verdicts } = classify(cluster.name, list, after, before, policyOf);
    p.clusters.push({ cluster: cluster.name, ...counts });
    p.totals = addCounts(p.totals, counts);
    p.objects.push(...verdicts);
  }
  if (!p.sampled.length)
    throw new Error(
      `none of the ${t.sampled.length} sampled clusters could be read: ${p.unreadable.map((u) => `${u.cluster} (${u.reason})`).join('; ')}`,
    );
}
