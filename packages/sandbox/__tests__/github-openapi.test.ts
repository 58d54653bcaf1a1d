/**
 * The GitHub stand-in against GitHub's own OpenAPI description (`@octokit/openapi`, api.github.com): every
 * operation the actions call (found in their source), plus the ones the stand-in serves besides, is called through
 * the real Octokit; every response the stand-in gave is then checked: the status is one the operation lists (or
 * one of the few GitHub answers beyond the description, each with its source below), and the body matches the
 * schema for that status; request bodies the stand-in accepted match the operation's request schema.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOctokit } from '@actions/github';
import type { Handler } from '../src/http.js';
import { createGitHubApi, OCTOCAT, serveHandler } from '../src/github/index.js';
import { loadGitHubSpec, OpenApi, type Operation } from './openapi-validate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const TOKEN = 'ghs_openapiConformanceToken';
const repo = { owner: 'acme', repo: 'fleet' };

/** Statuses GitHub answers although the operation's description does not list them, and where that is written. */
const BEYOND_THE_DESCRIPTION: { status: number; operations: '*' | string[]; schema: string; source: string }[] = [
  {
    status: 401,
    operations: '*',
    schema: 'basic-error',
    source: 'docs.github.com "Troubleshooting the REST API": 401 "Bad credentials" / "Requires authentication" on any endpoint',
  },
  {
    status: 403,
    operations: '*',
    schema: 'basic-error',
    source:
      'docs.github.com "Troubleshooting the REST API" (insufficient permission: "Resource not accessible by integration") and the 2023-08-10 changelog on X-Accepted-GitHub-Permissions',
  },
  {
    status: 404,
    operations: '*',
    schema: 'basic-error',
    source: 'docs.github.com "Troubleshooting the REST API": 404 for a resource that does not exist or that the token cannot see',
  },
  {
    status: 422,
    operations: ['checks/create', 'checks/update'],
    schema: 'validation-error',
    source:
      'github/docs#35252 ("summary exceeds a maximum bytesize of 65535", Validation Failed) and ataylorme/eslint-annotate-action#32 ("No more than 50 items are allowed")',
  },
];

