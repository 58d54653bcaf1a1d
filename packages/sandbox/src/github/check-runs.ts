import type { SandboxRequest } from '../http.js';
import { actionsApp, repositoryId } from './objects.js';
import type { Router, RouteMeta } from './router.js';
import type { GitHubState, StoredAnnotation, StoredCheckRun } from './state.js';
import { apiBase, bodyOf, byteLength, error, json, nodeId, notFound, paginate, validationFailed, type FieldError } from './responses.js';

/** Check runs: create, update (annotations are appended, as on GitHub), get, annotations, list for a ref. */

export const CHECK_RUN_OUTPUT_MAX_BYTES = 65_535;
export const ANNOTATIONS_PER_REQUEST = 50;
const DOCS_RUNS = 'https://docs.github.com/rest/checks/runs';
/** "Your GitHub App must have the checks:write permission to create check runs" (checks/create in the spec). */
const write = (doc: string): RouteMeta => ({ doc: `${DOCS_RUNS}#${doc}`, permissions: () => [{ checks: 'write' }] });
const read = (doc: string): RouteMeta => ({ doc: `${DOCS_RUNS}#${doc}`, permissions: () => [{ checks: 'read' }] });
/** What a request may set (`status` and `conclusion` of the request schemas; only GitHub may set `stale`). */
const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'];
const CONCLUSIONS = ['action_required', 'cancelled', 'failure', 'neutral', 'success', 'skipped', 'timed_out'];
const LEVELS = ['notice', 'warning', 'failure'];

