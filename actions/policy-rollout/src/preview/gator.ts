import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { errorMessage, log } from '@arc-actions/core';

const run = promisify(execFile);

/**
 * Gatekeeper's own engine for the deny-impact preview: `gator test` (open-policy-agent/gatekeeper cmd/gator/test):
 * `--filename` (repeatable) reads templates, constraints and objects; `--output json` prints every violation as
 * `{ msg, constraint, enforcementAction, violatingObject, ... }` (`null` when there is none); the exit code is 1 when a
 * `deny` constraint is violated and also when gator fails (then stdout is empty and stderr says why).
 */
export const GATOR_VERSION = 'v3.23.0';

/**
 * SHA-256 of the release assets `gator-<version>-<os>-<arch>.tar.gz` (listed in the release's sha256sums.txt).
 * None is pinned yet: the checksums could not be read from a trusted source when this was written, and a download is
 * refused without one (take gator from PATH instead). Add the values from the release's sha256sums.txt to enable it.
 */
export const GATOR_SHA256: Record<string, string | undefined> = {
  'linux-amd64': undefined,
  'linux-arm64': undefined,
  'darwin-amd64': undefined,
  'darwin-arm64': undefined,
};

export interface Gator {
  path: string;
  source: 'PATH' | 'download';
}

export class GatorUnavailableError extends Error {
  override name = 'GatorUnavailableError';
}

function onPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'gator');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* next */
    }
  }
  return undefined;
}

export function platform(): string {
  const arch = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}-${arch}`;
}

export const releaseAsset = (version = GATOR_VERSION, os = platform()) => `gator-${version}-${os}.tar.gz`;
export const releaseUrl = (version = GATOR_VERSION, os = platform()) =>
  `https://github.com/open-policy-agent/gatekeeper/releases/download/${version}/${releaseAsset(version, os)}`;

const unpinned = (asset: string) =>
  new GatorUnavailableError(
    `gator is not on PATH, and no SHA-256 is pinned for ${asset} in this action, so it refuses to download it; put gator ${GATOR_VERSION} on PATH (for example go install github.com/open-policy-agent/gatekeeper/v3/cmd/gator@${GATOR_VERSION}) or set preview-access: none.`,
  );

/** Checks an archive against the pinned checksum, then unpacks its `gator` into `dir`. Refuses without a checksum. */
export async function verifyAndUnpack(archive: Buffer, expectedSha256: string | undefined, dir: string, asset: string): Promise<string> {
  if (!expectedSha256) throw unpinned(asset);
  const actual = createHash('sha256').update(archive).digest('hex');
  if (actual !== expectedSha256.toLowerCase())
    throw new GatorUnavailableError(
      `The download of ${asset} has SHA-256 ${actual}, not the pinned ${expectedSha256}; refusing to run it.`,
    );
  mkdirSync(dir, { recursive: true });
  const file = join(dir, asset);
  writeFileSync(file, archive);
  await run('tar', ['-xzf', file, '-C', dir, 'gator']);
  rmSync(file, { force: true });
  return join(dir, 'gator');
}

/** gator from PATH, else the pinned release downloaded into RUNNER_TEMP and checked against its SHA-256. */
export async function locateGator(env: NodeJS.ProcessEnv = process.env): Promise<Gator> {
  const found = onPath(env);
  if (found) return { path: found, source: 'PATH' };
  const os = platform();
  const asset = releaseAsset(GATOR_VERSION, os);
  const dir = join(env.RUNNER_TEMP || tmpdir(), `arc-actions-gator-${GATOR_VERSION}`);
  if (existsSync(join(dir, 'gator'))) return { path: join(dir, 'gator'), source: 'download' };
  const expected = GATOR_SHA256[os];
  if (!expected) throw unpinned(asset);
  let archive: Buffer;
  try {
    const response = await fetch(releaseUrl(GATOR_VERSION, os), { signal: AbortSignal.timeout(120_000), redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    archive = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new GatorUnavailableError(
      `gator is not on PATH and ${releaseUrl(GATOR_VERSION, os)} could not be downloaded: ${errorMessage(error)}.`,
    );
  }
  log.info(`Downloaded ${asset} (${archive.length} bytes).`);
  return { path: await verifyAndUnpack(archive, expected, dir, asset), source: 'download' };
}

/**
 * Runs gator with stdin closed: gator reads stdin as one more source whenever it is not a terminal, so an open pipe
 * would block it forever.
 */
function runGator(path: string, args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (error) => reject(new GatorError(`gator could not be started from ${path}: ${errorMessage(error)}`)));
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? signal ?? 'killed',
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** One violation as gator reports it. */
export interface GatorViolation {
  constraint: string;
  kind: string;
  namespace?: string;
  name: string;
  message: string;
  enforcementAction: string;
}

export class GatorError extends Error {
  override name = 'GatorError';
}

/**
 * Runs `gator test --output json` over the given documents (templates, constraints, objects: each a file of JSON
 * documents separated by `---`). Anything but a JSON array (or `null`) on stdout is a failure with gator's message.
 */
export async function gatorTest(gator: Gator, files: Record<string, unknown[]>): Promise<GatorViolation[]> {
  const dir = mkdtempSync(join(tmpdir(), 'arc-gator-'));
  try {
    const args = ['test', '--output', 'json'];
    for (const [name, docs] of Object.entries(files)) {
      const path = join(dir, `${name}.yaml`);
      writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n---\n'));
      args.push('--filename', path);
    }
    const { code, stdout, stderr } = await runGator(gator.path, args);
    // Exit 1 with JSON on stdout: deny constraints were violated, which is what a preview looks for.
    if (code !== 0 && code !== 1) throw new GatorError(`gator test failed (${code}): ${(stderr || stdout).trim().split('\n').pop()}`);
    if (code === 1 && !stdout.trim()) throw new GatorError(`gator test failed: ${stderr.trim().split('\n').pop() || 'no output'}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      throw new GatorError(
        `gator test did not answer with JSON: ${(stderr || stdout).trim().split('\n').slice(-2).join(' ') || 'no output'}`,
      );
    }
    if (parsed === null) return [];
    if (!Array.isArray(parsed)) throw new GatorError('gator test answered with JSON that is not a list of results.');
    return parsed.map((r: any) => ({
      constraint: String(r?.constraint?.metadata?.name ?? ''),
      kind: String(r?.violatingObject?.kind ?? ''),
      namespace: r?.violatingObject?.metadata?.namespace || undefined,
      name: String(r?.violatingObject?.metadata?.name ?? ''),
      message: String(r?.msg ?? ''),
      enforcementAction: String(r?.enforcementAction ?? ''),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