interface Exchange {
  method: string;
  path: string;
  requestBody: unknown;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const { spec, version } = loadGitHubSpec();
const openapi = new OpenApi(spec);
const api = createGitHubApi({ token: TOKEN });
const exchanges: Exchange[] = [];
const recording: Handler = async (request) => {
  const response = (await api.handler(request))!;
  exchanges.push({
    method: request.method.toUpperCase(),
    path: request.path.split('?')[0],
    requestBody: request.body,
    status: response.status,
    // What the client receives: the JSON text parsed again (undefined properties are not sent).
    body: response.body === undefined ? undefined : JSON.parse(JSON.stringify(response.body)),
    headers: response.headers ?? {},
  });
  return response;
};
let server: { url: string; close: () => Promise<void> };
let octokit: ReturnType<typeof getOctokit>;

beforeAll(async () => {
  server = await serveHandler(recording);
  octokit = getOctokit(TOKEN, { baseUrl: server.url });
});
afterAll(() => server.close());

const failure = async (promise: Promise<unknown>): Promise<{ status: number; headers: Record<string, string>; data: unknown }> => {
  try {
    await promise;
  } catch (e) {
    const err = e as { status: number; response?: { headers: Record<string, string>; data: unknown } };
    return { status: err.status, headers: err.response?.headers ?? {}, data: err.response?.data };
  }
  throw new Error('expected the request to fail');
};

/** `rest.checks.listForRef` → `checks/list-for-ref`, as the description names its operations. */
const operationIdOf = (call: string): string => {
  const [, scope, method] = call.split('.');
  return `${scope}/${method.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
};

/** The REST operations the actions and the report package call, read from their source. */
function operationsTheActionsCall(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return name === '__tests__' || name === 'node_modules' ? [] : files(p);
      return p.endsWith('.ts') ? [p] : [];
    });
  const sources = [...files(join(ROOT, 'packages/report/src')), ...files(join(ROOT, 'actions'))];
  const calls = new Set<string>();
  for (const file of sources)
    for (const m of readFileSync(file, 'utf8').matchAll(/\brest\.(\w+)\.(\w+)\b/g)) calls.add(operationIdOf(m[0]));
  return [...calls].sort();
}

describe('the GitHub stand-in answers what @octokit/openapi describes', () => {
  it(`serves every operation the actions call, with statuses and bodies that match the description (v${version})`, async () => {
    // Successful calls, as the actions make them.
    const pr = api.state.seedPullRequest({
      ...repo,
      headSha: 'd'.repeat(40),
      title: 'Tighten the baseline',
      files: [{ filename: 'policies/baseline.yaml', additions: 4, deletions: 1, patch: '@@ -1 +1 @@' }],
    });
    const annotation = { path: 'policies/baseline.yaml', start_line: 4, end_line: 4, annotation_level: 'warning' as const, message: 'm' };
    const run = await octokit.rest.checks.create({
      ...repo,
      name: 'Arc policy rollout',
      head_sha: 'd'.repeat(40),
      status: 'completed',
      conclusion: 'success',
      output: { title: 't', summary: 's', annotations: [annotation] },
    });
    await octokit.rest.checks.update({
      ...repo,
      check_run_id: run.data.id,
      output: { title: 't', summary: 's2', annotations: [annotation] },
    });
    await octokit.rest.checks.get({ ...repo, check_run_id: run.data.id });
    await octokit.rest.checks.listAnnotations({ ...repo, check_run_id: run.data.id, per_page: 100 });
    await octokit.rest.checks.listForRef({ ...repo, ref: 'd'.repeat(40), check_name: 'Arc policy rollout', filter: 'latest' });

    api.state.seedComment({ ...repo, issueNumber: pr.number, body: 'LGTM', user: OCTOCAT });
    const comment = await octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: '<!-- arc-actions:x:y -->\nplan' });
    await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number, per_page: 100 });
    await octokit.rest.issues.getComment({ ...repo, comment_id: comment.data.id });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: comment.data.id, body: 'plan 2' });
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: comment.data.id });

    const issue = await octokit.rest.issues.create({
      ...repo,
      title: 'Fleet verification: 2 clusters failing',
      body: 'b',
      labels: ['arc-verify'],
    });
    await octokit.rest.issues.listForRepo({ ...repo, labels: 'arc-verify', state: 'open', per_page: 100 });
    await octokit.rest.issues.get({ ...repo, issue_number: issue.data.number });
    await octokit.rest.issues.get({ ...repo, issue_number: pr.number });
    await octokit.rest.issues.update({ ...repo, issue_number: issue.data.number, state: 'closed', state_reason: 'completed' });

    await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    await octokit.rest.pulls.listFiles({ ...repo, pull_number: pr.number });
    await octokit.request('GET /');
    const person = getOctokit(api.state.mintToken({ kind: 'user', actor: OCTOCAT, permissions: { issues: 'write' } }), {
      baseUrl: server.url,
    });
    await person.rest.users.getAuthenticated();

    // What GitHub answers when something is wrong.
    expect((await failure(octokit.rest.users.getAuthenticated())).status).toBe(403);
    expect((await failure(octokit.rest.checks.get({ ...repo, check_run_id: 1 }))).status).toBe(404);
    expect((await failure(octokit.rest.issues.get({ ...repo, issue_number: 999 }))).status).toBe(404);
    expect((await failure(octokit.rest.issues.listComments({ ...repo, issue_number: 999 }))).status).toBe(404);
    expect((await failure(octokit.rest.issues.updateComment({ ...repo, comment_id: 1, body: 'x' }))).status).toBe(404);
    expect((await failure(octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x'.repeat(65_537) }))).status).toBe(
      422,
    );
    const tooMany = await failure(
      octokit.rest.checks.update({
        ...repo,
        check_run_id: run.data.id,
        output: { title: 't', summary: 's', annotations: Array(51).fill(annotation) },
      }),
    );
    expect(tooMany).toMatchObject({
      status: 422,
      data: { message: 'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.' },
    });
    const tooLong = await failure(
      octokit.rest.checks.create({ ...repo, name: 'x', head_sha: 'd'.repeat(40), output: { title: 't', summary: 'é'.repeat(40_000) } }),
    );
    expect(tooLong).toMatchObject({
      status: 422,
      data: { errors: [{ field: 'summary', message: 'summary exceeds a maximum bytesize of 65535' }] },
    });
    const readOnly = getOctokit(api.state.mintToken({ permissions: { issues: 'read' } }), { baseUrl: server.url });
    const refused = await failure(readOnly.rest.checks.create({ ...repo, name: 'x', head_sha: 'd'.repeat(40) }));
    expect(refused).toMatchObject({
      status: 403,
      headers: { 'x-accepted-github-permissions': 'checks=write' },
      data: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
      },
    });
    expect((await failure(getOctokit('ghs_unknown', { baseUrl: server.url }).rest.issues.listForRepo(repo))).status).toBe(401);

    // Every exchange against the description.
    const problems: string[] = [];
    const validated = new Map<string, number[]>();
    for (const x of exchanges) {
      const op: Operation | undefined = openapi.operationFor(x.method, x.path);
      if (!op) {
        problems.push(`${x.method} ${x.path}: no operation in the description`);
        continue;
      }
      const listed = openapi.responseSchema(op, x.status);
      let schema = listed.schema;
      if (!listed.listed) {
        const beyond = BEYOND_THE_DESCRIPTION.find(
          (b) => b.status === x.status && (b.operations === '*' || b.operations.includes(op.operationId)),
        );
        if (!beyond) {
          problems.push(
            `${op.operationId}: status ${x.status} is neither in the description (${Object.keys(op.responses).join(', ')}) nor documented`,
          );
          continue;
        }
        schema = { $ref: `#/components/schemas/${beyond.schema}` };
      }
      if (x.status === 204 && x.body !== undefined) problems.push(`${op.operationId}: 204 with a body`);
      if (schema) for (const e of openapi.validate(schema, x.body)) problems.push(`${op.operationId} ${x.status} response ${e}`);
      const request = openapi.requestSchema(op);
      if (request && x.status < 400)
        for (const e of openapi.validate(request, x.requestBody)) problems.push(`${op.operationId} request ${e}`);
      validated.set(op.operationId, [...(validated.get(op.operationId) ?? []), x.status]);
    }
    expect(problems).toEqual([]);

    // The actions' operations were all exercised successfully (a new call in the actions needs a line above).
    const used = operationsTheActionsCall();
    expect(used.length).toBeGreaterThanOrEqual(11);
    const missing = used.filter((id) => !(validated.get(id) ?? []).some((s) => s < 300));
    expect(missing).toEqual([]);
    // And their failures: the 403 a token without the permission gets.
    expect(validated.get('checks/create')).toContain(403);
  });

  it('answers GraphQL `viewer { login }` with the token holder for installation and personal tokens', async () => {
    expect(await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')).toEqual({
      viewer: { login: 'github-actions[bot]' },
    });
    const person = getOctokit(api.state.mintToken({ kind: 'user', actor: OCTOCAT }), { baseUrl: server.url });
    expect(await person.graphql<{ viewer: { login: string } }>('{ viewer { login } }')).toEqual({ viewer: { login: 'octocat' } });
    await expect(octokit.graphql('{ repository(owner: "acme", name: "fleet") { id } }')).rejects.toThrow(/not emulated/);
  });
});
