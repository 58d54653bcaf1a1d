import type { SandboxContext } from '../context.js';
import { key, lastSegment, parseId } from '../state/ids.js';
import type { PolicyStateRecord } from '../state/types.js';
import { json, nowIso, type ArmCall, type ArmRoute } from './common.js';
import { ArmError } from './errors.js';
import { compileFilter } from './odata.js';

const PI = 'providers\\/microsoft\\.policyinsights';

/** The full PolicyState JSON of a stored record, as queryResults returns it. */
export function renderPolicyState(ctx: SandboxContext, s: PolicyStateRecord, context: string): Record<string, unknown> {
  const p = parseId(s.resourceId);
  const assignment = ctx.store.get(s.policyAssignmentId);
  const sub = ctx.store.subscription(p.subscriptionId);
  const groups = sub
    ? ctx.store
        .managementGroupChain(sub.managementGroup)
        .map((g) => g.name)
        .join(',')
    : '';
  const { components: _components, ...rest } = s;
  return {
    '@odata.id': null,
    '@odata.context': `${context}/$entity`,
    timestamp: s.timestamp ?? nowIso(),
    resourceId: s.resourceId,
    policyAssignmentId: s.policyAssignmentId,
    policyDefinitionId: s.policyDefinitionId,
    effectiveParameters: '',
    isCompliant: s.complianceState === 'Compliant',
    subscriptionId: p.subscriptionId ?? '',
    resourceType: s.resourceType ?? p.type ?? '',
    resourceLocation: s.resourceLocation ?? ctx.store.get(s.resourceId)?.location ?? '',
    resourceGroup: p.resourceGroup ?? '',
    resourceTags: 'tbd',
    policyAssignmentName: lastSegment(s.policyAssignmentId),
    policyAssignmentOwner: 'tbd',
    policyAssignmentParameters: JSON.stringify(assignment?.properties?.parameters ?? {}),
    policyAssignmentScope:
      assignment?.properties?.scope ?? s.policyAssignmentId.replace(/\/providers\/microsoft\.authorization\/policyassignments\/.*$/i, ''),
    policyDefinitionName: lastSegment(s.policyDefinitionId),
    policyDefinitionAction: s.policyDefinitionAction ?? 'audit',
    policyDefinitionCategory: 'tbd',
    policySetDefinitionId: s.policySetDefinitionId ?? '',
    policySetDefinitionName: s.policySetDefinitionId ? lastSegment(s.policySetDefinitionId) : '',
    policySetDefinitionOwner: '',
    policySetDefinitionCategory: '',
    policySetDefinitionParameters: '',
    managementGroupIds: groups,
    policyDefinitionReferenceId: s.policyDefinitionReferenceId ?? '',
    complianceState: s.complianceState,
    policyDefinitionGroupNames: s.policyDefinitionGroupNames ?? [''],
    policyDefinitionVersion: '1.0.0',
    policySetDefinitionVersion: s.policySetDefinitionId ? '1.0.0' : '',
    policyAssignmentVersion: '',
    ...Object.fromEntries(
      Object.entries(rest).filter(
        ([k]) => !(k in {}) && !['resourceId', 'policyAssignmentId', 'policyDefinitionId', 'complianceState', 'timestamp'].includes(k),
      ),
    ),
  };
}

/** States under a query scope: management group, subscription, group, resource, or an assignment/definition id. */
export function statesInScope(ctx: SandboxContext, scope: string): PolicyStateRecord[] {
  const all = [...ctx.store.policyStates.values()];
  const mg = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/i.exec(scope)?.[1];
  if (mg) {
    const groups = ctx.store.managementGroupDescendants(mg);
    return all.filter((s) => {
      const sub = ctx.store.subscription(parseId(s.resourceId).subscriptionId);
      return !!sub && groups.has(sub.managementGroup.toLowerCase());
    });
  }
  const k = key(scope);
  const byPolicy = /^(.*)\/providers\/microsoft\.authorization\/(policyassignments|policydefinitions|policysetdefinitions)\/([^/]+)$/i.exec(
    scope,
  );
  if (byPolicy) {
    const [, within, kind, name] = byPolicy;
    const w = key(within);
    return all.filter((s) => {
      if (!key(s.resourceId).startsWith(w + '/')) return false;
      if (kind.toLowerCase() === 'policyassignments') return key(s.policyAssignmentId) === k;
      const id = kind.toLowerCase() === 'policydefinitions' ? s.policyDefinitionId : (s.policySetDefinitionId ?? '');
      return lastSegment(id).toLowerCase() === name.toLowerCase();
    });
  }
  return all.filter((s) => key(s.resourceId) === k || key(s.resourceId).startsWith(k + '/'));
}

