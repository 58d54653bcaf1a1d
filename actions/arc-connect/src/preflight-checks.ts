import type { KubeConfig } from '@kubernetes/client-node';
import { readProviderStates, type ArmClients, type ClusterRef, type ConnectedCluster, type Clusters } from '@arc-actions/azure';
import { errorMessage, readEnv } from '@arc-actions/core';
import { loadKubeConfig } from '@arc-actions/kube';
import { ownerOf } from './agents.js';
import { readClusterFacts, type ClusterFacts } from './cluster-facts.js';
import { inClusterRows } from './egress.js';
import { arcEndpoints, type ArcEndpoints } from './endpoints.js';
import { helmClientCheck } from './helm.js';
import type { Inputs } from './inputs.js';
import { clusterRows, egressRows, failed, MONITORING_PROVIDERS, providerRows, REQUIRED_PROVIDERS, type CheckRow } from './preflight.js';
import type { ConnectDeps } from './story.js';

/** What the pre-flight read (reads only): the cluster, Azure's view of it, the providers, egress, and what blocks. */
export interface Preflight {
  kc: KubeConfig;
  endpoints?: ArcEndpoints;
  providerStates: Record<string, string>;
  facts: ClusterFacts;
  armCluster?: ConnectedCluster;
  customLocationsOid?: string;
  /** Relay hosts the guest notification service listed for the region (empty when it could not be read). */
  relays: string[];
  /** Set when a check failed: the run stops before any change. */
  blocked?: string;
}

/** The resource providers the run needs: Arc's, and Monitoring's when Container Insights is requested. */
function providerNamespaces(inputs: Inputs): string[] {
  const monitoring = inputs.extensions.filter((e) => e.monitoring);
  return [
    ...REQUIRED_PROVIDERS,
    ...(monitoring.length ? MONITORING_PROVIDERS : []),
    ...(monitoring.some((e) => !e.monitoring!.useAADAuth) ? ['Microsoft.OperationsManagement'] : []),
  ];
}

/** Whether the cluster already runs agents of another resource, or the resource belongs to another cluster. */
function agentsRow(facts: ClusterFacts, armCluster: ConnectedCluster | undefined, ref: ClusterRef): CheckRow {
  const owner = facts.agentConfig ? ownerOf(facts.agentConfig) : undefined;
  if (facts.agentConfig && owner && owner.toLowerCase() !== ref.key)
    return {
      check: 'existing Arc agents',
      result: 'fail',
      detail: `the cluster already runs Arc agents connected to ${owner}`,
      fix: `disconnect it first (az connectedk8s delete --ids ${owner}) or use cluster-name ${facts.agentConfig.AZURE_RESOURCE_NAME} and resource-group ${facts.agentConfig.AZURE_RESOURCE_GROUP}`,
    };
  if (!facts.agentConfig && armCluster?.lastConnectivityTime)
    return {
      check: 'existing Arc agents',
      result: 'fail',
      detail: `${ref.id} exists and was connected (last at ${armCluster.lastConnectivityTime.toISOString()}) but this cluster runs no Arc agents: the resource belongs to a different Kubernetes cluster`,
      fix: 'choose another cluster-name, or delete the resource if that cluster is gone',
    };
  return {
    check: 'existing Arc agents',
    result: 'pass',
    detail: facts.agentConfig ? `already connected to ${ref.id}` : 'none (new onboarding)',
  };
}

/** Every pre-flight check, pushed onto `checks`; nothing is written. */
export async function runPreflight(
  inputs: Inputs,
  deps: ConnectDeps,
  azure: { arm: ArmClients; clusters: Clusters; ref: ClusterRef },
  checks: CheckRow[],
): Promise<Preflight> {
  const { identity, cluster, access, proxy } = inputs;
  let endpoints: ArcEndpoints | undefined = deps.endpoints;
  if (!endpoints) {
    try {
      endpoints = arcEndpoints(identity.environment, cluster.location, deps.rawEnvironment ?? readEnv('INPUT_ENVIRONMENT'));
    } catch (error) {
      checks.push({
        check: 'Arc endpoints',
        result: 'fail',
        detail: errorMessage(error),
        fix: 'add arcDataPlane and guestNotificationService to the environment JSON',
      });
    }
  }
  const kc = await loadKubeConfig({ kubeconfig: access.kubeconfig, context: access.kubeContext });
  const [providerStates, facts, armCluster, egress] = await Promise.all([
    readProviderStates(azure.arm, azure.ref.subscriptionId, providerNamespaces(inputs)).catch((e: unknown) => e as Error),
    readClusterFacts(kc).catch((e: unknown) => e as Error),
    azure.clusters.connected(azure.ref).catch((e: unknown) => e as Error),
    endpoints
      ? egressRows(endpoints, cluster.location, proxy, deps.trust, identity.environment)
      : Promise.resolve({ rows: [], relays: [] }),
  ]);
  if (providerStates instanceof Error)
    checks.push({
      check: 'resource providers',
      result: 'fail',
      detail: `could not be read: ${errorMessage(providerStates)}`,
      fix: 'give the identity Reader on the subscription',
    });
  else checks.push(...providerRows(providerStates, inputs.registerProviders));
  if (armCluster instanceof Error) throw armCluster;
  if (facts instanceof Error) {
    checks.push({
      check: 'cluster reachable',
      result: 'fail',
      detail: `${kc.getCurrentCluster()?.server} did not answer /version: ${errorMessage(facts).split('\n')[0]}`,
      fix: 'run the job on a runner that can reach the API server, and check the kubeconfig',
    });
  } else {
    checks.push(...clusterRows(facts, proxy), agentsRow(facts, armCluster, azure.ref));
  }
  checks.push(...egress.rows);
  if (inputs.egress.probe === 'in-cluster')
    checks.push(
      ...(facts instanceof Error
        ? [
            {
              check: 'in-cluster: egress probe',
              result: 'skipped' as const,
              detail: 'the cluster did not answer, so no probe Job could run',
            },
          ]
        : await inClusterRows(inputs, kc, endpoints, egress.relays, deps.trust)),
    );
  checks.push(await helmClientCheck(deps.helmBinary));
  // Custom locations (az connectedk8s check_cl_registration_and_get_oid): enabled when Microsoft.ExtendedLocation
  // is registered (or registered by this run) and the Custom Locations RP's object id is known. az looks the id up in
  // Microsoft Graph; here it is an input, because a CI identity usually may not read service principals.
  const extendedLocation =
    !(providerStates instanceof Error) && (providerStates['Microsoft.ExtendedLocation'] === 'Registered' || inputs.registerProviders);
  if (extendedLocation && !inputs.customLocationsOid)
    checks.push({
      check: 'custom locations',
      result: 'warn',
      detail: 'not enabled: the object id of the Custom Locations RP service principal is not known',
      fix: 'set custom-locations-oid to the output of: az ad sp show --id bc313c14-388c-4e7d-a58e-70017303ee3b --query id -o tsv',
    });
  const blocking = failed(checks);
  return {
    kc,
    endpoints,
    providerStates: providerStates as Record<string, string>,
    facts: facts as ClusterFacts,
    armCluster,
    customLocationsOid: extendedLocation ? inputs.customLocationsOid : undefined,
    relays: egress.relays,
    blocked: blocking.length
      ? `arc-connect stopped before any change: ${blocking.map((r) => `${r.check}: ${r.detail}${r.fix ? ` — fix: ${r.fix}` : ''}`).join('; ')}.`
      : undefined,
  };
}
