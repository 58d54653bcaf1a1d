/**
 * A tiny GitHub Actions runner for the example workflows: enough of the runner's conventions to run
 * `workflows-examples/*.yml` end to end against the sandbox, with our committed bundles.
 *
 * - jobs run one after the other in `needs` order; a job's `if:` is `success() && (…)` unless it calls a status
 *   function; a job whose needed jobs did not all succeed is skipped unless its `if:` says `always()`;
 * - a matrix job runs once per matrix combination (keys × values, then `exclude`, then `include`), one after the other;
 *   `strategy.job-index` / `job-total` are set;
 * - every job gets an empty workspace; `actions/checkout` copies the test's repository folder into it;
 * - `acme/arc-actions/<name>@v1` (and `acme/arc-actions@v1`) run `node <runs.main>` of `<name>/action.yml` with
 *   `INPUT_<NAME>` variables from `with:` plus the action.yml defaults of the inputs not given (evaluated too, so
 *   `${{ github.token }}` works), fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files per step, and the step's outputs
 *   available to later steps as `steps.<id>.outputs.*`; job `outputs:` are evaluated at the end of the job for
 *   `needs.<job>.outputs.*`;
 * - `run:` steps run with `bash --noprofile --norc -eo pipefail` in the workspace with their `env:`;
 * - what a step writes to GITHUB_ENV (`core.exportVariable`) is in the environment of the later steps of the job, and
 *   GITHUB_PATH entries go first on their PATH;
 * - an action with `runs.post` gets its post step after the job's steps, in reverse order of the main steps, when its
 *   `post-if` holds (default `always()`), with the same inputs and the `STATE_<name>` variables of what its main step
 *   wrote to GITHUB_STATE (`core.saveState`); it is reported as a step named `Post <name>`;
 * - `actions/upload-artifact` / `actions/download-artifact` (v4) copy files into / out of a per-run artifacts folder;
 *   a download without `name` puts each artifact in its own subfolder;
 * - each job's GITHUB_TOKEN (`github.token`) has exactly the job's permissions, computed as GitHub does (docs.github.com
 *   "Permissions for the GITHUB_TOKEN"): the job's `permissions:`, else the workflow's, else the repository default
 *   (restricted: `contents: read`, `packages: read`; or permissive); a mapping sets every scope it leaves out to none,
 *   `read-all` / `write-all` set all of them, `metadata: read` is always there. `mintToken` turns them into a token of
 *   the GitHub stand-in, which answers 403 to what the token may not do, as GitHub does;
 * - ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN are only given to jobs whose permissions include `id-token: write`;
 * - `::add-mask::` values and the `secrets` in use are masked in the logs kept for the test, as the runner does.
 * Anything else (another action, a `uses:` of a container or composite action) fails the step, so that a new form in
 * an example is noticed rather than silently skipped.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate, stringify, type ExpressionContext, type Value } from './expressions.js';

export interface WorkflowEvent {
  /** `github.event_name`: push, pull_request, workflow_dispatch, schedule… */
  name: string;
  /** The event payload (`github.event`, written to GITHUB_EVENT_PATH). For workflow_dispatch, `inputs` go here too. */
  payload?: Record<string, unknown>;
  /** workflow_dispatch inputs (merged over the defaults the workflow declares). */
  inputs?: Record<string, string>;
  /** `github.ref`; refs/heads/main unless given. */
  ref?: string;
}

