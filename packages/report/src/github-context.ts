import { readFileSync } from 'node:fs';
import { readEnv } from '@arc-actions/core';

/** Where a run is reporting: the repository, the commit and, on pull requests, the PR number. */
export interface GitHubTarget {
  owner: string;
  repo: string;
  sha: string;
  pullRequest?: number;
}

/**
 * The one reader of the run's pull request: the repository, the commit (the pull request's head on pull-request
 * events) and the pull request number, from the runner's environment and event file, at call time.
 */
export function readGitHubTarget(env: NodeJS.ProcessEnv = process.env): GitHubTarget | undefined {
  const [owner, repo] = (readEnv('GITHUB_REPOSITORY', env) ?? '').split('/');
  if (!owner || !repo) return undefined;
  let event: { pull_request?: { number?: number; head?: { sha?: string } }; number?: number } = {};
  try {
    const path = readEnv('GITHUB_EVENT_PATH', env);
    if (path) event = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    /* no event file: not a pull request */
  }
  const pr = event.pull_request;
  return {
    owner,
    repo,
    sha: pr?.head?.sha ?? readEnv('GITHUB_SHA', env) ?? '',
    pullRequest: pr?.number ?? (pr ? event.number : undefined),
  };
}
