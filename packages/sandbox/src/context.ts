import type { CallLog } from './calls.js';
import type { SigningKey } from './identity/keys.js';
import type { Knobs } from './knobs.js';
import type { LroManager } from './arm/lro.js';
import type { SandboxStore } from './state/store.js';
import type { Throttle } from './throttle.js';

/** The identities the sandbox is seeded with (also written to the env file). */
export interface SandboxIdentity {
  tenantId: string;
  clientId: string;
  objectId: string;
  subscriptionId: string;
  /** Name of the tenant root management group (Azure names it after the tenant id). */
  rootManagementGroup: string;
  /** Bearer token that the OIDC endpoint requires (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  oidcRequestToken: string;
  githubToken: string;
}

/** GitHub OIDC claims used for the next tokens; tests change them through the state API. */
export interface OidcClaims {
  sub: string;
  repository: string;
  repository_owner: string;
  ref: string;
  sha: string;
  workflow: string;
  job_workflow_ref: string;
  environment?: string;
  event_name: string;
  run_id: string;
  run_attempt: string;
  actor: string;
  [claim: string]: unknown;
}

/** What every handler can reach. */
export interface SandboxContext {
  url: string;
  identity: SandboxIdentity;
  store: SandboxStore;
  knobs(): Knobs;
  random(): number;
  calls: CallLog;
  throttle: Throttle;
  lro: LroManager;
  oidcKey: SigningKey;
  entraKey: SigningKey;
  oidc: { claims: OidcClaims; issuer: string };
}
