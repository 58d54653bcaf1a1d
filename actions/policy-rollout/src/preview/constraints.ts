import { createHash } from 'node:crypto';

/**
 * Gatekeeper constraints built the way the Azure Policy add-on builds them from an assignment (policy-k8s notes §1.2,
 * §1.5; Microsoft Learn "effect-deny"): `details.values` resolved against the parameter values become
 * `spec.parameters`; `excludedNamespaces`, `namespaces`, `labelSelector`, `apiGroups` and `kinds` become `spec.match`;
 * the name is `azurepolicy-<template name, 30 chars>-<20 hex>` with our own hash of assignment, definition and
 * reference id (the add-on's hash input is not published). The sandbox's add-on (packages/sandbox/src/clusters/
 * policy-constraints.ts) builds the same objects; __tests__/preview-constraints.test.ts keeps the two equal.
 */

/** `policyRule.then.details.templateInfo` (or the deprecated `details.constraintTemplate` URL of older versions). */
export interface TemplateInfo {
  sourceType: string;
  url?: string;
  content?: string;
}

/** One Kubernetes policy of an assignment: the definition's declared parameters and details, and the values given. */
export interface KubernetesPolicy {
  /** Definition id (built-in or custom). */
  definitionId: string;
  /** policyDefinitionReferenceId inside an initiative. */
  referenceId?: string;
  /** The definition's version (the one evaluated). */
  version?: string;
  /** The definition's parameters with their defaults. */
  declared: Record<string, { defaultValue?: unknown }>;
  /** `policyRule.then.details`. */
  details: Record<string, unknown>;
  /** Parameter values from the assignment (or the initiative's member parameters, resolved); `effect` excluded. */
  values: Record<string, unknown>;
}

/** How policies are named in reports and policy states: the reference id in an initiative, else the definition name. */
export const policyName = (p: Pick<KubernetesPolicy, 'definitionId' | 'referenceId'>): string =>
  p.referenceId || p.definitionId.split('/').pop() || p.definitionId;

export function templateInfoOf(details: Record<string, unknown>): TemplateInfo | undefined {
  if (details.templateInfo && typeof details.templateInfo === 'object') return details.templateInfo as TemplateInfo;
  if (typeof details.constraintTemplate === 'string') return { sourceType: 'PublicURL', url: details.constraintTemplate };
  return undefined;
}

/**
 * Evaluates `[parameters('x')]` and `[parameters('x').a.b]` against the parameter values, inside objects and arrays
 * too; other values pass through.
 */
export function resolveParameters(value: unknown, parameters: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveParameters(v, parameters));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveParameters(v, parameters)]));
  if (typeof value !== 'string') return value;
  const ref = /^\[parameters\('([^']+)'\)((?:\.\w+)*)\]$/.exec(value);
  if (!ref) return value;
  let out: unknown = parameters[ref[1]];
  for (const key of ref[2].split('.').filter(Boolean)) out = (out as Record<string, unknown> | undefined)?.[key];
  return out;
}

export function constraintName(template: string, assignmentId: string, definitionId: string, referenceId = ''): string {
  const hash = createHash('sha256').update(`${assignmentId}|${definitionId}|${referenceId}`.toLowerCase()).digest('hex').slice(0, 20);
  return `azurepolicy-${template.slice(0, 30)}-${hash}`;
}

export interface ConstraintInput {
  assignmentId: string;
  /** The initiative's id when the assignment is of a set definition. */
  setDefinitionId?: string;
  policy: KubernetesPolicy;
  /** The ConstraintTemplate's name and constraint kind. */
  template: { name: string; kind: string };
  enforcementAction: 'deny' | 'dryrun';
}

export interface ConstraintObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  spec: {
    enforcementAction: string;
    match: Record<string, unknown>;
    parameters?: Record<string, unknown>;
  };
}

/** The constraint the add-on would create for one policy of an assignment. */
export function buildConstraint(input: ConstraintInput): ConstraintObject {
  const { policy, template } = input;
  const defaults = Object.fromEntries(Object.entries(policy.declared).map(([k, p]) => [k, p?.defaultValue]));
  const params: Record<string, unknown> = { ...defaults, ...policy.values };
  const resolve = (value: unknown) => resolveParameters(value, params);
  const details = policy.details;
  const parameters = Object.fromEntries(Object.entries((details.values ?? {}) as Record<string, unknown>).map(([k, v]) => [k, resolve(v)]));
  const excludedNamespaces = resolve(details.excludedNamespaces) as string[] | undefined;
  const namespaces = resolve(details.namespaces) as string[] | undefined;
  const labelSelector = resolve(details.labelSelector) as Record<string, unknown> | undefined;
  const apiGroups = (resolve(details.apiGroups) as string[] | undefined) ?? [''];
  const kinds = (resolve(details.kinds) as string[] | undefined) ?? ['Pod'];
  const info = templateInfoOf(details);
  const constraintUrl = typeof details.constraint === 'string' ? details.constraint : info?.url;
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: template.kind,
    metadata: {
      name: constraintName(template.name, input.assignmentId, policy.definitionId, policy.referenceId),
      labels: { 'managed-by': 'azure-policy-addon' },
      annotations: {
        'azure-policy-assignment-id': input.assignmentId,
        'azure-policy-definition-id': policy.definitionId,
        'azure-policy-definition-reference-id': policy.referenceId ?? '',
        'azure-policy-setdefinition-id': input.setDefinitionId ?? '',
        'constraint-installed-by': 'azure-policy-addon',
        ...(constraintUrl ? { 'constraint-url': constraintUrl } : {}),
      },
    },
    spec: {
      enforcementAction: input.enforcementAction,
      match: {
        kinds: [{ apiGroups, kinds }],
        ...(excludedNamespaces?.length ? { excludedNamespaces } : {}),
        ...(namespaces?.length ? { namespaces } : {}),
        ...(labelSelector && Object.keys(labelSelector).length ? { labelSelector } : {}),
      },
      // A template without a parameter schema (Gatekeeper v1) takes no spec.parameters: nothing to pass, no field.
      ...(Object.keys(parameters).length ? { parameters } : {}),
    },
  };
}

/** The kinds a constraint matches, as `group/Kind` keys ("" is the core group). */
export function matchedKinds(c: ConstraintObject): { group: string; kind: string }[] {
  const kinds = (c.spec.match.kinds ?? []) as { apiGroups?: string[]; kinds?: string[] }[];
  return kinds.flatMap((k) => (k.apiGroups ?? ['']).flatMap((group) => (k.kinds ?? []).map((kind) => ({ group, kind }))));
}
