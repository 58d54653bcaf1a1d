#!/usr/bin/env node
/**
 * arc-sandbox CLI: `up [--emulated-clusters N] [--clusters N] [--git-server] [--port P] --env-file FILE`.
 * `--git-server` also starts the loopback git server the clusters' Flux can pull from (a push creates a repository).
 * Runs in the foreground, writes FILE (dotenv) once ready, stops cleanly on SIGTERM/SIGINT.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFleetSandbox } from './fleet-sandbox.js';

const USAGE = 'Usage: arc-sandbox up [--emulated-clusters N] [--clusters N] [--git-server] [--port P] --env-file FILE';

const dotenv = (env: Record<string, string>) =>
  Object.entries(env)
    .map(([k, v]) => `${k}=${/[\s"'#$]/.test(v) ? `'${v.replace(/'/g, "'\\''")}'` : v}`)
    .join('\n') + '\n';

async function up(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'emulated-clusters': { type: 'string' },
      clusters: { type: 'string' },
      'git-server': { type: 'boolean' },
      port: { type: 'string' },
      'env-file': { type: 'string' },
      'write-env': { type: 'string' },
    },
    strict: true,
  });
  // `--write-env` is an alias: tsx hands `--env-file` to node too, which then insists that the file already exists.
  const envFile = values['write-env'] ?? values['env-file'];
  if (!envFile) throw new Error(`The --env-file option is required. ${USAGE}`);
  const count = (name: string, v: string | undefined) => {
    const n = Number(v ?? 0);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number of 0 or more, not '${v}'.`);
    return n;
  };
  const emulated = count('emulated-clusters', values['emulated-clusters']);
  const clusters = count('clusters', values.clusters);
  const caDir = mkdtempSync(join(tmpdir(), 'arc-sandbox-ca-'));
  const started = Date.now();
  const fleet = await startFleetSandbox({
    caDir,
    port: values.port ? count('port', values.port) : undefined,
    emulatedClusters: emulated,
    clusters,
    gitServer: values['git-server'] ?? false,
    onProgress: (m) => console.log(`[arc-sandbox] ${m}`),
  });
  const { sandbox } = fleet;
  writeFileSync(envFile, dotenv(fleet.env));
  const real = fleet.clusters.map((c) => c.name).join(', ');
  if (fleet.git) console.log(`[arc-sandbox] git server: ${fleet.git.http}, ${fleet.git.https} (user ${fleet.git.user}), ${fleet.git.ssh}`);
  console.log(
    `[arc-sandbox] ready at ${sandbox.url} in ${((Date.now() - started) / 1000).toFixed(1)} s (${emulated} emulated clusters${real ? `; real clusters ${real}` : ''}); environment written to ${envFile}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[arc-sandbox] ${signal}: stopping`);
    await fleet.stop();
    rmSync(caDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'up') {
  up(rest).catch((error: unknown) => {
    console.error(`[arc-sandbox] ${(error as Error).message}`);
    process.exit(1);
  });
} else {
  console.error(USAGE);
  process.exit(command ? 1 : 0);
}
