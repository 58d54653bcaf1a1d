import { formatDuration, log } from '@arc-actions/core';
import { describeTargets, identityView } from '@arc-actions/azure';
import { runAction, type ActionPlan } from '@arc-actions/report';
import { applyFleet, publishFleetResult, type FleetDeps } from './story.js';
import { readInputs, type GitAuth, type Inputs } from './inputs.js';

const authView = (auth: GitAuth) =>
  auth.kind === 'https'
    ? { kind: 'https', user: auth.user, key: '***', from: auth.from }
    : auth.kind === 'ssh'
      ? { kind: 'ssh', privateKey: '***', knownHosts: auth.knownHosts ? 'set' : 'default', from: auth.from }
      : { kind: 'none' };

export function fluxPlan(inputs: Inputs): ActionPlan {
  const { identity, source, targets } = inputs;
  const { config } = source;
  const names = Object.keys(config.kustomizations);
  const where =
    targets.kind === 'targets'
      ? `${targets.targets.length} ${inputs.clusterType} cluster(s) listed in targets`
      : `the ${inputs.clusterType} clusters that the selector finds in Resource Graph`;
  return {
    action: 'flux-apply',
    dryRun: inputs.dryRun,
    inputs: {
      identity: identityView(identity),
      configuration: { origin: source.origin, ...config },
      ref: source.ref,
      auth: authView(source.auth),
      targets: describeTargets(targets),
      clusterType: inputs.clusterType,
      wait: inputs.wait,
      timeout: formatDuration(inputs.timeoutMs),
      concurrency: inputs.concurrency,
      deleteMissing: inputs.deleteMissing,
      dryRun: inputs.dryRun,
    },
    steps: [
      {
        phase: 'inputs',
        what: `Configuration "${config.name}" (${source.origin}) is valid: ${names.length} kustomization(s) ${names.join(', ')}.`,
      },
      {
        phase: 'credential',
        what: `GitHub OIDC token (audience ${identity.audience}) exchanged for an Entra token of client ${identity.clientId} in tenant ${identity.tenantId} (${identity.environment.name}).`,
      },
      { phase: 'targets', what: `Apply to ${where}.` },
      {
        phase: 'plan',
        what: `Compare the flux configuration "${config.name}" on each cluster with the file (${source.ref.kind} ${source.ref.value} of ${config.source.gitRepository.url}, ${source.auth.kind} auth)${inputs.deleteMissing ? '; configurations of this repository missing from the file are planned for deletion' : ''}.`,
      },
      {
        phase: 'apply',
        what: inputs.dryRun
          ? 'Skipped: dry-run stops after the plan.'
          : `PUT the changed configurations, at most ${inputs.concurrency} clusters at a time; secrets go to configurationProtectedSettings only.`,
      },
      {
        phase: 'observe',
        what: inputs.wait
          ? `Wait up to ${formatDuration(inputs.timeoutMs)} per cluster for the configuration to be compliant.`
          : 'Do not wait (wait: false).',
      },
      { phase: 'report', what: 'Outputs results and matrix; a summary table per cluster.' },
    ],
  };
}

export async function run(deps: FleetDeps = {}): Promise<void> {
  await runAction('flux-apply', async (action) => {
    const inputs = await action.phase('inputs', async () => {
      const read = readInputs();
      for (const warning of read.source.warnings) log.warning(warning);
      log.info(JSON.stringify(fluxPlan(read).steps, null, 2));
      return read;
    });
    const result = await action.phase('apply and observe', () => applyFleet(inputs, deps));
    await action.phase('report', () => publishFleetResult(result, { token: inputs.githubToken, summary: action.summary }));
    if (result.failed)
      action.fail(
        `flux-apply: ${result.report.counts.fail} of ${result.report.targets.length} clusters failed; see the results output and the step summary.`,
      );
  });
}
