import { isIPv4, isIPv6 } from 'node:net';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  ConfigurationError,
  booleanInput,
  durationInput,
  enumInput,
  listInput,
  maskSecret,
  optionalString,
  requiredString,
  shown,
  yamlInput,
} from '@arc-actions/core';
import { GUID, identityView, readAzureIdentityInputs, readDryRun, workspacePath, type AzureIdentityInputs } from '@arc-actions/azure';
import { parseExtensions, type ExtensionSpec } from './extensions.js';
import { parseKubeconfig } from '@arc-actions/kube';
import { readWorkloadIdentityInputs, type WorkloadIdentityInputs } from './workload-identity-inputs.js';

export const DISTRIBUTIONS = [
  'generic',
  'aks',
  'aks_edge_k3s',
  'aks_edge_k8s',
  'aks_management',
  'aks_workload',
  'canonical',
  'capz',
  'eks',
  'gke',
  'k3s',
  'k8s',
  'karbon',
  'kind',
  'microk8s',
  'minikube',
  'openshift',
  'rancher_rke',
  'rke2',
  'tkg',
] as const;
export const INFRASTRUCTURES = [
  'generic',
  'azure',
  'aws',
  'gcp',
  'azure_stack_hci',
  'azure_stack_hub',
  'azure_stack_edge',
  'vsphere',
  'windows_server',
] as const;
export const CLUSTER_ROLES = [
  'Azure Arc Enabled Kubernetes Cluster User Role',
  'Azure Arc Kubernetes Viewer',
  'Azure Arc Kubernetes Writer',
  'Azure Arc Kubernetes Admin',
  'Azure Arc Kubernetes Cluster Admin',
] as const;
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

export interface ClusterInputs {
  clusterName: string;
  resourceGroup: string;
  location: string;
  tags: Record<string, string>;
  distribution?: (typeof DISTRIBUTIONS)[number];
  infrastructure?: (typeof INFRASTRUCTURES)[number];
}

/** How the action reaches the cluster. `kubeconfig` is a secret: kept here, never printed. */
export interface KubeAccessInputs {
  kubeconfig?: string;
  kubeContext?: string;
  /** The API server of the chosen context, when the kubeconfig was given as content. */
  server?: string;
}

export interface ProxyInputs {
  /** Full URLs including any credentials (secrets, masked); use `display` in logs. */
  https?: string;
  http?: string;
  skipRange: string[];
  /** PEM content of the proxy's CA certificate. */
  cert?: string;
  display: { https?: string; http?: string; cert?: string };
}

export interface RoleAssignment {
  principalId: string;
  role: ClusterRole;
}

export interface Inputs {
  identity: AzureIdentityInputs;
  cluster: ClusterInputs;
  access: KubeAccessInputs;
  proxy: ProxyInputs;
  registerProviders: boolean;
  createResourceGroup: boolean;
  autoUpgrade: boolean;
  onboardingTimeoutMs: number;
  extensions: ExtensionSpec[];
  roleAssignments: RoleAssignment[];
  /** The OIDC issuer and workload identity, and the apps that use them (absent: the baseline, which has no such inputs). */
  workloadIdentity?: WorkloadIdentityInputs;
  /** Object id of the Custom Locations RP service principal: enables custom locations (as az does). */
  customLocationsOid?: string;
  egress: EgressInputs;
  dryRun: boolean;
}

/** Where egress is probed from, and where the allowlist for the proxy team goes. */
export interface EgressInputs {
  /** `runner`: the pre-flight probes from the runner only; `in-cluster`: also from a Job in the cluster. */
  probe: 'runner' | 'in-cluster';
  image?: string;
  /** Absolute path of the allowlist text file (the JSON document goes next to it); undefined = RUNNER_TEMP. */
  allowlistFile?: string;
  /** Absolute path of the previous allowlist (text or JSON), for what changed. */
  previousAllowlist?: string;
}

