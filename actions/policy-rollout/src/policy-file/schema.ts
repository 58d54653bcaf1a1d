import { z } from 'zod';

/** The namespaces the Azure Policy add-on and Arc run in: excluded from every assignment unless forced. */
export const SYSTEM_NAMESPACES = ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'];

const name = z
  .string()
  .regex(/^[A-Za-z0-9][-A-Za-z0-9_.]{0,63}$/, 'must be 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit');

const scope = z
  .string()
  .regex(
    /^(\/providers\/Microsoft\.Management\/managementGroups\/[-\w().]{1,90}|\/subscriptions\/[0-9a-fA-F-]{36}(\/resourceGroups\/[-\w.()]{1,90})?)$/,
    'must be a management group (/providers/Microsoft.Management/managementGroups/<id>), a subscription (/subscriptions/<guid>) or a resource group (/subscriptions/<guid>/resourceGroups/<name>)',
  );

const definition = z
  .string()
  .regex(
    /^([0-9a-fA-F-]{36}|(\/providers\/Microsoft\.Management\/managementGroups\/[-\w().]{1,90}|\/subscriptions\/[0-9a-fA-F-]{36})?\/providers\/Microsoft\.Authorization\/(policyDefinitions|policySetDefinitions)\/[-\w.]{1,128}|custom:[A-Za-z0-9][-A-Za-z0-9_.]{0,63})$/,
    'must be a built-in definition or initiative GUID, a definition or initiative id (/providers/Microsoft.Authorization/policySetDefinitions/<guid>, or a custom one under /subscriptions/<guid> or /providers/Microsoft.Management/managementGroups/<id>), or custom:<name> of a definition in these files',
  );

const ring = z.strictObject({
  name,
  locations: z
    .array(z.string().regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope'))
    .min(1, 'a ring needs at least one location'),
});

const selector = z.strictObject({
  kind: z.enum(['resourceLocation', 'resourceType', 'resourceWithoutLocation']),
  in: z.array(z.string()).optional(),
  notIn: z.array(z.string()).optional(),
});

export const assignmentSchema = z.strictObject({
  name,
  'display-name': z.string().max(128).optional(),
  description: z.string().max(512).optional(),
  scope,
  definition,
  stage: z.enum(['audit', 'deny']),
  parameters: z.record(z.string(), z.unknown()).optional(),
  'non-compliance-messages': z.array(z.strictObject({ message: z.string().min(1).max(1024), policy: z.string().optional() })).optional(),
  'resource-selectors': z.array(z.strictObject({ name, selectors: z.array(selector).min(1) })).optional(),
  rings: z.array(ring).optional(),
  'force-system-namespaces': z.boolean().optional(),
});

export const customDefinitionSchema = z.strictObject({
  name,
  'display-name': z.string().max(128).optional(),
  description: z.string().max(512).optional(),
  /** Path of a Gatekeeper ConstraintTemplate (with Rego), relative to the policy file. */
  'constraint-template': z.string().min(1),
  'api-groups': z.array(z.string()).default(['']),
  kinds: z.array(z.string()).min(1).default(['Pod']),
  /** Parameters of the template, passed as constraint `values`. */
  values: z.record(z.string(), z.unknown()).optional(),
});

/** A resource id (a connected cluster), a resource group, a subscription or a management group. */
const exemptionScope = z
  .string()
  .regex(
    /^(\/providers\/Microsoft\.Management\/managementGroups\/[-\w().]{1,90}|\/subscriptions\/[0-9a-fA-F-]{36}(\/resourceGroups\/[-\w.()]{1,90}(\/providers\/[\w.]+\/[\w]+\/[-\w.()]{1,253})?)?)$/,
    'must be a cluster (/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Kubernetes/connectedClusters/<name>), a resource group, a subscription or a management group',
  );

/** A Microsoft.Authorization/policyExemptions resource: time-boxed relief from one assignment (or some of its policies). */
export const exemptionSchema = z.strictObject({
  name,
  'display-name': z.string().max(128).optional(),
  description: z.string().max(512).optional(),
  /** The name of an assignment in these files. */
  assignment: name,
  scope: exemptionScope,
  category: z.enum(['Waiver', 'Mitigated']),
  /** ISO 8601 date or date-time (UTC when no offset); required for a Waiver. */
  'expires-on': z.string().optional(),
  /** policyDefinitionReferenceIds of the assignment's initiative; empty or absent exempts from every policy. */
  policies: z.array(z.string().min(1)).optional(),
});

/**
 * A DeployIfNotExists (or Modify) assignment that makes a cluster landing in the scope converge on its own: it gets a
 * system-assigned identity (in `location`), the roles its definition's `roleDefinitionIds` name at the scope, and a
 * remediation task for the clusters that were there before it.
 */
export const bootstrapSchema = z.strictObject({
  name,
  'display-name': z.string().max(128).optional(),
  description: z.string().max(512).optional(),
  scope,
  /** A built-in definition GUID or a definition id; or instead: */
  definition: definition.optional(),
  /** A custom DeployIfNotExists definition (policy definition JSON, relative to this file), written at the scope. */
  'definition-file': z.string().min(1).optional(),
  location: z.string().regex(/^[a-z0-9]+$/, 'must be an Azure region name such as westeurope (where the managed identity lives)'),
  parameters: z.record(z.string(), z.unknown()).optional(),
  /** Create remediation tasks for clusters already in scope and NonCompliant (default true). */
  remediate: z.boolean().optional(),
});

/** A role of an Entra principal (the on-call group) at a scope, for the whole fleet below it. */
export const accessSchema = z.strictObject({
  'principal-id': z
    .string()
    .regex(
      /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
      'must be the object id (a GUID) of the Entra group',
    ),
  'principal-type': z.enum(['Group', 'User', 'ServicePrincipal']).optional(),
  role: z.string().min(1),
  scope,
  description: z.string().max(512).optional(),
});

export const policyFileSchema = z.strictObject({
  assignments: z.array(assignmentSchema).optional(),
  bootstrap: z.array(bootstrapSchema).optional(),
  access: z.array(accessSchema).optional(),
  definitions: z.array(customDefinitionSchema).optional(),
  exemptions: z.array(exemptionSchema).optional(),
});

export type AssignmentInput = z.infer<typeof assignmentSchema>;
export type CustomDefinitionInput = z.infer<typeof customDefinitionSchema>;
export type ExemptionInput = z.infer<typeof exemptionSchema>;
export type BootstrapInput = z.infer<typeof bootstrapSchema>;
export type AccessInput = z.infer<typeof accessSchema>;
