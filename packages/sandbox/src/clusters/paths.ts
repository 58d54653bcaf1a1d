import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (this file is packages/sandbox/src/clusters/paths.ts). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
/** The shared folder next to the repository (CI clones the repository next to a copy of shared/). */
export const sharedRoot = resolve(repoRoot, '../shared');
export const chartsRoot = resolve(repoRoot, 'packages/sandbox/charts');
