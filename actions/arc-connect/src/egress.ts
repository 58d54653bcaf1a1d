import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  allowlistText,
  diffAllowlist,
  entryOf,
  inClusterEgressRows,
  inClusterProbeTargets,
  parsePreviousAllowlist,
  requiredHosts,
  type AllowlistDocument,
  type ArcEndpoints,
  type InClusterProbeResult,
} from '@arc-actions/azure';
import { ConfigurationError, readEnv, shown } from '@arc-actions/core';
import { runEgressProbe } from '@arc-actions/kube';
import type { Inputs } from './inputs.js';
import type { CheckRow } from './preflight.js';

/**
 * Egress beyond the runner: the in-cluster probe (a Job with the agents' proxy settings, run before the agents are
 * installed when `egress-probe: in-cluster`) and the allowlist for the proxy team (`allowlist` output and file).
 */

/** The agents' proxy settings, as agentValues passes them (httpsProxy, httpProxy, noProxy, proxyCert). */
export function agentProxy(inputs: Inputs, trust: readonly string[] = []) {
  const { proxy } = inputs;
  const ca = [...(proxy.cert ? [proxy.cert] : []), ...trust].join('\n');
  return { https: proxy.https, http: proxy.http, noProxy: proxy.skipRange.join(',') || undefined, ca: ca || undefined };
}

/** Runs the probe Job in the cluster and reads its result with the same verdicts as the runner-side pre-flight. */
export async function inClusterRows(
  inputs: Inputs,
  kc: KubeConfig,
  endpoints: ArcEndpoints | undefined,
  relays: readonly string[],
  trust: readonly string[] = [],
): Promise<CheckRow[]> {
  const { identity, cluster, proxy } = inputs;
  const hosts = requiredHosts(identity.environment, cluster.location, endpoints, relays);
  const targets = inClusterProbeTargets(hosts, endpoints, cluster.location, relays);
  const run = await runEgressProbe(kc, targets, agentProxy(inputs, trust), { image: inputs.egress.image });
  const rows: CheckRow[] = run.result
    ? inClusterEgressRows(run.result as InClusterProbeResult, proxy.display.https ?? proxy.display.http)
    : [
        {
          check: 'in-cluster: egress probe',
          result: 'fail',
          detail: `Job ${run.namespace}/${run.job}: ${run.failure}`,
          fix: 'the probe needs to create a Job, a Secret and (once) the namespace arc-actions-egress, and the nodes to run its image',
        },
      ];
  if (!run.deleted)
    rows.push({
      check: 'in-cluster: egress probe',
      result: 'warn',
      detail: `Job ${run.namespace}/${run.job} could not be deleted; ttlSecondsAfterFinished removes it 5 minutes after it ends`,
    });
  return rows;
}

export interface AllowlistOutcome {
  document: AllowlistDocument;
  /** Path of the text file; the JSON document is next to it (`.json`). */
  file: string;
  jsonFile: string;
  /** Why there is no comparison, when there is none. */
  note?: string;
}

/** The allowlist of the region (Learn's hosts, the environment's, the resolved relays), written to the files. */
export function writeAllowlist(inputs: Inputs, endpoints: ArcEndpoints | undefined, relays: readonly string[]): AllowlistOutcome {
  const { identity, cluster, egress } = inputs;
  const hosts = requiredHosts(identity.environment, cluster.location, endpoints, relays);
  const document: AllowlistDocument = { version: 1, cloud: identity.environment.name, location: cluster.location, hosts };
  let note: string | undefined;
  if (egress.previousAllowlist) {
    if (!existsSync(egress.previousAllowlist)) note = `no previous allowlist at ${egress.previousAllowlist} (a first run?)`;
    else {
      const previous = parsePreviousAllowlist(readFileSync(egress.previousAllowlist, 'utf8'));
      if (!previous)
        throw new ConfigurationError(
          `Input "previous-allowlist" names ${shown(egress.previousAllowlist)}, which is neither an allowlist JSON document nor a text file of host:port lines.`,
          'previous-allowlist',
        );
      Object.assign(document, diffAllowlist(previous, hosts.map(entryOf)));
    }
  } else note = 'no previous-allowlist given, so nothing to compare with';
  if (!relays.length)
    note = [note, 'the relay hosts could not be resolved: only the wildcard entry covers them'].filter(Boolean).join('; ');
  const file = egress.allowlistFile ?? join(readEnv('RUNNER_TEMP') ?? tmpdir(), `arc-allowlist-${cluster.location}.txt`);
  const jsonFile = file.replace(/(\.txt)?$/, '.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, allowlistText(hosts));
  writeFileSync(jsonFile, `${JSON.stringify(document, null, 2)}\n`);
  return { document, file, jsonFile, note };
}

/** The summary's allowlist section: counts, and the added/removed lines. */
export function allowlistMarkdown(a: AllowlistOutcome): string {
  const { document: d } = a;
  const lines = [
    '### Allowlist for the proxy',
    '',
    `${d.hosts.length} host(s) for ${d.location} (${d.cloud}), written to \`${a.file}\` (one host:port a line) and \`${a.jsonFile}\`.`,
  ];
  if (d.added || d.removed) {
    lines.push(`Since the previous allowlist: ${d.added?.length ?? 0} added, ${d.removed?.length ?? 0} removed.`, '');
    if (d.added?.length || d.removed?.length) {
      lines.push('```diff', ...(d.added ?? []).map((e) => `+ ${e}`), ...(d.removed ?? []).map((e) => `- ${e}`), '```');
    }
  }
  if (a.note) lines.push('', `Note: ${a.note}.`);
  return lines.join('\n') + '\n';
}
