import { createHash, randomBytes } from 'node:crypto';

/**
 * What the GitHub stand-in stores, kept as plain records so that tests can read them directly:
 * issues (pull requests are issues too, as on GitHub), their comments, check runs with their annotations,
 * and a log of every request.
 */

export interface GitHubActor {
  login: string;
  id: number;
  node_id: string;
  type: 'Bot' | 'User' | 'Organization';
}

/** The identity behind the token: on a runner, GITHUB_TOKEN acts as github-actions[bot]. */
export const ACTIONS_BOT: GitHubActor = { login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', type: 'Bot' };

/** A person, e.g. the author of a pull request or of a comment that merely quotes our marker. */
export const OCTOCAT: GitHubActor = { login: 'octocat', id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', type: 'User' };

/**
 * Repository permissions as GitHub names them in the REST API and the `X-Accepted-GitHub-Permissions` header
 * (`pull_requests`, not the workflow file's `pull-requests`). `metadata: read` is always granted.
 */
export type PermissionName =
  | 'actions'
  | 'attestations'
  | 'checks'
  | 'contents'
  | 'deployments'
  | 'discussions'
  | 'issues'
  | 'metadata'
  | 'models'
  | 'packages'
  | 'pages'
  | 'pull_requests'
  | 'repository_projects'
  | 'security_events'
  | 'statuses';
export type PermissionLevel = 'read' | 'write';
export type Permissions = Partial<Record<PermissionName, PermissionLevel>>;

export const PERMISSION_NAMES: readonly PermissionName[] = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'issues',
  'metadata',
  'models',
  'packages',
  'pages',
  'pull_requests',
  'repository_projects',
  'security_events',
  'statuses',
];

/** Every repository permission at write: the GITHUB_TOKEN of a job with `permissions: write-all`. */
export const WRITE_ALL: Permissions = Object.fromEntries(PERMISSION_NAMES.map((p) => [p, 'write']));

/**
 * What a token may do. `installation`: GITHUB_TOKEN or a GitHub App installation token (a bot; `GET /user` is
 * refused); `user`: a fine-grained personal access token (a person).
 */
export interface TokenGrant {
  kind: 'installation' | 'user';
  actor: GitHubActor;
  permissions: Permissions;
}

export interface StoredComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: GitHubActor;
  createdAt: string;
  updatedAt: string;
}

export interface PullRequestFile {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  additions?: number;
  deletions?: number;
  patch?: string;
  previous_filename?: string;
}

export interface StoredIssue {
  id: number;
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: GitHubActor;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Present when the issue is a pull request (seeded with {@link GitHubState.seedPullRequest}). */
  pull?: { headSha: string; baseSha: string; baseRef: string; headRef: string; files: PullRequestFile[] };
}

export interface StoredAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface StoredCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: StoredAnnotation[];
}

export interface LoggedRequest {
  method: string;
  /** Path relative to the mount, without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

const key = (owner: string, repo: string): string => `${owner}/${repo}`.toLowerCase();

export class GitHubState {
  readonly issues: StoredIssue[] = [];
  readonly comments: StoredComment[] = [];
  readonly checkRuns: StoredCheckRun[] = [];
  readonly requests: LoggedRequest[] = [];
  private nextId = 1000;
  /** Tokens by value; private so that serialising the state (tests look for leaked secrets in it) shows none. */
  readonly #tokens = new Map<string, TokenGrant>();

  constructor(readonly actor: GitHubActor = ACTIONS_BOT) {}

