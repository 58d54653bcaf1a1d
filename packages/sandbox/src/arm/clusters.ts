import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import type { ArmResource } from '../state/types.js';
import {
  apiVersionAtLeast,
  bodyObject,
  json,
  mergePatch,
  nowIso,
  operationUrls,
  page,
  systemData,
  type ArmCall,
  type ArmRoute,
} from './common.js';
import { ArmError, errors } from './errors.js';
import { rgId } from './resources.js';

export const CLUSTER_TYPE = 'Microsoft.Kubernetes/connectedClusters';
const NS = 'Microsoft.Kubernetes';

export const clusterId = (sub: string, rg: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/${CLUSTER_TYPE}/${name}`;

/** Marks a cluster Connected as the Arc agents would (used by agent emulation and seeding). */
export function markConnected(ctx: SandboxContext, cluster: ArmResource, extra: Record<string, unknown> = {}): void {
  const now = nowIso();
  cluster.properties = {
    ...cluster.properties,
    connectivityStatus: 'Connected',
    lastConnectivityTime: now,
    agentVersion: cluster.properties?.agentVersion ?? '1.24.4',
    kubernetesVersion: cluster.properties?.kubernetesVersion ?? '1.33.1',
    totalNodeCount: cluster.properties?.totalNodeCount ?? 1,
    totalCoreCount: cluster.properties?.totalCoreCount ?? 2,
    managedIdentityCertificateExpirationTime: new Date(Date.now() + 90 * 86400_000).toISOString(),
    // What the agents report about the platform besides the typed fields.
    miscellaneousProperties: {
      infrastructureVersion: String(cluster.properties?.kubernetesVersion ?? '1.33.1'),
      ...(cluster.properties?.miscellaneousProperties as Record<string, string> | undefined),
    },
    ...extra,
  };
  ctx.store.put(cluster, 'patch');
}

function newCluster(call: ArmCall, id: string, name: string, body: Record<string, any>, existing?: ArmResource): ArmResource {
  const props = body.properties ?? {};
  if (typeof props.agentPublicKeyCertificate !== 'string') {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'properties.agentPublicKeyCertificate' is required and must be a base64 string.",
      'properties.agentPublicKeyCertificate',
    );
  }
  const identityType = body.identity?.type ?? 'SystemAssigned';
  return {
    id,
    name,
    type: CLUSTER_TYPE,
    location: String(body.location).toLowerCase().replace(/\s+/g, ''),
    tags: body.tags ?? {},
    ...(body.kind ? { kind: body.kind } : {}),
    identity:
      identityType === 'None'
        ? { type: 'None' }
        : {
            type: identityType,
            principalId: existing?.identity ? (existing.identity as any).principalId : randomUUID(),
            tenantId: call.ctx.identity.tenantId,
          },
    systemData: systemData(call.principal, existing?.systemData as Record<string, unknown>),
    properties: {
      ...existing?.properties,
      agentPublicKeyCertificate: props.agentPublicKeyCertificate,
      distribution: props.distribution ?? existing?.properties?.distribution ?? 'generic',
      distributionVersion: props.distributionVersion ?? null,
      infrastructure: props.infrastructure ?? existing?.properties?.infrastructure ?? 'generic',
      azureHybridBenefit: props.azureHybridBenefit ?? 'NotApplicable',
      privateLinkState: props.privateLinkState ?? 'Disabled',
      ...(props.privateLinkScopeResourceId ? { privateLinkScopeResourceId: props.privateLinkScopeResourceId } : {}),
      ...(props.aadProfile ? { aadProfile: props.aadProfile } : {}),
      ...(props.arcAgentProfile ? { arcAgentProfile: props.arcAgentProfile } : {}),
      ...(props.securityProfile ? { securityProfile: props.securityProfile } : {}),
      ...(props.gateway ? { gateway: props.gateway } : {}),
      // The issuer URL is the service's (read-only), given once the issuer is enabled (2024-12-01-preview
      // GetClusterExample.json: oidcIssuerProfile {enabled, issuerUrl}); a client's own issuerUrl is ignored.
      ...(props.oidcIssuerProfile
        ? {
            oidcIssuerProfile: {
              enabled: props.oidcIssuerProfile.enabled === true,
              ...(props.oidcIssuerProfile.selfHostedIssuerUrl ? { selfHostedIssuerUrl: props.oidcIssuerProfile.selfHostedIssuerUrl } : {}),
              ...(props.oidcIssuerProfile.enabled === true ? { issuerUrl: `${call.ctx.url}/oidc/clusters/${name}/` } : {}),
            },
          }
        : {}),
      offering: existing?.properties?.offering ?? null,
      kubernetesVersion: existing?.properties?.kubernetesVersion ?? null,
      totalNodeCount: existing?.properties?.totalNodeCount ?? null,
      totalCoreCount: existing?.properties?.totalCoreCount ?? null,
      agentVersion: existing?.properties?.agentVersion ?? null,
      connectivityStatus: existing?.properties?.connectivityStatus ?? 'Connecting',
      lastConnectivityTime: existing?.properties?.lastConnectivityTime ?? null,
      managedIdentityCertificateExpirationTime: existing?.properties?.managedIdentityCertificateExpirationTime ?? null,
      miscellaneousProperties: existing?.properties?.miscellaneousProperties ?? { createCorrelationId: randomUUID() },
      provisioningState: existing ? 'Succeeded' : 'Accepted',
    },
  };
}

function getCluster(call: ArmCall, id: string): ArmResource {
  call.ctx.lro.settle(id);
  const cluster = call.ctx.store.get(id);
  if (!cluster) throw errors.resourceNotFound(id);
  return cluster;
}

function kubeconfig(ctx: SandboxContext, cluster: ArmResource): string {
  const real = ctx.store.kubeconfigs.get(cluster.id.toLowerCase());
  if (real) return real;
  return [
    'apiVersion: v1',
    'kind: Config',
    `clusters:\n- name: ${cluster.name}\n  cluster:\n    server: ${ctx.url}/_sandbox/kube/${cluster.name}`,
    `contexts:\n- name: ${cluster.name}\n  context:\n    cluster: ${cluster.name}\n    user: clusterUser_${cluster.name}`,
    `current-context: ${cluster.name}`,
    `users:\n- name: clusterUser_${cluster.name}\n  user:\n    token: sandbox-${randomUUID()}`,
    '',
  ].join('\n');
}

/** Microsoft.Kubernetes/connectedClusters: CRUD with the LRO shapes of the real RP, and listClusterUserCredential. */
export const clusterRoutes: ArmRoute[] = [
  {
    pattern: /^\/subscriptions\/([^/]+)(?:\/resourcegroups\/([^/]+))?\/providers\/microsoft\.kubernetes\/connectedclusters$/i,
    methods: ['GET'],
    handle: (call) => {
      const [, sub, rg] = call.m;
      const scope = rg ? rgId(sub, rg) : `/subscriptions/${sub}`;
      return page(call, call.ctx.store.ofType(CLUSTER_TYPE, scope));
    },
  },
  {
    pattern:
      /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.kubernetes\/connectedclusters\/([^/]+)\/listclusterusercredentials?$/i,
    methods: ['POST'],
    handle: (call) => {
      const [, sub, rg, name] = call.m;
      const cluster = getCluster(call, clusterId(sub, rg, name));
      const body = bodyObject(call.req);
      if (!body.authenticationMethod || typeof body.clientProxy !== 'boolean') {
        throw new ArmError(
          400,
          'InvalidRequestContent',
          "The request content was invalid: 'authenticationMethod' (Token or AAD) and 'clientProxy' (boolean) are required.",
        );
      }
      const value = Buffer.from(kubeconfig(call.ctx, cluster)).toString('base64');
      return json(200, {
        ...(body.clientProxy
          ? {
              hybridConnectionConfig: {
                expirationTime: Math.floor(Date.now() / 1000) + 3600,
                hybridConnectionName: `microsoft.kubernetes/connectedclusters/${randomUUID()}/${cluster.name}`,
                relay: 'sandbox-relay',
                token: `SharedAccessSignature sr=sandbox&sig=${randomUUID()}`,
                relayTid: call.ctx.identity.tenantId,
                relayType: 'AzureRelay',
              },
            }
          : {}),
        kubeconfigs: [{ name: 'credentialName1', value }],
      });
    },
  },
  {
    pattern: /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.kubernetes\/connectedclusters\/([^/]+)$/i,
    methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
    handle: (call) => {
      const [, sub, rg, name] = call.m;
      const { store, lro } = call.ctx;
      const id = clusterId(store.subscription(sub)?.subscriptionId ?? sub, store.get(rgId(sub, rg))?.name ?? rg, name);
      lro.settle(id);
      const existing = store.get(id);
      if (call.req.method === 'GET') return json(200, getCluster(call, id));
      if (call.req.method === 'PUT') {
        const body = bodyObject(call.req);
        if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
        if (!/^[a-zA-Z0-9][-_a-zA-Z0-9]{0,62}$/.test(name)) {
          throw new ArmError(
            400,
            'InvalidResourceName',
            `The resource name '${name}' is invalid: use 1 to 63 letters, digits, hyphens and underscores, starting with a letter or digit.`,
          );
        }
        const cluster = store.put(newCluster(call, existing?.id ?? id, existing?.name ?? name, body, existing));
        if (existing) return json(200, cluster);
        const op = lro.start({
          resourceId: cluster.id,
          finish: (failed) => {
            const c = store.get(cluster.id);
            if (!c) return;
            c.properties = { ...c.properties, provisioningState: failed ? 'Failed' : 'Succeeded' };
            store.put(c, 'patch');
            if (!failed && call.ctx.knobs().emulateAgents && !store.realClusters.has(c.id.toLowerCase())) markConnected(call.ctx, c);
          },
        });
        const urls = operationUrls(call, NS, cluster.location ?? '', op.id);
        return json(201, cluster, { 'Azure-AsyncOperation': urls.asyncOperation, 'Retry-After': lro.retryAfter(op) });
      }
      if (!existing) {
        if (call.req.method === 'DELETE') return json(204);
        throw errors.resourceNotFound(id);
      }
      if (call.req.method === 'PATCH') {
        const body = bodyObject(call.req);
        // ConnectedClusterPatchProperties (models.tsp): distribution, distributionVersion, azureHybridBenefit, gateway;
        // oidcIssuerProfile and securityProfile are not among them (az enables them with a PUT of the whole cluster),
        // so a PATCH carrying them leaves them as they are.
        const allowed = ['distribution', 'distributionVersion', 'azureHybridBenefit', 'gateway', 'arcAgentProfile', 'aadProfile'];
        const props = Object.fromEntries(Object.entries(body.properties ?? {}).filter(([k]) => allowed.includes(k)));
        const updated: ArmResource = {
          ...existing,
          tags: body.tags ?? existing.tags,
          systemData: systemData(call.principal, existing.systemData as Record<string, unknown>),
          properties: mergePatch(existing.properties, props),
        };
        if (!apiVersionAtLeast(call, '2024-01-01')) return json(200, store.put(updated, 'patch'));
        updated.properties = { ...updated.properties, provisioningState: 'Updating' };
        store.put(updated, 'patch');
        const op = lro.start({
          resourceId: id,
          finish: (failed) => {
            const c = store.get(id);
            if (c) store.put({ ...c, properties: { ...c.properties, provisioningState: failed ? 'Failed' : 'Succeeded' } }, 'patch');
          },
          result: () => store.get(id),
        });
        const urls = operationUrls(call, NS, existing.location ?? '', op.id);
        return json(202, undefined, {
          Location: urls.location,
          'Azure-AsyncOperation': urls.asyncOperation,
          'Retry-After': lro.retryAfter(op),
        });
      }
      existing.properties = { ...existing.properties, provisioningState: 'Deleting' };
      const op = lro.start({ resourceId: id, finish: (failed) => (failed ? undefined : store.delete(id)) });
      const urls = operationUrls(call, NS, existing.location ?? '', op.id);
      return json(202, undefined, {
        Location: urls.location,
        'Azure-AsyncOperation': urls.asyncOperation,
        'Retry-After': lro.retryAfter(op),
      });
    },
  },
];