export interface RunnerOptions {
  /** The arc-actions checkout: where `<name>/action.yml` and `dist/` are. */
  actionsRoot: string;
  /** What `actions/checkout` puts into each job's workspace (the user's repository). */
  repository: string;
  /** The runner machine's environment for every step (PATH, HOME, the sandbox's variables…). */
  env: Record<string, string>;
  vars: Record<string, string>;
  secrets: Record<string, string>;
  github: { repository: string; sha: string; runId: string; token: string; serverUrl?: string; apiUrl?: string };
  /**
   * Inputs our actions get when the workflow does not set them (only those their action.yml declares): the test's
   * stand-in for facts about the runner's surroundings, e.g. `environment` (which cloud the runner is in).
   */
  implicitInputs?: Record<string, string>;
  /**
   * Mints the job's GITHUB_TOKEN from its permissions (the names of the REST API: `pull_requests`, `checks`…; without
   * `id-token`). Without it every job gets `github.token`.
   */
  mintToken?: (permissions: Record<string, 'read' | 'write'>) => string | Promise<string>;
  /** The repository's default GITHUB_TOKEN permissions for jobs and workflows that set none (GitHub's default: restricted). */
  defaultPermissions?: 'restricted' | 'permissive';
  /** Called before each job (run) starts: e.g. to set the OIDC token's subject for the job's environment. */
  beforeJob?: (job: { id: string; environment?: string; event: string; ref: string }) => void | Promise<void>;
  /** Where runs keep their workspaces, temp folders and artifacts. */
  workDir: string;
  /** Per step (default 10 minutes; a step's own `timeout-minutes` wins). */
  stepTimeoutMs?: number;
  log?: (line: string) => void;
}

export type Conclusion = 'success' | 'failure' | 'skipped';

export interface StepResult {
  id?: string;
  name: string;
  uses?: string;
  conclusion: Conclusion;
  /** Why a step was skipped or failed without running (e.g. an unsupported action). */
  reason?: string;
  exitCode?: number;
  /** The INPUT_* values the action got (by input name), secrets included: for assertions only. */
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  summary: string;
  /** stdout and stderr, masked as the runner shows them. */
  log: string;
  errors: string[];
  warnings: string[];
}

export interface JobResult {
  id: string;
  /** The matrix combination, for matrix jobs. */
  matrix?: Record<string, Value>;
  conclusion: Conclusion;
  reason?: string;
  steps: StepResult[];
  outputs: Record<string, string>;
  workspace?: string;
  /** The job's GITHUB_TOKEN permissions (workflow names: `pull-requests`, `id-token`…). */
  permissions?: Record<string, 'read' | 'write'>;
}

export interface WorkflowRun {
  name: string;
  event: string;
  concurrencyGroup?: string;
  /** Per job id: one result, or one per matrix combination. */
  jobs: Record<string, JobResult[]>;
  artifactsDir: string;
  conclusion: Conclusion;
  /** A step by job id and step id or name (the first matrix run unless `index` is given). */
  step(job: string, step: string, index?: number): StepResult;
}

interface StepDef {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
  'continue-on-error'?: boolean;
  'timeout-minutes'?: number;
  'working-directory'?: string;
}

interface JobDef {
  needs?: string | string[];
  if?: unknown;
  environment?: string | { name: string };
  permissions?: string | Record<string, string>;
  env?: Record<string, unknown>;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
  steps: StepDef[];
}

