import type { KubeObject } from './rest.js';

/**
 * What the microsoft.flux extension's fluxconfig-agent creates in the cluster for one ARM fluxConfiguration:
 * a `GitRepository` named like the configuration, one `Kustomization` per entry named `<configuration>-<name>`
 * (both in the configuration's namespace), and, when the configuration carries credentials, a Secret in the
 * keys Flux reads (`username`/`password`, `identity`/`known_hosts`, `ca.crt`). Sources: Microsoft Learn
 * "GitOps (Flux v2) supported parameters" (local-auth-ref secret keys), the fluxConfigurations REST spec
 * (field names, `<configuration>-<kustomization>` statuses), Flux's GitRepository and Kustomization v1 APIs.
 */

export const SOURCE_API = 'source.toolkit.fluxcd.io/v1';
export const KUSTOMIZE_API = 'kustomize.toolkit.fluxcd.io/v1';
/** Label on every object the sandbox's fluxconfig-agent creates, valued with the configuration's name. */
export const CONFIGURATION_LABEL = 'sandbox.arc-actions.io/flux-configuration';

interface RepositoryRef {
  branch?: string;
  tag?: string;
  semver?: string;
  commit?: string;
}

/** ARM `properties` of a fluxConfiguration (what the sandbox's ARM stores, with its defaults filled in). */
export interface FluxConfigurationProperties {
  scope?: 'cluster' | 'namespace';
  namespace?: string;
  sourceKind?: string;
  suspend?: boolean;
  gitRepository?: {
    url: string;
    repositoryRef?: RepositoryRef | null;
    timeoutInSeconds?: number | null;
    syncIntervalInSeconds?: number | null;
    httpsUser?: string | null;
    /** Base64 known_hosts content. */
    sshKnownHosts?: string | null;
    /** Base64 PEM CA certificate. */
    httpsCACert?: string | null;
    localAuthRef?: string | null;
  } | null;
  kustomizations?: Record<
    string,
    {
      path?: string | null;
      dependsOn?: string[] | null;
      timeoutInSeconds?: number | null;
      syncIntervalInSeconds?: number | null;
      retryIntervalInSeconds?: number | null;
      prune?: boolean | null;
      force?: boolean | null;
      wait?: boolean | null;
      postBuild?: {
        substitute?: Record<string, string> | null;
        substituteFrom?: { kind: string; name: string; optional?: boolean }[] | null;
      } | null;
    } | null
  >;
}

/** `configurationProtectedSettings` as ARM received them (base64 values: httpsKey, sshPrivateKey). */
export type ProtectedSettings = Record<string, string>;

export interface FluxObjects {
  namespace: string;
  secret?: KubeObject;
  gitRepository: KubeObject;
  kustomizations: KubeObject[];
}

/** The Secret the extension creates for a configuration's credentials (undocumented name; see docs/sandbox.md). */
export const secretName = (configuration: string): string => `${configuration}-protected-parameters`;

const seconds = (value: number | null | undefined, fallback: number): string => `${value ?? fallback}s`;
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

function credentials(
  name: string,
  namespace: string,
  git: NonNullable<FluxConfigurationProperties['gitRepository']>,
  settings: ProtectedSettings,
): KubeObject | undefined {
  const data: Record<string, string> = {};
  if (git.httpsUser) data.username = b64(git.httpsUser);
  if (settings.httpsKey) data.password = settings.httpsKey;
  if (settings.sshPrivateKey) data.identity = settings.sshPrivateKey;
  if (git.sshKnownHosts) data.known_hosts = git.sshKnownHosts;
  if (git.httpsCACert) data['ca.crt'] = git.httpsCACert;
  if (Object.keys(data).length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: secretName(name), namespace, labels: { [CONFIGURATION_LABEL]: name } },
    type: 'Opaque',
    data,
  };
}

/** The Flux objects for one configuration. Throws for what the sandbox cannot play (sources other than Git). */
export function fluxObjects(name: string, props: FluxConfigurationProperties, settings: ProtectedSettings = {}): FluxObjects {
  const namespace = props.namespace ?? 'default';
  const kind = props.sourceKind ?? 'GitRepository';
  const git = props.gitRepository;
  if (kind.toLowerCase() !== 'gitrepository' || !git)
    throw new Error(`The sandbox's Flux plays GitRepository sources only; this configuration's source kind is ${kind}.`);
  const labels = { [CONFIGURATION_LABEL]: name };
  const suspend = props.suspend ?? false;
  const secret = git.localAuthRef ? undefined : credentials(name, namespace, git, settings);
  const ref = Object.fromEntries(Object.entries(git.repositoryRef ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''));
  const gitRepository: KubeObject = {
    apiVersion: SOURCE_API,
    kind: 'GitRepository',
    metadata: { name, namespace, labels },
    spec: {
      url: git.url,
      interval: seconds(git.syncIntervalInSeconds, 600),
      timeout: seconds(git.timeoutInSeconds, 600),
      ...(Object.keys(ref).length ? { ref } : {}),
      ...(git.localAuthRef || secret ? { secretRef: { name: git.localAuthRef ?? secretName(name) } } : {}),
      suspend,
    },
  };
  const kustomizations = Object.entries(props.kustomizations ?? {})
    .filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => !!entry[1])
    .map(([ks, k]): KubeObject => {
      const substitute = k.postBuild?.substitute && Object.keys(k.postBuild.substitute).length ? k.postBuild.substitute : undefined;
      const substituteFrom = k.postBuild?.substituteFrom?.length ? k.postBuild.substituteFrom : undefined;
      return {
        apiVersion: KUSTOMIZE_API,
        kind: 'Kustomization',
        metadata: { name: `${name}-${ks}`, namespace, labels },
        spec: {
          sourceRef: { kind: 'GitRepository', name },
          ...(k.path ? { path: k.path } : {}),
          interval: seconds(k.syncIntervalInSeconds, 600),
          ...(k.retryIntervalInSeconds ? { retryInterval: seconds(k.retryIntervalInSeconds, 600) } : {}),
          timeout: seconds(k.timeoutInSeconds, 600),
          prune: k.prune ?? false,
          force: k.force ?? false,
          wait: k.wait ?? true,
          ...(k.dependsOn?.length ? { dependsOn: k.dependsOn.map((d) => ({ name: `${name}-${d}` })) } : {}),
          ...(substitute || substituteFrom
            ? { postBuild: { ...(substitute ? { substitute } : {}), ...(substituteFrom ? { substituteFrom } : {}) } }
            : {}),
          suspend,
        },
      };
    });
  return { namespace, secret, gitRepository, kustomizations };
}
