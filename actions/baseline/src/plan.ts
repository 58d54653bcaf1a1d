import { formatDuration } from '@arc-actions/core';
import { clusterRef } from '@arc-actions/azure';
import { clusterAccessView } from '@arc-actions/action-arc-connect/inputs';
import type { ActionPlan } from '@arc-actions/report';
import type { Inputs } from './inputs.js';

/** The baseline's plan: what each phase does for this one cluster (the `plan` output and the summary's appendix). */
export function baselinePlan(inputs: Inputs): ActionPlan {
  const { identity, cluster, access, flux, policies } = inputs;
  const id = clusterRef(identity.subscriptionId!, cluster.resourceGroup, cluster.clusterName).id;
  const auth = flux?.auth;
  return {
    action: 'baseline',
    dryRun: inputs.dryRun,
    inputs: {
      ...clusterAccessView(inputs),
      extensions: inputs.extensions,
      addedExtensions: inputs.addedExtensions,
      roleAssignments: inputs.roleAssignments,
      flux: flux && {
        origin: flux.origin,
        name: flux.config.name,
        ref: flux.ref,
        kustomizations: Object.keys(flux.config.kustomizations),
        auth: auth?.kind,
      },
      policies,
      onboardingTimeout: formatDuration(inputs.onboardingTimeoutMs),
      timeout: formatDuration(inputs.timeoutMs),
      minAgentVersion: inputs.minAgentVersion,
      failOn: inputs.failOn,
      dryRun: inputs.dryRun,
    },
    steps: [
      {
        phase: 'inputs',
        what: `All inputs are valid${inputs.addedExtensions.length ? `; added extension(s) ${inputs.addedExtensions.join(', ')} that later steps need` : ''}.`,
      },
      {
        phase: 'credential',
        what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
      },
      {
        phase: 'targets',
        what: `Cluster ${id} in ${cluster.location}, reached through ${access.kubeconfig ? 'the kubeconfig input' : `the runner's kubeconfig`} (context ${access.kubeContext}).`,
      },
      {
        phase: 'plan',
        what: `Connect; extensions ${inputs.extensions.map((e) => e.name).join(', ') || 'none'}; ${flux ? `flux configuration ${flux.config.name}` : 'no flux configuration'}; ${policies ? `${policies.files.length} policy file(s) in audit` : 'no policies'}.`,
      },
      {
        phase: 'apply',
        what: inputs.dryRun
          ? 'Skipped: dry-run stops after the plan.'
          : 'In order: connect the cluster, install extensions, apply the flux configuration, assign policies in audit (never deny).',
      },
      {
        phase: 'observe',
        what: `Wait up to ${formatDuration(inputs.onboardingTimeoutMs)} for connectivity and extensions and ${formatDuration(inputs.timeoutMs)} for Flux compliance, then verify the cluster.`,
      },
      { phase: 'report', what: `Outputs cluster-id, status and plan; a summary per step; fail-on ${inputs.failOn}.` },
    ],
  };
}