const CLUSTER_NAME = {
  regex: /^[A-Za-z0-9]([-_A-Za-z0-9]{0,61}[A-Za-z0-9])?$/,
  description: '1-63 letters, digits, - or _, starting and ending with a letter or digit',
};
export const RESOURCE_GROUP = {
  regex: /^[-\w.()]{0,89}[-\w()]$/,
  description: 'a resource group name (1-90 letters, digits, - _ ( ) ., not ending in .)',
};

/**
 * A YAML map whose keys must match `key`. zod reports bad record keys only as "Invalid key in record", so keys are
 * checked here to name the key and the rule.
 */
export function mapOf<V extends z.ZodType>(key: RegExp, keyRule: string, value: V, what: string) {
  return z
    .record(z.string(), value, { error: (i) => (i.code === 'invalid_type' ? `expected a YAML map of ${what}` : undefined) })
    .superRefine((map, ctx) => {
      for (const k of Object.keys(map)) if (!key.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: keyRule });
    });
}

const tagsSchema = mapOf(
  /^[^<>%&\\?/]{1,512}$/,
  'tag names are 1-512 characters and must not contain < > % & \\ ? /',
  z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(z.string().max(256, 'tag values are at most 256 characters')),
  'tag names to values',
).refine((t) => Object.keys(t).length <= 50, 'Azure allows at most 50 tags on a resource');

export function readClusterInputs(): ClusterInputs {
  const location = requiredString('location', { maxLength: 64 }).toLowerCase().replace(/\s+/g, '');
  if (!/^[a-z][a-z0-9]{1,40}$/.test(location)) {
    throw new ConfigurationError(
      `Input "location" has the value ${shown(location)}; allowed: an Azure region name such as westeurope or eastus2.`,
      'location',
    );
  }
  const distribution = optionalString('distribution') ? enumInput('distribution', DISTRIBUTIONS) : undefined;
  const infrastructure = optionalString('infrastructure') ? enumInput('infrastructure', INFRASTRUCTURES) : undefined;
  return {
    clusterName: requiredString('cluster-name', { pattern: CLUSTER_NAME }),
    resourceGroup: requiredString('resource-group', { pattern: RESOURCE_GROUP }),
    location,
    tags: yamlInput('tags', tagsSchema) ?? {},
    distribution,
    infrastructure,
  };
}

/** `kubeconfig` (content, a secret) and/or `kube-context`; at least one of them. */
export function readKubeAccessInputs(): KubeAccessInputs {
  const kubeconfig = optionalString('kubeconfig', { secret: true, maxLength: 1_048_576 });
  const kubeContext = optionalString('kube-context', {
    maxLength: 253,
    pattern: { regex: /^[^\s'"`]+$/, description: 'a context name without spaces or quotes' },
  });
  if (!kubeconfig && !kubeContext) {
    throw new ConfigurationError(
      'Inputs "kubeconfig" and "kube-context" are both empty; set "kubeconfig" to the content of a kubeconfig (from a secret) or "kube-context" to a context of the runner\'s KUBECONFIG.',
      'kubeconfig',
    );
  }
  if (!kubeconfig) return { kubeContext };
  const summary = parseKubeconfig(kubeconfig, 'kubeconfig', kubeContext);
  return { kubeconfig, kubeContext: summary.context, server: summary.server };
}

/** Shows a URL with its user-info replaced by ***, so proxy credentials never reach a log or a plan. */
export function hideUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1***@');
}

function proxyUrl(name: string): string | undefined {
  const value = optionalString(name, { maxLength: 2048 });
  if (!value) return undefined;
  maskUrlCredentials(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `Input "${name}" has the value ${shown(hideUserInfo(value))}, which is not a URL; use http://host:port or https://host:port.`,
      name,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      `Input "${name}" has the scheme "${url.protocol}"; allowed: http or https (for example http://proxy.corp:3128).`,
      name,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigurationError(
      `Input "${name}" has the value ${shown(hideUserInfo(value))}; a proxy URL has no path, query or fragment.`,
      name,
    );
  }
  return value;
}

/** Registers the whole URL and its password (raw and decoded) as secrets when it carries credentials. */
export function maskUrlCredentials(value: string): void {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*)@/i.exec(value);
  if (!match) return;
  maskSecret(value);
  const [, password] = match[1].split(/:(.*)/s);
  if (password) {
    maskSecret(password);
    try {
      maskSecret(decodeURIComponent(password));
    } catch {
      /* not percent-encoded */
    }
  }
}

