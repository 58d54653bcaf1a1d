import { ConfigurationError } from '@arc-actions/core';
import {
  describeArmError,
  emptySelectionError,
  listFleetClusters,
  selectorScope,
  type ArmClients,
  type ClusterRef,
  type Clusters,
} from '@arc-actions/azure';
import type { Inputs } from './inputs.js';
import type { FluxTargetResult } from './report.js';

/** A cluster to apply to: its ref and its tags (the provenance tags live there). */
export type Target = ClusterRef & { tags: Record<string, string> };

const withTags = (ref: ClusterRef, tags: Record<string, string> | undefined): Target => ({ ...ref, tags: { ...(tags ?? {}) } });

export function failResult(cluster: { id: string; name: string }, configuration: string, message: string, code?: string): FluxTargetResult {
  return {
    target: cluster.id,
    name: cluster.name,
    status: 'fail',
    changes: [],
    action: 'none',
    configuration,
    fields: [],
    deleted: [],
    protectedSettings: 'none',
    message,
    error: { code, message },
  };
}

/** Explicit refs or the selector, through Resource Graph; ids it has not indexed yet are read from ARM. */
export async function resolveTargets(
  inputs: Inputs,
  clients: ArmClients,
  clusters: Clusters,
): Promise<{ targets: Target[]; unresolved: FluxTargetResult[] }> {
  const clusterType = inputs.clusterType;
  const config = inputs.source.config.name;
  if (inputs.targets.kind === 'targets') {
    const refs = inputs.targets.targets;
    const defaultSub = inputs.identity.subscriptionId ?? refs[0].subscriptionId;
    const found = await listFleetClusters(clients, { refs }, defaultSub);
    const byKey = new Map(found.rows.map((r) => [r.ref.key, r]));
    const targets: Target[] = [];
    const unresolved: FluxTargetResult[] = [];
    for (const t of refs) {
      const row = byKey.get(t.key);
      if (row) {
        targets.push(withTags(row.ref, row.tags));
        continue;
      }
      const ref = withTags(t, {});
      try {
        const cluster = await clusters.get(ref);
        if (cluster) targets.push({ ...ref, tags: { ...(cluster.tags ?? {}) } });
        else
          unresolved.push(
            failResult(
              ref,
              config,
              `The cluster ${t.id} does not exist (neither Resource Graph nor ARM know it); check the id in "targets".`,
              'ClusterNotFound',
            ),
          );
      } catch (error) {
        unresolved.push(
          failResult(ref, config, `The cluster could not be read: ${describeArmError(error).message}`, describeArmError(error).code),
        );
      }
    }
    return { targets, unresolved };
  }
  const s = inputs.targets.selector;
  const defaultSub = inputs.identity.subscriptionId;
  if (!defaultSub && !s.subscriptions.length && !s.managementGroups.length) {
    throw new ConfigurationError(
      'Input "selector" names no subscriptions or management-groups and "subscription-id" is empty; set one of them so Resource Graph knows where to look.',
      'selector',
    );
  }
  const found = await listFleetClusters(clients, { selector: s, clusterType }, defaultSub ?? s.subscriptions[0] ?? '');
  if (!found.complete)
    throw new Error(
      'Resource Graph returned a partial list of clusters for the selector; nothing was changed. Run again, or narrow the selector.',
    );
  if (found.rows.length === 0 && !inputs.allowEmpty) throw emptySelectionError(s, selectorScope(s, defaultSub), clusterType);
  return { targets: found.rows.map((r) => withTags(r.ref, r.tags)), unresolved: [] };
}
