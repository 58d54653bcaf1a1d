import { ExtensionInstaller, resourceGroupExists, type ArmClients, type ClusterRef, type ConnectedCluster } from '@arc-actions/azure';
import { log, RetryBudget, type Change } from '@arc-actions/core';
import { agentValues, diffValues } from './agents.js';
import { detectPlatform } from './cluster-facts.js';
import { generateAgentKeys, RELEASE_NAMESPACE, type Helm } from './helm.js';
import type { Inputs } from './inputs.js';
import type { Preflight } from './preflight-checks.js';
import {
  fingerprintTags,
  planExtensions,
  planRoles,
  type ExtensionContext,
  type ExtensionWithSecrets,
  type PlannedExtension,
  type PlannedRole,
} from './reconcile.js';
import type { ConnectDeps } from './story.js';
import { changesView, describeChange } from './summary.js';

/** Everything the apply phase writes, decided before the first write (reads only). */
export interface ConnectPlan {
  states: Record<string, string>;
  toRegister: string[];
  rgExists: boolean;
  platform: { distribution: string; infrastructure: string };
  reonboard: boolean;
  actualTags: Record<string, string>;
  desiredTags: Record<string, string>;
  clusterChange: Change;
  helm: Helm;
  releaseNamespace: string;
  keys?: { privateKey: string; publicKey: string };
  values: Record<string, any>;
  helmChange: Change;
  extensionContext: ExtensionContext;
  extensions: PlannedExtension[];
  roles: PlannedRole[];
}

/** The connectedCluster's change: create, re-onboard with a new key, tags, or nothing. */
function clusterChangeOf(
  ref: ClusterRef,
  armCluster: ConnectedCluster | undefined,
  reonboard: boolean,
  tagFields: Change['fields'],
  platform: ConnectPlan['platform'],
  distribution: string | undefined,
): Change {
  const base = { resourceType: 'connectedCluster', resourceId: ref.id, name: ref.name };
  const change: Change = !armCluster
    ? {
        ...base,
        kind: 'create',
        fields: [
          { path: 'distribution', before: undefined, after: platform.distribution },
          { path: 'infrastructure', before: undefined, after: platform.infrastructure },
          ...tagFields,
        ],
      }
    : reonboard
      ? {
          ...base,
          kind: 'update',
          fields: [{ path: 'agentPublicKeyCertificate', before: '(never used)', after: '(new key)' }, ...tagFields],
        }
      : { ...base, kind: tagFields.length ? 'update' : 'unchanged', fields: tagFields };
  if (distribution && armCluster?.distribution && armCluster.distribution !== distribution && change.kind !== 'create') {
    change.kind = 'update';
    change.fields.push({ path: 'distribution', before: armCluster.distribution, after: distribution });
  }
  return change;
}

