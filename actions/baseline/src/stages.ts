import { join } from 'node:path';
import { readEnv } from '@arc-actions/core';
import { workspaceRoot, type ClusterRef } from '@arc-actions/azure';
import type { Inputs as ConnectInputs } from '@arc-actions/action-arc-connect/inputs';
import type { Inputs as FluxInputs } from '@arc-actions/action-flux-apply/inputs';
import type { Inputs as PolicyInputs } from '@arc-actions/action-policy-rollout/inputs';
import type { Inputs as VerifyInputs } from '@arc-actions/action-arc-verify/inputs';
import type { Inputs } from './inputs.js';

// Each action's Inputs, built from the baseline's inputs: the same library calls as the four actions.
export function connectInputs(inputs: Inputs): ConnectInputs {
  return {
    identity: inputs.identity,
    cluster: inputs.cluster,
    access: inputs.access,
    proxy: inputs.proxy,
    registerProviders: true,
    createResourceGroup: inputs.createResourceGroup,
    autoUpgrade: true,
    onboardingTimeoutMs: inputs.onboardingTimeoutMs,
    extensions: inputs.extensions,
    roleAssignments: inputs.roleAssignments,
    egress: { probe: 'runner' },
    dryRun: inputs.dryRun,
  };
}

export function fluxInputs(inputs: Inputs, ref: ClusterRef): FluxInputs | undefined {
  if (!inputs.flux) return undefined;
  return {
    identity: inputs.identity,
    source: inputs.flux,
    targets: { kind: 'targets', targets: [ref] },
    clusterType: 'connectedClusters',
    wait: true,
    timeoutMs: inputs.timeoutMs,
    concurrency: 1,
    deleteMissing: false,
    dryRun: inputs.dryRun,
  };
}

export function policyInputs(inputs: Inputs): PolicyInputs | undefined {
  if (!inputs.policies) return undefined;
  return {
    identity: inputs.identity,
    mode: 'apply',
    policies: inputs.policies,
    // Only used by promote, which the baseline never runs.
    minSoakMs: 0,
    maxStalenessMs: 24 * 3_600_000,
    syncAllowanceMs: 30 * 60_000,
    checkName: 'Arc baseline policy',
    comment: false,
    dryRun: inputs.dryRun,
  };
}

export function verifyInputs(inputs: Inputs, ref: ClusterRef, kubeconfig: string): VerifyInputs {
  return {
    identity: inputs.identity,
    mode: 'verify',
    targets: { kind: 'targets', targets: [ref] },
    access: 'kubeconfig',
    kubeconfigs: { [ref.id]: kubeconfig },
    negativeTestNamespace: 'default',
    minAgentVersion: inputs.minAgentVersion,
    certExpiryWarningMs: 30 * 86_400_000,
    reportPath: join(readEnv('RUNNER_TEMP') ?? workspaceRoot(), 'arc-baseline-verify.json'),
    failOn: inputs.failOn,
    issue: false,
  };
}
