export * from './errors.js';
export * from './duration.js';
export * from './masking.js';
export * from './logger.js';
export * from './inputs.js';
export * from './concurrency.js';
export * from './plan.js';
export * from './env.js';
