/**
 * Azure Policy, one module per resource family: definitions and sets (`definitions.ts`), assignments
 * (`assignments.ts`) and compliance evaluation (`evaluation.ts`); policy states are read through Resource Graph
 * (`graph.ts`); exemptions (`exemptions.ts`, Microsoft.Authorization/policyExemptions) beside assignments, with the
 * same shape: read (404 = absent), written by PUT, reads retried within the run's budget.
 */
export * from './definitions.js';
export * from './assignments.js';
export * from './evaluation.js';
export * from './exemptions.js';
export * from './remediations.js';