/** An item of `proxy-skip-range` that is an IP address or a CIDR range must be a valid one (`10.0.0.0/33` is not). */
export function checkSkipRangeItem(item: string): void {
  const [address, prefix, extra] = item.split('/');
  const hostAndPort = /^[A-Za-z0-9.-]+:\d{1,5}$/.test(address);
  const looksLikeIp = /^[\d.]+$/.test(address) || (address.includes(':') && !hostAndPort);
  if (!looksLikeIp && prefix === undefined) return;
  const family = isIPv4(address) ? 4 : isIPv6(address) ? 6 : 0;
  const max = family === 4 ? 32 : 128;
  const fail = (why: string): never => {
    throw new ConfigurationError(`Input "proxy-skip-range" has the item ${shown(item)}, ${why}.`, 'proxy-skip-range');
  };
  if (!family) fail('which is not a valid IPv4 or IPv6 address (a CIDR range is an address, "/" and a prefix length)');
  if (extra !== undefined) fail('which has more than one "/"');
  if (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max))
    fail(`whose prefix length is not a whole number from 0 to ${max} (IPv${family})`);
}

export function readProxyInputs(): ProxyInputs {
  const https = proxyUrl('proxy-https');
  const http = proxyUrl('proxy-http');
  const skipRange = listInput('proxy-skip-range', {
    max: 200,
    item: { regex: /^[A-Za-z0-9.*:/_-]{1,253}$/, description: 'a host name, IP address, CIDR range or .domain suffix' },
  });
  for (const item of skipRange) checkSkipRangeItem(item);
  if (skipRange.length > 0 && !https && !http) {
    throw new ConfigurationError(
      'Input "proxy-skip-range" is set but "proxy-https" and "proxy-http" are empty; set a proxy or remove the skip range.',
      'proxy-skip-range',
    );
  }
  const certInput = optionalString('proxy-cert', { maxLength: 1_048_576 });
  let cert: string | undefined;
  let certDisplay: string | undefined;
  if (certInput) {
    if (certInput.includes('-----BEGIN')) {
      cert = certInput;
      certDisplay = '(inline PEM)';
    } else {
      const path = workspacePath('proxy-cert', certInput, { mustExist: 'file' });
      cert = readFileSync(path, 'utf8');
      certDisplay = certInput;
    }
    if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(cert)) {
      // A private key must never travel to the cluster's agents, nor stay readable in the log.
      maskSecret(cert);
      throw new ConfigurationError(
        `Input "proxy-cert" has ${certDisplay === '(inline PEM)' ? 'content' : `the file ${shown(certInput)}`} that contains a PRIVATE KEY; pass only the proxy's CA certificate (-----BEGIN CERTIFICATE-----) and keep the key out of the repository and the workflow.`,
        'proxy-cert',
      );
    }
    if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(cert)) {
      throw new ConfigurationError(
        `Input "proxy-cert" has ${certDisplay === '(inline PEM)' ? 'content' : `the file ${shown(certInput)}`} that is not a PEM certificate; expected -----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----.`,
        'proxy-cert',
      );
    }
  }
  return {
    https,
    http,
    skipRange,
    cert,
    display: { https: https && hideUserInfo(https), http: http && hideUserInfo(http), cert: certDisplay },
  };
}

