import { createHash } from 'node:crypto';
import { ConfigurationError } from '@arc-actions/core';
import { findDefinition, resolveParameterRef, resolveTemplate, templateParameters } from './policy-templates.js';
import type { KubeObject } from './rest.js';

const MANAGER = 'azure-policy-addon';
const CONSTRAINTS = 'constraints.gatekeeper.sh/v1beta1';

export type PolicyEffect = 'Audit' | 'Deny' | 'Disabled';

export interface PolicyAssignmentDefinition {
  /** `/providers/Microsoft.Authorization/policyDefinitions/<guid>` of a built-in Kubernetes definition. */
  definitionId: string;
  /** Reference id inside an initiative (policyDefinitionReferenceId). */
  definitionReferenceId?: string;
  /** e.g. `6.*.*` (pins the major version of the built-in definition). */
  definitionVersion?: string;
  /** Overrides the definition's templateInfo.url. */
  templateUrl?: string;
  /** Or a template name: in-cluster (`k8sazurev2noprivilege`) or gatekeeper-library folder (`privileged-containers`). */
  template?: string;
  parameters?: { excludedNamespaces?: string[]; namespaces?: string[]; labelSelector?: Record<string, unknown>; [value: string]: unknown };
}

export interface PolicyAssignment {
  /** ARM id of the assignment. */
  id: string;
  name: string;
  effect: PolicyEffect;
  /** ARM id of the initiative, when the assignment is of a set definition. */
  setDefinitionId?: string;
  definitions: PolicyAssignmentDefinition[];
}

export function effectToAction(effect: string, assignment: string): 'dryrun' | 'deny' | undefined {
  switch (effect.toLowerCase()) {
    case 'audit':
      return 'dryrun';
    case 'deny':
      return 'deny';
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

/** The constraint the add-on would create for one definition of an assignment (no cluster needed). */
export async function planConstraint(assignment: PolicyAssignment, def: PolicyAssignmentDefinition, action: 'dryrun' | 'deny') {
  const builtIn = await findDefinition(def.definitionId, def.definitionVersion);
  const url = def.templateUrl ?? def.template ?? builtIn?.details.templateInfo?.url ?? builtIn?.details.constraintTemplate;
  if (!url)
    throw new ConfigurationError(
      `The policy definition ${def.definitionId} of assignment ${assignment.name} is not a built-in Kubernetes definition in the fixtures; give templateUrl or template.`,
      'definitionId',
    );
  const template = await resolveTemplate(url);
  const defaults = Object.fromEntries(Object.entries(builtIn?.parameters ?? {}).map(([k, p]) => [k, p.defaultValue]));
  const params: Record<string, unknown> = { ...defaults, ...def.parameters };
  const details = builtIn?.details ?? {};
  const pick = (key: string): unknown => (details[key] !== undefined ? resolveParameterRef(details[key], params) : params[key]);
  const known = new Set(['effect', 'excludedNamespaces', 'namespaces', 'labelSelector', 'source', 'warn']);
  const values: Record<string, unknown> = details.values
    ? Object.fromEntries(Object.entries(details.values as Record<string, unknown>).map(([k, v]) => [k, resolveParameterRef(v, params)]))
    : Object.fromEntries(Object.entries(def.parameters ?? {}).filter(([k]) => !known.has(k)));
  const excludedNamespaces = pick('excludedNamespaces') as string[] | undefined;
  const namespaces = pick('namespaces') as string[] | undefined;
  const labelSelector = pick('labelSelector') as Record<string, unknown> | undefined;
  const name = constraintName(template.name, assignment.id, def.definitionId, def.definitionReferenceId);
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
        'constraint-url': template.url,
      },
    },
    spec: {
      enforcementAction: action,
      match: {
        kinds: [{ apiGroups: details.apiGroups ?? [''], kinds: details.kinds ?? ['Pod'] }],
        ...(excludedNamespaces?.length ? { excludedNamespaces } : {}),
        ...(namespaces?.length ? { namespaces } : {}),
        ...(labelSelector && Object.keys(labelSelector).length ? { labelSelector } : {}),
      },
      parameters: templateParameters(template, values),
    },
  };
  return { template, object, definitionId: def.definitionId };
}
