export * from './environment.js';
export * from './oidc-diagnostics.js';
export * from './credential.js';
export * from './clients.js';
export * from './graph.js';
export * from './ids.js';
export * from './fleet.js';
export * from './inputs.js';