const rolesSchema = mapOf(
  GUID,
  'keys must be principal object ids (GUIDs), not names or e-mail addresses',
  z.union([z.string(), z.array(z.string()).min(1)], { error: 'expected a role name or a list of role names' }),
  'principal ids to role names',
);

/** `role-assignments`: principal object id → one role name or a list of them, at cluster scope. */
export function readRoleAssignments(): RoleAssignment[] {
  const map = yamlInput('role-assignments', rolesSchema) ?? {};
  return Object.entries(map).flatMap(([principalId, roles]) =>
    (Array.isArray(roles) ? roles : [roles]).map((name) => {
      const role = CLUSTER_ROLES.find((r) => r.toLowerCase() === name.trim().toLowerCase());
      if (!role) {
        throw new ConfigurationError(
          `Input "role-assignments" gives principal ${principalId} the role ${shown(name)}; allowed: ${CLUSTER_ROLES.join(', ')}.`,
          'role-assignments',
        );
      }
      return { principalId: principalId.toLowerCase(), role };
    }),
  );
}

export const readOnboardingTimeout = (): number => durationInput('onboarding-timeout', { default: '15m', min: '1m', max: '6h' });

export function readExtensions(): ExtensionSpec[] {
  const text = optionalString('extensions', { maxLength: 65_536 });
  return text ? parseExtensions(text) : [];
}

/** Reads and validates every input of arc-connect; nothing is contacted before this returns. */
export function readInputs(): Inputs {
  return {
    identity: readAzureIdentityInputs({ subscriptionRequired: true }),
    cluster: readClusterInputs(),
    access: readKubeAccessInputs(),
    proxy: readProxyInputs(),
    registerProviders: booleanInput('register-providers', true),
    createResourceGroup: booleanInput('create-resource-group', true),
    autoUpgrade: booleanInput('auto-upgrade', true),
    onboardingTimeoutMs: readOnboardingTimeout(),
    extensions: readExtensions(),
    roleAssignments: readRoleAssignments(),
    customLocationsOid: optionalString('custom-locations-oid', {
      pattern: { regex: GUID, description: 'the object id (a GUID) of the Custom Locations RP service principal' },
    })?.toLowerCase(),
    workloadIdentity: readWorkloadIdentityInputs(),
    egress: readEgressInputs(),
    dryRun: readDryRun(),
  };
}

const IMAGE = {
  regex: /^[a-z0-9][a-z0-9._/:@-]{0,254}$/,
  description: 'a container image reference (registry/repository:tag or @sha256:digest)',
};

export function readEgressInputs(): EgressInputs {
  const file = optionalString('allowlist-file', { maxLength: 1024 });
  const previous = optionalString('previous-allowlist', { maxLength: 1024 });
  return {
    probe: enumInput('egress-probe', ['runner', 'in-cluster'] as const, 'runner'),
    image: optionalString('egress-probe-image', { maxLength: 255, pattern: IMAGE }),
    allowlistFile: file ? workspacePath('allowlist-file', file) : undefined,
    previousAllowlist: previous ? workspacePath('previous-allowlist', previous) : undefined,
  };
}

export { KNOWN_EXTENSIONS, type ExtensionSpec } from './extensions.js';

/** The identity, cluster, access and proxy as plans show them: no kubeconfig, no proxy credentials, no certificate body. */
export function clusterAccessView(inputs: Pick<Inputs, 'identity' | 'cluster' | 'access' | 'proxy'>): Record<string, unknown> {
  const { identity, cluster, access, proxy } = inputs;
  return {
    identity: identityView(identity),
    cluster,
    access: { kubeconfig: access.kubeconfig ? '***' : undefined, kubeContext: access.kubeContext, server: access.server },
    proxy: { https: proxy.display.https, http: proxy.display.http, skipRange: proxy.skipRange, cert: proxy.display.cert },
  };
}
