import { booleanInput, durationInput, enumInput, optionalString } from '@arc-actions/core';
import { readAzureIdentityInputs, readDryRun, type AzureIdentityInputs } from '@arc-actions/azure';
import {
  readClusterInputs,
  readExtensions,
  readKubeAccessInputs,
  readOnboardingTimeout,
  readProxyInputs,
  readRoleAssignments,
  type ClusterInputs,
  type KubeAccessInputs,
  type ProxyInputs,
  type RoleAssignment,
  KNOWN_EXTENSIONS,
  type ExtensionSpec,
} from '@arc-actions/action-arc-connect/inputs';
import { readFluxSource, type FluxSource } from '@arc-actions/action-flux-apply/inputs';
import { readPolicies, type PolicySource } from '@arc-actions/action-policy-rollout/inputs';

/** The root action: connect → extensions → flux → policy (audit) → verify, for one cluster. */
export interface Inputs {
  identity: AzureIdentityInputs;
  cluster: ClusterInputs;
  access: KubeAccessInputs;
  proxy: ProxyInputs;
  /** The requested extensions plus flux and azurepolicy when configuration or policies need them. */
  extensions: ExtensionSpec[];
  /** Names of the extensions added because a later step needs them. */
  addedExtensions: string[];
  roleAssignments: RoleAssignment[];
  flux?: FluxSource;
  policies?: PolicySource;
  onboardingTimeoutMs: number;
  timeoutMs: number;
  minAgentVersion?: string;
  failOn: 'fail' | 'warn' | 'never';
  createResourceGroup: boolean;
  dryRun: boolean;
}

function withNeeded(
  extensions: ExtensionSpec[],
  needed: (keyof typeof KNOWN_EXTENSIONS)[],
): { extensions: ExtensionSpec[]; added: string[] } {
  const added: string[] = [];
  const out = [...extensions];
  for (const short of needed) {
    const known = KNOWN_EXTENSIONS[short];
    if (!out.some((e) => e.extensionType.toLowerCase() === known.extensionType.toLowerCase())) {
      out.push({ name: known.name, extensionType: known.extensionType, autoUpgrade: true, scope: 'cluster', settings: {} });
      added.push(known.name);
    }
  }
  return { extensions: out, added };
}

export function readInputs(): Inputs {
  const identity = readAzureIdentityInputs({ subscriptionRequired: true });
  const cluster = readClusterInputs();
  const access = readKubeAccessInputs();
  const proxy = readProxyInputs();
  const requested = readExtensions();
  const roleAssignments = readRoleAssignments();
  const flux = optionalString('configuration') ? readFluxSource() : undefined;
  const policies = optionalString('policies') ? readPolicies() : undefined;
  const needed = [...(flux ? (['flux'] as const) : []), ...(policies ? (['azurepolicy'] as const) : [])];
  const { extensions, added } = withNeeded(requested, needed);
  return {
    identity,
    cluster,
    access,
    proxy,
    extensions,
    addedExtensions: added,
    roleAssignments,
    flux,
    policies,
    onboardingTimeoutMs: readOnboardingTimeout(),
    timeoutMs: durationInput('timeout', { default: '10m', min: '30s', max: '6h' }),
    minAgentVersion: optionalString('min-agent-version', {
      pattern: { regex: /^\d+\.\d+\.\d+$/, description: 'a version x.y.z such as 1.21.0' },
    }),
    failOn: enumInput('fail-on', ['fail', 'warn', 'never'] as const, 'fail'),
    createResourceGroup: booleanInput('create-resource-group', true),
    dryRun: readDryRun(),
  };
}