function componentsFilter(expand: string | null) {
  const m = /components(?:\(\$filter=(.*)\))?/i.exec(expand ?? '');
  return m ? compileFilter(m[1]) : undefined;
}

function queryResults(call: ArmCall, scope: string) {
  const q = call.req.url.searchParams;
  if (q.get('$apply'))
    throw new ArmError(
      400,
      'InvalidQueryParameter',
      'The $apply parameter is not supported by the sandbox; query without it and aggregate on the client.',
    );
  const context = `${call.ctx.url}${scope}/providers/Microsoft.PolicyInsights/policyStates/$metadata#latest`;
  const filter = compileFilter(q.get('$filter'));
  const components = componentsFilter(q.get('$expand'));
  let rows = statesInScope(call.ctx, scope)
    .map((s) => ({ s, row: renderPolicyState(call.ctx, s, context) }))
    .filter(({ row }) => filter(row));
  const orderby = q.get('$orderby');
  if (orderby) {
    const [field, dir] = orderby.trim().split(/\s+/);
    const sign = dir?.toLowerCase() === 'desc' ? -1 : 1;
    const get = (r: Record<string, unknown>) => String(Object.entries(r).find(([k]) => k.toLowerCase() === field.toLowerCase())?.[1] ?? '');
    rows.sort((a, b) => sign * get(a.row).localeCompare(get(b.row)));
  }
  const top = Number(q.get('$top') ?? 0);
  if (top > 0) rows = rows.slice(0, top);
  const start = Number(q.get('$skiptoken') ?? q.get('$skipToken') ?? 0) || 0;
  const size = call.ctx.knobs().policyStatesPageSize;
  const pageRows = rows.slice(start, start + size);
  const select = q
    .get('$select')
    ?.split(',')
    .map((f) => f.trim().toLowerCase());
  const value = pageRows.map(({ s, row }) => {
    const out = select
      ? Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('@') || select.includes(k.toLowerCase())))
      : row;
    if (components) out.components = (s.components ?? []).filter((c) => components(c as unknown as Record<string, unknown>));
    return out;
  });
  const body: Record<string, unknown> = { '@odata.context': context, '@odata.count': value.length, value };
  if (start + size < rows.length) {
    const next = new URL(call.req.url.pathname, call.ctx.url);
    for (const [k, v] of q) if (k.toLowerCase() !== '$skiptoken') next.searchParams.set(k, v);
    next.searchParams.set('$skiptoken', String(start + size));
    body['@odata.nextLink'] = next.toString();
  }
  return json(200, body);
}

function summaryResults(call: ArmCall, scope: string, states: PolicyStateRecord[], filter: string) {
  const nonCompliant = states.filter((s) => s.complianceState === 'NonCompliant');
  const count = (list: PolicyStateRecord[], by: (s: PolicyStateRecord) => string) => new Set(list.map(by)).size;
  const details = (by: (s: PolicyStateRecord) => string) => {
    const out: { complianceState: string; count: number }[] = [];
    for (const state of ['compliant', 'noncompliant']) {
      const n = count(
        states.filter((s) => s.complianceState.toLowerCase() === state),
        by,
      );
      if (n) out.push({ complianceState: state, count: n });
    }
    return out;
  };
  return {
    queryResultsUri: `${call.ctx.url}${scope}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=${call.apiVersion}&$from=${new Date(Date.now() - 86400_000).toISOString()}&$to=${nowIso()}&$filter=${encodeURIComponent(filter)}`,
    nonCompliantResources: count(nonCompliant, (s) => key(s.resourceId)),
    nonCompliantPolicies: count(nonCompliant, (s) => key(s.policyDefinitionId)),
    resourceDetails: details((s) => key(s.resourceId)),
    policyDetails: details((s) => key(s.policyDefinitionId)),
    policyGroupDetails: [],
  };
}

