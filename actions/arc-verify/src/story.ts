import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigurationError, errorMessage, mapSettled, readEnv, shardOf } from '@arc-actions/core';
import {
  armClientsFor,
  type ArmClients,
  clusterLabels,
  emptySelectionError,
  readFleetState,
  selectorScope,
  type FleetCluster,
} from '@arc-actions/azure';
import { publishOrWarn, type Octokit } from '@arc-actions/report';
import { armChecks, newestAgentVersion, type ArmCheckOptions } from './checks/arm-plane.js';
import type { CheckResult } from './checks/types.js';
import { checkExemptions } from './checks/exemptions.js';
import { withEgress } from './checks/egress.js';
import { startClusterConnect } from './cluster-connect.js';
import { assignmentsFor, inClusterChecks } from './in-cluster.js';
import { kubeconfigFor, type Inputs } from './inputs.js';
import { governance } from './governance.js';
import { verifyLogErrors } from './log-errors.js';
import { renderVerify } from './render.js';
import { readPrevious, readShardReports, regressionIssue } from './story-io.js';
import { buildReport, clusterStatus, mergeReports, type ClusterReport, type VerifyReport } from './report.js';

export interface VerifyDeps {
  clients?: ArmClients;
  octokit?: Octokit;
  now?: () => number;
  /** The `az` executable for cluster connect (tests put a stand-in on PATH instead). */
  az?: string;
  /** Called with the outcome before the regression issue is published, so that the summary and outputs go first. */
  onOutcome?: (outcome: VerifyOutcome) => Promise<void> | void;
}

export interface VerifyOutcome {
  report: VerifyReport;
  markdown: string;
  matrix: { shard: string[] };
  issue?: { outcome: string; number?: number };
}

const EXPECTED_EXTENSIONS = ['microsoft.policyinsights'];
const SHARD_SIZE = 50;

