import { createHash } from 'node:crypto';
import { stableStringify } from '@arc-actions/core';
import type { CustomDefinitionSpec, PolicyAssignmentSpec } from './policy-file/load.js';
import type { Provenance } from './provenance.js';

/** The metadata key under which arc-actions keeps its own bookkeeping on assignments and definitions. */
export const METADATA_KEY = 'arcActions';

export type Effect = 'Audit' | 'Deny';

/** Our bookkeeping in `metadata.arcActions`: what we wrote, when it entered Audit, and promotion evidence. */
export interface ArcActionsMetadata {
  /** Hash of the desired state we last wrote; an unchanged hash means no write. */
  specHash: string;
  provenance: Provenance;
  /** When the assignment (or ring) last entered Audit; the soak period counts from here. */
  auditSince?: string;
  /** Rings promoted to Deny through overrides. */
  deniedRings?: string[];
  promotion?: { at: string; by: Provenance; gate: unknown };
}

/** The definition id an assignment refers to, once custom definitions are resolved to where they are written. */
export function resolveDefinitionId(spec: PolicyAssignmentSpec, customScope: (spec: PolicyAssignmentSpec) => string): string {
  if (!spec.definitionId.startsWith('custom:')) return spec.definitionId;
  return `${customScope(spec)}/providers/Microsoft.Authorization/policyDefinitions/${spec.definitionId.slice(7)}`;
}

/** Where a custom definition is written: the assignment's management group or subscription (never a resource group). */
export function definitionScope(spec: PolicyAssignmentSpec): string {
  const rg = spec.scope.indexOf('/resourceGroups/');
  return rg >= 0 ? spec.scope.slice(0, rg) : spec.scope;
}

/**
 * The assignment as ARM should hold it. `effect` is the whole assignment's; `deniedRings` are rings promoted to
 * Deny through overrides (selector on resource location) while the rest stays in Audit.
 */
export function desiredAssignment(spec: PolicyAssignmentSpec, definitionId: string, effect: Effect, deniedRings: string[] = []) {
  const parameters: Record<string, { value: unknown }> = { effect: { value: effect } };
  for (const [name, value] of Object.entries(spec.parameters)) parameters[name] = { value };
  const ringLocations = spec.rings.filter((r) => deniedRings.includes(r.name)).flatMap((r) => r.locations);
  return {
    displayName: spec.displayName ?? spec.name,
    ...(spec.description ? { description: spec.description } : {}),
    policyDefinitionId: definitionId,
    enforcementMode: 'Default' as const,
    parameters,
    nonComplianceMessages: spec.nonComplianceMessages.map((m) => ({
      message: m.message,
      ...(m.policy ? { policyDefinitionReferenceId: m.policy } : {}),
    })),
    resourceSelectors: spec.resourceSelectors.map((s) => ({ name: s.name, selectors: s.selectors })),
    overrides:
      effect === 'Audit' && ringLocations.length
        ? [{ kind: 'policyEffect' as const, value: 'Deny', selectors: [{ kind: 'resourceLocation' as const, in: ringLocations }] }]
        : [],
  };
}

export type DesiredAssignment = ReturnType<typeof desiredAssignment>;

export function specHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 16);
}

/** A custom definition wrapping a Gatekeeper ConstraintTemplate (Rego) as Azure Policy expects it. */
export function desiredCustomDefinition(def: CustomDefinitionSpec) {
  return {
    displayName: def.displayName ?? def.name,
    description: def.description ?? `Custom Kubernetes policy ${def.name} (ConstraintTemplate ${def.constraintKind}).`,
    policyType: 'Custom' as const,
    mode: 'Microsoft.Kubernetes.Data',
    parameters: {
      effect: { type: 'String', defaultValue: 'Audit', allowedValues: ['Audit', 'Deny', 'Disabled'] },
      excludedNamespaces: {
        type: 'Array',
        defaultValue: ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'],
      },
      namespaces: { type: 'Array', defaultValue: [] },
    },
    policyRule: {
      if: { field: 'type', in: ['Microsoft.Kubernetes/connectedClusters', 'Microsoft.ContainerService/managedClusters'] },
      then: {
        effect: "[parameters('effect')]",
        details: {
          templateInfo: { sourceType: 'Base64Encoded', content: Buffer.from(def.template, 'utf8').toString('base64') },
          apiGroups: def.apiGroups,
          kinds: def.kinds,
          excludedNamespaces: "[parameters('excludedNamespaces')]",
          namespaces: "[parameters('namespaces')]",
          ...(Object.keys(def.values).length ? { values: def.values } : {}),
        },
      },
    },
  };
}
