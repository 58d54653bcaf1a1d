import type { SandboxContext } from '../context.js';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import { checkAccessToken } from '../identity/access-tokens.js';
import type { ApiFamily } from '../knobs.js';
import { parseId } from '../state/ids.js';
import { actionFor, isAuthorized } from './authorization.js';
import { clusterConfigurationRoutes } from './cluster-extensions.js';
import { clusterRoutes } from './clusters.js';
import type { ArmRoute } from './common.js';
import { ArmError, checkApiVersion, errors } from './errors.js';
import { managedIdentityRoutes } from './managed-identities.js';
import { managementGroupRoutes } from './management-groups.js';
import { monitoringRoutes } from './monitoring.js';
import { operationRoutes } from './operations.js';
import { policyInsightsRoutes } from './policy-insights.js';
import { policyRoutes } from './policy.js';
import { policyExemptionRoutes } from './policy-exemptions.js';
import { policyVersionRoutes } from './policy-versions.js';
import { REGISTRATION_REQUIRED } from './providers.js';
import { rbacRoutes } from './rbac.js';
import { remediationRoutes } from './remediations.js';
import { graphRoutes } from './resource-graph.js';
import { resourceRoutes } from './resources.js';

/** Order matters: more specific families first (Policy Insights paths contain policy assignment ids, and so on). */
const ROUTES: ArmRoute[] = [
  ...remediationRoutes,
  ...policyInsightsRoutes,
  ...graphRoutes,
  ...operationRoutes,
  ...managementGroupRoutes,
  ...rbacRoutes,
  ...policyExemptionRoutes,
  ...policyVersionRoutes,
  ...policyRoutes,
  ...monitoringRoutes,
  ...clusterConfigurationRoutes,
  ...clusterRoutes,
  ...managedIdentityRoutes,
  ...resourceRoutes,
];

/** What the server records about an ARM call besides its status. */
export interface CallInfo {
  api: ApiFamily;
  principal?: string;
  error?: string;
}

/**
 * Azure Resource Manager: api-version, bearer token, throttling, subscription/group existence, provider
 * registration and RBAC checks, then the resource family's handler.
 */
export async function handleArm(ctx: SandboxContext, req: SandboxRequest, info: CallInfo): Promise<SandboxResponse> {
  const path = req.path.replace(/\/+$/, '') || '/';
  let route: ArmRoute | undefined;
  let m: RegExpExecArray | null = null;
  for (const r of ROUTES) {
    m = r.pattern.exec(path);
    if (m) {
      route = r;
      break;
    }
  }
  info.api = route?.api ?? 'arm';
  try {
    const apiVersion = req.url.searchParams.get('api-version');
    checkApiVersion(apiVersion);
    const token = await checkAccessToken(ctx, req.headers.authorization);
    if (!token.ok) {
      return new ArmError(401, token.code, token.message, undefined, undefined, { 'WWW-Authenticate': token.challenge }).toResponse();
    }
    const principal = token.principal;
    info.principal = principal;
    const throttleHeaders = throttle(ctx, info.api, req.method, principal);
    if (!route || !m) {
      const sub = parseId(path).subscriptionId;
      if (sub && !ctx.store.subscription(sub)) throw errors.subscriptionNotFound(sub);
      throw errors.invalidResourceType(path);
    }
    if (!route.methods.includes(req.method)) throw errors.methodNotAllowed(req.method, path);
    checkContainers(ctx, req.method, path);
    const tenantReadable = req.method === 'GET' && /^\/providers\/microsoft\.authorization\//i.test(path);
    if (!route.skipAuthorization && !tenantReadable) {
      const action = route.action ?? actionFor(req.method, path);
      const scope = req.method === 'POST' ? path.replace(/\/[^/]+$/, '') : path;
      if (!isAuthorized(ctx, principal, action, scope)) throw errors.authorizationFailed(principal, action, scope);
    }
    const response = await route.handle({ ctx, req, m, principal, apiVersion: apiVersion! });
    response.headers = { ...throttleHeaders, ...response.headers };
    return response;
  } catch (error) {
    if (error instanceof ArmError) return error.toResponse();
    throw error;
  }
}

function throttle(ctx: SandboxContext, api: ApiFamily, method: string, principal: string): Record<string, string> {
  const knobs = ctx.knobs();
  if (!knobs.throttling.enabled) return {};
  const decision =
    api === 'graph'
      ? ctx.throttle.graph(knobs, principal)
      : ctx.throttle.arm(knobs, principal, method === 'GET' || method === 'HEAD' ? 'reads' : method === 'DELETE' ? 'deletes' : 'writes');
  if (decision.allowed) return decision.headers;
  const message =
    api === 'graph'
      ? 'Please provide below info when asking for support: timestamp, correlationId. Details: Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed.'
      : `Number of ${method === 'GET' ? 'read' : 'write'} requests for subscription exceeded the limit of the token bucket for principal '${principal}'. Please try again after '${decision.retryAfterSeconds}' seconds.`;
  throw new ArmError(429, api === 'graph' ? 'RateLimiting' : 'SubscriptionRequestsThrottled', message, undefined, undefined, {
    ...decision.headers,
    'Retry-After': String(decision.retryAfterSeconds),
  });
}

/** 404 for a missing subscription or resource group in the path; 409 when the provider is not registered for a write. */
function checkContainers(ctx: SandboxContext, method: string, path: string): void {
  const parts = path.split('/').filter(Boolean);
  if (parts[0]?.toLowerCase() !== 'subscriptions' || !parts[1]) return;
  const sub = ctx.store.subscription(parts[1]);
  if (!sub) throw errors.subscriptionNotFound(parts[1]);
  if (parts[2]?.toLowerCase() === 'resourcegroups' && parts[3] && parts.length > 4) {
    if (!ctx.store.get(`/subscriptions/${parts[1]}/resourceGroups/${parts[3]}`)) throw errors.resourceGroupNotFound(parts[3]);
  }
  if (method === 'PUT' || method === 'PATCH') {
    const ns = parseId(path).namespace;
    if (ns && REGISTRATION_REQUIRED.has(ns.toLowerCase()) && ctx.store.registration(sub.subscriptionId, ns) !== 'Registered') {
      throw new ArmError(
        409,
        'MissingSubscriptionRegistration',
        `The subscription is not registered to use namespace '${ns}'. See https://aka.ms/rps-not-found for how to register subscriptions.`,
        undefined,
        [
          {
            code: 'MissingSubscriptionRegistration',
            target: ns,
            message: `The subscription is not registered to use namespace '${ns}'. See https://aka.ms/rps-not-found for how to register subscriptions.`,
          },
        ],
      );
    }
  }
}
