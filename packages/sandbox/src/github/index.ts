export { createGitHubApi, type GitHubApiOptions } from './api.js';
export {
  GitHubState,
  ACTIONS_BOT,
  OCTOCAT,
  WRITE_ALL,
  PERMISSION_NAMES,
  type GitHubActor,
  type Permissions,
  type PermissionName,
  type PermissionLevel,
  type TokenGrant,
  type StoredComment,
  type StoredIssue,
  type StoredCheckRun,
  type StoredAnnotation,
  type PullRequestFile,
  type LoggedRequest,
} from './state.js';
export { COMMENT_BODY_MAX_CHARS, ISSUE_BODY_MAX_CHARS } from './issues.js';
export { CHECK_RUN_OUTPUT_MAX_BYTES, ANNOTATIONS_PER_REQUEST } from './check-runs.js';
export { serveHandler } from './serve.js';
