import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createGitHubApi } from './github/index.js';
import {
  attachRelay,
  dataPlaneHandler,
  guestNotificationHandler,
  ociRegistryHandler,
  relayPlainRequestHandler,
} from './arc-dataplane/index.js';
import { checkAccessToken } from './identity/access-tokens.js';
import { LroManager } from './arm/lro.js';
import { CallLog, type CallRecord } from './calls.js';
import type { SandboxContext, SandboxIdentity } from './context.js';
import { seedEmulatedClusters, type EmulatedClusterOptions } from './emulated.js';
import { requireFixtures } from './fixtures.js';
import { createSigningKey } from './identity/keys.js';
import { defaultOidcClaims } from './identity/oidc.js';
import { attachDineWatcher } from './dine/watcher.js';
import { defaultKnobs, mergeKnobs, seededRandom, type Knobs, type KnobsPatch } from './knobs.js';
import { logsQueryHandler } from './logs-api.js';
import { policyStoreHandler } from './policy-store.js';
import { handleSandboxApi } from './sandbox-api.js';
import { newIdentity, seedDefaults } from './seed.js';
import { createSandboxServer } from './server.js';
import { SandboxState } from './state-api.js';
import { SandboxStore } from './state/store.js';
import { Throttle } from './throttle.js';
import { ensureSandboxCa, issueServerCertificate } from './tls.js';

export interface SandboxOptions {
  /** Port on 127.0.0.1 (default: any free port). */
  port?: number;
  /** Folder of the CA (ca.crt, ca.key), created once; default: a fresh temporary folder. */
  caDir?: string;
  knobs?: KnobsPatch;
  /** Emulated clusters created at start. */
  emulatedClusters?: number | ({ count: number } & EmulatedClusterOptions);
}

/** The variables a workflow step (or a test) needs to talk to the sandbox. */
export interface SandboxEnv {
  ARC_SANDBOX_URL: string;
  NODE_EXTRA_CA_CERTS: string;
  ACTIONS_ID_TOKEN_REQUEST_URL: string;
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: string;
  GITHUB_API_URL: string;
  GITHUB_TOKEN: string;
  ARC_SANDBOX_CLIENT_ID: string;
  ARC_SANDBOX_TENANT_ID: string;
  ARC_SANDBOX_SUBSCRIPTION_ID: string;
  /** The custom-environment JSON the actions take as their `environment` input. */
  ARC_SANDBOX_ENVIRONMENT: string;
  [name: string]: string;
}

export interface Sandbox {
  url: string;
  env: SandboxEnv;
  identity: SandboxIdentity;
  state: SandboxState;
  /** The GitHub REST stand-in's state (mounted at `<url>/github`). */
  github: ReturnType<typeof createGitHubApi>['state'];
  caCertPath: string;
  calls(): CallRecord[];
  clearCalls(): void;
  knobs(): Knobs;
  setKnobs(patch: KnobsPatch): Knobs;
  seedEmulatedClusters(count: number, options?: EmulatedClusterOptions): ReturnType<typeof seedEmulatedClusters>;
  stop(): Promise<void>;
}

/** The CA that NODE_EXTRA_CA_CERTS already trusts (when its key sits next to it), else a fresh temporary one. */
function defaultCaDir(): string {
  const trusted = process.env.NODE_EXTRA_CA_CERTS;
  if (trusted && existsSync(join(dirname(trusted), 'ca.key'))) return dirname(trusted);
  return mkdtempSync(join(tmpdir(), 'arc-sandbox-ca-'));
}

