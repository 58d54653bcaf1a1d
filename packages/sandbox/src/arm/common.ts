import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { ArmResource } from '../state/types.js';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import type { ApiFamily } from '../knobs.js';
import { ArmError, errors } from './errors.js';

/** One matched ARM request as a route handler sees it. */
export interface ArmCall {
  ctx: SandboxContext;
  req: SandboxRequest;
  /** Capture groups of the route pattern. */
  m: RegExpExecArray;
  principal: string;
  apiVersion: string;
}

export interface ArmRoute {
  pattern: RegExp;
  methods: string[];
  api?: ApiFamily;
  /** Routes that filter results by access instead of refusing (subscription list, Resource Graph...). */
  skipAuthorization?: boolean;
  /** RBAC action override (default: derived from the method and path). */
  action?: string;
  handle(call: ArmCall): SandboxResponse | Promise<SandboxResponse>;
}

export const nowIso = (): string => new Date().toISOString();
export const uuid = (): string => randomUUID();

export function systemData(principal: string, previous?: Record<string, unknown>): Record<string, unknown> {
  const now = nowIso();
  return {
    createdBy: (previous?.createdBy as string) ?? principal,
    createdByType: (previous?.createdByType as string) ?? 'Application',
    createdAt: (previous?.createdAt as string) ?? now,
    lastModifiedBy: principal,
    lastModifiedByType: 'Application',
    lastModifiedAt: now,
  };
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, body, headers };
}

/** An ARM list page: `{ value, nextLink }`, continued with `$skipToken` in the nextLink. */
export function page<T>(call: ArmCall, items: T[], pageSize = call.ctx.knobs().pageSize): SandboxResponse {
  const start = Number(call.req.url.searchParams.get('$skipToken') ?? call.req.url.searchParams.get('$skiptoken') ?? 0) || 0;
  const top = Number(call.req.url.searchParams.get('$top') ?? 0);
  const size = top > 0 ? Math.min(top, pageSize) : pageSize;
  const value = items.slice(start, start + size);
  const body: Record<string, unknown> = { value };
  if (start + size < items.length && !(top > 0 && start + size >= top)) {
    const next = new URL(call.req.url.pathname, call.ctx.url);
    for (const [k, v] of call.req.url.searchParams) if (k.toLowerCase() !== '$skiptoken') next.searchParams.set(k, v);
    next.searchParams.set('$skipToken', String(start + size));
    body.nextLink = next.toString();
  }
  return json(200, body);
}

export function bodyObject(req: SandboxRequest): Record<string, any> {
  const body = req.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized: the body must be a JSON object.',
    );
  }
  return body as Record<string, any>;
}

export function requireSubscription(ctx: SandboxContext, subscriptionId: string) {
  const sub = ctx.store.subscription(subscriptionId);
  if (!sub) throw errors.subscriptionNotFound(subscriptionId);
  return sub;
}

/** RFC 7396 merge patch: `null` deletes a key, objects merge recursively, anything else replaces. */
export function mergePatch(target: any, patch: any): any {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export const apiVersionAtLeast = (call: ArmCall, version: string): boolean => call.apiVersion.slice(0, 10) >= version;

/** Status monitor and Location URLs for an operation of a provider in a location. */
export function operationUrls(call: ArmCall, namespace: string, location: string, opId: string) {
  const loc = (location || 'eastus').toLowerCase().replace(/\s+/g, '');
  const base = `${call.ctx.url}/providers/${namespace}/locations/${loc}`;
  const q = `api-version=${encodeURIComponent(call.apiVersion)}`;
  return { asyncOperation: `${base}/operationStatuses/${opId}?${q}`, location: `${base}/operationResults/${opId}?${q}` };
}

/** GET / PUT / DELETE of a tracked resource whose PUT is answered synchronously. */
export function crud(call: ArmCall, id: string, build: (body: Record<string, any>, existing: ArmResource | undefined) => ArmResource) {
  const { store } = call.ctx;
  const existing = store.get(id);
  if (call.req.method === 'GET') {
    if (!existing) throw errors.resourceNotFound(id);
    return json(200, existing);
  }
  if (call.req.method === 'DELETE') {
    if (!existing) return json(204);
    store.delete(id);
    return json(200);
  }
  const resource = build(bodyObject(call.req), existing);
  resource.systemData = systemData(call.principal, existing?.systemData as Record<string, unknown>);
  store.put(resource, existing ? 'patch' : 'put');
  return json(existing ? 200 : 201, resource);
}
