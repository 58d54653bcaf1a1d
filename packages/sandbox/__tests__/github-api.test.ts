import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOctokit } from '@actions/github';
import { createGitHubApi, serveHandler } from '../src/github/index.js';
import { startSandbox } from '../src/sandbox.js';

const TOKEN = 'ghs_sandboxtoken123';
const api = createGitHubApi({ token: TOKEN });
let server: { url: string; close: () => Promise<void> };
let octokit: ReturnType<typeof getOctokit>;
const repo = { owner: 'acme', repo: 'fleet' };

beforeAll(async () => {
  server = await serveHandler(api.handler);
  octokit = getOctokit(TOKEN, { baseUrl: server.url });
});
afterAll(() => server.close());

const statusOf = async (promise: Promise<unknown>): Promise<{ status: number; message: string; data: unknown }> => {
  try {
    await promise;
  } catch (e) {
    const err = e as { status: number; message: string; response?: { data: unknown } };
    return { status: err.status, message: err.message, data: err.response?.data };
  }
  throw new Error('expected the request to fail');
};

describe('GitHub stand-in', () => {
  it('rejects a wrong token with 401 Bad credentials', async () => {
    const bad = getOctokit('ghs_wrong', { baseUrl: server.url });
    const failure = await statusOf(bad.rest.issues.listForRepo(repo));
    expect(failure.status).toBe(401);
    expect(failure.data).toMatchObject({ message: 'Bad credentials', documentation_url: expect.any(String) });
    const bearer = await fetch(`${server.url}/repos/acme/fleet/issues`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    const none = await fetch(`${server.url}/repos/acme/fleet/issues`);
    expect(none.status).toBe(401);
  });

  it('pages comments with per_page, page and a Link header that octokit.paginate follows', async () => {
    const pr = api.state.seedPullRequest({ ...repo, headSha: 'a'.repeat(40), files: [{ filename: 'clusters/prod.yaml', additions: 3 }] });
    for (let i = 0; i < 7; i++) await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `comment ${i}` });
    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number, per_page: 3 });
    expect(first.data.map((c) => c.body)).toEqual(['comment 0', 'comment 1', 'comment 2']);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain(`${server.url}/repos/acme/fleet/issues/${pr.number}/comments?per_page=3&page=3>; rel="last"`);
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr.number, per_page: 3 });
    expect(all).toHaveLength(7);
    expect(all[0]).toMatchObject({
      user: { login: 'github-actions[bot]' },
      node_id: expect.any(String),
      html_url: expect.stringContaining('#issuecomment-'),
    });

    const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: all[0].id, body: 'edited' });
    expect(updated.data.body).toBe('edited');
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: all[1].id });
    expect(api.state.commentsOn('acme', 'fleet', pr.number)).toHaveLength(6);

    const files = await octokit.rest.pulls.listFiles({ ...repo, pull_number: pr.number });
    expect(files.data[0]).toMatchObject({ filename: 'clusters/prod.yaml', status: 'modified', additions: 3, changes: 3 });
  });

  it("refuses a comment body over 65,536 characters with GitHub's 422", async () => {
    const pr = api.state.seedPullRequest({ ...repo });
    const failure = await statusOf(octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x'.repeat(65_537) }));
    expect(failure.status).toBe(422);
    expect(failure.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        { resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body is too long (maximum is 65536 characters)' },
      ],
    });
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x'.repeat(65_536) })).resolves.toMatchObject({
      status: 201,
    });
  });

  it('creates, updates, lists check runs and appends annotations; enforces the limits', async () => {
    const sha = 'b'.repeat(40);
    const annotation = { path: 'a.yaml', start_line: 1, end_line: 1, annotation_level: 'warning' as const, message: 'm' };
    const created = await octokit.rest.checks.create({
      ...repo,
      name: 'arc-verify',
      head_sha: sha,
      status: 'in_progress',
      output: { title: 't', summary: 's', annotations: [annotation] },
    });
    expect(created.status).toBe(201);
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: created.data.id,
      conclusion: 'success',
      output: { title: 't', summary: 's2', annotations: [annotation] },
    });
    const got = await octokit.rest.checks.get({ ...repo, check_run_id: created.data.id });
    expect(got.data).toMatchObject({ status: 'completed', conclusion: 'success', output: { summary: 's2', annotations_count: 2 } });
    await octokit.rest.checks.create({ ...repo, name: 'other', head_sha: sha });
    const listed = await octokit.rest.checks.listForRef({ ...repo, ref: sha, check_name: 'arc-verify' });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0].id).toBe(created.data.id);
    const annotations = await octokit.rest.checks.listAnnotations({ ...repo, check_run_id: created.data.id });
    expect(annotations.data).toHaveLength(2);

    const tooMany = await statusOf(
      octokit.rest.checks.update({
        ...repo,
        check_run_id: created.data.id,
        output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) },
      }),
    );
    expect(tooMany.status).toBe(422);
    const tooLong = await statusOf(
      octokit.rest.checks.create({ ...repo, name: 'x', head_sha: sha, output: { title: 't', summary: 'é'.repeat(40_000) } }),
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.data).toMatchObject({ errors: [{ resource: 'CheckRun', field: 'summary' }] });
  });

  it('creates, filters, comments on and closes issues', async () => {
    const issue = await octokit.rest.issues.create({ ...repo, title: 'Drift on prod', body: 'b', labels: ['arc-verify'] });
    await octokit.rest.issues.create({ ...repo, title: 'Other', labels: ['other'] });
    const open = await octokit.rest.issues.listForRepo({ ...repo, labels: 'arc-verify', state: 'open' });
    expect(open.data.map((i) => i.number)).toEqual([issue.data.number]);
    expect(open.data[0].labels).toMatchObject([{ name: 'arc-verify' }]);
    await octokit.rest.issues.createComment({ ...repo, issue_number: issue.data.number, body: 'still failing' });
    const closed = await octokit.rest.issues.update({ ...repo, issue_number: issue.data.number, state: 'closed' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', comments: 1 });
    expect((await octokit.rest.issues.listForRepo({ ...repo, labels: 'arc-verify' })).data).toEqual([]);
    expect(api.state.requestsTo('PATCH', /^\/repos\/acme\/fleet\/issues\/\d+$/)).toHaveLength(1);
  });

  it("answers unknown routes with GitHub's 404", async () => {
    const failure = await statusOf(octokit.request('GET /repos/{owner}/{repo}/nothing-here', repo));
    expect(failure.status).toBe(404);
    expect(failure.data).toMatchObject({ message: 'Not Found' });
  });
});

