import { formatDuration, log, setOutput } from '@arc-actions/core';
import { connectCluster, type ConnectDeps } from './story.js';
import { clusterRef } from '@arc-actions/azure';
import { clusterAccessView, readInputs, type Inputs } from './inputs.js';
import { runAction, type ActionPlan } from '@arc-actions/report';

/** The redacted, plain-data view of the inputs: no kubeconfig, no proxy credentials, no certificate body. */
export function inputsView(inputs: Inputs): Record<string, unknown> {
  return {
    ...clusterAccessView(inputs),
    registerProviders: inputs.registerProviders,
    createResourceGroup: inputs.createResourceGroup,
    autoUpgrade: inputs.autoUpgrade,
    onboardingTimeout: formatDuration(inputs.onboardingTimeoutMs),
    extensions: inputs.extensions,
    roleAssignments: inputs.roleAssignments,
    customLocationsOid: inputs.customLocationsOid,
    workloadIdentity: inputs.workloadIdentity?.enabled ?? false,
    apps: inputs.workloadIdentity?.apps.map((a) => ({ ...a, path: a.displayPath, identity: a.identity.id })) ?? [],
    egress: { probe: inputs.egress.probe, image: inputs.egress.image },
    dryRun: inputs.dryRun,
  };
}

export function connectPlan(inputs: Inputs): ActionPlan {
  const { identity, cluster, access, proxy } = inputs;
  const id = clusterRef(identity.subscriptionId!, cluster.resourceGroup, cluster.clusterName).id;
  const apply = inputs.dryRun
    ? 'Skipped: dry-run stops after the plan.'
    : [
        inputs.registerProviders
          ? 'Register Microsoft.Kubernetes, Microsoft.KubernetesConfiguration and Microsoft.ExtendedLocation where needed'
          : 'Leave resource providers as they are',
        inputs.createResourceGroup
          ? `create resource group ${cluster.resourceGroup} in ${cluster.location} if missing`
          : `require resource group ${cluster.resourceGroup} to exist`,
        `PUT the connectedCluster with a new agent key, then install the Arc agents${proxy.display.https || proxy.display.http ? ' through the proxy' : ''} (auto-upgrade ${inputs.autoUpgrade ? 'on' : 'off'})`,
        inputs.extensions.length ? `install or update extensions ${inputs.extensions.map((e) => e.name).join(', ')}` : 'no extensions',
        inputs.roleAssignments.length ? `assign ${inputs.roleAssignments.length} role(s) at cluster scope` : 'no role assignments',
        inputs.workloadIdentity?.enabled
          ? `enable the OIDC issuer and workload identity, then ${inputs.workloadIdentity.apps.length} app(s)' federated credentials and manifests`
          : 'no workload identity',
      ].join('; ') + '.';
  return {
    action: 'arc-connect',
    dryRun: inputs.dryRun,
    inputs: inputsView(inputs),
    steps: [
      { phase: 'inputs', what: 'All inputs are valid.' },
      {
        phase: 'credential',
        what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
      },
      {
        phase: 'targets',
        what: `Cluster ${id}, reached through ${access.kubeconfig ? `the kubeconfig input (context ${access.kubeContext}, ${access.server})` : `the runner's kubeconfig, context ${access.kubeContext}`}.`,
      },
      {
        phase: 'plan',
        what: `Compare the connectedCluster, ${inputs.extensions.length} extension(s) and ${inputs.roleAssignments.length} role assignment(s) with Azure; read distribution and infrastructure from the cluster where not given.`,
      },
      { phase: 'apply', what: apply },
      {
        phase: 'observe',
        what: `Wait up to ${formatDuration(inputs.onboardingTimeoutMs)} for connectivity status Connected and every extension to succeed.`,
      },
      {
        phase: 'report',
        what: 'Outputs cluster-id, connectivity-status, agent-version, result, plan, allowlist and allowlist-file; a summary of the changes and of the allowlist.',
      },
    ],
  };
}

export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction('arc-connect', async (action) => {
    const inputs = await action.phase('inputs', async () => {
      const read = readInputs();
      log.info(JSON.stringify(connectPlan(read).steps, null, 2));
      return read;
    });
    const result = await action.phase('connect', () => connectCluster(inputs, deps));
    setOutput('cluster-id', result.clusterId);
    setOutput('connectivity-status', result.connectivityStatus ?? '');
    setOutput('agent-version', result.agentVersion ?? '');
    setOutput('result', result.result);
    setOutput('plan', result.plan);
    setOutput('oidc-issuer-url', result.oidcIssuerUrl ?? '');
    setOutput('apps', result.apps ?? []);
    setOutput('allowlist', result.allowlist?.document ?? '');
    setOutput('allowlist-file', result.allowlist?.file ?? '');
    await action.summary(result.summary);
    if (result.failure) action.fail(`arc-connect failed: ${result.failure}`);
  });
}
