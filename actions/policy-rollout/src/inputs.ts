import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ConfigurationError,
  booleanInput,
  durationInput,
  enumInput,
  isPullRequestEvent,
  optionalString,
  readEnv,
  shown,
} from '@arc-actions/core';
import {
  readAllowEmpty,
  readAzureIdentityInputs,
  readDryRun,
  workspacePath,
  workspaceRoot,
  type AzureIdentityInputs,
} from '@arc-actions/azure';
import { readPreviewInputs } from './preview/inputs.js';
import type { PreviewOptions } from './preview/sample.js';

export const MODES = ['plan', 'apply', 'promote'] as const;
export type Mode = (typeof MODES)[number];

export interface PolicySource {
  /** The path as given. */
  path: string;
  /** The policy files found, relative to the workspace, sorted. */
  files: string[];
}

export interface Inputs {
  identity: AzureIdentityInputs;
  mode: Mode;
  policies: PolicySource;
  assignment?: string;
  ring?: string;
  minSoakMs: number;
  maxStalenessMs: number;
  syncAllowanceMs: number;
  /** A secret; never printed. */
  githubToken?: string;
  checkName: string;
  comment: boolean;
  dryRun: boolean;
  /** Plan and apply refuse an assignment whose scope holds no cluster unless this is true. */
  allowEmpty?: boolean;
  /** How the plan's deny-impact preview reads clusters (access none: no preview). */
  preview?: PreviewOptions;
}

const YAML_FILE = /\.ya?ml$/i;

/** `policies`: a .yml/.yaml file or a folder of them (searched recursively), inside the workspace. */
export function readPolicies(input = 'policies'): PolicySource {
  const value = optionalString(input, { maxLength: 1024 });
  if (!value)
    throw new ConfigurationError(
      `Input "${input}" is required but was empty; set it to a policy YAML file or a folder of them in the workspace.`,
      input,
    );
  const full = workspacePath(input, value, { mustExist: 'any' });
  const root = workspaceRoot();
  if (statSync(full).isFile()) {
    if (!YAML_FILE.test(full))
      throw new ConfigurationError(
        `Input "${input}" has the file ${shown(value)}; allowed: a .yml or .yaml file, or a folder of them.`,
        input,
      );
    return { path: value, files: [relative(root, full)] };
  }
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) files.push(relative(root, p));
    }
  };
  walk(full);
  if (files.length === 0)
    throw new ConfigurationError(`Input "${input}" names the folder ${shown(value)}, which holds no .yml or .yaml files.`, input);
  return { path: value, files: files.sort() };
}

const ASSIGNMENT = {
  regex: /^[^<>*%&:\\?.+/\s][^<>*%&:\\?+/]{0,62}[^<>*%&:\\?.+/\s]?$/,
  description: 'a policy assignment name (1-64 characters, none of < > * % & : \\ ? . + / at the ends)',
};
const RING = { regex: /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, description: 'a ring name: lowercase letters, digits and -' };

export function readInputs(): Inputs {
  const identity = readAzureIdentityInputs();
  const mode = enumInput('mode', MODES, 'plan');
  const policies = readPolicies();
  const assignment = optionalString('assignment', { pattern: ASSIGNMENT });
  const ring = optionalString('ring', { pattern: RING });
  const minSoakMs = durationInput('min-soak', { default: '7d', min: '0s', max: '90d' });
  const maxStalenessMs = durationInput('max-staleness', { default: '24h', min: '5m', max: '30d' });
  const syncAllowanceMs = durationInput('sync-allowance', { default: '30m', min: '0s', max: '24h' });
  if (syncAllowanceMs >= maxStalenessMs) {
    throw new ConfigurationError(
      'Input "sync-allowance" is not shorter than "max-staleness"; compliance data could never be fresh enough, so make sync-allowance shorter.',
      'sync-allowance',
    );
  }
  const githubToken = optionalString('github-token', { secret: true, maxLength: 4096 });
  const checkName =
    optionalString('check-name', { maxLength: 100, pattern: { regex: /^[^\n\r]+$/, description: 'a single line' } }) ??
    'Arc policy rollout';
  const commentSet = optionalString('comment') !== undefined;
  const comment = booleanInput('comment', isPullRequestEvent());
  if (commentSet && comment && !isPullRequestEvent()) {
    throw new ConfigurationError(
      `Input "comment" is true but the event is ${readEnv('GITHUB_EVENT_NAME') ?? 'not a pull request'}; comments go on pull requests, so remove it or run on pull_request.`,
      'comment',
    );
  }
  if (comment && !githubToken) {
    throw new ConfigurationError(
      'Input "github-token" is empty but a pull request comment is requested; pass ${{ github.token }} with pull-requests: write, or set comment: false.',
      'github-token',
    );
  }
  return {
    identity,
    mode,
    policies,
    assignment,
    ring,
    minSoakMs,
    maxStalenessMs,
    syncAllowanceMs,
    githubToken,
    checkName,
    comment,
    dryRun: readDryRun(),
    allowEmpty: readAllowEmpty(),
    preview: readPreviewInputs(identity),
  };
}
