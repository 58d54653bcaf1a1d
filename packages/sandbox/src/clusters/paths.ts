import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** The repository root (this file is packages/sandbox/src/clusters/paths.ts). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
export const chartsRoot = resolve(repoRoot, 'packages/sandbox/charts');
