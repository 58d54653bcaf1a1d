import { createHash } from 'node:crypto';
import { ConfigurationError } from '@arc-actions/core';
import { findBuiltInDefinition, resolveParameterRef, type KubernetesDefinition } from './policy-definitions.js';
import { PolicyInstallError, resolveTemplate, type ResolvedTemplate, type TemplateInfo } from './policy-templates.js';
import type { KubeObject } from './rest.js';

const MANAGER = 'azure-policy-addon';
const CONSTRAINTS = 'constraints.gatekeeper.sh/v1beta1';

export type PolicyEffect = 'Audit' | 'Deny' | 'Disabled';

export interface PolicyAssignmentDefinition {
  /** `/providers/Microsoft.Authorization/policyDefinitions/<guid>` (built-in) or the custom definition's id. */
  definitionId: string;
  /** Reference id inside an initiative (policyDefinitionReferenceId). */
  definitionReferenceId?: string;
  /** e.g. `6.*.*` (pins the major version of the built-in definition). */
  definitionVersion?: string;
  /** The definition itself, for definitions that are not built-ins of the fixtures (custom definitions). */
  definition?: KubernetesDefinition;
  /** Parameter values of the definition (assignment or initiative values; the definition's defaults fill the rest). */
  parameters?: { excludedNamespaces?: string[]; namespaces?: string[]; labelSelector?: Record<string, unknown>; [value: string]: unknown };
}

export interface PolicyAssignment {
  /** ARM id of the assignment. */
  id: string;
  name: string;
  effect: PolicyEffect;
  /** `DoNotEnforce` keeps violations admitted (constraints in dryrun) while compliance is still reported. */
  enforcementMode?: 'Default' | 'DoNotEnforce';
  /** ARM id of the initiative, when the assignment is of a set definition. */
  setDefinitionId?: string;
  definitions: PolicyAssignmentDefinition[];
}

/**
 * Audit → dryrun, Deny → deny, Disabled → no constraint; an assignment with enforcementMode DoNotEnforce never
 * denies ("admission requests with violations aren't denied; compliance assessment results are still available").
 */
export function effectToAction(effect: string, assignment: string, enforcementMode: string = 'Default'): 'dryrun' | 'deny' | undefined {
  switch (effect.toLowerCase()) {
    case 'audit':
      return 'dryrun';
    case 'deny':
      return enforcementMode.toLowerCase() === 'donotenforce' ? 'dryrun' : 'deny';
    case 'disabled':
      return undefined;
    default:
      throw new ConfigurationError(
        `The effect ${effect} of policy assignment ${assignment} is not allowed; use Audit, Deny or Disabled.`,
        'effect',
      );
  }
}

/** `azurepolicy-<template name, 30 chars>-<20 hex>` as the add-on names them (one constraint per assignment). */
export function constraintName(template: string, assignmentId: string, definitionId: string, referenceId = ''): string {
  const hash = createHash('sha256').update(`${assignmentId}|${definitionId}|${referenceId}`.toLowerCase()).digest('hex').slice(0, 20);
  return `azurepolicy-${template.slice(0, 30)}-${hash}`;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  v === false ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

/**
 * Values of the store's versioned templates that the Azure/azure-policy reference templates do not read, and the
 * values for which leaving them out cannot make the reference Rego more lenient than the versioned template:
 * - `excludedContainers`, `excludedImages` empty: nothing is excluded either way;
 * - `windowsAllowedHostPaths` empty: it concerns Windows pods, and the local clusters run Linux pods;
 * - `forcePrivilegeEscalationToBeFalse` (8.0.0): the reference Rego always requires `allowPrivilegeEscalation: false`,
 *   which is what `true` asks for and stricter than `false` (see docs/sandbox.md).
 * Any other unread value (e.g. `allowedHostPorts` of host-network-ports v4, which the reference's minPort/maxPort
 * cannot express) makes the definition an Error instead of being dropped.
 */
const SAFE_TO_DROP: Record<string, (value: unknown) => boolean> = {
  excludedContainers: isEmpty,
  excludedImages: isEmpty,
  windowsAllowedHostPaths: isEmpty,
  forcePrivilegeEscalationToBeFalse: (v) => typeof v === 'boolean',
};

/**
 * The constraint's `spec.parameters`: the definition's `values`, as the add-on passes them (empty ones included).
 * For a store template, which the sandbox replaces by Azure/azure-policy's reference template, a value the reference
 * template does not read is left out when SAFE_TO_DROP says so and refused otherwise: the sandbox reports such a
 * definition as Error rather than evaluate it without the value.
 */
function constraintParameters(template: ResolvedTemplate, values: Record<string, unknown>, what: string): Record<string, unknown> {
  if (!template.reads) return values;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (template.reads.has(key)) out[key] = value;
    else if (!SAFE_TO_DROP[key]?.(value)) {
      throw new PolicyInstallError(
        `${what}: the value ${key}=${JSON.stringify(value)} is not read by ${template.vendoredFrom} (the Azure/azure-policy reference template the sandbox installs for ${template.source}; it reads ${[...template.reads].join(', ') || 'no parameter'}); the store's versioned template is not published, so the sandbox cannot evaluate this value.`,
        'Constraint/TemplateInstallFailed',
      );
    }
  }
  return out;
}

