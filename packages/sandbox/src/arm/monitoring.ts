import { randomBytes, randomUUID } from 'node:crypto';
import { crud, json, type ArmRoute } from './common.js';
import { ArmError, errors } from './errors.js';

/**
 * The Azure Monitor resources Container Insights needs, from the REST specifications (Azure/azure-rest-api-specs):
 *
 * - Microsoft.OperationalInsights/workspaces (OperationalInsights/stable/2025-07-01/Workspaces.json): PUT (200/201,
 *   long-running; answered synchronously here), GET, DELETE; read-only `customerId` (the workspace id agents use),
 *   `provisioningState`; and `POST …/sharedKeys` (SharedKeys.json, example WorkspacesGetSharedKeys.json) →
 *   `{ primarySharedKey, secondarySharedKey }`;
 * - Microsoft.Insights/dataCollectionRules (Microsoft.Insights/stable/2022-06-01/dataCollectionRules_API.json, example
 *   DataCollectionRulesCreate.json): PUT 200/201 synchronous, GET; the response adds `immutableId`, the destination's
 *   `workspaceId` and `provisioningState`;
 * - Microsoft.Insights/dataCollectionRuleAssociations on any resource (dataCollectionRuleAssociations_API.json, example
 *   DataCollectionRuleAssociationsCreate.json): PUT 200/201 synchronous with `dataCollectionRuleId`, GET;
 * - Microsoft.OperationsManagement/solutions (the ContainerInsights(<workspace>) solution az deploys for the legacy
 *   shared-key authentication): GET/PUT as a generic resource.
 */

const WORKSPACE = 'Microsoft.OperationalInsights/workspaces';
const DCR = 'Microsoft.Insights/dataCollectionRules';
const DCRA = 'Microsoft.Insights/dataCollectionRuleAssociations';
const SOLUTION = 'Microsoft.OperationsManagement/solutions';
const RG = '(\\/subscriptions\\/[^/]+\\/resourcegroups\\/[^/]+)';

const region = (v: unknown) =>
  String(v ?? '')
    .replace(/\s+/g, '')
    .toLowerCase();
const newKey = () => randomBytes(64).toString('base64');

function requireLocation(body: Record<string, any>): string {
  if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  return region(body.location);
}

