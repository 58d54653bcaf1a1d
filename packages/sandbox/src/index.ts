export { startSandbox, type Sandbox, type SandboxEnv, type SandboxOptions } from './sandbox.js';
export { ensureSandboxCa, issueServerCertificate, type SandboxCa } from './tls.js';
export { SandboxState } from './state-api.js';
export { SandboxStore, kindOf } from './state/store.js';
export type * from './state/types.js';
export type { CallRecord } from './calls.js';
export { defaultKnobs, type Knobs, type KnobsPatch, type RouteKnob, type ApiFamily } from './knobs.js';
export { seedEmulatedClusters, type EmulatedClusterOptions } from './emulated.js';
export { ROLE_IDS, BUILT_IN_ROLES } from './arm/role-definitions.js';
export type { SandboxRequest, SandboxResponse, Handler } from './http.js';
export { startFleetSandbox, type FleetSandbox } from './fleet-sandbox.js';
export { attachRealClusters, type RealFleet, type RealFleetOptions } from './real-fleet.js';
export { startAgentReconciler, type AgentReconcilerOptions } from './reconcile/agents.js';
export { startFluxReconciler, type FluxReconcilerOptions } from './reconcile/flux.js';
export { startGitServer, type GitServer, type GitRepository, type GitServerOptions } from './git-server.js';
export { startPolicyReconciler, type PolicyReconcilerOptions } from './reconcile/policy.js';
export {
  dataPlaneHandler,
  guestNotificationHandler,
  attachRelay,
  packagedChart,
  ociRegistryHandler,
  relayPlainRequestHandler,
} from './arc-dataplane/index.js';
export * from './clusters/index.js';
export {
  createGitHubApi,
  serveHandler,
  GitHubState,
  ACTIONS_BOT,
  OCTOCAT,
  WRITE_ALL,
  PERMISSION_NAMES,
  type GitHubActor,
  type Permissions,
  type PermissionName,
  type TokenGrant,
} from './github/index.js';
export { startProxy, type TestProxy } from './proxies.js';