/** `details.templateInfo`, or the deprecated `details.constraintTemplate` URL of older built-in versions. */
function templateInfoOf(details: Record<string, any>): TemplateInfo | undefined {
  if (details.templateInfo) return details.templateInfo as TemplateInfo;
  if (typeof details.constraintTemplate === 'string') return { sourceType: 'PublicURL', url: details.constraintTemplate };
  return undefined;
}

export interface PlannedConstraint {
  template: ResolvedTemplate;
  object: KubeObject;
  definitionId: string;
  definitionReferenceId?: string;
}

/**
 * The template and the constraint the add-on would create for one definition of an assignment (no cluster needed):
 * `details.values` resolved against the parameter values become `spec.parameters`; `excludedNamespaces`,
 * `namespaces`, `labelSelector`, `apiGroups` and `kinds` become `spec.match`. Throws PolicyInstallError for a
 * definition the add-on cannot install (reported as an Error or Conflict state).
 */
export async function planConstraint(
  assignment: PolicyAssignment,
  def: PolicyAssignmentDefinition,
  action: 'dryrun' | 'deny',
): Promise<PlannedConstraint> {
  const what = `${def.definitionReferenceId ?? def.definitionId} of assignment ${assignment.name}`;
  const definition = def.definition ?? (await findBuiltInDefinition(def.definitionId, def.definitionVersion));
  if (!definition) {
    throw new PolicyInstallError(
      `${what}: the policy definition ${def.definitionId}${def.definitionVersion ? ` version ${def.definitionVersion}` : ''} was not found (neither a built-in of packages/sandbox/fixtures/azure-policy nor a custom definition).`,
      'Constraint/TemplateCreateFailed',
    );
  }
  const details = definition.details;
  const info = templateInfoOf(details);
  if (!info)
    throw new PolicyInstallError(`${what}: the definition has no policyRule.then.details.templateInfo.`, 'InvalidConstraint/Template');
  const template = await resolveTemplate(info);
  const defaults = Object.fromEntries(Object.entries(definition.parameters).map(([k, p]) => [k, p?.defaultValue]));
  const params: Record<string, unknown> = { ...defaults, ...def.parameters };
  const resolve = (value: unknown) => resolveParameterRef(value, params);
  const values = Object.fromEntries(Object.entries((details.values ?? {}) as Record<string, unknown>).map(([k, v]) => [k, resolve(v)]));
  const excludedNamespaces = resolve(details.excludedNamespaces) as string[] | undefined;
  const namespaces = resolve(details.namespaces) as string[] | undefined;
  const labelSelector = resolve(details.labelSelector) as Record<string, unknown> | undefined;
  const apiGroups = (resolve(details.apiGroups) as string[] | undefined) ?? [''];
  const kinds = (resolve(details.kinds) as string[] | undefined) ?? ['Pod'];
  const parameters = constraintParameters(template, values, what);
  const name = constraintName(template.name, assignment.id, def.definitionId, def.definitionReferenceId);
  const constraintUrl = typeof details.constraint === 'string' ? details.constraint : info.url;
  const object: KubeObject = {
    apiVersion: CONSTRAINTS,
    kind: template.kind,
    metadata: {
      name,
      labels: { 'managed-by': MANAGER },
      annotations: {
        'azure-policy-assignment-id': assignment.id,
        'azure-policy-definition-id': def.definitionId,
        'azure-policy-definition-reference-id': def.definitionReferenceId ?? '',
        'azure-policy-setdefinition-id': assignment.setDefinitionId ?? '',
        'constraint-installed-by': MANAGER,
        ...(constraintUrl ? { 'constraint-url': constraintUrl } : {}),
      },
    },
    spec: {
      enforcementAction: action,
      match: {
        kinds: [{ apiGroups, kinds }],
        ...(excludedNamespaces?.length ? { excludedNamespaces } : {}),
        ...(namespaces?.length ? { namespaces } : {}),
        ...(labelSelector && Object.keys(labelSelector).length ? { labelSelector } : {}),
      },
      // A template without a parameter schema (Gatekeeper v1) has no spec.parameters: nothing to pass, no field.
      ...(Object.keys(parameters).length ? { parameters } : {}),
    },
  };
  return { template, object, definitionId: def.definitionId, definitionReferenceId: def.definitionReferenceId };
}
