import { json, type ArmCall, type ArmRoute } from './common.js';
import { errors } from './errors.js';
import type { Operation } from './lro.js';

function operation(call: ArmCall, id: string): Operation {
  const op = call.ctx.lro.advance(id);
  if (!op) throw errors.resourceNotFound(call.req.url.pathname);
  return op;
}

/** Location semantics: 202 while running, then 200 with the final body or 204 when there is none. */
function locationAnswer(call: ArmCall, op: Operation) {
  if (op.status === 'InProgress')
    return json(202, undefined, {
      Location: call.req.url.toString().replace(/^https?:\/\/[^/]+/, call.ctx.url),
      'Retry-After': call.ctx.lro.retryAfter(op),
    });
  if (op.status === 'Failed') return json(200, { status: 'Failed', error: op.error });
  const body = op.result?.();
  return body === undefined ? json(204) : json(200, body);
}

/** Status monitors (Azure-AsyncOperation) and Location URLs of long-running operations. */
export const operationRoutes: ArmRoute[] = [
  {
    pattern: /^(?:\/subscriptions\/[^/]+)?\/providers\/[^/]+\/locations\/[^/]+\/operationstatuses\/([^/]+)$/i,
    methods: ['GET'],
    skipAuthorization: true,
    handle: (call) => {
      const op = operation(call, call.m[1]);
      const body: Record<string, unknown> = { id: call.req.url.pathname, name: op.id, status: op.status, startTime: op.startTime };
      if (op.endTime) body.endTime = op.endTime;
      if (op.error) body.error = op.error;
      return json(200, body, op.status === 'InProgress' ? { 'Retry-After': call.ctx.lro.retryAfter(op) } : undefined);
    },
  },
  {
    pattern: /^(?:\/subscriptions\/[^/]+)?(?:\/providers\/[^/]+\/locations\/[^/]+)?\/operationresults\/([^/]+)$/i,
    methods: ['GET'],
    skipAuthorization: true,
    handle: (call) => locationAnswer(call, operation(call, call.m[1])),
  },
  {
    pattern: /^\/subscriptions\/[^/]+\/providers\/microsoft\.policyinsights\/asyncoperationresults\/([^/]+)$/i,
    methods: ['GET'],
    skipAuthorization: true,
    handle: (call) => {
      const op = operation(call, call.m[1]);
      if (op.status === 'InProgress') return locationAnswer(call, op);
      return json(200, { status: op.status, ...(op.error ? { error: op.error } : {}) });
    },
  },
];
