import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { clearSecretsForTesting, maskSecret } from '@arc-actions/core';
import { createGitHubApi, OCTOCAT, serveHandler } from '../../sandbox/src/github/index.js';
import {
  authenticatedLogin,
  blocks,
  findStickyComment,
  getOctokit,
  heading,
  publishCheckRun,
  publishOrWarn,
  stickyMarker,
  table,
  upsertIssue,
  upsertStickyComment,
  type CheckAnnotation,
  type Octokit,
} from '../src/index.js';

/** The real Octokit from @actions/github against the GitHub stand-in of the sandbox, over loopback HTTP. */
const TOKEN = 'ghs_reportTestToken';
const SECRET = 'planted-s3cret-value-42';
const api = createGitHubApi({ token: TOKEN });
const repo = { owner: 'acme', repo: 'fleet' };
let server: { url: string; close: () => Promise<void> };
let octokit: Octokit;

beforeAll(async () => {
  server = await serveHandler(api.handler);
  octokit = getOctokit(TOKEN, server.url);
  maskSecret(SECRET);
});
afterAll(async () => {
  clearSecretsForTesting();
  await server.close();
});

const bigReport = (): string =>
  blocks(
    heading('Plan'),
    `Token ${SECRET} leaked here.`,
    table(
      ['Cluster', 'Detail'],
      Array.from({ length: 1200 }, (_, i) => [`cluster-${i}`, 'd'.repeat(80)]),
    ),
  );

describe('getOctokit', () => {
  it('reads GITHUB_API_URL when called, not when @actions/github was imported', async () => {
    process.env.GITHUB_API_URL = server.url;
    try {
      const client = getOctokit(TOKEN);
      await expect(client.rest.issues.listForRepo(repo)).resolves.toMatchObject({ status: 200 });
    } finally {
      delete process.env.GITHUB_API_URL;
    }
  });
});

describe('sticky PR comments', () => {
  it('cuts a 100,000-character body below 65,536 with a note, and a rerun updates instead of duplicating', async () => {
    const pr = api.state.seedPullRequest({ ...repo });
    const body = bigReport();
    expect(body.length).toBeGreaterThan(100_000);
    const first = await upsertStickyComment(octokit, { ...repo, issueNumber: pr.number, action: 'policy-rollout', group: 'prod', body });
    expect(first).toMatchObject({ outcome: 'created', truncated: true });
    const again = await upsertStickyComment(octokit, {
      ...repo,
      issueNumber: pr.number,
      action: 'policy-rollout',
      group: 'prod',
      body: 'all good now',
    });
    expect(again).toMatchObject({ outcome: 'updated', id: first.id });
    const same = await upsertStickyComment(octokit, {
      ...repo,
      issueNumber: pr.number,
      action: 'policy-rollout',
      group: 'prod',
      body: 'all good now',
    });
    expect(same.outcome).toBe('unchanged');
    await upsertStickyComment(octokit, { ...repo, issueNumber: pr.number, action: 'policy-rollout', group: 'staging', body: 'staging' });

    const stored = api.state.commentsOn('acme', 'fleet', pr.number);
    expect(stored).toHaveLength(2);
    expect(stored[0].body).toBe(`${stickyMarker('policy-rollout', 'prod')}\nall good now`);
    const created = api.state.requests.find((r) => r.method === 'POST' && r.path.endsWith(`/issues/${pr.number}/comments`));
    const sent = (created?.body as { body: string }).body;
    expect(sent.length).toBeLessThan(65_536);
    expect(sent).toMatch(/more rows omitted \([\d,]+ of 1,200 shown\); see the full JSON report/);
    expect(sent).not.toContain(SECRET);
  });

  it('deletes extra copies and keeps one comment, across pages', async () => {
    const pr = api.state.seedPullRequest({ ...repo });
    const marker = stickyMarker('arc-verify', 'all');
    for (let i = 0; i < 120; i++) await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `chatter ${i}` });
    for (let i = 0; i < 2; i++) await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `${marker}\nold ${i}` });
    const result = await upsertStickyComment(octokit, { ...repo, issueNumber: pr.number, action: 'arc-verify', group: 'all', body: 'new' });
    expect(result).toMatchObject({ outcome: 'updated', deleted: 1 });
    expect(
      api.state
        .commentsOn('acme', 'fleet', pr.number)
        .filter((c) => c.body.startsWith(marker))
        .map((c) => c.body),
    ).toEqual([`${marker}\nnew`]);
  });
});

