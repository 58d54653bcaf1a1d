import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { parse } from 'yaml';
import { clearSecretsForTesting } from '@arc-actions/core';

/**
 * Runs an action's `run()` the way the runner does: inputs as INPUT_* variables (defaults from the action.yml,
 * as the runner fills them in), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as files, a temporary GITHUB_WORKSPACE,
 * stdout captured. The real @actions/core is used throughout.
 */

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface StepResult {
  failed: boolean;
  /** The `::error::` messages, unescaped. */
  errors: string[];
  warnings: string[];
  stdout: string;
  /** stdout without the `::add-mask::` commands (which carry secrets to the runner, by design). */
  visibleStdout: string;
  outputs: Record<string, string>;
  outputsFile: string;
  summary: string;
  workspace: string;
}

export function declaredInputs(actionYml: string): Record<string, { default?: string; required?: boolean }> {
  const doc = parse(readFileSync(join(repoRoot, actionYml), 'utf8')) as {
    inputs?: Record<string, { default?: unknown; required?: boolean }>;
  };
  return Object.fromEntries(
    Object.entries(doc.inputs ?? {}).map(([k, v]) => [
      k,
      { default: v.default === undefined ? undefined : String(v.default), required: v.required },
    ]),
  );
}

const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const envName = (input: string) => `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;

export async function runStep(
  run: () => Promise<void>,
  actionYml: string,
  inputs: Record<string, string>,
  options: { files?: Record<string, string>; env?: Record<string, string> } = {},
): Promise<StepResult> {
  const declared = declaredInputs(actionYml);
  for (const name of Object.keys(inputs))
    if (!(name in declared)) throw new Error(`test sets input "${name}", which ${actionYml} does not declare`);
  const workspace = mkdtempSync(join(tmpdir(), 'arc-step-'));
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const outputsFile = join(workspace, '..', `${workspace.split('/').pop()}.out`);
  const summaryFile = join(workspace, '..', `${workspace.split('/').pop()}.md`);
  writeFileSync(outputsFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputsFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...options.env,
  };
  for (const [name, spec] of Object.entries(declared))
    if (spec.default !== undefined && !spec.default.includes('${{')) env[envName(name)] = spec.default;
  for (const [name, value] of Object.entries(inputs)) env[envName(name)] = value;
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  Object.assign(process.env, env);
  clearSecretsForTesting();
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
    process.env = saved;
  }
  const failed = process.exitCode === 1;
  process.exitCode = 0;
  const lines = stdout.split('\n');
  const commands = (name: string) => lines.filter((l) => l.startsWith(`::${name}`)).map((l) => unescape(l.slice(l.indexOf('::', 2) + 2)));
  const outputs: Record<string, string> = {};
  const raw = readFileSync(outputsFile, 'utf8');
  for (const m of raw.matchAll(/^([^\n<]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  const summary = readFileSync(summaryFile, 'utf8');
  rmSync(outputsFile);
  rmSync(summaryFile);
  return {
    failed,
    errors: commands('error'),
    warnings: commands('warning'),
    stdout,
    visibleStdout: lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'),
    outputs,
    outputsFile: raw,
    summary,
    workspace,
  };
}

/** Everything a step wrote that a user or a later step can see. */
export const everythingVisible = (r: StepResult): string => `${r.visibleStdout}\n${r.outputsFile}\n${r.summary}`;

export const SUB = '11111111-1111-1111-1111-111111111111';
export const TENANT = '22222222-2222-2222-2222-222222222222';
export const CLIENT = '33333333-3333-3333-3333-333333333333';
export const IDENTITY = { 'client-id': CLIENT, 'tenant-id': TENANT, 'subscription-id': SUB };
export const clusterArmId = (name: string, rg = 'rg-fleet') =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`;

export function kubeconfig(token: string, context = 'edge'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: edge',
    '    cluster:',
    '      server: https://10.0.0.1:6443',
    'contexts:',
    `  - name: ${context}`,
    '    context: {cluster: edge, user: ci}',
    `current-context: ${context}`,
    'users:',
    '  - name: ci',
    '    user:',
    `      token: ${token}`,
    '',
  ].join('\n');
}
