import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { clearSecretsForTesting, maskSecret } from '@arc-actions/core';
import { createGitHubApi, serveHandler } from '../../sandbox/src/github/index.js';
import {
  blocks,
  getOctokit,
  heading,
  publishCheckRun,
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