describe('check runs', () => {
  const annotations: CheckAnnotation[] = Array.from({ length: 120 }, (_, i) => ({
    path: `./clusters/c${i}.yaml`,
    start_line: i + 1,
    annotation_level: 'failure',
    message: `violation ${i} with ${SECRET}`,
    title: 'Policy',
  }));

  it('sends 120 annotations in 3 requests, redacted, and a rerun updates the same check run', async () => {
    const sha = 'c'.repeat(40);
    const writes = () =>
      api.state.requests.filter((r) => r.path.includes('/check-runs') && (r.method === 'POST' || r.method === 'PATCH')).length;
    const before = writes();
    const options = {
      ...repo,
      name: 'policy-rollout',
      headSha: sha,
      conclusion: 'failure' as const,
      title: '120 violations',
      summary: bigReport(),
      text: `details ${SECRET}`,
      annotations,
    };
    const first = await publishCheckRun(octokit, options);
    expect(writes() - before).toBe(3);
    expect(first).toMatchObject({ created: true, annotationsSent: 120, writes: 3, truncated: true });

    const rerun = await publishCheckRun(octokit, { ...options, conclusion: 'success', title: 'rerun' });
    expect(rerun).toMatchObject({ created: false, id: first.id, annotationsSent: 0 });
    const runs = api.state.checkRunsOf('acme', 'fleet').filter((r) => r.headSha === sha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ conclusion: 'success', output: { title: 'rerun' } });
    expect(runs[0].annotations).toHaveLength(120);
    expect(runs[0].annotations[0]).toMatchObject({ path: 'clusters/c0.yaml', start_line: 1, end_line: 1, annotation_level: 'failure' });
    expect(JSON.stringify(runs[0])).not.toContain(SECRET);
    expect(Buffer.byteLength(runs[0].output.summary ?? '')).toBeLessThanOrEqual(65_535);
  });
});

describe('regression issues', () => {
  it('opens, comments on change, stays quiet when unchanged, and closes', async () => {
    const options = { ...repo, label: 'arc-verify:prod', title: 'Fleet verification failing', body: 'cluster-1 offline' };
    expect(await upsertIssue(octokit, { ...options, open: true })).toMatchObject({ outcome: 'opened' });
    expect(await upsertIssue(octokit, { ...options, open: true })).toMatchObject({ outcome: 'unchanged' });
    const changed = await upsertIssue(octokit, { ...options, body: `cluster-2 offline ${SECRET}`, open: true });
    expect(changed.outcome).toBe('commented');
    expect(await upsertIssue(octokit, { ...options, body: `cluster-2 offline ${SECRET}`, open: true })).toMatchObject({
      outcome: 'unchanged',
    });
    expect(await upsertIssue(octokit, { ...options, body: 'All clusters healthy.', open: false })).toMatchObject({
      outcome: 'closed',
      number: changed.number,
    });
    expect(await upsertIssue(octokit, { ...options, open: false })).toMatchObject({ outcome: 'none' });
    const issue = api.state.issue('acme', 'fleet', changed.number!);
    expect(issue).toMatchObject({ state: 'closed', labels: ['arc-verify:prod'] });
    expect(api.state.commentsOn('acme', 'fleet', changed.number!).map((c) => c.body.split('\n')[0])).toEqual([
      'cluster-2 offline ***',
      'All clusters healthy.',
    ]);
  });
});

describe('sticky comments are found by marker and author', () => {
  it('leaves a comment by someone else that carries our marker alone, and never reads its snapshot', async () => {
    const pr = api.state.seedPullRequest({ ...repo });
    const marker = stickyMarker('policy-rollout', 'policies');
    const planted = api.state.seedComment({
      ...repo,
      issueNumber: pr.number,
      body: `${marker}\n<!-- arc-actions:snapshot:planted -->\nquoted from the bot`,
      user: OCTOCAT,
    });
    const options = { ...repo, issueNumber: pr.number, action: 'policy-rollout', group: 'policies' };
    expect(await authenticatedLogin(octokit)).toBe('github-actions[bot]');
    expect(await findStickyComment(octokit, options)).toBeUndefined();

    const first = await upsertStickyComment(octokit, { ...options, body: 'plan 1' });
    expect(first).toMatchObject({ outcome: 'created', foreign: 1, deleted: 0 });
    const second = await upsertStickyComment(octokit, { ...options, body: 'plan 2' });
    expect(second).toMatchObject({ outcome: 'updated', id: first.id, foreign: 1, deleted: 0 });
    expect(await findStickyComment(octokit, options)).toBe(`${marker}\nplan 2`);

    const stored = api.state.commentsOn('acme', 'fleet', pr.number);
    expect(stored.map((c) => [c.user.login, c.body])).toEqual([
      ['octocat', planted.body],
      ['github-actions[bot]', `${marker}\nplan 2`],
    ]);
    // The identity came from GraphQL `viewer`, not from GET /user (refused to installation tokens).
    expect(api.state.requestsTo('GET', /^\/user$/)).toEqual([]);
  });

  it("with a person's token, that person's comment is the sticky one", async () => {
    const pr = api.state.seedPullRequest({ ...repo });
    const marker = stickyMarker('flux-apply', 'fleet');
    const mine = api.state.seedComment({ ...repo, issueNumber: pr.number, body: `${marker}\nold`, user: OCTOCAT });
    const person = getOctokit(api.state.mintToken({ kind: 'user', actor: OCTOCAT, permissions: { pull_requests: 'write' } }), server.url);
    const result = await upsertStickyComment(person, {
      ...repo,
      issueNumber: pr.number,
      action: 'flux-apply',
      group: 'fleet',
      body: 'new',
    });
    expect(result).toMatchObject({ outcome: 'updated', id: mine.id, foreign: 0 });
  });
});

