import type { KubeConfig, V1Node } from '@kubernetes/client-node';

/** What arc-connect reads from the cluster before deciding anything (all reads, no writes). */
export interface ClusterFacts {
  server: string;
  gitVersion: string;
  major: number;
  minor: number;
  /** Whether the caller may do `*` on `*` (SelfSubjectAccessReview), i.e. is cluster-admin. */
  clusterAdmin: boolean;
  adminReason?: string;
  /** ClusterIP of the `kubernetes` Service in `default`. */
  serviceIp?: string;
  /** The service CIDR (from the ServiceCIDR `kubernetes` object, else the /24 around serviceIp). */
  serviceCidr?: string;
  serviceCidrSource: 'ServiceCIDR' | 'derived /24' | 'unknown';
  nodes: { name: string; labels: Record<string, string>; providerId?: string; os?: string; arch?: string; kubeletVersion?: string }[];
  /** `azure-arc/azure-clusterconfig` data, when Arc agents are installed. */
  agentConfig?: Record<string, string>;
}

export const code = (e: unknown): number | undefined => (e as { code?: number } | undefined)?.code;

/** Reads version, access, service network, nodes and existing Arc agents. Throws when /version fails (unreachable). */
export async function readClusterFacts(kc: KubeConfig): Promise<ClusterFacts> {
  const k8s = await import('@kubernetes/client-node');
  const version = await kc.makeApiClient(k8s.VersionApi).getCode();
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const [review, service, nodes, config, cidr] = await Promise.all([
    kc
      .makeApiClient(k8s.AuthorizationV1Api)
      .createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb: '*', group: '*', resource: '*' } },
        },
      })
      .catch((e: unknown) => ({ status: { allowed: false, reason: `the access review failed (HTTP ${code(e) ?? '?'})` } })),
    core.readNamespacedService({ name: 'kubernetes', namespace: 'default' }).catch(() => undefined),
    core.listNode().catch(() => ({ items: [] as V1Node[] })),
    core.readNamespacedConfigMap({ name: 'azure-clusterconfig', namespace: 'azure-arc' }).catch((e: unknown) => {
      if (code(e) === 404) return undefined;
      throw e;
    }),
    kc
      .makeApiClient(k8s.NetworkingV1Api)
      .readServiceCIDR({ name: 'kubernetes' })
      .catch(() => undefined),
  ]);
  const serviceIp = service?.spec?.clusterIP && service.spec.clusterIP !== 'None' ? service.spec.clusterIP : undefined;
  const fromApi = cidr?.spec?.cidrs?.find((c) => !c.includes(':'));
  const derived = serviceIp && /^\d+\.\d+\.\d+\.\d+$/.test(serviceIp) ? `${serviceIp.split('.').slice(0, 3).join('.')}.0/24` : undefined;
  return {
    server: kc.getCurrentCluster()?.server ?? '',
    gitVersion: version.gitVersion,
    major: Number(version.major.replace(/\D/g, '')),
    minor: Number(version.minor.replace(/\D/g, '')),
    clusterAdmin: review.status?.allowed === true,
    adminReason: review.status?.reason,
    serviceIp,
    serviceCidr: fromApi ?? derived,
    serviceCidrSource: fromApi ? 'ServiceCIDR' : derived ? 'derived /24' : 'unknown',
    nodes: nodes.items.map((n) => ({
      name: n.metadata?.name ?? '',
      labels: n.metadata?.labels ?? {},
      providerId: n.spec?.providerID,
      os: n.status?.nodeInfo?.operatingSystem,
      arch: n.status?.nodeInfo?.architecture,
      kubeletVersion: n.status?.nodeInfo?.kubeletVersion,
    })),
    agentConfig: config ? (config.data ?? {}) : undefined,
  };
}

/** Distribution and infrastructure from node labels, provider ids and the version string (az's heuristics, extended). */
export function detectPlatform(facts: Pick<ClusterFacts, 'gitVersion' | 'nodes'>): { distribution: string; infrastructure: string } {
  const labels = facts.nodes.flatMap((n) => Object.keys(n.labels));
  const has = (prefix: string) => labels.some((l) => l.startsWith(prefix));
  const providers = facts.nodes.map((n) => n.providerId ?? '');
  const provider = (scheme: string) => providers.some((p) => p.startsWith(scheme));
  const v = facts.gitVersion;
  let distribution = 'generic';
  if (has('kubernetes.azure.com/')) distribution = 'aks';
  else if (has('eks.amazonaws.com/') || /-eks-/.test(v)) distribution = 'eks';
  else if (has('cloud.google.com/gke') || /-gke\./.test(v)) distribution = 'gke';
  else if (has('node.openshift.io/') || (has('node-role.kubernetes.io/master') && /openshift/i.test(v))) distribution = 'openshift';
  else if (/\+k3s/.test(v) || has('k3s.io/')) distribution = 'k3s';
  else if (/\+rke2/.test(v)) distribution = 'rke2';
  else if (has('microk8s.io/')) distribution = 'microk8s';
  else if (provider('kind://')) distribution = 'kind';
  else if (has('minikube.k8s.io/')) distribution = 'minikube';
  let infrastructure = 'generic';
  if (provider('azure://')) infrastructure = 'azure';
  else if (provider('aws://')) infrastructure = 'aws';
  else if (provider('gce://')) infrastructure = 'gcp';
  else if (provider('vsphere://')) infrastructure = 'vsphere';
  return { distribution, infrastructure };
}

// ---- proxy-skip-range

const ipToInt = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);

function cidrContains(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split('/');
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(base) || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const n = Number(bits ?? 32);
  if (!(n >= 0 && n <= 32)) return false;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return (ipToInt(base) & mask) >>> 0 === (ipToInt(ip) & mask) >>> 0;
}

/** Whether a skip-range entry covers a whole CIDR (the CIDR itself or a wider one containing it). */
function coversCidr(entry: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const [eBase, eBits] = entry.split('/');
  if (eBits === undefined) return false;
  return Number(eBits) <= Number(bits) && cidrContains(`${eBase}/${eBits}`, base);
}

/** The in-cluster names the agents must reach without the proxy. */
export const REQUIRED_SKIP_NAMES = ['kubernetes.default.svc', '.svc.cluster.local', '.svc'];

/** What `proxy-skip-range` lacks for the agents to reach the API server and in-cluster services directly. */
export function missingSkipEntries(skipRange: readonly string[], serviceCidr: string | undefined): string[] {
  const entries = skipRange.map((e) => e.trim().toLowerCase());
  const missing: string[] = [];
  if (serviceCidr && !entries.some((e) => coversCidr(e, serviceCidr))) missing.push(serviceCidr);
  for (const name of REQUIRED_SKIP_NAMES) if (!entries.includes(name)) missing.push(name);
  return missing;
}
