/** Behaviour switches of the sandbox: latency, faults, throttling, long-running operations, token lifetimes. */

export type ApiFamily = 'oidc' | 'entra' | 'arm' | 'graph' | 'policyinsights' | 'logs' | 'github' | 'sandbox';

export interface FaultRates {
  /** Probability (0..1) of each injected failure per request. */
  '429'?: number;
  '500'?: number;
  '503'?: number;
  /** Probability of destroying the connection without an answer. */
  reset?: number;
  /**
   * Probability of answering an HTML page with status 200 instead of the service: what a captive portal, a
   * TLS-inspecting proxy or a corporate proxy's error page does to a request (see docs/sandbox.md, Faults).
   */
  html?: number;
}

/** Latency and faults for requests matching an api family and/or a path prefix (case-insensitive). */
export interface RouteKnob {
  api?: ApiFamily;
  prefix?: string;
  method?: string;
  latency?: { fixedMs?: number; jitterMs?: number };
  faults?: FaultRates;
}

export interface BucketSpec {
  burst: number;
  refillPerSecond: number;
}

export interface Knobs {
  /** Seed of the random generator used for jitter and fault rates. */
  seed: number;
  routes: RouteKnob[];
  throttling: {
    enabled: boolean;
    reads: BucketSpec;
    writes: BucketSpec;
    deletes: BucketSpec;
    /** Resource Graph: queries per window per principal. */
    graph: { queries: number; windowSeconds: number };
  };
  lro: {
    /** Time from the first response of a long-running operation until it reaches its terminal state. */
    durationMs: number;
    /** Retry-After (seconds) sent with LRO responses; defaults to the remaining duration rounded up. */
    retryAfterSeconds?: number;
    /** Probability that an operation ends Failed (provisioningState Failed, status Failed). */
    failureRate: number;
  };
  /** Time that provider registration stays in `Registering`. */
  providerRegistrationMs: number;
  tokens: {
    /** Lifetime of ARM access tokens issued by Entra. */
    accessTokenSeconds: number;
    /** Lifetime of GitHub OIDC tokens. */
    oidcTokenSeconds: number;
  };
  /** Page size of ARM list operations (nextLink paging). */
  pageSize: number;
  /** Page size of Policy Insights queryResults (@odata.nextLink paging). */
  policyStatesPageSize: number;
  /**
   * Play the Arc agents for clusters that no real cluster backs: new clusters become Connected, extensions get
   * statuses, flux configurations become Compliant when their operation finishes.
   */
  emulateAgents: boolean;
  /** Code used when an assertion's subject matches no federated credential (AADSTS70021 or the newer AADSTS700213). */
  subjectMismatchCode: 70021 | 700213;
  /** The agents chart version GetLatestHelmPackagePath answers with (default: the sandbox chart's own version). */
  arcAgentsChartVersion?: string;
  /**
   * Extensions of these types (lower-case extensionType) end Failed with this error, as the extension manager
   * reports a failed install (errorInfo and an Error status).
   */
  extensionErrors: Record<string, { code: string; message: string }>;
  /** The Logs query API: answer every query with the tables and a PartialError (a non-fatal error). */
  logs?: { partialError?: boolean };
}

export function defaultKnobs(): Knobs {
  return {
    seed: 1,
    routes: [],
    throttling: {
      enabled: false,
      reads: { burst: 250, refillPerSecond: 25 },
      writes: { burst: 200, refillPerSecond: 10 },
      deletes: { burst: 200, refillPerSecond: 10 },
      graph: { queries: 15, windowSeconds: 5 },
    },
    lro: { durationMs: 0, failureRate: 0 },
    providerRegistrationMs: 0,
    tokens: { accessTokenSeconds: 3599, oidcTokenSeconds: 300 },
    pageSize: 100,
    policyStatesPageSize: 1000,
    emulateAgents: true,
    subjectMismatchCode: 70021,
    extensionErrors: {},
  };
}

export type KnobsPatch = Partial<Omit<Knobs, 'throttling' | 'lro' | 'tokens'>> & {
  throttling?: Partial<Knobs['throttling']>;
  lro?: Partial<Knobs['lro']>;
  tokens?: Partial<Knobs['tokens']>;
};

export function mergeKnobs(knobs: Knobs, patch: KnobsPatch): Knobs {
  return {
    ...knobs,
    ...patch,
    throttling: { ...knobs.throttling, ...patch.throttling },
    lro: { ...knobs.lro, ...patch.lro },
    tokens: { ...knobs.tokens, ...patch.tokens },
  };
}

/** mulberry32: a small seeded generator, so that fault patterns repeat from run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function matchingRoutes(knobs: Knobs, api: ApiFamily, method: string, path: string): RouteKnob[] {
  const lower = path.toLowerCase();
  return knobs.routes.filter(
    (r) =>
      (!r.api || r.api === api) &&
      (!r.method || r.method.toUpperCase() === method) &&
      (!r.prefix || lower.startsWith(r.prefix.toLowerCase())),
  );
}
