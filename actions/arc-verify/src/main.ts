import { relative } from 'node:path';
import { formatDuration, runAction, setOutput } from '@arc-actions/core';
import { describeTargets, workspaceRoot } from '@arc-actions/azure';
import { reportPlan, type ActionPlan } from '../../arc-connect/src/plan-report.js';
import { readInputs, type Inputs } from './inputs.js';

/** The clusters of this shard: every count-th cluster starting at index, so shards stay balanced. */
export function shardOf<T>(items: readonly T[], shard?: { index: number; count: number }): T[] {
  return shard ? items.filter((_, i) => i % shard.count === shard.index - 1) : [...items];
}

export function verifyPlan(inputs: Inputs): ActionPlan {
  const { identity } = inputs;
  const rel = (p?: string) => (p ? relative(workspaceRoot(), p) || '.' : undefined);
  const checks = ['connectivity and agent version' + (inputs.minAgentVersion ? ` (≥ ${inputs.minAgentVersion})` : ''), 'extensions provisioned', 'Flux compliance', 'policy compliance', `certificates expiring within ${formatDuration(inputs.certExpiryWarningMs)}`];
  if (inputs.access !== 'none') checks.push(`in-cluster checks and a negative RBAC test in namespace ${inputs.negativeTestNamespace} (through ${inputs.access})`);
  return {
    action: 'arc-verify',
    dryRun: false,
    inputs: {
      identity: { clientId: identity.clientId, tenantId: identity.tenantId, subscriptionId: identity.subscriptionId, environment: identity.environment.name, audience: identity.audience },
      mode: inputs.mode,
      targets: describeTargets(inputs.targets),
      access: inputs.access,
      kubeconfigs: Object.fromEntries(Object.keys(inputs.kubeconfigs).map((k) => [k, '***'])),
      negativeTestNamespace: inputs.negativeTestNamespace,
      minAgentVersion: inputs.minAgentVersion,
      certExpiryWarning: formatDuration(inputs.certExpiryWarningMs),
      reportPath: rel(inputs.reportPath),
      previousReport: rel(inputs.previousReport),
      failOn: inputs.failOn,
      issue: inputs.issue,
      githubToken: inputs.githubToken ? '***' : undefined,
      shard: inputs.shard ? `${inputs.shard.index}/${inputs.shard.count}` : undefined,
    },
    steps:
      inputs.mode === 'aggregate'
        ? [
            { phase: 'inputs', what: `Read the shard reports in ${rel(inputs.reportPath)}.` },
            { phase: 'report', what: `Merge them into one report and status (fail-on ${inputs.failOn})${inputs.issue ? '; open or update the fleet issue' : ''}.` },
          ]
        : [
            { phase: 'inputs', what: 'All inputs are valid.' },
            { phase: 'credential', what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).` },
            { phase: 'targets', what: `${inputs.targets?.kind === 'targets' ? `${shardOf(inputs.targets.targets, inputs.shard).length} listed cluster(s)` : 'The clusters the selector finds in Resource Graph'}${inputs.shard ? `, shard ${inputs.shard.index} of ${inputs.shard.count}` : ''}.` },
            { phase: 'plan', what: `Checks: ${checks.join('; ')}.` },
            { phase: 'apply', what: 'Nothing: arc-verify only reads.' },
            { phase: 'observe', what: `Compare with ${rel(inputs.previousReport) ?? 'no previous report'} to show what changed.` },
            { phase: 'report', what: `Write ${rel(inputs.reportPath)}; outputs report, status and matrix; fail-on ${inputs.failOn}${inputs.issue ? '; open or update the fleet issue' : ''}.` },
          ],
  };
}

export async function run(): Promise<void> {
  await runAction('arc-verify', async () => {
    const inputs = readInputs();
    if (inputs.targets?.kind === 'targets') {
      setOutput('matrix', { include: shardOf(inputs.targets.targets, inputs.shard).map((t) => ({ cluster: t.name, target: t.id })) });
    }
    await reportPlan(verifyPlan(inputs), 'arc-verify validated its inputs and printed its plan; the checks arrive with the arc-verify issue, so no cluster was contacted.');
  });
}
