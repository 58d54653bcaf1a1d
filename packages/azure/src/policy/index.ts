/**
 * Azure Policy, one module per resource family: definitions and sets (`definitions.ts`), assignments
 * (`assignments.ts`) and compliance evaluation (`evaluation.ts`); policy states are read through Resource Graph
 * (`graph.ts`). Exemptions (Microsoft.Authorization/policyExemptions) belong here as `exemptions.ts`, beside
 * assignments, with the same shape: read (404 = absent), written by PUT, retried within the run's budget.
 */
export * from './definitions.js';
export * from './assignments.js';
export * from './evaluation.js';