export async function runVerify(inputs: Inputs, deps: VerifyDeps = {}): Promise<VerifyOutcome> {
  const now = deps.now ?? Date.now;
  const previous = readPrevious(inputs.previousReport);
  let report: VerifyReport;
  let matrixCount = 1;
  if (inputs.mode === 'aggregate') {
    report = mergeReports(readShardReports(inputs.reportPath), now(), previous);
  } else {
    const clients = deps.clients ?? (await armClientsFor(inputs.identity));
    const subscription =
      inputs.identity.subscriptionId ?? (inputs.targets?.kind === 'targets' ? inputs.targets.targets[0].subscriptionId : undefined);
    if (
      !subscription &&
      !(
        inputs.targets?.kind === 'selector' &&
        (inputs.targets.selector.subscriptions.length || inputs.targets.selector.managementGroups.length)
      )
    ) {
      throw new ConfigurationError(
        'Input "subscription-id" is empty and the selector names no subscriptions or management groups; set one of them.',
        'subscription-id',
      );
    }
    const data = await readFleetState(
      clients,
      inputs.targets?.kind === 'targets' ? { refs: inputs.targets.targets } : { selector: inputs.targets?.selector },
      subscription ?? '',
    );
    if (inputs.targets?.kind === 'selector' && data.clusters.length === 0 && !inputs.allowEmpty)
      throw emptySelectionError(inputs.targets.selector, selectorScope(inputs.targets.selector, subscription));
    const options: ArmCheckOptions = {
      now: now(),
      minAgentVersion: inputs.minAgentVersion,
      certExpiryWarningMs: inputs.certExpiryWarningMs,
      maxHeartbeatAgeMs: 3_600_000,
      expectedExtensions: EXPECTED_EXTENSIONS,
    };
    const newest = newestAgentVersion(data.clusters);
    const sorted = [...data.clusters].sort((a, b) => a.id.localeCompare(b.id));
    // Rows are keyed by id and show the name, or the id where two clusters share a name.
    const labels = clusterLabels([...data.clusters.map((c) => c.ref), ...data.missing]);
    matrixCount = Math.min(256, Math.max(1, Math.ceil(sorted.length / SHARD_SIZE)));
    const mine = shardOf(sorted, inputs.shard);
    const gov = governance(data.clusters, {
      requiredTags: inputs.requiredTags ?? [],
      newestKubernetesMinor: inputs.newestKubernetesMinor,
      maxMinorsBehind: inputs.maxMinorsBehind ?? 2,
    });
    const { tenantId, environment } = inputs.identity;
    const logs = inputs.logErrorsMs
      ? await verifyLogErrors(clients, mine, labels, { windowMs: inputs.logErrorsMs, tenantId, environment })
      : undefined;
    const cache = new Map<string, number>();
    const settled = await mapSettled(mine, 4, async (cluster, i): Promise<ClusterReport> => {
      const { key } = cluster.ref;
      const checks: CheckResult[] = armChecks(
        { cluster, extensions: data.extensions.get(key) ?? [], flux: data.flux.get(key) ?? [], policy: data.policy.get(key) },
        newest,
        options,
      );
      checks.push(checkExemptions(cluster, data.exemptions, options.now, inputs.exemptionWarningDays ?? 14), ...gov.checks(cluster));
      if (logs?.checks.has(key)) checks.push(logs.checks.get(key)!);
      if (inputs.access !== 'none') checks.push(...(await clusterChecks(clients, cluster, inputs, cache, 47100 + i, deps.az)));
      return { id: cluster.id, name: labels.get(key)!, status: clusterStatus(checks), checks };
    });
    const clusters = settled.map((r, i) =>
      r.status === 'fulfilled'
        ? r.value
        : {
            id: mine[i].id,
            name: labels.get(mine[i].ref.key)!,
            status: 'fail' as const,
            checks: [{ check: 'verify', status: 'fail' as const, reason: `Verification failed: ${errorMessage(r.reason)}.` }],
          },
    );
    for (const ref of data.missing) {
      const check: CheckResult = {
        check: 'connectivity',
        status: 'fail',
        reason: `The ${ref.type === 'managedClusters' ? 'AKS cluster' : 'cluster'} is not in Resource Graph (deleted, or no read access).`,
        fix: "Check the id and the identity's Reader role.",
      };
      clusters.push({ id: ref.id, name: labels.get(ref.key)!, status: 'fail', checks: [check] });
    }
    report = buildReport(clusters, {
      now: now(),
      complete: data.complete && (logs?.complete ?? true),
      queries: data.queries + (logs?.graphCalls ?? 0),
      shard: inputs.shard ? `${inputs.shard.index}/${inputs.shard.count}` : undefined,
      previous,
      sections: { logErrors: logs?.section, governance: gov.section },
    });
  }
  mkdirSync(dirname(inputs.reportPath), { recursive: true });
  if (inputs.mode === 'verify') writeFileSync(inputs.reportPath, JSON.stringify(report, null, 2));
  else
    writeFileSync(
      join(statSync(inputs.reportPath).isDirectory() ? inputs.reportPath : dirname(inputs.reportPath), 'arc-verify-fleet-report.json'),
      JSON.stringify(report, null, 2),
    );
  const markdown = renderVerify(report);
  const outcome: VerifyOutcome = {
    report,
    markdown,
    matrix: { shard: Array.from({ length: matrixCount }, (_, i) => `${i + 1}/${matrixCount}`) },
  };
  await deps.onOutcome?.(outcome);
  if (inputs.issue && (inputs.mode === 'aggregate' || !inputs.shard))
    outcome.issue = await publishOrWarn('regression issue', () => regressionIssue(inputs, report, deps.octokit));
  return outcome;
}

async function clusterChecks(
  clients: ArmClients,
  cluster: FleetCluster,
  inputs: Inputs,
  cache: Map<string, number>,
  port: number,
  az?: string,
): Promise<CheckResult[]> {
  const assignments = await assignmentsFor(clients, cluster.ref, cache);
  if (inputs.access === 'kubeconfig') {
    const kubeconfig = kubeconfigFor(inputs.kubeconfigs, cluster.ref);
    if (!kubeconfig)
      return [
        { check: 'get-nodes', status: 'skipped', reason: 'No kubeconfig for this cluster in "kubeconfigs" (keyed by its id or its name).' },
      ];
    return withEgress(await inClusterChecks(kubeconfig, assignments, inputs.negativeTestNamespace), kubeconfig, cluster, inputs);
  }
  if (cluster.ref.type === 'managedClusters')
    return [
      { check: 'get-nodes', status: 'skipped', reason: 'Cluster connect reaches Arc clusters only; use access: kubeconfig for AKS.' },
    ];
  let session;
  try {
    session = await startClusterConnect(cluster.ref, {
      port,
      az,
      login: readEnv('ACTIONS_ID_TOKEN_REQUEST_URL')
        ? {
            clientId: inputs.identity.clientId,
            tenantId: inputs.identity.tenantId,
            audience: inputs.identity.audience,
            environment: inputs.identity.environment,
          }
        : undefined,
    });
  } catch (error) {
    return [
      {
        check: 'get-nodes',
        status: 'fail',
        reason: errorMessage(error),
        fix: 'Check that the cluster is Connected and the identity has Azure Arc Kubernetes Viewer on it.',
      },
    ];
  }
  try {
    return await inClusterChecks(session.kubeconfig, assignments, inputs.negativeTestNamespace);
  } finally {
    await session.stop();
  }
}
