import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppsV1Api, CoreV1Api, KubeConfig, VersionApi } from '@kubernetes/client-node';
import type { LocalCluster } from './cluster.js';
import { chartsRoot } from './paths.js';

const run = promisify(execFile);

export interface AgentValues {
  subscriptionId: string;
  resourceGroup: string;
  resourceName: string;
  /** Azure region, e.g. eastus. */
  location: string;
  tenantId?: string;
  agentVersion?: string;
  /** Default ConnectedClusters. */
  clusterType?: string;
  /** e.g. eks, gke, generic (reported back as distribution). */
  distribution?: string;
  infrastructure?: string;
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
  proxyCert?: string;
  /** PEM private key of the connected cluster (stored in a Secret). */
  privateKey?: string;
  /** `global.azureEnvironment` (default AZUREPUBLICCLOUD, the Go SDK's name of the public cloud). */
  azureEnvironment?: string;
}

/** The cloud names the agents resolve (go-autorest `EnvironmentFromName`: the public and sovereign clouds). */
export const AGENT_CLOUD_NAMES = ['AZUREPUBLICCLOUD', 'AZUREUSGOVERNMENTCLOUD', 'AZURECHINACLOUD', 'AZUREGERMANCLOUD'];

export const AGENTS_RELEASE = 'azure-arc';
export const AGENTS_RELEASE_NAMESPACE = 'azure-arc-release';

/** Runs the real helm binary, hermetic (HELM_*_HOME under the cluster's dir) and with --kubeconfig. */
export async function helm(cluster: LocalCluster, args: readonly string[]): Promise<string> {
  const home = join(cluster.dir, 'helm');
  const env = {
    ...process.env,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    KUBECONFIG: cluster.kubeconfigPath,
  };
  await mkdir(home, { recursive: true });
  try {
    const { stdout } = await run(cluster.bins.helm, [...args, '--kubeconfig', cluster.kubeconfigPath], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error).trim();
    throw new Error(`helm ${args[0]} failed on cluster ${cluster.name}: ${stderr}`, { cause: error });
  }
}

/**
 * Installs (or upgrades) the Arc agents chart as `az connectedk8s connect` does: release azure-arc in namespace
 * azure-arc-release, agents in azure-arc. No --wait: readiness is what readAgentState reports.
 */
export async function helmInstallAgents(cluster: LocalCluster, values: AgentValues): Promise<void> {
  const chartValues = {
    global: {
      subscriptionId: values.subscriptionId,
      resourceGroupName: values.resourceGroup,
      resourceName: values.resourceName,
      location: values.location,
      tenantId: values.tenantId ?? '',
      clusterType: values.clusterType ?? 'ConnectedClusters',
      kubernetesDistro: values.distribution ?? 'generic',
      kubernetesInfra: values.infrastructure ?? 'generic',
      httpsProxy: values.httpsProxy ?? '',
      httpProxy: values.httpProxy ?? '',
      noProxy: values.noProxy ?? '',
      proxyCert: values.proxyCert ?? '',
      onboardingPrivateKey: values.privateKey ?? '',
      azureEnvironment: values.azureEnvironment ?? 'AZUREPUBLICCLOUD',
    },
    ...(values.agentVersion ? { agentVersion: values.agentVersion } : {}),
  };
  const valuesFile = join(cluster.dir, 'helm', `agents-values-${process.pid}-${Date.now()}.json`);
  await mkdir(join(cluster.dir, 'helm'), { recursive: true });
  await writeFile(valuesFile, JSON.stringify(chartValues), { mode: 0o600 });
  try {
    await helm(cluster, [
      'upgrade',
      '--install',
      AGENTS_RELEASE,
      join(chartsRoot, 'azure-arc-k8sagents'),
      '--namespace',
      AGENTS_RELEASE_NAMESPACE,
      '--create-namespace',
      '--values',
      valuesFile,
      '--no-hooks',
    ]);
  } finally {
    await rm(valuesFile, { force: true });
  }
}

export interface AgentState {
  /** ARM id of the connected cluster, from the agents' configuration. */
  resourceId?: string;
  agentVersion?: string;
  /** Every agent Deployment has all its replicas ready. */
  podsReady: boolean;
  nodeCount: number;
  kubernetesVersion: string;
  distribution: string;
  /** Why the agents cannot work, as they would report it (e.g. a cloud name they do not know). */
  agentError?: string;
}

/** A @kubernetes/client-node config from the cluster's kubeconfig (CA data and token embedded). */
export function kubeConfigOf(cluster: LocalCluster): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  return kc;
}

/**
 * What the Arc agents report to ARM: undefined when the agents are not installed; throws (one sentence) when
 * the API server cannot be reached, which the ARM side turns into connectivity Offline.
 */
export async function readAgentState(cluster: LocalCluster): Promise<AgentState | undefined> {
  const kc = kubeConfigOf(cluster);
  const core = kc.makeApiClient(CoreV1Api);
  try {
    let data: Record<string, string>;
    try {
      data = (await core.readNamespacedConfigMap({ name: 'azure-clusterconfig', namespace: 'azure-arc' })).data ?? {};
    } catch (error) {
      if ((error as { code?: number }).code === 404) return undefined;
      throw error;
    }
    const [deployments, nodes, version] = await Promise.all([
      kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: 'azure-arc' }),
      core.listNode(),
      kc.makeApiClient(VersionApi).getCode(),
    ]);
    const podsReady =
      deployments.items.length > 0 &&
      deployments.items.every(
        (d) =>
          (d.status?.readyReplicas ?? 0) >= (d.spec?.replicas ?? 1) && (d.status?.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0),
      );
    const { AZURE_SUBSCRIPTION_ID: sub, AZURE_RESOURCE_GROUP: rg, AZURE_RESOURCE_NAME: name } = data;
    return {
      resourceId:
        sub && rg && name
          ? `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Kubernetes/connectedClusters/${name}`
          : undefined,
      agentVersion: data.AZURE_ARC_AGENT_VERSION || undefined,
      podsReady,
      nodeCount: nodes.items.length,
      kubernetesVersion: version.gitVersion,
      distribution: data.KUBERNETES_DISTRO || 'generic',
      ...agentConfigurationError(data),
    };
  } catch (error) {
    throw new Error(`The agents of cluster ${cluster.name} could not be read from ${cluster.server}: ${describe(error)}`, { cause: error });
  }
}

/**
 * The agents resolve Azure's endpoints from `global.azureEnvironment` with the Go SDK (go-autorest
 * `azure.EnvironmentFromName`: AZUREPUBLICCLOUD, AZUREUSGOVERNMENTCLOUD, AZURECHINACLOUD, AZUREGERMANCLOUD) unless the
 * endpoints are overridden (custom clouds). Any other name leaves them without endpoints.
 */
function agentConfigurationError(data: Record<string, string>): { agentError?: string } {
  const name = data.AZURE_ENVIRONMENT ?? '';
  if (AGENT_CLOUD_NAMES.includes(name.toUpperCase()) || (name && data.ARM_ENDPOINT_OVERRIDE)) return {};
  return { agentError: `autorest/azure: There is no cloud environment matching the name "${name.toUpperCase()}"` };
}

function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
