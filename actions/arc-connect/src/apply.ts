import { createResourceGroup, registerProviders, type ArmClients, type ClusterRef, type Clusters } from '@arc-actions/azure';
import { errorMessage, provenanceFromEnv, type Change } from '@arc-actions/core';
import { latestChart } from './agents.js';
import { diagnoseAgents } from './diagnose.js';
import type { ArcEndpoints } from './endpoints.js';
import type { Inputs } from './inputs.js';
import type { ConnectPlan } from './plan.js';
import type { Preflight } from './preflight-checks.js';
import { applyExtension, applyRole, fingerprintTags } from './reconcile.js';
import type { ConnectDeps } from './story.js';

/** The provenance tags of what arc-connect writes: repository, commit and run. */
export function provenanceTags(env: NodeJS.ProcessEnv): Record<string, string> {
  const p = provenanceFromEnv(env);
  const tags: Record<string, string> = {};
  if (p.repository) tags['github-repository'] = p.repository;
  if (p.commit) tags['github-commit'] = p.commit;
  if (p.runUrl) tags['github-run'] = p.runUrl;
  return tags;
}

const done = (c: Change) => (c.applied = true);

/**
 * The writes, in order: providers, resource group, the connectedCluster (PUT with a new agent key, or PATCH), the
 * agents' Helm release, then — once Connected — extensions, the protected-settings fingerprints and role assignments.
 * Each change is marked applied as it lands, so a failure says exactly what was written before it.
 */
export async function applyConnect(
  inputs: Inputs,
  deps: ConnectDeps,
  azure: { arm: ArmClients; clusters: Clusters; ref: ClusterRef },
  pre: Preflight,
  p: ConnectPlan,
  changes: Change[],
): Promise<{ connectivityStatus?: string; agentVersion?: string }> {
  const { identity, cluster } = inputs;
  const { arm, clusters, ref } = azure;
  const env = deps.env ?? process.env;
  if (p.toRegister.length) {
    await registerProviders(arm, ref.subscriptionId, p.states, deps.registrationTimeoutMs ?? 5 * 60_000);
    changes.filter((c) => c.resourceType === 'provider').forEach(done);
  }
  if (!p.rgExists) {
    await createResourceGroup(arm, ref.subscriptionId, cluster.resourceGroup, { location: cluster.location, tags: provenanceTags(env) });
    changes.filter((c) => c.resourceType === 'resourceGroup').forEach(done);
  }
  const tags = { ...p.actualTags, ...p.desiredTags, ...provenanceTags(env) };
  if (p.reonboard) {
    await clusters.putConnected(ref, {
      location: cluster.location,
      identity: { type: 'SystemAssigned' },
      tags,
      agentPublicKeyCertificate: p.keys!.publicKey,
      distribution: p.platform.distribution,
      infrastructure: p.platform.infrastructure,
    });
    done(p.clusterChange);
  } else if (p.clusterChange.kind === 'update') {
    await clusters.patchConnected(ref, {
      tags,
      ...(p.clusterChange.fields.some((x) => x.path === 'distribution') ? { properties: { distribution: cluster.distribution } } : {}),
    });
    done(p.clusterChange);
  }
  if (p.helmChange.kind !== 'unchanged') {
    const chart = await latestChart(
      arm,
      `${identity.environment.activeDirectoryResourceId}.default`,
      pre.endpoints as ArcEndpoints,
      p.helm,
    );
    await p.helm.installAgents(chart, p.values, Math.ceil(inputs.onboardingTimeoutMs / 1000), p.releaseNamespace);
    done(p.helmChange);
  }
  // ---- observe: Connected before anything is installed through the agents -----------------------------------------
  let status = pre.armCluster?.connectivityStatus;
  let agentVersion = pre.armCluster?.agentVersion;
  if (p.reonboard || p.helmChange.kind !== 'unchanged' || status !== 'Connected') {
    const waited = await clusters.waitConnected(ref, {
      timeoutMs: inputs.onboardingTimeoutMs,
      initialMs: deps.pollMs?.initial,
      maxMs: deps.pollMs?.max,
    });
    status = waited.connectivityStatus;
    agentVersion = waited.agentVersion;
    if (!waited.connected) {
      const cause = await diagnoseAgents(pre.kc).catch((e: unknown) => `the agent pods could not be read (${errorMessage(e)})`);
      throw new Error(
        `${ref.id} did not reach connectivity status Connected within ${Math.round(inputs.onboardingTimeoutMs / 1000)} s (status ${status ?? 'unknown'}). ${cause}`,
      );
    }
  }
  for (const e of p.extensions) await applyExtension(p.extensionContext, e);
  // Protected settings that only became known during apply (a workspace created by this run): their fingerprint.
  const fingerprints = fingerprintTags(ref.id, p.extensions);
  if (Object.entries(fingerprints).some(([k, v]) => tags[k] !== v))
    await clusters.patchConnected(ref, { tags: { ...tags, ...fingerprints } });
  for (const r of p.roles) {
    if (r.change.kind === 'unchanged') continue;
    await applyRole(arm, ref, r);
    done(r.change);
  }
  return { connectivityStatus: status, agentVersion };
}
