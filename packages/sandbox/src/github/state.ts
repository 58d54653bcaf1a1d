/**
 * What the GitHub stand-in stores, kept as plain records so that tests can read them directly:
 * issues (pull requests are issues too, as on GitHub), their comments, check runs with their annotations,
 * and a log of every request.
 */

export interface GitHubActor {
  login: string;
  id: number;
  node_id: string;
  type: 'Bot' | 'User';
}

/** The identity behind the token: on a runner, GITHUB_TOKEN acts as github-actions[bot]. */
export const ACTIONS_BOT: GitHubActor = { login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', type: 'Bot' };

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
  pull?: { headSha: string; baseRef: string; headRef: string; files: PullRequestFile[] };
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

  constructor(readonly actor: GitHubActor = ACTIONS_BOT) {}

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
    headSha?: string;
    baseRef?: string;
    headRef?: string;
    files?: PullRequestFile[];
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
      body: null,
      state: 'open',
      stateReason: null,
      labels: [],
      user: { login: 'octocat', id: 583231, node_id: 'MDQ6VXNlcjU4MzIzMQ==', type: 'User' },
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      pull: {
        headSha: options.headSha ?? '0'.repeat(40),
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