interface WorkflowDef {
  name?: string;
  on: unknown;
  permissions?: string | Record<string, string>;
  env?: Record<string, unknown>;
  concurrency?: string | { group: string };
  jobs: Record<string, JobDef>;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

const OUR_ACTIONS = /^acme\/arc-actions(?:\/([\w-]+))?@/;

/** Parses GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter ${delimiter} for ${name}`);
      outputs[name] = value.join('\n');
    } else if (eq > 0) {
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`GITHUB_OUTPUT: unreadable line "${line}"`);
    }
  }
  return outputs;
}

/** The combinations of a matrix, as GitHub expands them. */
export function expandMatrix(matrix: unknown): Record<string, Value>[] {
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix))
    throw new Error(`A matrix must be a mapping, got ${JSON.stringify(matrix)}`);
  const { include, exclude, ...axes } = matrix as Record<string, Value>;
  let combos: Record<string, Value>[] = Object.keys(axes).length ? [{}] : [];
  for (const [key, values] of Object.entries(axes)) {
    if (!Array.isArray(values)) throw new Error(`Matrix key ${key} must be a list, got ${JSON.stringify(values)}`);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  const matches = (combo: Record<string, Value>, partial: Record<string, Value>) =>
    Object.entries(partial).every(([k, v]) => JSON.stringify(combo[k]) === JSON.stringify(v));
  if (Array.isArray(exclude)) combos = combos.filter((c) => !exclude.some((e) => matches(c, e as Record<string, Value>)));
  const original = combos.map((c) => ({ ...c }));
  if (Array.isArray(include)) {
    for (const entry of include as Record<string, Value>[]) {
      let used = false;
      combos.forEach((c, i) => {
        const overwritesOriginal = Object.entries(entry).some(
          ([k, v]) => k in original[i] && JSON.stringify(original[i][k]) !== JSON.stringify(v),
        );
        if (!overwritesOriginal) {
          Object.assign(c, entry);
          used = true;
        }
      });
      if (!used) combos.push({ ...entry });
    }
  }
  if (!combos.length) throw new Error('The matrix has no combinations.');
  return combos;
}

/** The GITHUB_TOKEN scopes a workflow can set (docs.github.com "Permissions for the GITHUB_TOKEN"). */
export const TOKEN_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;

type Access = 'read' | 'write';

/**
 * A job's GITHUB_TOKEN permissions as GitHub computes them: the job's `permissions:`, else the workflow's, else the
 * repository's default. The restricted default is `contents: read`, `packages: read`; the permissive one is read/write
 * on every scope but `id-token` (none) and `models` (read). Naming any scope sets the others to none; `read-all` and
 * `write-all` set every scope; `metadata: read` is always granted.
 */
export function jobPermissions(
  job: string | Record<string, string> | undefined,
  workflow: string | Record<string, string> | undefined,
  defaults: 'restricted' | 'permissive' = 'restricted',
): Record<string, Access> {
  const declared = job ?? workflow;
  const all = (access: Access) => Object.fromEntries(TOKEN_SCOPES.map((s) => [s, access])) as Record<string, Access>;
  let permissions: Record<string, Access>;
  if (declared === undefined) {
    permissions =
      defaults === 'permissive'
        ? Object.fromEntries(
            TOKEN_SCOPES.filter((s) => s !== 'id-token').map((s) => [s, s === 'models' ? 'read' : 'write'] as [string, Access]),
          )
        : { contents: 'read', packages: 'read' };
  } else if (declared === 'read-all' || declared === 'write-all') {
    permissions = all(declared === 'read-all' ? 'read' : 'write');
  } else if (typeof declared === 'string') {
    throw new Error(`permissions: ${declared} is not read-all, write-all or a mapping.`);
  } else {
    permissions = {};
    for (const [scope, access] of Object.entries(declared)) {
      if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) throw new Error(`permissions: unknown scope ${scope}.`);
      if (access === 'read' || access === 'write') permissions[scope] = access;
      else if (access !== 'none') throw new Error(`permissions: ${scope}: ${access} is not read, write or none.`);
    }
  }
  return { ...permissions, metadata: 'read' };
}

/** The permissions as the REST API names them (`pull_requests`), for the token; `id-token` is not one. */
const apiPermissions = (permissions: Record<string, Access>): Record<string, Access> =>
  Object.fromEntries(
    Object.entries(permissions)
      .filter(([scope]) => scope !== 'id-token')
      .map(([scope, access]) => [scope.replace(/-/g, '_'), access]),
  );

function readYaml<T>(path: string): T {
  return parse(readFileSync(path, 'utf8')) as T;
}

function mask(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (!s) continue;
    out = out.split(s).join('***');
    // Multi-line secrets: the runner also masks each line of them.
    if (s.includes('\n')) for (const line of s.split('\n')) if (line.trim().length > 3) out = out.split(line.trim()).join('***');
  }
  return out;
}