/** Desired against actual for providers, resource group, cluster, agents, extensions and roles; pushes onto `changes`. */
export async function planConnect(
  inputs: Inputs,
  deps: ConnectDeps,
  azure: { arm: ArmClients; ref: ClusterRef },
  pre: Preflight,
  helm: Helm,
  changes: Change[],
  plan: Record<string, unknown>,
): Promise<ConnectPlan> {
  const { identity, cluster, proxy } = inputs;
  const { arm, ref } = azure;
  const { facts, armCluster } = pre;
  const states = pre.providerStates;
  const toRegister = Object.entries(states)
    .filter(([, s]) => s !== 'Registered')
    .map(([ns]) => ns);
  for (const ns of toRegister)
    changes.push({
      kind: 'update',
      resourceType: 'provider',
      resourceId: `/subscriptions/${ref.subscriptionId}/providers/${ns}`,
      name: ns,
      fields: [{ path: 'registrationState', before: states[ns], after: 'Registered' }],
    });

  const rgExists = await resourceGroupExists(arm, ref.subscriptionId, ref.resourceGroup);
  if (!rgExists) {
    if (!inputs.createResourceGroup)
      throw new Error(
        `The resource group ${cluster.resourceGroup} does not exist and "create-resource-group" is false; create it or set create-resource-group: true.`,
      );
    changes.push({
      kind: 'create',
      resourceType: 'resourceGroup',
      resourceId: `/subscriptions/${ref.subscriptionId}/resourceGroups/${cluster.resourceGroup}`,
      name: cluster.resourceGroup,
      fields: [{ path: 'location', before: undefined, after: cluster.location }],
    });
  }

  const detected = detectPlatform(facts);
  const platform = {
    distribution: cluster.distribution ?? detected.distribution,
    infrastructure: cluster.infrastructure ?? detected.infrastructure,
  };
  const agentsOurs = !!facts.agentConfig;
  const reonboard = !armCluster || !agentsOurs;
  const actualTags = armCluster?.tags ?? {};
  const extensionContext: ExtensionContext = {
    arm,
    installer: new ExtensionInstaller(arm, new RetryBudget(20), { timeoutMs: inputs.onboardingTimeoutMs, pollMs: deps.pollMs }),
    environment: identity.environment,
    cluster: { ...ref, location: cluster.location },
    clusterTags: actualTags,
  };
  const extensions = await planExtensions(extensionContext, inputs.extensions as ExtensionWithSecrets[]);
  const desiredTags = { ...cluster.tags, ...fingerprintTags(ref.id, extensions) };
  const tagFields = Object.entries(desiredTags)
    .filter(([k, v]) => actualTags[k] !== v)
    .map(([k, v]) => ({ path: `tags.${k}`, before: actualTags[k], after: v }));
  const clusterChange = clusterChangeOf(ref, armCluster, reonboard, tagFields, platform, cluster.distribution);
  changes.push(clusterChange);

  // helm: compare the release's values with the desired ones (reusing the installed key, as az re-uses it). The
  // release is looked for in every namespace, as az does (older onboardings installed it elsewhere).
  const release = await helm.findRelease();
  if (release && !facts.agentConfig)
    throw new Error(
      `The helm release azure-arc is present in namespace ${release.namespace} but the azure-arc namespace or its azure-clusterconfig ConfigMap is missing; run helm delete azure-arc --namespace ${release.namespace} --no-hooks and connect again.`,
    );
  const releaseNamespace = release?.namespace ?? RELEASE_NAMESPACE;
  const installed = agentsOurs && release ? await helm.getValues(release.namespace) : undefined;
  const installedKey =
    typeof installed?.global?.onboardingPrivateKey === 'string' ? (installed.global.onboardingPrivateKey as string) : undefined;
  const keys = reonboard || !installedKey ? generateAgentKeys() : undefined;
  const values = agentValues(inputs, platform, keys?.privateKey ?? installedKey!, proxy.skipRange.join(','), {
    endpoints: identity.environment.custom ? pre.endpoints : undefined,
    customLocationsOid: pre.customLocationsOid,
  });
  const helmFields = installed ? diffValues(installed, values) : [{ path: 'release', before: undefined, after: 'azure-arc' }];
  const helmChange: Change = {
    kind: !installed ? 'create' : helmFields.length ? 'update' : 'unchanged',
    resourceType: 'helmRelease',
    resourceId: `${releaseNamespace}/azure-arc`,
    name: 'azure-arc (Arc agents)',
    fields: helmFields,
  };
  changes.push(helmChange);

  const roles = await planRoles(arm, ref, inputs.roleAssignments, !!armCluster);
  changes.push(...extensions.flatMap((e) => [...(e.monitoring?.changes ?? []), e.change]), ...roles.map((r) => r.change));
  Object.assign(plan, { platform, changes: changesView(changes) });
  log.info(
    `Plan for ${ref.id}: ${
      changes
        .filter((c) => c.kind !== 'unchanged')
        .map(describeChange)
        .join('; ') || 'nothing to change'
    }.`,
  );
  return {
    states,
    toRegister,
    rgExists,
    platform,
    reonboard,
    actualTags,
    desiredTags,
    clusterChange,
    helm,
    releaseNamespace,
    keys,
    values,
    helmChange,
    extensionContext,
    extensions,
    roles,
  };
}
