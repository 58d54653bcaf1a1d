import { randomUUID } from 'node:crypto';
import { KqlError } from '../kql/errors.js';
import { run, type Row } from '../kql/evaluator.js';
import { parseQuery } from '../kql/parser.js';
import { canRead } from './authorization.js';
import type { ArmCall } from './common.js';
import { ArmError } from './errors.js';
import { tableRows } from './graph-tables.js';

function invalidQuery(error: KqlError | string, query: string): ArmError {
  const e = typeof error === 'string' ? new KqlError(error, 0) : error;
  const line = query.slice(0, e.position).split('\n').length;
  const column = e.position - query.lastIndexOf('\n', e.position - 1) - 1;
  return new ArmError(
    400,
    'BadRequest',
    `Please provide below info when asking for support: timestamp = ${new Date().toISOString()}, correlationId = ${randomUUID()}.`,
    undefined,
    [
      {
        code: 'InvalidQuery',
        message:
          'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
      },
      { code: 'ParserFailure', message: e.message, line, characterPositionInLine: column, token: e.token ?? '' } as never,
    ],
  );
}

/** Subscriptions a query covers: the given ones, those under the given management groups, or all the caller can read. */
function scopeSubscriptions(call: ArmCall, body: Record<string, any>): Set<string> {
  const { store } = call.ctx;
  let ids: string[];
  if (Array.isArray(body.subscriptions) && body.subscriptions.length) ids = body.subscriptions.map(String);
  else if (Array.isArray(body.managementGroups) && body.managementGroups.length) {
    const groups = new Set<string>();
    for (const g of body.managementGroups) for (const n of store.managementGroupDescendants(String(g))) groups.add(n);
    ids = [...store.subscriptions.values()].filter((s) => groups.has(s.managementGroup.toLowerCase())).map((s) => s.subscriptionId);
  } else ids = [...store.subscriptions.values()].map((s) => s.subscriptionId);
  return new Set(ids.filter((s) => canRead(call.ctx, call.principal, `/subscriptions/${s}`)).map((s) => s.toLowerCase()));
}

/** Runs a Resource Graph request: KQL subset, scoping, `$skipToken` paging (pages of at most 1,000), table format. */
export function runGraphQuery(call: ArmCall, body: Record<string, any>): unknown {
  const text = String(body.query);
  const options = body.options ?? {};
  const top = options.$top ?? 1000;
  if (typeof top !== 'number' || top < 1 || top > 1000)
    throw new ArmError(400, 'BadRequest', 'The $top option must be a number from 1 to 1000.', undefined, [
      { code: 'InvalidQueryOptions', message: `$top ${top} is out of range.` },
    ]);
  let result;
  try {
    const query = parseQuery(text);
    const rows = tableRows(call.ctx, query.table);
    if (!rows)
      throw new KqlError(
        `The table '${query.table}' is not supported; use resources, resourcecontainers, kubernetesconfigurationresources or policyresources.`,
        0,
        query.table,
      );
    const subs = scopeSubscriptions(call, body);
    const scoped = rows.filter((r: Row) =>
      r.subscriptionId ? subs.has(String(r.subscriptionId).toLowerCase()) : !body.subscriptions?.length,
    );
    result = run(query, scoped);
  } catch (error) {
    if (error instanceof KqlError) throw invalidQuery(error, text);
    throw error;
  }
  let skip = Number(options.$skip ?? 0) || 0;
  if (options.$skipToken) {
    try {
      skip = Number(JSON.parse(Buffer.from(String(options.$skipToken), 'base64').toString('utf8')).skip) || 0;
    } catch {
      throw new ArmError(400, 'BadRequest', 'The $skipToken is not valid for this query.', undefined, [
        { code: 'InvalidSkipToken', message: 'The $skipToken could not be decoded.' },
      ]);
    }
  }
  const total = result.rows.length;
  const data = result.rows.slice(skip, skip + top);
  const more = skip + data.length < total;
  const out: Record<string, unknown> = {
    totalRecords: total,
    count: data.length,
    resultTruncated: result.truncated || (more && result.limited) ? 'true' : 'false',
    facets: [],
  };
  if (more && !result.limited) out.$skipToken = Buffer.from(JSON.stringify({ skip: skip + data.length })).toString('base64');
  if (options.resultFormat === 'table') {
    const names = [...new Set(data.flatMap((r) => Object.keys(r)))];
    const type = (v: unknown) =>
      typeof v === 'number' ? 'integer' : typeof v === 'boolean' ? 'boolean' : v && typeof v === 'object' ? 'object' : 'string';
    out.data = {
      columns: names.map((name) => ({ name, type: type(data.find((r) => r[name] !== null && r[name] !== undefined)?.[name]) })),
      rows: data.map((r) => names.map((n) => r[n] ?? null)),
    };
  } else out.data = data;
  return out;
}