/** Starts the HTTPS stand-in for GitHub OIDC, Entra, ARM, Resource Graph, Policy Insights and the GitHub API. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  requireFixtures();
  const caDir = options.caDir ?? defaultCaDir();
  const ca = ensureSandboxCa(caDir);
  const tls = issueServerCertificate(ca, ['127.0.0.1', 'localhost', '::1']);
  const identity = newIdentity();
  let knobs = mergeKnobs(defaultKnobs(), options.knobs ?? {});
  let random = seededRandom(knobs.seed);
  const [oidcKey, entraKey] = await Promise.all([createSigningKey(), createSigningKey()]);
  const ctx: SandboxContext = {
    url: '',
    identity,
    store: new SandboxStore(identity.tenantId),
    knobs: () => knobs,
    random: () => random(),
    calls: new CallLog(),
    throttle: new Throttle(),
    lro: undefined as unknown as LroManager,
    oidcKey,
    entraKey,
    oidc: { claims: defaultOidcClaims(), issuer: '' },
  };
  ctx.lro = new LroManager(ctx.knobs, ctx.random);
  const state = new SandboxState(ctx);
  const setKnobs = (patch: KnobsPatch): Knobs => {
    knobs = mergeKnobs(knobs, patch);
    if (patch.seed !== undefined) random = seededRandom(knobs.seed);
    if (patch.throttling) ctx.throttle.reset();
    return knobs;
  };
  const github = createGitHubApi({ token: identity.githubToken });
  const server = createSandboxServer(ctx, tls, {
    sandboxApi: (req) => handleSandboxApi(ctx, state, setKnobs, req, github.state),
    github: github.handler,
    prefixed: [
      {
        prefix: '/arc-dp',
        api: 'arm',
        handler: dataPlaneHandler({
          registry: () => new URL(ctx.url).host,
          verifyToken: async (authorization) => {
            const checked = await checkAccessToken(ctx, authorization);
            return checked.ok ? (checked.claims as Record<string, unknown>) : undefined;
          },
          version: () => ctx.knobs().arcAgentsChartVersion,
        }),
      },
      { prefix: '/v2', api: 'arm', handler: ociRegistryHandler() },
      { prefix: '/gns', api: 'arm', handler: guestNotificationHandler({ relays: () => [`localhost:${new URL(ctx.url).port}`] }) },
      { prefix: '/$hc', api: 'arm', handler: relayPlainRequestHandler() },
      { prefix: '/policy-store', api: 'arm', handler: policyStoreHandler() },
      // The Log Analytics query API: the sandbox environment's `logAnalytics` is the listener, so the SDK's base URL is /v1.
      { prefix: '/v1', api: 'logs', handler: logsQueryHandler(ctx) },
    ],
  });
  const detachRelay = attachRelay(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  ctx.url = `https://127.0.0.1:${port}`;
  ctx.oidc.issuer = `${ctx.url}/oidc`;
  seedDefaults(ctx);
  const dine = attachDineWatcher(ctx);
  const emulated = typeof options.emulatedClusters === 'number' ? { count: options.emulatedClusters } : options.emulatedClusters;
  if (emulated && emulated.count > 0) seedEmulatedClusters(ctx, emulated.count, emulated);

  const env: SandboxEnv = {
    ARC_SANDBOX_URL: ctx.url,
    NODE_EXTRA_CA_CERTS: ca.caCertPath,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${ctx.url}/oidc/idtoken?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: identity.oidcRequestToken,
    GITHUB_API_URL: `${ctx.url}/github`,
    GITHUB_TOKEN: identity.githubToken,
    ARC_SANDBOX_CLIENT_ID: identity.clientId,
    ARC_SANDBOX_TENANT_ID: identity.tenantId,
    ARC_SANDBOX_SUBSCRIPTION_ID: identity.subscriptionId,
    ARC_SANDBOX_ENVIRONMENT: JSON.stringify({
      name: 'ArcSandbox',
      resourceManager: ctx.url,
      authorityHost: ctx.url,
      resourceGraph: ctx.url,
      tokenAudience: 'https://management.azure.com/',
      activeDirectoryResourceId: 'https://management.core.windows.net/',
      arcDataPlane: `${ctx.url}/arc-dp`,
      guestNotificationService: `${ctx.url}/gns`,
      logAnalytics: ctx.url,
      logAnalyticsAudience: 'https://api.loganalytics.io',
      // No portal stands in: links point at a path of the sandbox that answers 404, so they are never mistaken for real ones.
      portal: `${ctx.url}/portal`,
    }),
    // policy-rollout fetches the ConstraintTemplates of built-in definitions from here instead of the public store.
    ARC_POLICY_STORE_URL: `${ctx.url}/policy-store`,
  };
  return {
    url: ctx.url,
    env,
    identity,
    state,
    github: github.state,
    caCertPath: ca.caCertPath,
    calls: () => ctx.calls.list(),
    clearCalls: () => ctx.calls.clear(),
    knobs: () => knobs,
    setKnobs,
    seedEmulatedClusters: (count, opts) => seedEmulatedClusters(ctx, count, opts),
    stop: async () => {
      detachRelay();
      dine.stop();
      ctx.lro.stop();
      ctx.store.removeAllListeners();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
