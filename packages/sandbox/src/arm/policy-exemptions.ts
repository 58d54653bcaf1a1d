import type { SandboxContext } from '../context.js';
import { key } from '../state/ids.js';
import type { ArmResource, PolicyStateRecord } from '../state/types.js';
import { bodyObject, json, page, systemData, type ArmCall, type ArmRoute } from './common.js';
import { ArmError } from './errors.js';
import { POLICY_ASSIGNMENT_TYPE } from './policy.js';

/**
 * Microsoft.Authorization/policyExemptions (REST spec 2020-07-01-preview, examples in
 * fixtures/azure-rest-api-specs/policy/2020-07-01-preview): PUT/GET/DELETE at any scope (management group,
 * subscription, resource group, resource), lists at each scope with the documented $filter forms, and the effect on
 * compliance: an active exemption makes the exempted resource's state `Exempt` (see applyExemptions).
 */
export const POLICY_EXEMPTION_TYPE = 'Microsoft.Authorization/policyExemptions';
const CATEGORIES = ['Waiver', 'Mitigated'];
const SCOPE =
  '((?:\\/providers\\/microsoft\\.management\\/managementgroups\\/[^/]+)|(?:\\/subscriptions\\/[^/]+(?:\\/resourcegroups\\/[^/]+(?:\\/providers\\/.+?)?)?))';

/** The scope an exemption was made at: its id up to `/providers/Microsoft.Authorization/policyExemptions/`. */
export const exemptionScope = (exemption: ArmResource): string =>
  exemption.id.replace(/\/providers\/microsoft\.authorization\/policyexemptions\/[^/]+$/i, '');

const expired = (exemption: ArmResource, now: number): boolean => {
  const at = exemption.properties?.expiresOn;
  return typeof at === 'string' && Date.parse(at) <= now;
};

/** Whether `scope` is `ancestor` or below it (management groups through the store's hierarchy). */
function within(ctx: SandboxContext, scope: string, ancestor: string): boolean {
  return ctx.store.scopeChain(scope).some((s) => key(s) === key(ancestor));
}

