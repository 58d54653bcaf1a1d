export * from './endpoints.js';
export * from './verdicts.js';
export * from './requirements.js';
export * from './allowlist-file.js';
export * from './in-cluster.js';
