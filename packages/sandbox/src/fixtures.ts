import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file whose package.json declares workspaces. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 10; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).workspaces) return dir;
    dir = dirname(dir);
  }
  throw new Error('The repository root (a package.json with workspaces) was not found above the sandbox sources.');
}

/** `shared/fixtures` next to the repository (CI clones the repo beside a copy of shared/), or ARC_SANDBOX_FIXTURES. */
export function fixturesDir(): string {
  return process.env.ARC_SANDBOX_FIXTURES ?? resolve(repoRoot(), '../shared/fixtures');
}

/** Every `.json` file under `dir`, recursively (empty when the folder is missing). */
export function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}
