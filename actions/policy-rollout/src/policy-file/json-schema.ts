import { z } from 'zod';
import { policyFileSchema } from './schema.js';

/** The JSON schema published at policy-rollout/policies.schema.json (for editors), generated from the zod schema. */
export function policyFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policyFileSchema, { io: 'input' }),
    $id: 'https://github.com/acme/arc-actions/blob/v1/policy-rollout/policies.schema.json',
    title: 'policy-rollout policy file',
    description:
      'Azure Policy for Kubernetes as code: assignments (scope, built-in or custom definition, parameters, intended stage, rings), custom definitions wrapping a Gatekeeper ConstraintTemplate, time-boxed exemptions (Microsoft.Authorization/policyExemptions), self-bootstrap DeployIfNotExists assignments (managed identity, its roles, remediation) and access (Arc Kubernetes roles of an Entra group at a scope).',
  };
}
