import { errorMessage, log } from '@arc-actions/core';

/**
 * What the actions publish to GitHub besides the step summary and the outputs, and the job permission each needs
 * (as a workflow file writes it). A pull-request comment is an issue comment: `issues: write` works too.
 */
export const PUBLICATIONS = {
  'check run': 'checks: write',
  'pull request comment': 'pull-requests: write',
  'previous pull request comment': 'pull-requests: read',
  'regression issue': 'issues: write',
} as const;
export type Publication = keyof typeof PUBLICATIONS;

interface HttpFailure {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** An answer from GitHub (Octokit's RequestError, or a GraphQL error with its status), not a bug of ours. */
function httpFailure(error: unknown): HttpFailure | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? (error as HttpFailure) : undefined;
}

/**
 * The permission to add, as a workflow file writes it: from GitHub's `X-Accepted-GitHub-Permissions` header when the
 * answer has one (`issues=write; pull_requests=write` → `issues: write` or `pull-requests: write`), else what the
 * publication needs. A publication that writes needs write even when GitHub refused the read before it (listing the
 * existing check runs or comments).
 */
export function permissionToAdd(what: Publication, error?: unknown): string {
  const header = httpFailure(error)?.response?.headers?.['x-accepted-github-permissions'];
  const writes = PUBLICATIONS[what].endsWith('write');
  const sets = (header ?? '')
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
          const [name, level] = p.split('=');
          return `${name.replace(/_/g, '-')}: ${writes ? 'write' : level}`;
        })
        .join(', '),
    )
    .filter(Boolean);
  const wanted = sets.length ? sets : [PUBLICATIONS[what]];
  return wanted.map((p) => `\`permissions: ${p}\``).join(' or ');
}

/** The warning for a publication GitHub refused or failed: what happened, the permission, and that the result stands. */
export function publicationWarning(what: Publication, error: unknown): string {
  const failure = httpFailure(error);
  const status = failure?.status;
  const answer = status ? `GitHub answered ${status} ${firstLine(answerMessage(failure))}` : `it failed: ${firstLine(errorMessage(error))}`;
  const permission = permissionToAdd(what, error);
  const fix =
    status === 403
      ? `Add ${permission} to the job (the token lacks it).`
      : status === 401
        ? `The github-token input is not a valid token: pass \${{ github.token }} and add ${permission} to the job.`
        : status === 404
          ? `The token cannot see the repository or the pull request: add ${permission} to the job (or pass a token that can see them).`
          : `Rerun the job; it needs ${permission}.`;
  const verb = PUBLICATIONS[what].endsWith('read') ? 'read' : 'publish';
  return `Could not ${verb} the ${what}: ${answer}. ${fix} The result of this run is unchanged: see the step summary and the outputs.`;
}

const firstLine = (text: string): string => text.split('\n')[0].replace(/[.\s]+$/, '');

/** GitHub's own message (Octokit appends ` - <documentation_url>` to it in `error.message`). */
function answerMessage(failure: HttpFailure): string {
  const data = failure.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' && data.message ? data.message : failure.message.replace(/ - https?:\/\/\S+$/, '');
}

/**
 * Publishes through `publish` and turns GitHub's refusal or failure (any HTTP status: 401, 403, 404, 422, 5xx) into a
 * warning naming the permission, so that a missing permission never changes the run's result; returns undefined then.
 * Errors that are not answers from GitHub (bugs) are thrown.
 */
export async function publishOrWarn<T>(what: Publication, publish: () => Promise<T>): Promise<T | undefined> {
  try {
    return await publish();
  } catch (error) {
    if (!httpFailure(error)) throw error;
    log.warning(publicationWarning(what, error));
    return undefined;
  }
}