/** Runs a child process to completion, killing it (by its own pid) after the timeout. */
function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<{ code: number; output: string; timedOut: boolean }> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (output += String(d)));
    child.stderr.on('data', (d) => (output += String(d)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => (output += `\n${error.message}\n`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? 1, output, timedOut });
    });
  });
}

/** Copies the paths (files or folders, inside the workspace) an upload-artifact step names, as v4 lays them out. */
function uploadArtifact(workspace: string, artifactsDir: string, name: string, pathInput: string, ifNoFiles: string): string {
  if (!/^[^"<>:|*?\\/\r\n]+$/.test(name)) throw new Error(`Artifact name "${name}" is not valid.`);
  const target = join(artifactsDir, name);
  if (existsSync(target)) throw new Error(`An artifact with the name "${name}" already exists in this run (v4 artifacts are immutable).`);
  const paths = pathInput
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('!'))
    .map((p) => resolve(workspace, p));
  if (paths.some((p) => /[*?[]/.test(p))) throw new Error('Glob patterns in upload-artifact paths are not emulated.');
  const found = paths.filter((p) => existsSync(p));
  if (!found.length) {
    const message = `No files were found with the provided path: ${pathInput.trim()}. No artifacts will be uploaded.`;
    if (ifNoFiles === 'error') throw new Error(message);
    return message;
  }
  // v4: the artifact's root is the least common ancestor of the paths (a single file lands at the root).
  const dirs = found.map((p) => (statSync(p).isDirectory() ? p : dirname(p)));
  let root = dirs[0];
  while (!dirs.every((d) => d === root || d.startsWith(root + sep))) root = dirname(root);
  mkdirSync(target, { recursive: true });
  for (const p of found) cpSync(p, join(target, relative(root, p)), { recursive: true });
  return `Artifact ${name} uploaded: ${found.map((p) => relative(workspace, p)).join(', ')}`;
}

function downloadArtifact(workspace: string, artifactsDir: string, name: string, pathInput: string): string {
  const dest = pathInput ? resolve(workspace, pathInput) : workspace;
  const available = existsSync(artifactsDir) ? readdirSync(artifactsDir) : [];
  if (name) {
    if (!available.includes(name)) throw new Error(`Unable to download artifact(s): Artifact not found for name: ${name}`);
    mkdirSync(dest, { recursive: true });
    cpSync(join(artifactsDir, name), dest, { recursive: true });
    return `Artifact ${name} downloaded to ${relative(workspace, dest) || '.'}`;
  }
  // Without a name, v4 downloads every artifact of the run, each into its own folder named after it.
  for (const a of available) cpSync(join(artifactsDir, a), join(dest, a), { recursive: true });
  return `${available.length} artifacts downloaded to ${relative(workspace, dest) || '.'}: ${available.join(', ')}`;
}

/** Runs one workflow file for one event. */
export async function runWorkflow(file: string, event: WorkflowEvent, options: RunnerOptions): Promise<WorkflowRun> {
  const workflow = readYaml<WorkflowDef>(file);
  const say = options.log ?? (() => undefined);
  mkdirSync(options.workDir, { recursive: true });
  const runDir = mkdtempSync(join(options.workDir, `${basename(file, '.yml')}-`));
  const artifactsDir = join(runDir, 'artifacts');
  mkdirSync(artifactsDir);

  const on = (workflow.on ?? {}) as Record<string, unknown>;
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? (on as string[]) : Object.keys(on);
  if (!triggers.includes(event.name)) throw new Error(`${basename(file)} does not run on ${event.name} (on: ${triggers.join(', ')}).`);
  const dispatchInputs = (on as Record<string, { inputs?: Record<string, { default?: unknown }> } | null>).workflow_dispatch?.inputs ?? {};
  const inputs: Record<string, string> =
    event.name === 'workflow_dispatch'
      ? {
          ...Object.fromEntries(Object.entries(dispatchInputs).map(([k, v]) => [k, v.default === undefined ? '' : String(v.default)])),
          ...event.inputs,
        }
      : {};
  const ref = event.ref ?? 'refs/heads/main';
  const payload = { ...(event.payload ?? {}), ...(event.name === 'workflow_dispatch' ? { inputs } : {}) };
  const eventPath = join(runDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));

  const github: Record<string, Value> = {
    event_name: event.name,
    event: payload as Value,
    repository: options.github.repository,
    repository_owner: options.github.repository.split('/')[0],
    sha: options.github.sha,
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, ''),
    run_id: options.github.runId,
    run_number: '1',
    run_attempt: '1',
    token: options.github.token,
    server_url: options.github.serverUrl ?? 'https://github.com',
    api_url: options.github.apiUrl ?? 'https://api.github.com',
    workflow: workflow.name ?? basename(file),
    actor: 'octocat',
  };
  const baseContexts = { github, vars: options.vars as Value, secrets: options.secrets as Value, inputs: inputs as Value };
  const at = (contexts: Record<string, Value>, succeeded = true): ExpressionContext => ({
    contexts: { ...baseContexts, ...contexts },
    succeeded,
  });
  const concurrency = workflow.concurrency;
  const concurrencyGroup =
    concurrency === undefined
      ? undefined
      : stringify(interpolate(typeof concurrency === 'string' ? concurrency : concurrency.group, at({})));

  // Jobs in `needs` order (a job runs once all its needs have a result).
  const needsOf = (id: string) => {
    const n = workflow.jobs[id].needs;
    return n === undefined ? [] : Array.isArray(n) ? n : [n];
  };
  const order: string[] = [];
  const pending = Object.keys(workflow.jobs);
  while (pending.length) {
    const next = pending.find((id) => needsOf(id).every((n) => order.includes(n)));
    if (!next) throw new Error(`Jobs with unknown or cyclic needs: ${pending.join(', ')}`);
    order.push(next);
    pending.splice(pending.indexOf(next), 1);
  }

  const jobs: Record<string, JobResult[]> = {};
  const jobConclusion = (id: string): Conclusion => {
    const runs = jobs[id];
    if (runs.every((r) => r.conclusion === 'skipped')) return 'skipped';
    return runs.some((r) => r.conclusion === 'failure') ? 'failure' : 'success';
  };
  for (const id of order) {
    const def = workflow.jobs[id];
    const needs: Record<string, Value> = Object.fromEntries(
      needsOf(id).map((n) => [n, { result: jobConclusion(n), outputs: jobs[n][0]?.outputs ?? {} }]),
    );
    const needsOk = needsOf(id).every((n) => jobConclusion(n) === 'success');
    const jobCtx = at({ needs }, needsOk);
    if (!condition(def.if, jobCtx)) {
      const reason = def.if === undefined ? 'a needed job did not succeed' : `if: ${String(def.if)} is false`;
      say(`job ${id}: skipped (${reason})`);
      jobs[id] = [{ id, conclusion: 'skipped', reason, steps: [], outputs: {} }];
      continue;
    }
    const matrix = def.strategy?.matrix === undefined ? undefined : expandMatrix(interpolate(def.strategy.matrix, jobCtx));
    const combos: (Record<string, Value> | undefined)[] = matrix ?? [undefined];
    jobs[id] = [];
    for (const [index, combo] of combos.entries()) {
      const strategy: Value = { 'job-index': index, 'job-total': combos.length, 'fail-fast': def.strategy?.['fail-fast'] ?? true };
      jobs[id].push(await runJob(id, def, combo, { needs, strategy, matrix: combo ?? null }));
    }
  }

  async function runJob(
    id: string,
    def: JobDef,
    combo: Record<string, Value> | undefined,
    jobContexts: Record<string, Value>,
  ): Promise<JobResult> {
    let contexts = jobContexts;
    const label = combo ? `${id} (${Object.values(combo).map(stringify).join(', ')})` : id;
    const jobDir = mkdtempSync(join(runDir, `job-${id}-`));
    const workspace = join(jobDir, 'workspace');
    const temp = join(jobDir, 'temp');
    mkdirSync(workspace);
    mkdirSync(temp);
    const environment = typeof def.environment === 'object' ? def.environment.name : def.environment;
    await options.beforeJob?.({ id, environment, event: event.name, ref });
    say(`job ${label}: started${environment ? ` (environment ${environment})` : ''}`);
    const env: Record<string, string> = { ...options.env };
    const permissions = jobPermissions(def.permissions, workflow.permissions, options.defaultPermissions);
    if (permissions['id-token'] !== 'write') {
      delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
      delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    }
    const token = options.mintToken ? await options.mintToken(apiPermissions(permissions)) : options.github.token;
    contexts = { ...contexts, github: { ...github, token } };
    const masks = new Set(Object.values(options.secrets).filter(Boolean));
    masks.add(token);
    masks.add(options.github.token);
    const steps: Record<string, Value> = {};
    const results: StepResult[] = [];
    let succeeded = true;
    const ctx = (extra: Record<string, Value> = {}) =>
      at({ ...contexts, steps, job: { status: succeeded ? 'success' : 'failure' }, ...extra }, succeeded);
    const envOf = (values: Record<string, unknown> | undefined, c: ExpressionContext) =>
      Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, stringify(interpolate(v, c))]));
    const workflowEnv = envOf(workflow.env, ctx());
    const jobEnv = { ...workflowEnv, ...envOf(def.env, ctx({ env: workflowEnv })) };
    /** GITHUB_ENV and GITHUB_PATH of the steps so far: the environment of the later steps. */
    const exported: Record<string, string> = {};
    const paths: string[] = [];
    const posts: { name: string; run: () => Promise<{ code: number; output: string; timedOut: boolean }>; condition: string }[] = [];
    const exportedEnv = (base: Record<string, string>) => ({
      ...exported,
      ...(paths.length
        ? {
            PATH: [...paths]
              .reverse()
              .concat(base.PATH ?? [])
              .join(':'),
          }
        : {}),
    });

    for (const [n, s] of def.steps.entries()) {
      const name = s.name ?? (s.uses ? `Run ${s.uses}` : `Run ${(s.run ?? '').split('\n')[0]}`);
      const result: StepResult = {
        id: s.id,
        name,
        uses: s.uses,
        conclusion: 'skipped',
        inputs: {},
        outputs: {},
        summary: '',
        log: '',
        errors: [],
        warnings: [],
      };
      results.push(result);
      const c = ctx({ env: jobEnv });
      if (!condition(s.if, c)) {
        result.reason = s.if === undefined ? 'an earlier step failed' : `if: ${String(s.if)} is false`;
        say(`  step ${name}: skipped (${result.reason})`);
        if (s.id) steps[s.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      const stepEnv = { ...jobEnv, ...envOf(s.env, c) };
      const stepDir = join(temp, `step-${n}`);
      mkdirSync(stepDir);
      const outputFile = join(stepDir, 'output');
      const summaryFile = join(stepDir, 'summary');
      writeFileSync(outputFile, '');
      writeFileSync(summaryFile, '');
      // The runner creates the file-command files before each step (@actions/core refuses a missing one).
      for (const file of ['env', 'path', 'state']) writeFileSync(join(stepDir, file), '');
      const processEnv: Record<string, string> = {
        ...env,
        ...exportedEnv(env),
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: 'X64',
        RUNNER_TEMP: temp,
        GITHUB_REPOSITORY: options.github.repository,
        GITHUB_REPOSITORY_OWNER: options.github.repository.split('/')[0],
        GITHUB_SHA: options.github.sha,
        GITHUB_REF: ref,
        GITHUB_REF_NAME: stringify(github.ref_name),
        GITHUB_RUN_ID: options.github.runId,
        GITHUB_RUN_NUMBER: '1',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_WORKSPACE: workspace,
        GITHUB_WORKFLOW: stringify(github.workflow),
        GITHUB_JOB: id,
        GITHUB_ACTION: s.id ?? `__step${n}`,
        GITHUB_ACTOR: 'octocat',
        GITHUB_SERVER_URL: stringify(github.server_url),
        GITHUB_API_URL: stringify(github.api_url),
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        GITHUB_ENV: join(stepDir, 'env'),
        GITHUB_PATH: join(stepDir, 'path'),
        GITHUB_STATE: join(stepDir, 'state'),
        ...stepEnv,
      };
      const timeoutMs = s['timeout-minutes'] ? s['timeout-minutes'] * 60_000 : (options.stepTimeoutMs ?? 600_000);
      let ok = true;
      try {
        if (s.run !== undefined) {
          const script = join(stepDir, 'script.sh');
          writeFileSync(script, stringify(interpolate(s.run, c)));
          const cwd = s['working-directory'] ? resolve(workspace, s['working-directory']) : workspace;
          const r = await runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: processEnv, timeoutMs });
          result.exitCode = r.code;
          result.log = r.output;
          ok = r.code === 0 && !r.timedOut;
        } else if (s.uses && OUR_ACTIONS.test(s.uses)) {
          const actionDir = join(options.actionsRoot, OUR_ACTIONS.exec(s.uses)![1] ?? '');
          const metadata = readYaml<ActionMetadata>(join(actionDir, 'action.yml'));
          if (!/^node\d+$/.test(metadata.runs.using)) throw new Error(`${s.uses} runs with ${metadata.runs.using}, which is not emulated.`);
          const declared = metadata.inputs ?? {};
          const given = envOf(s.with, c);
          const unexpected = Object.keys(given).filter((k) => !(k in declared));
          if (unexpected.length)
            result.warnings.push(
              `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(declared).join("', '")}']`,
            );
          const inputsOf: Record<string, string> = {};
          for (const [k, spec] of Object.entries(declared)) {
            if (k in given) inputsOf[k] = given[k];
            else if (options.implicitInputs && k in options.implicitInputs) inputsOf[k] = options.implicitInputs[k];
            else if (spec.default !== undefined) inputsOf[k] = stringify(interpolate(spec.default, c));
          }
          for (const k of unexpected) inputsOf[k] = given[k];
          result.inputs = inputsOf;
          const inputEnv = Object.fromEntries(Object.entries(inputsOf).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
          const r = await runProcess(process.execPath, [resolve(actionDir, metadata.runs.main)], {
            cwd: workspace,
            env: { ...processEnv, ...inputEnv },
            timeoutMs,
          });
          if (metadata.runs.post) {
            const post = resolve(actionDir, metadata.runs.post);
            const stateFile = join(stepDir, 'state');
            posts.push({
              name,
              condition: metadata.runs['post-if'] ?? 'always()',
              run: () => {
                const state = existsSync(stateFile) ? parseOutputFile(readFileSync(stateFile, 'utf8')) : {};
                const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
                return runProcess(process.execPath, [post], {
                  cwd: workspace,
                  env: { ...processEnv, ...exportedEnv(env), ...inputEnv, ...stateEnv },
                  timeoutMs,
                });
              },
            });
          }
          result.exitCode = r.code;
          result.log = r.output;
          ok = r.code === 0 && !r.timedOut;
          if (r.timedOut) result.reason = `timed out after ${timeoutMs} ms`;
        } else if (s.uses?.startsWith('actions/checkout@')) {
          cpSync(options.repository, workspace, { recursive: true });
          result.log = `Checked out ${options.github.repository}@${options.github.sha} (the test's repository folder).`;
        } else if (s.uses?.startsWith('actions/upload-artifact@')) {
          const w = envOf(s.with, c);
          result.inputs = w;
          result.log = uploadArtifact(workspace, artifactsDir, w.name || 'artifact', w.path ?? '', w['if-no-files-found'] || 'warn');
        } else if (s.uses?.startsWith('actions/download-artifact@')) {
          const w = envOf(s.with, c);
          result.inputs = w;
          result.log = downloadArtifact(workspace, artifactsDir, w.name ?? '', w.path ?? '');
        } else {
          throw new Error(`${s.uses ?? 'This step'} is not emulated by the example runner.`);
        }
        result.outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
        result.summary = readFileSync(summaryFile, 'utf8');
      } catch (error) {
        ok = false;
        result.reason = (error as Error).message;
        result.log += `\n${result.reason}`;
      }
      for (const [file, apply] of [
        ['env', (text: string) => Object.assign(exported, parseOutputFile(text))],
        ['path', (text: string) => paths.push(...text.split('\n').filter(Boolean))],
      ] as const) {
        const path = join(stepDir, file);
        if (existsSync(path)) apply(readFileSync(path, 'utf8'));
      }
      for (const m of result.log.matchAll(/^::add-mask::(.*)$/gm)) masks.add(m[1]);
      result.log = mask(result.log, masks);
      result.errors = [...result.log.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]);
      result.warnings.push(...[...result.log.matchAll(/^::warning(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]));
      result.conclusion = ok ? 'success' : 'failure';
      const outcome = result.conclusion;
      if (!ok && s['continue-on-error']) result.conclusion = 'success';
      if (s.id) steps[s.id] = { outputs: result.outputs, outcome, conclusion: result.conclusion };
      if (result.conclusion === 'failure') succeeded = false;
      say(`  step ${name}: ${outcome}${result.reason ? ` (${result.reason})` : ''}`);
    }
    // Post steps: the last registered first, each under its post-if (the job's status so far).
    for (const post of posts.reverse()) {
      const result: StepResult = {
        name: `Post ${post.name}`,
        conclusion: 'skipped',
        inputs: {},
        outputs: {},
        summary: '',
        log: '',
        errors: [],
        warnings: [],
      };
      results.push(result);
      if (!condition(post.condition, ctx())) {
        result.reason = `post-if: ${post.condition} is false`;
        continue;
      }
      const r = await post.run();
      for (const m of r.output.matchAll(/^::add-mask::(.*)$/gm)) masks.add(m[1]);
      result.exitCode = r.code;
      result.log = mask(r.output, masks);
      result.errors = [...result.log.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]);
      result.warnings = [...result.log.matchAll(/^::warning(?: [^:]*)?::(.*)$/gm)].map((m) => m[1]);
      result.conclusion = r.code === 0 && !r.timedOut ? 'success' : 'failure';
      if (result.conclusion === 'failure') succeeded = false;
      say(`  step ${result.name}: ${result.conclusion}`);
    }
    const outputs = Object.fromEntries(Object.entries(def.outputs ?? {}).map(([k, v]) => [k, stringify(interpolate(v, ctx()))]));
    const conclusion: Conclusion = succeeded ? 'success' : 'failure';
    say(`job ${label}: ${conclusion}`);
    return { id, matrix: combo, conclusion, steps: results, outputs, workspace, permissions };
  }

  const all = Object.values(jobs).flat();
  return {
    name: workflow.name ?? basename(file),
    event: event.name,
    concurrencyGroup,
    jobs,
    artifactsDir,
    conclusion: all.some((j) => j.conclusion === 'failure') ? 'failure' : 'success',
    step(job: string, step: string, index = 0) {
      const found = jobs[job]?.[index]?.steps.find((s) => s.id === step || s.name === step);
      if (!found) throw new Error(`No step ${step} in job ${job}[${index}] of ${basename(file)}.`);
      return found;
    },
  };
}