describe('the sandbox state API (what the CLI sandbox offers)', () => {
  it('seeds a pull request, a comment by someone else and a token with given permissions over HTTP', async () => {
    const sandbox = await startSandbox();
    try {
      const put = async (part: string, body: unknown) => {
        const response = await fetch(`${sandbox.url}/_sandbox/state/github/${part}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      const pr = await put('pulls', {
        owner: 'acme',
        repo: 'fleet',
        number: 31,
        headSha: 'f'.repeat(40),
        files: [{ filename: 'policies/a.yaml' }],
      });
      expect(pr).toMatchObject({ status: 200, body: { number: 31 } });
      expect((await put('pulls', { repo: 'fleet' })).status).toBe(400);
      await put('comments', { owner: 'acme', repo: 'fleet', issueNumber: 31, body: 'looks good', user: { login: 'mallory', id: 7 } });
      const { body: minted } = await put('tokens', { permissions: { pull_requests: 'read' } });

      const reader = getOctokit(String(minted.token), { baseUrl: sandbox.env.GITHUB_API_URL });
      const got = await reader.rest.pulls.get({ owner: 'acme', repo: 'fleet', pull_number: 31 });
      expect(got.data).toMatchObject({
        number: 31,
        head: { sha: 'f'.repeat(40), repo: { full_name: 'acme/fleet' } },
        user: { login: 'octocat' },
      });
      const comments = await reader.rest.issues.listComments({ owner: 'acme', repo: 'fleet', issue_number: 31 });
      expect(comments.data.map((c) => [c.user?.login, c.body])).toEqual([['mallory', 'looks good']]);
      // Read-only: GitHub's 403 for a write, naming the permissions that would allow it.
      const refused = await statusOf(reader.rest.issues.createComment({ owner: 'acme', repo: 'fleet', issue_number: 31, body: 'x' }));
      expect(refused).toMatchObject({ status: 403, data: { message: 'Resource not accessible by integration' } });

      const state = (await (await fetch(`${sandbox.url}/_sandbox/state/github`)).json()) as { comments: unknown[] };
      expect(state.comments).toHaveLength(1);
      expect(JSON.stringify(state)).not.toContain(String(minted.token));
      expect(JSON.stringify(state)).not.toContain(sandbox.env.GITHUB_TOKEN);
    } finally {
      await sandbox.stop();
    }
  });
});