function exemptionHandler(call: ArmCall) {
  const { store } = call.ctx;
  const scope = call.m[1];
  const name = call.m[2];
  const id = `${scope}/providers/${POLICY_EXEMPTION_TYPE}/${name}`;
  const existing = store.get(id);
  if (call.req.method === 'GET') {
    if (!existing) throw new ArmError(404, 'PolicyExemptionNotFound', `The policy exemption '${name}' is not found.`);
    return json(200, existing);
  }
  if (call.req.method === 'DELETE') {
    if (!existing) return json(204);
    store.delete(id);
    return json(200);
  }
  const p = bodyObject(call.req).properties ?? {};
  if (!p.policyAssignmentId)
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'properties.policyAssignmentId' is required.",
      'properties.policyAssignmentId',
    );
  if (!CATEGORIES.includes(p.exemptionCategory))
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The request content was invalid: 'properties.exemptionCategory' must be one of ${CATEGORIES.join(', ')}.`,
      'properties.exemptionCategory',
    );
  if (p.expiresOn !== undefined && p.expiresOn !== null && Number.isNaN(Date.parse(String(p.expiresOn))))
    throw new ArmError(400, 'InvalidRequestContent', "The request content was invalid: 'properties.expiresOn' is not a date-time.");
  const assignment = store.get(String(p.policyAssignmentId));
  if (!assignment || assignment.type.toLowerCase() !== POLICY_ASSIGNMENT_TYPE.toLowerCase())
    throw new ArmError(
      404,
      'PolicyAssignmentNotFound',
      `The policy assignment '${String(p.policyAssignmentId).split('/').pop()}' referenced by the exemption is not found.`,
    );
  const assignmentScope = String(assignment.properties?.scope ?? '');
  if (!within(call.ctx, scope, assignmentScope))
    throw new ArmError(
      400,
      'PolicyExemptionScopeNotAllowed',
      `The policy exemption '${name}' at '${scope}' is not at or below the scope '${assignmentScope}' of its policy assignment.`,
    );
  const exemption: ArmResource = {
    id: existing?.id ?? id,
    name: existing?.name ?? name,
    type: POLICY_EXEMPTION_TYPE,
    systemData: systemData(call.principal, existing?.systemData as Record<string, unknown>),
    properties: {
      policyAssignmentId: p.policyAssignmentId,
      ...(p.policyDefinitionReferenceIds?.length ? { policyDefinitionReferenceIds: p.policyDefinitionReferenceIds } : {}),
      exemptionCategory: p.exemptionCategory,
      ...(p.expiresOn ? { expiresOn: new Date(String(p.expiresOn)).toISOString() } : {}),
      ...(p.displayName ? { displayName: p.displayName } : {}),
      ...(p.description ? { description: p.description } : {}),
      ...(p.metadata ? { metadata: p.metadata } : {}),
    },
  };
  store.put(exemption);
  return json(existing ? 200 : 201, exemption);
}

/**
 * Lists at a scope: without $filter, the exemptions at the scope, above it and below it; `atScope()` at or above;
 * `atExactScope()` at the scope; `excludeExpired()` drops expired ones; `policyAssignmentId eq '<id>'`.
 */
function listExemptions(call: ArmCall, scope: string) {
  const filter = (call.req.url.searchParams.get('$filter') ?? '').trim();
  const chain = new Set(call.ctx.store.scopeChain(scope).map(key));
  const assignment = /policyAssignmentId\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
  const now = Date.now();
  const all = call.ctx.store.ofType(POLICY_EXEMPTION_TYPE).filter((e) => {
    const at = exemptionScope(e);
    if (/atExactScope\(\)/i.test(filter) && key(at) !== key(scope)) return false;
    if (/atScope\(\)/i.test(filter) && !chain.has(key(at))) return false;
    if (!chain.has(key(at)) && !within(call.ctx, at, scope)) return false;
    if (/excludeExpired\(\)/i.test(filter) && expired(e, now)) return false;
    if (assignment && key(String(e.properties?.policyAssignmentId ?? '')) !== key(assignment)) return false;
    return true;
  });
  return page(call, all);
}

export const policyExemptionRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/policyexemptions$`, 'i'),
    methods: ['GET'],
    handle: (call) => listExemptions(call, call.m[1]),
  },
  {
    pattern: new RegExp(`^${SCOPE}\\/providers\\/microsoft\\.authorization\\/policyexemptions\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: exemptionHandler,
  },
];

/**
 * The exemption that applies to one policy state, if any: made at the state's resource or a scope above it, for the
 * state's assignment, naming its policyDefinitionReferenceId (or no reference ids: the whole assignment), and not
 * expired ("an expired exemption is no longer honoured").
 */
export function exemptionFor(ctx: Pick<SandboxContext, 'store'>, state: PolicyStateRecord, now = Date.now()): ArmResource | undefined {
  const chain = new Set(ctx.store.scopeChain(state.resourceId).map(key));
  return ctx.store.ofType(POLICY_EXEMPTION_TYPE).find((e) => {
    const p = e.properties ?? {};
    if (key(String(p.policyAssignmentId ?? '')) !== key(state.policyAssignmentId)) return false;
    if (!chain.has(key(exemptionScope(e)))) return false;
    if (expired(e, now)) return false;
    const refs = (p.policyDefinitionReferenceIds ?? []) as string[];
    return !refs.length || refs.some((r) => r.toLowerCase() === (state.policyDefinitionReferenceId ?? '').toLowerCase());
  });
}

/**
 * A policy state as Policy Insights reports it once exemptions are applied: an exempted resource is `Exempt`
 * (documented), and so are its components (not documented for Microsoft.Kubernetes.Data: the sandbox's assumption,
 * see docs/sandbox.md).
 */
export function applyExemptions(ctx: Pick<SandboxContext, 'store'>, state: PolicyStateRecord, now = Date.now()): PolicyStateRecord {
  const exemption = exemptionFor(ctx, state, now);
  if (!exemption) return state;
  return {
    ...state,
    complianceState: 'Exempt',
    exemptionId: exemption.id,
    components: (state.components ?? []).map((c) => ({ ...c, complianceState: 'Exempt' })),
  };
}
