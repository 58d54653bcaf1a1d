import { readFileSync } from 'node:fs';

/** Where a run is reporting: the repository, the commit and, on pull requests, the PR number. */
export interface GitHubTarget {
  owner: string;
  repo: string;
  sha: string;
  pullRequest?: number;
}

/** Reads the run's context from the runner's environment and event file (at call time, not import time). */
export function readGitHubTarget(env: NodeJS.ProcessEnv = process.env): GitHubTarget | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  let event: { pull_request?: { number?: number; head?: { sha?: string } } } = {};
  try {
    if (env.GITHUB_EVENT_PATH) event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    /* no event file: not a pull request */
  }
  const pr = event.pull_request;
  return { owner, repo, sha: pr?.head?.sha ?? env.GITHUB_SHA ?? '', pullRequest: pr?.number };
}