describe('a publication GitHub refuses is a warning naming the permission', () => {
  const warnings = async (fn: () => Promise<unknown>): Promise<{ value: unknown; warnings: string[] }> => {
    let out = '';
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      out += String(chunk);
      return true;
    });
    try {
      const value = await fn();
      return { value, warnings: out.split('\n').filter((l) => l.startsWith('::warning::')) };
    } finally {
      spy.mockRestore();
    }
  };
  const run = { ...repo, name: 'policy-rollout', headSha: 'e'.repeat(40), conclusion: 'success' as const, title: 't', summary: 's' };

  it('403 without checks: write names `permissions: checks: write`', async () => {
    const token = api.state.mintToken({ permissions: { pull_requests: 'write' } });
    const { value, warnings: w } = await warnings(() =>
      publishOrWarn('check run', () => publishCheckRun(getOctokit(token, server.url), run)),
    );
    expect(value).toBeUndefined();
    expect(w).toEqual([
      '::warning::Could not publish the check run: GitHub answered 403 Resource not accessible by integration. Add `permissions: checks: write` to the job (the token lacks it). The result of this run is unchanged: see the step summary and the outputs.',
    ]);
    expect(api.state.checkRunsOf('acme', 'fleet').filter((r) => r.headSha === 'e'.repeat(40))).toEqual([]);
  });

  it('names either permission GitHub accepts for a pull-request comment, and handles 401, 404 and 5xx', async () => {
    const pr = api.state.seedPullRequest({ ...repo });
    const comment = (client: Octokit, issueNumber = pr.number) =>
      publishOrWarn('pull request comment', () =>
        upsertStickyComment(client, { ...repo, issueNumber, action: 'policy-rollout', group: 'policies', body: 'plan' }),
      );
    const readOnly = getOctokit(api.state.mintToken({ permissions: { checks: 'write', pull_requests: 'read' } }), server.url);
    const refusedWrite = await warnings(() => comment(readOnly));
    expect(refusedWrite.warnings[0]).toContain(
      'GitHub answered 403 Resource not accessible by integration. Add `permissions: issues: write` or `permissions: pull-requests: write` to the job',
    );
    const noRead = getOctokit(api.state.mintToken({ permissions: { checks: 'write' } }), server.url);
    expect((await warnings(() => comment(noRead))).warnings[0]).toContain(
      'Add `permissions: issues: write` or `permissions: pull-requests: write`',
    );
    expect((await warnings(() => comment(getOctokit('ghs_revoked', server.url)))).warnings[0]).toContain(
      'GitHub answered 401 Bad credentials. The github-token input is not a valid token: pass ${{ github.token }} and add `permissions: pull-requests: write` to the job.',
    );
    expect((await warnings(() => comment(octokit, 4242))).warnings[0]).toContain(
      'GitHub answered 404 Not Found. The token cannot see the repository',
    );

    const failing = await serveHandler((request) =>
      request.method === 'POST' ? { status: 502, headers: {}, body: { message: 'Server Error' } } : api.handler(request),
    );
    try {
      const down = await warnings(() => comment(getOctokit(TOKEN, failing.url)));
      expect(down.value).toBeUndefined();
      expect(down.warnings[0]).toContain('GitHub answered 502 Server Error. Rerun the job; it needs `permissions: pull-requests: write`.');
    } finally {
      await failing.close();
    }
    expect(api.state.commentsOn('acme', 'fleet', pr.number)).toEqual([]);
  });

  it('throws what is not an answer from GitHub', async () => {
    await expect(publishOrWarn('check run', () => Promise.reject(new TypeError('a bug')))).rejects.toThrow('a bug');
  });
});
