/**
 * Every environment variable the actions read, in one registry: what it means and who sets it. Code reads them
 * through {@link readEnv} (at call time, never at import time), so this list is the whole of what a run depends on
 * besides its inputs; docs/architecture.md ("Environment switches") shows the same table.
 */
export const ENV = {
  // Set by the GitHub runner.
  GITHUB_REPOSITORY: 'owner/repo of the run: provenance, the regression issue, comments (runner)',
  GITHUB_SHA: 'the commit of the run: provenance, check runs (runner)',
  GITHUB_RUN_ID: 'the run, for the run URL in provenance and issues (runner)',
  GITHUB_SERVER_URL: 'https://github.com or the GHES host, for the run URL (runner)',
  GITHUB_WORKFLOW: 'the workflow name: provenance (runner)',
  GITHUB_WORKFLOW_REF: 'the workflow file: the source of inline flux configurations (runner)',
  GITHUB_ACTOR: 'who started the run: provenance (runner)',
  GITHUB_EVENT_NAME: 'pull_request* runs comment and check; others do not (runner)',
  GITHUB_EVENT_PATH: 'the event payload: the pull request number and head commit (runner)',
  GITHUB_API_URL: 'the GitHub REST API (runner; tests point it at the sandbox)',
  GITHUB_STEP_SUMMARY: 'the step summary file (runner)',
  GITHUB_WORKSPACE: 'paths in inputs resolve inside it (runner)',
  RUNNER_TEMP: 'scratch files: helm home, kubeconfigs, the baseline verify report (runner)',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'present when the job has permissions: id-token: write (runner)',
  // Switches a workflow may set.
  ARC_ACTIONS_STEP_SUMMARY: '"false" skips the step summary; outputs are still written (user)',
  RELEASETRAIN: 'the Arc agents release train asked of the config data plane, default stable (user; az reads the same)',
  HELM_CLIENT_PATH: 'the helm binary arc-connect runs, default helm on PATH (user; az reads the same)',
  NODE_EXTRA_CA_CERTS: 'extra trust anchors, passed on to helm (user)',
  INPUT_ENVIRONMENT: 'the raw environment input, for custom Arc endpoints (runner, from the step inputs)',
} as const;

export type EnvName = keyof typeof ENV;

/** The value of a registered variable, or undefined when it is unset or empty. */
export function readEnv(name: EnvName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[name] || undefined;
}

/** The URL of this workflow run, or undefined outside Actions. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const repository = readEnv('GITHUB_REPOSITORY', env);
  const run = readEnv('GITHUB_RUN_ID', env);
  if (!repository || !run) return undefined;
  return `${readEnv('GITHUB_SERVER_URL', env) ?? 'https://github.com'}/${repository}/actions/runs/${run}`;
}

/** Where a write came from: stamped into tags and metadata, and shown in reports. */
export interface Provenance {
  repository?: string;
  commit?: string;
  runUrl?: string;
  workflow?: string;
  actor?: string;
}

export function provenanceFromEnv(env: NodeJS.ProcessEnv = process.env): Provenance {
  return {
    repository: readEnv('GITHUB_REPOSITORY', env),
    commit: readEnv('GITHUB_SHA', env),
    runUrl: runUrl(env),
    workflow: readEnv('GITHUB_WORKFLOW', env),
    actor: readEnv('GITHUB_ACTOR', env),
  };
}

/** Whether the run's event is a pull request (pull_request, pull_request_target). */
export const isPullRequestEvent = (env: NodeJS.ProcessEnv = process.env): boolean =>
  /^pull_request/.test(readEnv('GITHUB_EVENT_NAME', env) ?? '');

/**
 * The runner's shard of a fleet: the items at positions `index - 1`, `index - 1 + count`, … (1-based `index` of
 * `count`, as the `shard` input writes it: 2/5); all of them without a shard.
 */
export function shardOf<T>(items: readonly T[], shard?: { index: number; count: number }): T[] {
  return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : [...items];
}
