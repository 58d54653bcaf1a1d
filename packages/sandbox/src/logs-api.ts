import { randomUUID } from 'node:crypto';
import type { SandboxContext } from './context.js';
import type { Handler, SandboxResponse } from './http.js';
import { checkAccessToken } from './identity/access-tokens.js';
import { LOG_ANALYTICS_AUDIENCES } from './identity/entra.js';
import { KqlError } from './kql/errors.js';
import { run, type Row } from './kql/evaluator.js';
import { parseQuery } from './kql/parser.js';

/**
 * The Log Analytics query API (`https://api.loganalytics.io/v1`, mounted at `/v1`), as Learn describes it
 * (azure-monitor/logs/api: request-format, response-format, errors) and @azure/monitor-query-logs calls it:
 *
 * - `POST /v1/workspaces/{workspaceId}/query` with `{ query, timespan? }` (workspaceId = the workspace's customerId),
 *   bearer token for https://api.loganalytics.io;
 * - 200 `{ tables: [{ name: 'PrimaryResult', columns: [{ name, type }], rows: [[…]] }] }`; a non-fatal error is 200
 *   with the tables and `error: { code: 'PartialError', message, details }` (knob `logs.partialError` plays it);
 * - a query outside the KQL subset or malformed: 400 `{ error: { message: 'The request had some invalid properties',
 *   code: 'BadArgumentError', innererror: { code: 'SyntaxError' | 'SemanticError', message } } }`;
 * - no token 401 AuthenticationFailed, a token for another audience 403 InvalidAuthenticationTokenAudience; an unknown
 *   workspace 404 (the errors page lists no code for it; WorkspaceNotFoundError is the sandbox's);
 * - throttling (429 with Retry-After) comes from the fault knobs (api `logs`), as for every stand-in.
 *
 * Tables: `ContainerLogV2`, filled by the monitoring add-on of the real clusters (store.logTables).
 */

const error = (status: number, code: string, message: string, inner?: { code: string; message: string }): SandboxResponse => ({
  status,
  body: { error: { message, code, correlationId: randomUUID(), ...(inner ? { innererror: inner } : {}) } },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The column type a value has in the response (string, long, real, bool, datetime, dynamic). */
function typeOf(values: unknown[]): string {
  const v = values.find((x) => x !== null && x !== undefined);
  if (typeof v === 'number') return values.every((x) => x === null || x === undefined || Number.isInteger(x)) ? 'long' : 'real';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'dynamic';
  if (typeof v === 'string' && ISO_DATE.test(v)) return 'datetime';
  return 'string';
}

/** The ISO 8601 `timespan` of the request body (PT24H, P1D, PT90M): rows older than it are left out. */
function timespanMs(text: unknown): number | undefined {
  const m = typeof text === 'string' ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text) : null;
  if (!m) return undefined;
  return (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60_000 + Number(m[4] ?? 0) * 1000;
}

export function logsQueryHandler(ctx: SandboxContext): Handler {
  return async (req) => {
    const m = /^\/workspaces\/([^/]+)\/query$/i.exec(req.path);
    if (!m) return error(404, 'PathNotFoundError', `The requested path does not exist: ${req.path}`);
    if (req.method !== 'POST' && req.method !== 'GET') return error(405, 'MethodNotAllowed', `${req.method} is not allowed here.`);
    const token = await checkAccessToken(ctx, req.headers.authorization, LOG_ANALYTICS_AUDIENCES);
    if (!token.ok) return error(token.code === 'AuthenticationFailed' ? 401 : 403, token.code, token.message);
    const workspace = ctx.store
      .ofType('Microsoft.OperationalInsights/workspaces')
      .find((w) => String(w.properties?.customerId ?? '').toLowerCase() === m[1].toLowerCase());
    if (!workspace) return error(404, 'WorkspaceNotFoundError', `The workspace ${m[1]} could not be found.`);
    const body = (req.method === 'GET' ? Object.fromEntries(req.url.searchParams) : (req.body ?? {})) as {
      query?: unknown;
      timespan?: unknown;
    };
    if (typeof body.query !== 'string' || !body.query.trim())
      return error(400, 'BadArgumentError', 'The request had some invalid properties', {
        code: 'QueryValidationError',
        message: 'The query is missing.',
      });
    let query;
    try {
      query = parseQuery(body.query);
    } catch (e) {
      if (!(e instanceof KqlError)) throw e;
      return error(400, 'BadArgumentError', 'The request had some invalid properties', {
        code: 'SyntaxError',
        message: `${e.message} (position ${e.position}${e.token ? `, token '${e.token}'` : ''})`,
      });
    }
    const tables = ctx.store.logTables.get(workspace.id.toLowerCase());
    const table = [...(tables?.keys() ?? []), 'ContainerLogV2'].find((t) => t.toLowerCase() === query.table.toLowerCase());
    if (!table)
      return error(400, 'BadArgumentError', 'The request had some invalid properties', {
        code: 'SemanticError',
        message: `'${query.table}': Failed to resolve table or column expression named '${query.table}'`,
      });
    const span = timespanMs(body.timespan);
    const since = span === undefined ? undefined : Date.now() - span;
    const input = (tables?.get(table) ?? []).filter((r) => since === undefined || Date.parse(String(r.TimeGenerated)) >= since);
    let rows: Row[];
    try {
      rows = run(query, input).rows;
    } catch (e) {
      if (!(e instanceof KqlError)) throw e;
      return error(400, 'BadArgumentError', 'The request had some invalid properties', { code: 'SemanticError', message: e.message });
    }
    const names = rows.length ? Object.keys(rows[0]) : Object.keys(input[0] ?? {});
    const result: Record<string, unknown> = {
      tables: [
        {
          name: 'PrimaryResult',
          columns: names.map((name) => ({ name, type: typeOf(rows.map((r) => r[name])) })),
          rows: rows.map((r) => names.map((n) => r[n] ?? null)),
        },
      ],
    };
    if (ctx.knobs().logs?.partialError)
      result.error = {
        code: 'PartialError',
        message: 'There were some errors when processing your query.',
        details: [{ code: 'EngineError', message: 'Query result set has exceeded the internal data size limit (played by the sandbox).' }],
      };
    return { status: 200, body: result };
  };
}
