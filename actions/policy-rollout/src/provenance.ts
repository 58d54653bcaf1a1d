/** Where a write came from: stamped into assignment and definition metadata, and shown in reports. */
export interface Provenance {
  repository?: string;
  commit?: string;
  runUrl?: string;
  workflow?: string;
  actor?: string;
}

export function provenanceFromEnv(env: NodeJS.ProcessEnv = process.env): Provenance {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return { repository: env.GITHUB_REPOSITORY, commit: env.GITHUB_SHA, runUrl, workflow: env.GITHUB_WORKFLOW, actor: env.GITHUB_ACTOR };
}