function render(state: GitHubState, request: SandboxRequest, run: StoredCheckRun): Record<string, unknown> {
  const url = `${apiBase(request)}/repos/${run.owner}/${run.repo}/check-runs/${run.id}`;
  return {
    id: run.id,
    node_id: nodeId('CheckRun', run.id),
    name: run.name,
    head_sha: run.headSha,
    external_id: run.externalId,
    url,
    html_url: `https://github.com/${run.owner}/${run.repo}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    check_suite: { id: 1 },
    app: actionsApp(apiBase(request)),
    pull_requests: state
      .issuesOf(run.owner, run.repo)
      .filter((i) => i.pull?.headSha === run.headSha)
      .map((i) => {
        const repo = { id: repositoryId(run.owner, run.repo), url: `${apiBase(request)}/repos/${run.owner}/${run.repo}`, name: run.repo };
        return {
          id: i.id,
          number: i.number,
          url: `${apiBase(request)}/repos/${run.owner}/${run.repo}/pulls/${i.number}`,
          head: { ref: i.pull!.headRef, sha: i.pull!.headSha, repo },
          base: { ref: i.pull!.baseRef, sha: i.pull!.baseSha, repo },
        };
      }),
  };
}

/**
 * More than 50 annotations in one request: GitHub answers 422 "Invalid request.\n\nNo more than 50 items are
 * allowed; 51 were supplied." (not the "Validation Failed" shape).
 */
function tooManyAnnotations(body: Record<string, unknown>, doc: string) {
  const annotations = (body.output as Record<string, unknown> | undefined)?.annotations;
  if (!Array.isArray(annotations) || annotations.length <= ANNOTATIONS_PER_REQUEST) return undefined;
  return error(
    422,
    `Invalid request.\n\nNo more than ${ANNOTATIONS_PER_REQUEST} items are allowed; ${annotations.length} were supplied.`,
    doc,
  );
}

/** Validates the writable fields of a create or update body; returns the errors in GitHub's format. */
function validate(body: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (body.status !== undefined && !STATUSES.includes(String(body.status)))
    errors.push({ resource: 'CheckRun', field: 'status', code: 'invalid' });
  if (body.conclusion !== undefined && body.conclusion !== null && !CONCLUSIONS.includes(String(body.conclusion))) {
    errors.push({ resource: 'CheckRun', field: 'conclusion', code: 'invalid' });
  }
  const output = (body.output ?? {}) as Record<string, unknown>;
  for (const field of ['summary', 'text'] as const) {
    const value = output[field];
    if (typeof value === 'string' && byteLength(value) > CHECK_RUN_OUTPUT_MAX_BYTES) {
      errors.push({ resource: 'CheckRun', field, message: `${field} exceeds a maximum bytesize of ${CHECK_RUN_OUTPUT_MAX_BYTES}` });
    }
  }
  const annotations = output.annotations;
  if (annotations !== undefined) {
    if (!Array.isArray(annotations)) errors.push({ resource: 'CheckRun', field: 'annotations', code: 'invalid' });
    else {
      annotations.forEach((a: Record<string, unknown>, i) => {
        const bad =
          ['path', 'message'].some((f) => typeof a?.[f] !== 'string' || !a[f]) ||
          !Number.isInteger(a?.start_line) ||
          !Number.isInteger(a?.end_line) ||
          !LEVELS.includes(String(a?.annotation_level));
        if (bad) errors.push({ resource: 'CheckRun', field: `annotations[${i}]`, code: 'invalid' });
      });
    }
  }
  if (output.summary === undefined && output.title !== undefined)
    errors.push({ resource: 'CheckRun', field: 'summary', code: 'missing_field' });
  return errors;
}

function apply(state: GitHubState, run: StoredCheckRun, body: Record<string, unknown>): void {
  if (typeof body.name === 'string') run.name = body.name;
  if (typeof body.details_url === 'string') run.detailsUrl = body.details_url;
  if (typeof body.external_id === 'string') run.externalId = body.external_id;
  if (typeof body.started_at === 'string') run.startedAt = body.started_at;
  if (typeof body.status === 'string') run.status = body.status;
  if (typeof body.conclusion === 'string') {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed')
    run.completedAt = typeof body.completed_at === 'string' ? body.completed_at : (run.completedAt ?? state.now());
  const output = body.output as Record<string, unknown> | undefined;
  if (output) {
    if (output.title !== undefined) run.output.title = String(output.title);
    if (output.summary !== undefined) run.output.summary = String(output.summary);
    if (output.text !== undefined) run.output.text = String(output.text);
    if (Array.isArray(output.annotations)) run.annotations.push(...(output.annotations as StoredAnnotation[]));
  }
}

export function checkRunRoutes(router: Router, state: GitHubState): void {
  const find = (owner: string, repo: string, id: string) => state.checkRunsOf(owner, repo).find((r) => r.id === Number(id));

  const created = write('create-a-check-run');
  router.on('POST', '/repos/:owner/:repo/check-runs', created, (request, { owner, repo }) => {
    const body = bodyOf(request);
    const tooMany = tooManyAnnotations(body, created.doc);
    if (tooMany) return tooMany;
    const errors = validate(body);
    if (typeof body.name !== 'string' || !body.name) errors.unshift({ resource: 'CheckRun', field: 'name', code: 'missing_field' });
    if (typeof body.head_sha !== 'string' || !body.head_sha)
      errors.unshift({ resource: 'CheckRun', field: 'head_sha', code: 'missing_field' });
    if (errors.length) return validationFailed(errors, created.doc);
    const run: StoredCheckRun = {
      id: state.newId(),
      owner,
      repo,
      name: '',
      headSha: String(body.head_sha),
      status: 'queued',
      conclusion: null,
      startedAt: state.now(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    apply(state, run, body);
    state.checkRuns.push(run);
    return json(201, render(state, request, run));
  });

  const updated = write('update-a-check-run');
  router.on('PATCH', '/repos/:owner/:repo/check-runs/:id', updated, (request, { owner, repo, id }) => {
    const run = find(owner, repo, id);
    if (!run) return notFound();
    const body = bodyOf(request);
    const tooMany = tooManyAnnotations(body, updated.doc);
    if (tooMany) return tooMany;
    const errors = validate(body);
    if (errors.length) return validationFailed(errors, updated.doc);
    apply(state, run, body);
    return json(200, render(state, request, run));
  });

  router.on('GET', '/repos/:owner/:repo/check-runs/:id', read('get-a-check-run'), (request, { owner, repo, id }) => {
    const run = find(owner, repo, id);
    return run ? json(200, render(state, request, run)) : notFound();
  });

  router.on('GET', '/repos/:owner/:repo/check-runs/:id/annotations', read('list-check-run-annotations'), (request, { owner, repo, id }) => {
    const run = find(owner, repo, id);
    if (!run) return notFound();
    const blob = `https://github.com/${owner}/${repo}/blob/${run.headSha}`;
    const all = run.annotations.map((a) => ({
      path: a.path,
      blob_href: `${blob}/${a.path}`,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? '',
      message: a.message,
      raw_details: a.raw_details ?? '',
    }));
    const page = paginate(request, all);
    return json(200, page.items, page.headers);
  });

  router.on(
    'GET',
    '/repos/:owner/:repo/commits/:ref/check-runs',
    read('list-check-runs-for-a-git-reference'),
    (request, { owner, repo, ref }) => {
      const query = request.url.searchParams;
      // The spec lists only 200 here and does not say what an unknown filter does; it is read as the default.
      const filter = query.get('filter') === 'all' ? 'all' : 'latest';
      let runs = state.checkRunsOf(owner, repo).filter((r) => r.headSha === ref);
      const name = query.get('check_name');
      if (name) runs = runs.filter((r) => r.name === name);
      const status = query.get('status');
      if (status) runs = runs.filter((r) => r.status === status);
      runs = [...runs].sort((a, b) => b.id - a.id);
      if (filter === 'latest') runs = runs.filter((r, i) => runs.findIndex((o) => o.name === r.name) === i);
      const page = paginate(request, runs);
      return json(200, { total_count: runs.length, check_runs: page.items.map((r) => render(state, request, r)) }, page.headers);
    },
  );
}
