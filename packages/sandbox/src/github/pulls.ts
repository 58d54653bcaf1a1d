import type { Router } from './router.js';
import type { GitHubState } from './state.js';
import { apiBase, json, notFound, paginate } from './responses.js';
import { renderIssue } from './issues.js';

/** Pull requests: enough to read one and list its changed files (seeded with `state.seedPullRequest`). */
export function pullRoutes(router: Router, state: GitHubState): void {
  router.on('GET', '/repos/:owner/:repo/pulls/:number', (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue?.pull) return notFound();
    const asIssue = renderIssue(state, request, issue);
    return json(200, {
      ...asIssue,
      url: `${apiBase(request)}/repos/${owner}/${repo}/pulls/${issue.number}`,
      node_id: asIssue.node_id,
      head: { ref: issue.pull.headRef, sha: issue.pull.headSha },
      base: { ref: issue.pull.baseRef },
      merged: false,
      draft: false,
      changed_files: issue.pull.files.length,
    });
  });

  router.on('GET', '/repos/:owner/:repo/pulls/:number/files', (request, { owner, repo, number }) => {
    const issue = state.issue(owner, repo, Number(number));
    if (!issue?.pull) return notFound();
    const sha = issue.pull.headSha;
    const files = issue.pull.files.slice(0, 3000).map((f, i) => {
      const additions = f.additions ?? 0;
      const deletions = f.deletions ?? 0;
      const path = encodeURIComponent(f.filename).replace(/%2F/g, '/');
      return {
        sha: (i + 1).toString(16).padStart(40, '0'),
        filename: f.filename,
        status: f.status ?? 'modified',
        additions,
        deletions,
        changes: additions + deletions,
        blob_url: `https://github.com/${owner}/${repo}/blob/${sha}/${path}`,
        raw_url: `https://github.com/${owner}/${repo}/raw/${sha}/${path}`,
        contents_url: `${apiBase(request)}/repos/${owner}/${repo}/contents/${path}?ref=${sha}`,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      };
    });
    const page = paginate(request, files);
    return json(200, page.items, page.headers);
  });
}
