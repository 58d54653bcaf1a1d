import type { SandboxContext } from './context.js';
import { CLUSTER_TYPE } from './arm/clusters.js';
import { EXTENSION_TYPE } from './arm/cluster-extensions.js';
import { FLUX_TYPE } from './arm/flux.js';
import { POLICY_ASSIGNMENT_TYPE } from './arm/policy.js';
import { registerAllProviders } from './seed.js';
import { mgId } from './state/store.js';

export interface EmulatedClusterOptions {
  /** Tags put on every cluster (plus `ring`: ring-0..2 and `sandbox: emulated`). */
  tags?: Record<string, string>;
  /** Number of subscriptions to spread over (default: one per 1,000 clusters, at most 20). */
  subscriptions?: number;
  resourceGroupsPerSubscription?: number;
  /** Name prefix of clusters (default `emu`). */
  prefix?: string;
  /** Every n-th cluster is NonCompliant for the baseline policy (default 7). */
  nonCompliantEvery?: number;
}

export const EMULATED_GROUP = 'fleet-emulated';
const BASELINE_SET = '/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d';
const NO_PRIVILEGE = '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4';

/**
 * Creates N Connected clusters with agent versions, flux and azurepolicy extensions (Succeeded), a Compliant flux
 * configuration and policy states (with components for non-compliant ones), spread over subscriptions and groups
 * under the `fleet-emulated` management group. Sub-objects are shared between clusters to keep memory low.
 */
export function seedEmulatedClusters(ctx: SandboxContext, count: number, options: EmulatedClusterOptions = {}) {
  const { store } = ctx;
  const subs = options.subscriptions ?? Math.min(20, Math.max(1, Math.ceil(count / 1000)));
  const groups = options.resourceGroupsPerSubscription ?? 5;
  const prefix = options.prefix ?? 'emu';
  const every = options.nonCompliantEvery ?? 7;
  if (!store.managementGroups.has(EMULATED_GROUP))
    store.addManagementGroup({ name: EMULATED_GROUP, displayName: 'Emulated fleet', parent: 'fleet' });
  const assignmentId = `${mgId(EMULATED_GROUP)}/providers/${POLICY_ASSIGNMENT_TYPE}/k8s-baseline`;
  if (!store.get(assignmentId)) {
    store.put({
      id: assignmentId,
      name: 'k8s-baseline',
      type: POLICY_ASSIGNMENT_TYPE,
      properties: {
        displayName: 'Kubernetes pod security baseline',
        policyDefinitionId: BASELINE_SET,
        scope: mgId(EMULATED_GROUP),
        notScopes: [],
        parameters: {},
        enforcementMode: 'Default',
        definitionVersion: '1.*.*',
        metadata: {},
        instanceId: 'emulated',
      },
    });
  }
  const now = new Date().toISOString();
  const shared = {
    identity: Object.freeze({
      type: 'SystemAssigned',
      principalId: '00000000-0000-4000-8000-00000000e1e1',
      tenantId: ctx.identity.tenantId,
    }),
    extStatuses: Object.freeze([
      Object.freeze({
        code: 'InstallationSucceeded',
        displayStatus: null,
        level: 'Information',
        message: 'Extension installed successfully.',
        time: now,
      }),
    ]),
    fluxGit: Object.freeze({
      url: 'https://github.com/acme/fleet-config',
      repositoryRef: Object.freeze({ branch: 'main' }),
      timeoutInSeconds: 600,
      syncIntervalInSeconds: 600,
    }),
  };
  const subIds: string[] = [];
  for (let s = 0; s < subs; s++) {
    const subscriptionId = `5ab5c71b-0000-4000-8001-${String(s + 1).padStart(12, '0')}`;
    subIds.push(subscriptionId);
    if (!store.subscription(subscriptionId)) {
      store.addSubscription({ subscriptionId, displayName: `Emulated fleet ${s + 1}`, state: 'Enabled', managementGroup: EMULATED_GROUP });
      registerAllProviders(ctx, subscriptionId);
    }
    for (let g = 0; g < groups; g++) {
      const id = `/subscriptions/${subscriptionId}/resourceGroups/rg-emu-${g + 1}`;
      if (!store.get(id))
        store.put({
          id,
          name: `rg-emu-${g + 1}`,
          type: 'Microsoft.Resources/resourceGroups',
          location: 'eastus',
          tags: {},
          properties: { provisioningState: 'Succeeded' },
        });
    }
  }
  const base = [...store.ofType(CLUSTER_TYPE)].filter((c) => c.name.startsWith(`${prefix}-`)).length;
  for (let n = 0; n < count; n++) {
    const i = base + n;
    const sub = subIds[i % subs];
    const rg = `rg-emu-${(Math.floor(i / subs) % groups) + 1}`;
    const name = `${prefix}-${String(i).padStart(5, '0')}`;
    const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/${CLUSTER_TYPE}/${name}`;
    store.put({
      id,
      name,
      type: CLUSTER_TYPE,
      location: 'eastus',
      tags: { ...options.tags, ring: `ring-${i % 3}`, sandbox: 'emulated' },
      identity: shared.identity,
      properties: {
        provisioningState: 'Succeeded',
        connectivityStatus: 'Connected',
        lastConnectivityTime: now,
        agentVersion: i % 10 === 0 ? '1.21.10' : '1.24.4',
        kubernetesVersion: '1.33.1',
        totalNodeCount: 3,
        totalCoreCount: 12,
        distribution: 'k3s',
        infrastructure: 'generic',
        offering: null,
      },
    });
    for (const [ext, type] of [
      ['flux', 'microsoft.flux'],
      ['azurepolicy', 'Microsoft.PolicyInsights'],
    ]) {
      store.put({
        id: `${id}/providers/${EXTENSION_TYPE}/${ext}`,
        name: ext,
        type: EXTENSION_TYPE,
        properties: {
          extensionType: type,
          provisioningState: 'Succeeded',
          currentVersion: ext === 'flux' ? '1.15.1' : '1.10.0',
          autoUpgradeMinorVersion: true,
          releaseTrain: 'Stable',
          statuses: shared.extStatuses,
        },
      });
    }
    store.put({
      id: `${id}/providers/${FLUX_TYPE}/cluster-config`,
      name: 'cluster-config',
      type: FLUX_TYPE,
      properties: {
        scope: 'cluster',
        namespace: 'flux-system',
        sourceKind: 'GitRepository',
        gitRepository: shared.fluxGit,
        kustomizations: { infra: { name: 'infra', path: './infra', dependsOn: [], prune: true, wait: true } },
        provisioningState: 'Succeeded',
        complianceState: 'Compliant',
        sourceSyncedCommitId: 'main@sha1:0123456789abcdef',
        statusUpdatedAt: now,
      },
    });
    const nonCompliant = every > 0 && i % every === 0;
    store.policyStates.set(`${id}|baseline`.toLowerCase(), {
      resourceId: id,
      resourceType: CLUSTER_TYPE,
      policyAssignmentId: assignmentId,
      policyDefinitionId: NO_PRIVILEGE,
      policySetDefinitionId: BASELINE_SET,
      policyDefinitionReferenceId: 'ContainerNoPrivilege',
      policyDefinitionAction: 'audit',
      complianceState: nonCompliant ? 'NonCompliant' : 'Compliant',
      timestamp: now,
      ...(nonCompliant
        ? {
            components: [
              { id: 'default/privileged-pod', type: 'Pod', name: 'privileged-pod', complianceState: 'NonCompliant', timestamp: now },
            ],
          }
        : {}),
    });
  }
  return { count, subscriptions: subIds, managementGroup: EMULATED_GROUP };
}
