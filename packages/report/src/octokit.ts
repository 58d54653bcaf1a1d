import * as github from '@actions/github';
import { maskSecret, readEnv } from '@arc-actions/core';

export type Octokit = ReturnType<typeof github.getOctokit>;

/**
 * An authenticated Octokit for the GitHub API of this run. `@actions/github` reads GITHUB_API_URL once, when
 * it is first imported; we read it again here, so a stand-in configured later (tests, the sandbox) and GHES
 * are both honoured. `baseUrl` overrides the environment.
 */
export function getOctokit(token: string, baseUrl?: string): Octokit {
  maskSecret(token);
  return github.getOctokit(token, { baseUrl: baseUrl ?? readEnv('GITHUB_API_URL') ?? 'https://api.github.com' });
}
