import type { SandboxContext } from '../context.js';
import { key } from '../state/ids.js';
import type { ArmResource } from '../state/types.js';
import { deploy } from './deploy.js';
import { appliesTo, clustersOf, dineAssignments, isCompliant, recordState, type DeploymentRecord, type DineAssignment } from './engine.js';

/**
 * Follows the store and plays Azure Policy's DeployIfNotExists triggers (docs/sandbox.md, "DeployIfNotExists and
 * remediation"): a policy assignment is evaluated for every cluster in its scope (states only: existing resources are
 * remediated by remediation tasks); a cluster that reaches provisioningState Succeeded NonCompliant gets one
 * deployment per assignment (`evaluationDelay: AfterProvisioning`); a change to a cluster's extensions or Flux
 * configurations re-evaluates the cluster, and retries an automatic deployment that failed only because another
 * related resource (the microsoft.flux extension) was not there yet.
 */

const CLUSTER_PREFIX = /^(.*\/providers\/microsoft\.(?:kubernetes\/connectedclusters|containerservice\/managedclusters)\/[^/]+)/i;

export interface DineWatcher {
  /** Evaluates every DINE assignment (states only) now. */
  evaluateAll(): void;
  /** The automatic deployments made for new clusters, newest last. */
  deployments(): DeploymentRecord[];
  stop(): void;
}

const watchers = new WeakMap<SandboxContext, DineWatcher>();
export const dineWatcherOf = (ctx: SandboxContext) => watchers.get(ctx);

export function attachDineWatcher(ctx: SandboxContext): DineWatcher {
  const attempts = new Map<string, DeploymentRecord>();
  const log: DeploymentRecord[] = [];
  const pending = new Set<string>();
  let all = false;
  let scheduled = false;
  let stopped = false;

  const evaluateCluster = async (cluster: ArmResource, mayDeploy: boolean, assignments: DineAssignment[]) => {
    for (const d of assignments) {
      if (!appliesTo(ctx, d, cluster)) continue;
      const compliant = isCompliant(ctx, d, cluster);
      recordState(ctx, d, cluster, compliant);
      if (compliant || !mayDeploy || cluster.properties?.provisioningState !== 'Succeeded') continue;
      const attemptKey = `${key(d.assignment.id)}|${key(cluster.id)}`;
      const previous = attempts.get(attemptKey);
      if (previous && !(previous.status === 'Failed' && previous.error?.code === 'ExtensionNotFound')) continue;
      const result = await deploy(ctx, d, cluster);
      attempts.set(attemptKey, result);
      log.push(result);
    }
  };

  const run = async () => {
    scheduled = false;
    if (stopped) return;
    const ids = [...pending];
    pending.clear();
    const everything = all;
    all = false;
    const assignments = dineAssignments(ctx);
    if (!assignments.length) return;
    if (everything) for (const d of assignments) for (const c of clustersOf(ctx, d)) recordState(ctx, d, c, isCompliant(ctx, d, c));
    for (const id of ids) {
      const cluster = ctx.store.get(id);
      if (cluster) await evaluateCluster(cluster, true, assignments);
    }
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => void run().catch(() => undefined));
  };
  const onChange = (kind: string, id: string, action: string) => {
    if (action === 'delete' && kind === 'cluster') return;
    if (kind === 'policyAssignment') all = true;
    else if (kind === 'cluster' || kind === 'extension' || kind === 'fluxConfiguration') {
      const cluster = CLUSTER_PREFIX.exec(id)?.[1];
      if (cluster) pending.add(cluster);
    } else return;
    schedule();
  };
  ctx.store.on('change', onChange);
  const watcher: DineWatcher = {
    evaluateAll: () => {
      for (const d of dineAssignments(ctx)) for (const c of clustersOf(ctx, d)) recordState(ctx, d, c, isCompliant(ctx, d, c));
    },
    deployments: () => [...log],
    stop: () => {
      stopped = true;
      ctx.store.off('change', onChange);
    },
  };
  watchers.set(ctx, watcher);
  return watcher;
}
