import { formatDuration, runAction } from '@arc-actions/core';
import { reportPlan, type ActionPlan } from '../../arc-connect/src/plan-report.js';
import { readInputs, type Inputs } from './inputs.js';

export function policyPlan(inputs: Inputs): ActionPlan {
  const { identity, policies } = inputs;
  const scope = `${inputs.assignment ? `assignment ${inputs.assignment}` : 'every assignment in the files'}${inputs.ring ? ` in ring ${inputs.ring}` : ''}`;
  const apply =
    inputs.mode === 'plan' ? 'Nothing: mode plan only reports the differences.'
    : inputs.dryRun ? 'Skipped: dry-run stops after the plan.'
    : inputs.mode === 'apply' ? `Create or update the definitions and ${scope}, new rings in audit.`
    : `Promote ${scope} to the next ring (audit → deny) if the gate passes.`;
  return {
    action: 'policy-rollout',
    dryRun: inputs.dryRun,
    inputs: {
      identity: { clientId: identity.clientId, tenantId: identity.tenantId, subscriptionId: identity.subscriptionId, environment: identity.environment.name, audience: identity.audience },
      mode: inputs.mode,
      policies,
      assignment: inputs.assignment,
      ring: inputs.ring,
      minSoak: formatDuration(inputs.minSoakMs),
      maxStaleness: formatDuration(inputs.maxStalenessMs),
      syncAllowance: formatDuration(inputs.syncAllowanceMs),
      githubToken: inputs.githubToken ? '***' : undefined,
      checkName: inputs.checkName,
      comment: inputs.comment,
      dryRun: inputs.dryRun,
    },
    steps: [
      { phase: 'inputs', what: `Policies from ${policies.path}: ${policies.files.length} file(s).` },
      { phase: 'credential', what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).` },
      { phase: 'targets', what: `The scopes and rings named in the policy files, limited to ${scope}.` },
      { phase: 'plan', what: 'Compare definitions, assignments, effects per ring and exemptions with Azure.' },
      { phase: 'apply', what: apply },
      { phase: 'observe', what: `Gate: compliance data newer than ${formatDuration(inputs.maxStalenessMs)} (allowing ${formatDuration(inputs.syncAllowanceMs)} for sync), ring soaked at least ${formatDuration(inputs.minSoakMs)}, no violations.` },
      { phase: 'report', what: `Outputs result, promoted, violations and gate; check run "${inputs.checkName}"${inputs.comment ? ' and a sticky pull request comment' : ''}.` },
    ],
  };
}

export async function run(): Promise<void> {
  await runAction('policy-rollout', async () => {
    const inputs = readInputs();
    await reportPlan(policyPlan(inputs), 'policy-rollout validated its inputs and printed its plan; the policy file format and rollout arrive with the policy-rollout issue, so nothing was changed.');
  });
}
