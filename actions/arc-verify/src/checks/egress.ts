import { readFileSync } from 'node:fs';
import {
  arcEndpoints,
  inClusterEgressRows,
  inClusterProbeTargets,
  requiredHosts,
  type EgressRow,
  type FleetCluster,
  type InClusterProbeResult,
} from '@arc-actions/azure';
import { errorMessage, readEnv } from '@arc-actions/core';
import { loadKubeConfig, readAgentProxy, runEgressProbe } from '@arc-actions/kube';
import type { Inputs } from '../inputs.js';
import type { CheckResult } from './types.js';

/**
 * The nightly egress check of one cluster: the in-cluster probe Job (packages/kube egress-probe) with the proxy
 * settings the Arc agents were installed with (read from their Helm release), the same endpoints and verdicts as
 * arc-connect's pre-flight, folded into one row: fail if any probe row fails (the websocket upgrade stripped, a host
 * blocked), warn if one warns.
 */
export async function egressCheck(kubeconfig: string, cluster: FleetCluster, inputs: Inputs): Promise<CheckResult> {
  const location = cluster.location?.toLowerCase().replace(/\s+/g, '');
  if (!location) return { check: 'egress', status: 'skipped', reason: 'The cluster has no location in Resource Graph.' };
  try {
    const kc = await loadKubeConfig({ kubeconfig, input: 'kubeconfigs' });
    const environment = inputs.identity.environment;
    const endpoints = arcEndpoints(environment, location, readEnv('INPUT_ENVIRONMENT'));
    const proxy = await readAgentProxy(kc).catch(() => undefined);
    const extraCa = readEnv('NODE_EXTRA_CA_CERTS');
    const trust = extraCa ? readFileSync(extraCa, 'utf8') : '';
    const ca = [proxy?.ca, trust].filter(Boolean).join('\n') || undefined;
    const targets = inClusterProbeTargets(requiredHosts(environment, location, endpoints, []), endpoints, location, []);
    const run = await runEgressProbe(kc, targets, { ...proxy, ca }, { image: inputs.egress?.image });
    const via = (proxy?.https ?? proxy?.http)?.replace(/^([a-z]+:\/\/)[^/@]*@/i, '$1***@');
    const setting = proxy
      ? via
        ? `through the agents' proxy ${via}`
        : 'direct (the agents have no proxy)'
      : 'direct (no Arc agents release found)';
    if (!run.result)
      return {
        check: 'egress',
        status: 'fail',
        reason: `The in-cluster egress probe did not report (${run.failure}).`,
        fix: 'Let the identity of the kubeconfig create Jobs and Secrets in arc-actions-egress, and the nodes pull the probe image (egress-probe-image).',
      };
    return fold(inClusterEgressRows(run.result as InClusterProbeResult, via), setting);
  } catch (error) {
    return { check: 'egress', status: 'fail', reason: `The in-cluster egress probe could not run: ${errorMessage(error)}.` };
  }
}

export function fold(rows: readonly EgressRow[], setting: string): CheckResult {
  const failing = rows.filter((r) => r.result === 'fail');
  const warning = rows.filter((r) => r.result === 'warn');
  const shown = failing.length ? failing : warning;
  const evidence = { rows: rows.map((r) => ({ check: r.check, result: r.result })) };
  if (!shown.length)
    return {
      check: 'egress',
      status: 'ok',
      reason: `Every Arc endpoint and the relay websocket answered from inside the cluster, ${setting}.`,
      evidence,
    };
  return {
    check: 'egress',
    status: failing.length ? 'fail' : 'warn',
    reason: `${shown.map((r) => `${r.check.replace(/^in-cluster: /, '')}: ${r.detail}`).join('; ')}.`,
    fix: shown
      .map((r) => r.fix)
      .filter(Boolean)
      .join('; '),
    evidence,
  };
}

/** Appends the egress row to a cluster's in-cluster checks when asked and the cluster answered. */
export async function withEgress(checks: CheckResult[], kubeconfig: string, cluster: FleetCluster, inputs: Inputs): Promise<CheckResult[]> {
  if (inputs.egress?.probe !== 'in-cluster' || checks.some((c) => c.check === 'get-nodes' && c.status === 'fail')) return checks;
  return [...checks, await egressCheck(kubeconfig, cluster, inputs)];
}