export const monitoringRoutes: ArmRoute[] = [
  {
    pattern: new RegExp(`^${RG}\\/providers\\/microsoft\\.operationalinsights\\/workspaces\\/([^/]+)\\/sharedkeys$`, 'i'),
    methods: ['POST'],
    action: 'Microsoft.OperationalInsights/workspaces/sharedKeys/action',
    handle: (call) => {
      const id = `${call.m[1]}/providers/${WORKSPACE}/${call.m[2]}`;
      if (!call.ctx.store.get(id)) throw errors.resourceNotFound(id);
      const keys = call.ctx.store.secrets.get(`${id.toLowerCase()}#sharedkeys`) as Record<string, string>;
      return json(200, { primarySharedKey: keys.primarySharedKey, secondarySharedKey: keys.secondarySharedKey });
    },
  },
  {
    pattern: new RegExp(`^${RG}\\/providers\\/microsoft\\.operationalinsights\\/workspaces\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const name = call.m[2];
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/.test(name))
        throw new ArmError(400, 'InvalidWorkspaceName', `The workspace name '${name}' is invalid: 4 to 63 letters, digits and hyphens.`);
      const id = `${call.m[1]}/providers/${WORKSPACE}/${name}`;
      return crud(call, id, (body, existing) => {
        const p = body.properties ?? {};
        if (!existing) {
          call.ctx.store.secrets.set(`${id.toLowerCase()}#sharedkeys`, { primarySharedKey: newKey(), secondarySharedKey: newKey() });
        }
        return {
          id: existing?.id ?? id,
          name: existing?.name ?? name,
          type: WORKSPACE,
          location: existing?.location ?? requireLocation(body),
          tags: body.tags ?? existing?.tags ?? {},
          properties: {
            customerId: existing?.properties?.customerId ?? randomUUID(),
            provisioningState: 'Succeeded',
            sku: { name: p.sku?.name ?? existing?.properties?.sku?.name ?? 'PerGB2018', lastSkuUpdate: new Date().toUTCString() },
            retentionInDays: p.retentionInDays ?? existing?.properties?.retentionInDays ?? 30,
            features: { legacy: 0, searchVersion: 1, enableLogAccessUsingOnlyResourcePermissions: true },
            workspaceCapping: { dailyQuotaGb: -1, dataIngestionStatus: 'RespectQuota' },
            publicNetworkAccessForIngestion: p.publicNetworkAccessForIngestion ?? 'Enabled',
            publicNetworkAccessForQuery: p.publicNetworkAccessForQuery ?? 'Enabled',
            createdDate: (existing?.properties?.createdDate as string) ?? new Date().toUTCString(),
            modifiedDate: new Date().toUTCString(),
          },
        };
      });
    },
  },
  {
    pattern: new RegExp(`^${RG}\\/providers\\/microsoft\\.insights\\/datacollectionrules\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const name = call.m[2];
      const id = `${call.m[1]}/providers/${DCR}/${name}`;
      return crud(call, id, (body, existing) => {
        const p = body.properties ?? {};
        const logAnalytics = ((p.destinations?.logAnalytics ?? []) as Record<string, string>[]).map((d): Record<string, string> => {
          const ws = call.ctx.store.get(d.workspaceResourceId ?? '');
          if (!ws)
            throw new ArmError(
              400,
              'InvalidPayload',
              `Data collection rule is invalid: destination '${d.name}' refers to the workspace '${d.workspaceResourceId}', which does not exist.`,
              'properties.destinations.logAnalytics',
            );
          return { ...d, workspaceId: String(ws.properties?.customerId) };
        });
        const names = new Set(logAnalytics.map((d) => d.name));
        for (const flow of (p.dataFlows ?? []) as { destinations?: string[] }[])
          for (const dest of flow.destinations ?? [])
            if (!names.has(dest))
              throw new ArmError(
                400,
                'InvalidPayload',
                `Data collection rule is invalid: data flow destination '${dest}' is not defined.`,
                'properties.dataFlows',
              );
        return {
          id: existing?.id ?? id,
          name: existing?.name ?? name,
          type: DCR,
          location: requireLocation(body),
          tags: body.tags ?? {},
          ...(body.kind ? { kind: body.kind } : {}),
          etag: randomUUID(),
          properties: {
            ...p,
            immutableId: existing?.properties?.immutableId ?? `dcr-${randomUUID().replace(/-/g, '')}`,
            destinations: { ...(p.destinations ?? {}), logAnalytics },
            provisioningState: 'Succeeded',
          },
        };
      });
    },
  },
  {
    pattern:
      /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+)\/providers\/microsoft\.insights\/datacollectionruleassociations\/([^/]+)$/i,
    methods: ['GET', 'PUT', 'DELETE'],
    handle: (call) => {
      const parent = call.ctx.store.get(call.m[1]);
      if (!parent) throw errors.resourceNotFound(call.m[1]);
      const name = call.m[2];
      const id = `${parent.id}/providers/${DCRA}/${name}`;
      return crud(call, id, (body, existing) => {
        const p = body.properties ?? {};
        if (!p.dataCollectionRuleId && !p.dataCollectionEndpointId)
          throw new ArmError(400, 'InvalidPayload', 'Either dataCollectionRuleId or dataCollectionEndpointId is required.', 'properties');
        if (p.dataCollectionRuleId && !call.ctx.store.get(p.dataCollectionRuleId))
          throw new ArmError(
            400,
            'InvalidPayload',
            `The data collection rule '${p.dataCollectionRuleId}' does not exist.`,
            'properties.dataCollectionRuleId',
          );
        return {
          id: existing?.id ?? id,
          name: existing?.name ?? name,
          type: DCRA,
          etag: randomUUID(),
          properties: { ...p, provisioningState: 'Succeeded' },
        };
      });
    },
  },
  {
    pattern: new RegExp(`^${RG}\\/providers\\/microsoft\\.operationsmanagement\\/solutions\\/([^/]+)$`, 'i'),
    methods: ['GET', 'PUT'],
    handle: (call) => {
      const name = call.m[2];
      const id = `${call.m[1]}/providers/${SOLUTION}/${name}`;
      return crud(call, id, (body, existing) => ({
        id: existing?.id ?? id,
        name: existing?.name ?? name,
        type: SOLUTION,
        location: requireLocation(body),
        plan: body.plan,
        properties: { ...(body.properties ?? {}), provisioningState: 'Succeeded' },
      }));
    },
  },
];