function summarize(call: ArmCall, scope: string) {
  const filter = compileFilter(call.req.url.searchParams.get('$filter'));
  const context = `${call.ctx.url}${scope}/providers/Microsoft.PolicyInsights/policyStates/$metadata#summary`;
  const states = statesInScope(call.ctx, scope).filter((s) => filter(renderPolicyState(call.ctx, s, context)));
  const byAssignment = new Map<string, PolicyStateRecord[]>();
  for (const s of states) byAssignment.set(key(s.policyAssignmentId), [...(byAssignment.get(key(s.policyAssignmentId)) ?? []), s]);
  const policyAssignments = [...byAssignment.values()].map((list) => {
    const byDefinition = new Map<string, PolicyStateRecord[]>();
    for (const s of list)
      byDefinition.set(key(s.policyDefinitionId + (s.policyDefinitionReferenceId ?? '')), [
        ...(byDefinition.get(key(s.policyDefinitionId + (s.policyDefinitionReferenceId ?? ''))) ?? []),
        s,
      ]);
    return {
      policyAssignmentId: list[0].policyAssignmentId,
      policySetDefinitionId: list[0].policySetDefinitionId ?? '',
      results: summaryResults(call, scope, list, `PolicyAssignmentId eq '${list[0].policyAssignmentId}'`),
      policyDefinitions: [...byDefinition.values()].map((d) => ({
        policyDefinitionId: d[0].policyDefinitionId,
        policyDefinitionReferenceId: d[0].policyDefinitionReferenceId ?? '',
        policyDefinitionGroupNames: d[0].policyDefinitionGroupNames ?? [],
        effect: d[0].policyDefinitionAction ?? 'audit',
        results: summaryResults(call, scope, d, `PolicyDefinitionId eq '${d[0].policyDefinitionId}'`),
      })),
      policyGroups: [],
    };
  });
  return json(200, {
    '@odata.context': context,
    '@odata.count': 1,
    value: [
      { '@odata.id': null, '@odata.context': `${context}/$entity`, results: summaryResults(call, scope, states, ''), policyAssignments },
    ],
  });
}

/** Microsoft.PolicyInsights: policyStates queryResults/summarize/triggerEvaluation and componentPolicyStates. */
export const policyInsightsRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^(.*)\\/${PI}\\/policystates\\/([^/]+)\\/(queryresults|summarize)$`, 'i'),
    methods: ['POST'],
    api: 'policyinsights',
    handle: (call) => {
      const [, scope, resource, op] = call.m;
      if (
        !['latest', 'default'].includes(resource.toLowerCase()) ||
        (op.toLowerCase() === 'summarize' && resource.toLowerCase() !== 'latest')
      ) {
        throw new ArmError(
          400,
          'InvalidPolicyStatesResource',
          `The policy states resource '${resource}' is not valid here; use 'latest'${op.toLowerCase() === 'summarize' ? '' : " or 'default'"}.`,
        );
      }
      if (
        call.req.url.searchParams.get('$expand') &&
        !/\/providers\/(?!microsoft\.authorization|microsoft\.management)[^/]+\/[^/]+\/[^/]+$/i.test(scope)
      ) {
        throw new ArmError(400, 'InvalidQueryParameter', 'The $expand parameter is only supported at resource scope.');
      }
      return op.toLowerCase() === 'summarize' ? summarize(call, scope) : queryResults(call, scope);
    },
  },
  {
    pattern: new RegExp(
      `^(\\/subscriptions\\/[^/]+(?:\\/resourcegroups\\/[^/]+)?)\\/${PI}\\/policystates\\/latest\\/triggerevaluation$`,
      'i',
    ),
    methods: ['POST'],
    api: 'policyinsights',
    handle: (call) => {
      const scope = call.m[1];
      const sub = parseId(scope).subscriptionId!;
      const op = call.ctx.lro.start({
        resourceId: `${scope}/providers/Microsoft.PolicyInsights/policyStates/latest`,
        finish: (failed) => {
          if (failed) return;
          const now = nowIso();
          for (const s of statesInScope(call.ctx, scope)) s.timestamp = now;
          call.ctx.store.emit('change', 'policyState', scope, 'put');
        },
      });
      const location = `${call.ctx.url}/subscriptions/${sub}/providers/Microsoft.PolicyInsights/asyncOperationResults/${op.id}?api-version=${call.apiVersion}`;
      return json(202, undefined, { Location: location, 'Retry-After': call.ctx.lro.retryAfter(op) });
    },
  },
  {
    pattern: new RegExp(`^(.*)\\/${PI}\\/componentpolicystates\\/([^/]+)\\/queryresults$`, 'i'),
    methods: ['POST'],
    api: 'policyinsights',
    handle: (call) => {
      const scope = call.m[1];
      const context = `${call.ctx.url}${scope}/providers/Microsoft.PolicyInsights/componentPolicyStates/$metadata#latest`;
      const filter = compileFilter(call.req.url.searchParams.get('$filter'));
      const value = statesInScope(call.ctx, scope)
        .flatMap((s) => {
          const base = renderPolicyState(call.ctx, s, context);
          return (s.components ?? []).map((c) => ({
            ...base,
            componentId: c.id,
            componentType: c.type,
            componentName: c.name,
            complianceState: c.complianceState,
            timestamp: c.timestamp ?? base.timestamp,
          }));
        })
        .filter((row) => filter(row));
      const top = Number(call.req.url.searchParams.get('$top') ?? 0);
      const rows = top > 0 ? value.slice(0, top) : value;
      return json(200, { '@odata.context': context, '@odata.count': rows.length, value: rows });
    },
  },
];