  /** Accepts `token` with this grant (the sandbox's own GITHUB_TOKEN is registered with {@link WRITE_ALL}). */
  grant(token: string, grant: Partial<TokenGrant> = {}): void {
    this.#tokens.set(token, {
      kind: grant.kind ?? 'installation',
      actor: grant.actor ?? this.actor,
      permissions: { ...(grant.permissions ?? {}), metadata: 'read' },
    });
  }

  /**
   * A new token with exactly these permissions, e.g. what the runner hands a job with `permissions: checks: write`
   * (then `{ checks: 'write' }`). By default an installation token acting as github-actions[bot].
   */
  mintToken(grant: Partial<TokenGrant> = {}): string {
    const token = `${grant.kind === 'user' ? 'github_pat_' : 'ghs_'}${randomBytes(18).toString('hex')}`;
    this.grant(token, grant);
    return token;
  }

  grantOf(token: string): TokenGrant | undefined {
    return this.#tokens.get(token);
  }

  /** Who a request acts as: the holder of its token (what GitHub records as a comment's or an issue's author). */
  actorOf(request: { headers: Record<string, string | string[] | undefined> }): GitHubActor {
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    return (token && this.#tokens.get(token)?.actor) || this.actor;
  }

  /** Adds a comment written by someone (e.g. another user quoting our marker), as if they had posted it. */
  seedComment(options: { owner: string; repo: string; issueNumber: number; body: string; user?: GitHubActor }): StoredComment {
    const issue = this.issue(options.owner, options.repo, options.issueNumber);
    if (!issue) throw new Error(`#${options.issueNumber} does not exist in ${options.owner}/${options.repo}`);
    const now = this.now();
    const comment: StoredComment = {
      id: this.newId(),
      owner: issue.owner,
      repo: issue.repo,
      issueNumber: issue.number,
      body: options.body,
      user: options.user ?? OCTOCAT,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.push(comment);
    return comment;
  }

  newId(): number {
    return this.nextId++;
  }

  /** GitHub timestamps: ISO 8601 in UTC, whole seconds. */
  now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Issues and pull requests of one repository, by number. */
  issuesOf(owner: string, repo: string): StoredIssue[] {
    return this.issues.filter((i) => key(i.owner, i.repo) === key(owner, repo));
  }

  issue(owner: string, repo: string, number: number): StoredIssue | undefined {
    return this.issuesOf(owner, repo).find((i) => i.number === number);
  }

  /** Comments on one issue or pull request, oldest first. */
  commentsOn(owner: string, repo: string, issueNumber: number): StoredComment[] {
    return this.comments.filter((c) => key(c.owner, c.repo) === key(owner, repo) && c.issueNumber === issueNumber);
  }

  checkRunsOf(owner: string, repo: string): StoredCheckRun[] {
    return this.checkRuns.filter((c) => key(c.owner, c.repo) === key(owner, repo));
  }

  nextNumber(owner: string, repo: string): number {
    return this.issuesOf(owner, repo).reduce((max, i) => Math.max(max, i.number), 0) + 1;
  }

  /** Adds a pull request (an issue with changed files), so that comments and `pulls/{n}/files` work on it. */
  seedPullRequest(options: {
    owner: string;
    repo: string;
    number?: number;
    title?: string;
    body?: string;
    headSha?: string;
    baseSha?: string;
    baseRef?: string;
    headRef?: string;
    files?: PullRequestFile[];
    /** The author (octocat unless given). */
    user?: GitHubActor;
  }): StoredIssue {
    const number = options.number ?? this.nextNumber(options.owner, options.repo);
    if (this.issue(options.owner, options.repo, number)) throw new Error(`#${number} already exists in ${options.owner}/${options.repo}`);
    const now = this.now();
    const issue: StoredIssue = {
      id: this.newId(),
      owner: options.owner,
      repo: options.repo,
      number,
      title: options.title ?? `Pull request ${number}`,
      body: options.body ?? null,
      state: 'open',
      stateReason: null,
      labels: [],
      user: options.user ?? OCTOCAT,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      pull: {
        headSha: options.headSha ?? '0'.repeat(40),
        baseSha:
          options.baseSha ??
          createHash('sha1')
            .update(`${options.owner}/${options.repo}:${options.baseRef ?? 'main'}`)
            .digest('hex'),
        baseRef: options.baseRef ?? 'main',
        headRef: options.headRef ?? `pr-${number}`,
        files: options.files ?? [],
      },
    };
    this.issues.push(issue);
    return issue;
  }

  /** Requests made with this method and a path matching the pattern. */
  requestsTo(method: string, path: RegExp): LoggedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }
}
