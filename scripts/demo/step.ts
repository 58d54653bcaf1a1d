import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StepRun {
  code: number;
  outputs: Record<string, string>;
  summary: string;
  log: string;
}

/**
 * Runs one action bundle the way the GitHub runner does: `node dist/<action>/index.js` with INPUT_* variables and
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, in a workspace folder, with the sandbox's environment.
 */
export async function runBundle(
  root: string,
  action: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  workspace: string,
): Promise<StepRun> {
  const dir = mkdtempSync(join(tmpdir(), `demo-${action}-`));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const child = spawn(process.execPath, [join(root, 'dist', action, 'index.js')], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...env,
      ...inputEnv,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += String(d)));
  child.stderr.on('data', (d) => (log += String(d)));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(outputFile, 'utf8').matchAll(/^([^\n<]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return { code, outputs, summary: readFileSync(summaryFile, 'utf8'), log };
}
