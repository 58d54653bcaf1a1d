import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
const PROBE = pathToFileURL(join(ROOT, 'bench', 'rss-probe.mjs')).href;

export interface ChildRun {
  code: number;
  /** Spawn to exit, including Node's start-up. */
  wallMs: number;
  /** Peak RSS of the child in MiB (process.resourceUsage().maxRSS read at exit), NaN when unknown. */
  peakRssMb: number;
  outputs: Record<string, string>;
  summary: string;
  log: string;
}

/**
 * Runs a Node program in a child process with the peak-RSS probe preloaded. With `inputs`, it is run the way the
 * GitHub runner runs an action: INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a workspace.
 */
export async function runChild(
  args: string[],
  options: { env: Record<string, string>; inputs?: Record<string, string>; workspace?: string; nodeArgs?: string[] },
): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-step-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  const rssFile = join(dir, 'rss');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), 'bench-ws-'));
  const inputEnv = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', PROBE, ...args], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...options.env,
      ...inputEnv,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: dir,
      BENCH_RSS_FILE: rssFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (d) => chunks.push(String(d)));
  child.stderr.on('data', (d) => chunks.push(String(d)));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  const wallMs = performance.now() - started;
  let peakRssMb = NaN;
  try {
    peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // no figure: the child died before its exit handler ran
  }
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([^\n<]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return { code, wallMs, peakRssMb, outputs, summary: readFileSync(summaryFile, 'utf8'), log: chunks.join('') };
}

export interface ColdStart {
  /** Median time from spawn to the first stdout chunk. */
  medianMs: number;
  /** Median time from spawn to exit. */
  exitMedianMs: number;
  samples: number[];
  exitSamples: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `node <args>` with no inputs, `runs` times: spawn to the first stdout chunk and spawn to exit. With a bundle, that is
 * the fail-fast path of a missing input; with `-e 0`, Node's own start-up, the yardstick.
 */
export async function coldStart(args: string[], runs: number, env: Record<string, string>): Promise<ColdStart> {
  const samples: number[] = [];
  const exitSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const workspace = mkdtempSync(join(tmpdir(), 'bench-cold-'));
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: workspace,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, GITHUB_WORKSPACE: workspace },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let first = NaN;
    child.stdout.once('data', () => (first = performance.now() - started));
    await new Promise<void>((done) => child.on('close', () => done()));
    const exit = performance.now() - started;
    samples.push(Number.isNaN(first) ? exit : first);
    exitSamples.push(exit);
  }
  return { medianMs: median(samples), exitMedianMs: median(exitSamples), samples, exitSamples };
}
