import { armClientsFor, Clusters, clusterRef, type ArmClients } from '@arc-actions/azure';
import { errorMessage, redact, type Change } from '@arc-actions/core';
import { maskKubeconfig } from '@arc-actions/kube';
import { applyConnect } from './apply.js';
import { writeAllowlist, type AllowlistOutcome } from './egress.js';
import type { ArcEndpoints } from './endpoints.js';
import { Helm } from './helm.js';
import { maskUrlCredentials, type Inputs } from './inputs.js';
import { planConnect } from './plan.js';
import { runPreflight } from './preflight-checks.js';
import type { CheckRow } from './preflight.js';
import { describeChange, renderSummary } from './summary.js';
import { applyWorkloadIdentity, planWorkloadIdentity, type AppResult } from './workload-identity.js';

export { agentValues, type AgentExtras } from './agents.js';
export { renderSummary } from './summary.js';

export interface ConnectDeps {
  /** ARM clients (default: GitHub OIDC credential for the identity inputs). */
  arm?: ArmClients;
  /** The raw `environment` input, for custom Arc endpoints (default: INPUT_ENVIRONMENT). */
  rawEnvironment?: string;
  /** Arc data-plane endpoints (default: derived from the environment). */
  endpoints?: ArcEndpoints;
  /** The helm binary (default: HELM_CLIENT_PATH or `helm` on PATH). */
  helmBinary?: string;
  /** Extra trust anchors (PEM) for the egress probes, besides Node's defaults and proxy-cert. */
  trust?: string[];
  /** GITHUB_* variables for provenance (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Deadline for provider registration (default 5 min). */
  registrationTimeoutMs?: number;
  /** Poll interval bounds while waiting for Connected (default 2 s .. 15 s). */
  pollMs?: { initial: number; max: number };
}

export interface ConnectResult {
  clusterId: string;
  result: 'created' | 'updated' | 'unchanged' | 'failed';
  connectivityStatus?: string;
  agentVersion?: string;
  dryRun: boolean;
  checks: CheckRow[];
  changes: Change[];
  /** JSON-ready plan (desired vs actual), for the `plan` output. */
  plan: Record<string, unknown>;
  /** Step summary markdown (already redacted). */
  summary: string;
  /** Set when the run failed: one paragraph saying why, how to fix it, and what was changed before. */
  failure?: string;
  /** With workload-identity: the cluster's OIDC issuer URL and what was done for each app. */
  oidcIssuerUrl?: string;
  apps?: AppResult[];
  /** The region's allowlist for the proxy team (written even when the pre-flight failed). */
  allowlist?: AllowlistOutcome;
}

/** The whole arc-connect story for one cluster: pre-flight, plan, (dry-run stop), apply, observe, report. */
export async function connectCluster(inputs: Inputs, deps: ConnectDeps = {}): Promise<ConnectResult> {
  const { identity, cluster, access, proxy } = inputs;
  const ref = clusterRef(identity.subscriptionId!, cluster.resourceGroup, cluster.clusterName);
  for (const value of [proxy.https, proxy.http]) if (value) maskUrlCredentials(value);
  if (access.kubeconfig) maskKubeconfig(access.kubeconfig);
  const arm = deps.arm ?? (await armClientsFor(identity));
  const azure = { arm, clusters: new Clusters(arm), ref };
  const checks: CheckRow[] = [];
  const changes: Change[] = [];
  const plan: Record<string, unknown> = { clusterId: ref.id, dryRun: inputs.dryRun };
  let helm: Helm | undefined;
  let allowlist: AllowlistOutcome | undefined;
  const finish = (partial: Omit<ConnectResult, 'clusterId' | 'checks' | 'changes' | 'plan' | 'summary' | 'dryRun'>): ConnectResult => {
    const result = { clusterId: ref.id, checks, changes, plan, dryRun: inputs.dryRun, allowlist, ...partial, summary: '' };
    result.summary = redact(renderSummary(result));
    if (result.failure) result.failure = redact(result.failure);
    return result;
  };

  try {
    const pre = await runPreflight(inputs, deps, azure, checks);
    allowlist = writeAllowlist(inputs, pre.endpoints, pre.relays);
    if (pre.blocked) return finish({ result: 'failed', failure: pre.blocked });
    helm = await Helm.create({
      binary: deps.helmBinary,
      kubeconfig: access.kubeconfig,
      kubeContext: access.kubeContext,
      trust: [...(deps.trust ?? []), ...(proxy.cert ? [proxy.cert] : [])],
    });
    const planned = await planConnect(inputs, deps, azure, pre, helm, changes, plan);
    const wi = inputs.workloadIdentity;
    const wiPlan = wi && (await planWorkloadIdentity(arm, ref, wi, changes));
    const applyWi = (dryRun: boolean) =>
      wi && wiPlan
        ? applyWorkloadIdentity(arm, ref, wi, wiPlan, changes, {
            environmentName: identity.environment.name,
            timeoutMs: inputs.onboardingTimeoutMs,
            pollMs: deps.pollMs?.initial,
            dryRun,
          })
        : undefined;
    const created = planned.clusterChange.kind === 'create';
    if (inputs.dryRun) {
      const w = await applyWi(true);
      return finish({
        result: changes.some((c) => c.kind !== 'unchanged') ? (created ? 'created' : 'updated') : 'unchanged',
        connectivityStatus: pre.armCluster?.connectivityStatus,
        agentVersion: pre.armCluster?.agentVersion,
        oidcIssuerUrl: w?.issuerUrl,
        apps: w?.apps,
      });
    }
    try {
      const observed = await applyConnect(inputs, deps, azure, pre, planned, changes);
      const w = await applyWi(false);
      const result = created ? 'created' : changes.some((c) => c.kind !== 'unchanged') ? 'updated' : 'unchanged';
      return finish({ result, ...observed, oidcIssuerUrl: w?.issuerUrl, apps: w?.apps });
    } catch (error) {
      const applied = changes.filter((c) => c.applied);
      return finish({
        result: 'failed',
        failure: `${errorMessage(error)} Changed before the failure: ${applied.length ? applied.map(describeChange).join('; ') : 'nothing'}.`,
      });
    }
  } finally {
    await helm?.dispose();
  }
}

export { code } from './cluster-facts.js';
