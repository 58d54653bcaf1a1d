import type { SandboxContext } from '../context.js';
import { key, parseId } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import type { Row } from '../kql/evaluator.js';
import { renderPolicyState } from './policy-insights.js';

const CONFIG_TYPES = new Set(['microsoft.kubernetesconfiguration/extensions', 'microsoft.kubernetesconfiguration/fluxconfigurations']);
const POLICY_TYPES = new Set([
  'microsoft.authorization/policyassignments',
  'microsoft.authorization/policydefinitions',
  'microsoft.authorization/policysetdefinitions',
  'microsoft.authorization/policyexemptions',
]);
const HIDDEN = new Set([
  'microsoft.resources/resourcegroups',
  'microsoft.authorization/roleassignments',
  'microsoft.authorization/roledefinitions',
  // Remediation tasks are Policy Insights objects, not tracked resources (Resource Graph's table reference lists none).
  'microsoft.policyinsights/remediations',
]);

const pascal = (props: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), v]));

function row(ctx: SandboxContext, r: ArmResource, properties: unknown = r.properties ?? {}): Row {
  const p = parseId(r.id);
  return {
    id: r.id,
    name: r.name,
    type: r.type.toLowerCase(),
    tenantId: ctx.identity.tenantId,
    kind: (r.kind as string) ?? '',
    location: r.location ?? '',
    resourceGroup: (p.resourceGroup ?? '').toLowerCase(),
    subscriptionId: p.subscriptionId ?? '',
    managedBy: (r.managedBy as string) ?? '',
    sku: null,
    plan: null,
    properties,
    tags: r.tags ?? {},
    identity: r.identity ?? null,
    zones: null,
    extendedLocation: null,
  };
}

/**
 * The rows of a Resource Graph table built from the store. Extension properties use PascalCase keys as ARG shows
 * them (ExtensionType, ProvisioningState...); flux configurations keep camelCase.
 */
export function tableRows(ctx: SandboxContext, table: string): Row[] | undefined {
  const all = [...ctx.store.allResources()];
  switch (table.toLowerCase()) {
    case 'resources':
      return all
        .filter(
          (r) => !CONFIG_TYPES.has(r.type.toLowerCase()) && !POLICY_TYPES.has(r.type.toLowerCase()) && !HIDDEN.has(r.type.toLowerCase()),
        )
        .map((r) => row(ctx, r));
    case 'kubernetesconfigurationresources':
      return all
        .filter((r) => CONFIG_TYPES.has(r.type.toLowerCase()))
        .map((r) =>
          row(
            ctx,
            r,
            r.type.toLowerCase().endsWith('/extensions')
              ? { ...pascal(r.properties), Version: r.properties?.currentVersion ?? r.properties?.version ?? null }
              : r.properties,
          ),
        );
    case 'policyresources': {
      const rows = all.filter((r) => POLICY_TYPES.has(r.type.toLowerCase())).map((r) => row(ctx, r));
      for (const s of ctx.store.policyStates.values()) {
        const id = `${s.resourceId}/providers/Microsoft.PolicyInsights/policyStates/${key(s.policyAssignmentId).split('/').pop()}${s.policyDefinitionReferenceId ? `-${s.policyDefinitionReferenceId}` : ''}`;
        const properties = renderPolicyState(ctx, s, '');
        delete properties['@odata.id'];
        delete properties['@odata.context'];
        rows.push({
          ...row(ctx, { id, name: id.split('/').pop()!, type: 'Microsoft.PolicyInsights/policyStates' }, properties),
          location: '',
        });
        for (const c of s.components ?? []) {
          rows.push({
            ...row(
              ctx,
              { id: `${id}/components/${c.id}`, name: c.name, type: 'Microsoft.PolicyInsights/componentPolicyStates' },
              {
                ...properties,
                componentId: c.id,
                componentType: c.type,
                componentName: c.name,
                complianceState: c.complianceState,
                timestamp: c.timestamp ?? properties.timestamp,
              },
            ),
          });
        }
      }
      return rows;
    }
    case 'resourcecontainers': {
      const subs = [...ctx.store.subscriptions.values()].map((s) => {
        const chain = ctx.store.managementGroupChain(s.managementGroup).map((g) => ({ name: g.name, displayName: g.displayName }));
        const base = row(
          ctx,
          { id: `/subscriptions/${s.subscriptionId}`, name: s.displayName, type: 'microsoft.resources/subscriptions', tags: s.tags ?? {} },
          { state: s.state, managementGroupAncestorsChain: chain },
        );
        return { ...base, subscriptionId: s.subscriptionId };
      });
      return [...subs, ...all.filter((r) => r.type.toLowerCase() === 'microsoft.resources/resourcegroups').map((r) => row(ctx, r))];
    }
    default:
      return undefined;
  }
}
