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

/** The folders every fixture root must hold, each vendored with its SOURCE and LICENSE. */
export const FIXTURE_FOLDERS = ['azure-policy', 'azure-rest-api-specs'] as const;

/**
 * The vendored fixtures (packages/sandbox/fixtures: built-in policy definitions, initiatives and the constraint
 * templates Azure Policy publishes for them, official REST examples), or the folder named by ARC_SANDBOX_FIXTURES.
 */
export function fixturesDir(): string {
  const override = process.env.ARC_SANDBOX_FIXTURES;
  return override ? resolve(override) : join(repoRoot(), 'packages', 'sandbox', 'fixtures');
}

/**
 * The fixtures folder, checked: throws a one-line error naming the folder and what is missing, so the sandbox never
 * starts without its built-in policies.
 */
export function requireFixtures(): string {
  const dir = fixturesDir();
  const missing = FIXTURE_FOLDERS.filter((f) => !existsSync(join(dir, f, 'SOURCE')));
  if (missing.length) {
    const how = process.env.ARC_SANDBOX_FIXTURES
      ? 'ARC_SANDBOX_FIXTURES points at a folder without them; unset it to use the vendored fixtures'
      : 'restore packages/sandbox/fixtures from git (git checkout -- packages/sandbox/fixtures)';
    throw new Error(`The sandbox's fixtures are missing in ${dir}: ${missing.join(', ')} (each with its SOURCE file); ${how}.`);
  }
  return dir;
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
