import { CLUSTER_RP, type ClusterInventory, type ExtensionRow, type FluxRow, type PolicySummary } from '@arc-actions/azure';
import type { CheckResult } from './types.js';
import { compareVersions, minorLag } from './versions.js';

/**
 * A duration for a report that is compared run over run: rounded to its largest unit (2h, 3d, 45m), so that the
 * same condition reads the same tonight and tomorrow and the regression issue is only touched when something changed.
 */
export function coarse(ms: number): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ] as const) {
    if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  }
  return 'less than a minute';
}

export interface ArmCheckOptions {
  now: number;
  /** Fail below this agent version; when absent, warn at two or more minor versions behind the fleet's newest. */
  minAgentVersion?: string;
  certExpiryWarningMs: number;
  /** Connected clusters whose last heartbeat is older than this are flagged. */
  maxHeartbeatAgeMs: number;
  /** Extension types every cluster is expected to have. */
  expectedExtensions: string[];
}

export type { PolicySummary } from '@arc-actions/azure';

export interface ClusterArmEvidence {
  cluster: ClusterInventory;
  extensions: ExtensionRow[];
  flux: FluxRow[];
  policy?: PolicySummary;
}

export function newestAgentVersion(clusters: readonly ClusterInventory[]): string | undefined {
  return clusters
    .map((c) => c.agentVersion)
    .filter((v): v is string => !!v)
    .sort(compareVersions)
    .pop();
}

const isAks = (c: ClusterInventory): boolean => c.type === CLUSTER_RP.managedClusters.graphType;

/** AKS has no Arc agents: its power state and provisioning state say whether it runs. */
function checkAksRunning(c: ClusterInventory): CheckResult {
  const evidence = { powerState: c.powerState, provisioningState: c.provisioningState };
  if (c.provisioningState === 'Failed')
    return {
      check: 'connectivity',
      status: 'fail',
      reason: 'The AKS cluster is in provisioning state Failed.',
      fix: "Read the cluster's last operation (az aks show) and reconcile it (az aks update).",
      evidence,
    };
  if (c.powerState && c.powerState !== 'Running')
    return {
      check: 'connectivity',
      status: 'fail',
      reason: `The AKS cluster is ${c.powerState}.`,
      fix: 'Start the cluster (az aks start).',
      evidence,
    };
  return { check: 'connectivity', status: 'ok', reason: `AKS cluster ${c.powerState ?? 'running'}.`, evidence };
}

export function checkConnectivity(c: ClusterInventory, o: ArmCheckOptions): CheckResult {
  if (isAks(c)) return checkAksRunning(c);
  const status = c.connectivityStatus ?? 'Unknown';
  const age = c.lastConnectivityTime ? o.now - Date.parse(c.lastConnectivityTime) : undefined;
  const evidence = { connectivityStatus: status, lastConnectivityTime: c.lastConnectivityTime };
  if (status === 'Connected') {
    if (age !== undefined && age > o.maxHeartbeatAgeMs) {
      return {
        check: 'connectivity',
        status: 'warn',
        reason: `Connected, but the last heartbeat was ${coarse(age)} ago.`,
        fix: 'Check the azure-arc agents (kubectl -n azure-arc get pods) and egress to the Arc endpoints.',
        evidence,
      };
    }
    return { check: 'connectivity', status: 'ok', reason: 'Connected.', evidence };
  }
  const since = age !== undefined ? ` for ${coarse(age)}` : '';
  return {
    check: 'connectivity',
    status: status === 'Connecting' ? 'warn' : 'fail',
    reason: `${status}${since}.`,
    fix:
      status === 'Expired'
        ? 'The managed identity certificate expired after 90 days offline: delete and re-onboard the cluster (arc-connect).'
        : 'The agents have not reached Azure: check that the cluster is up, the azure-arc pods run and the proxy allows the Arc endpoints.',
    evidence,
  };
}

export function checkAgentVersion(c: ClusterInventory, newest: string | undefined, o: ArmCheckOptions): CheckResult {
  if (isAks(c)) return { check: 'agent-version', status: 'skipped', reason: 'An AKS cluster runs no Arc agents.' };
  const version = c.agentVersion;
  if (!version)
    return {
      check: 'agent-version',
      status: 'warn',
      reason: 'No agent version reported.',
      fix: 'Check that the Arc agents are installed.',
    };
  if (o.minAgentVersion && compareVersions(version, o.minAgentVersion) < 0) {
    return {
      check: 'agent-version',
      status: 'fail',
      reason: `Agent ${version} is older than the required ${o.minAgentVersion}.`,
      fix: 'Upgrade the agents (az connectedk8s upgrade, or enable auto-upgrade).',
      evidence: { agentVersion: version },
    };
  }
  const lag = newest ? minorLag(version, newest) : 0;
  if (!o.minAgentVersion && lag >= 2) {
    return {
      check: 'agent-version',
      status: 'warn',
      reason: `Agent ${version} is ${Number.isFinite(lag) ? `${lag} minor versions` : 'a major version'} behind the fleet's newest (${newest}).`,
      fix: 'Upgrade the agents (az connectedk8s upgrade, or enable auto-upgrade).',
      evidence: { agentVersion: version, newest },
    };
  }
  return { check: 'agent-version', status: 'ok', reason: `Agent ${version}.`, evidence: { agentVersion: version } };
}

export function checkCertificate(c: ClusterInventory, o: ArmCheckOptions): CheckResult {
  const expiry = c.managedIdentityCertificateExpirationTime;
  if (!expiry) return { check: 'certificate', status: 'skipped', reason: 'No certificate expiry reported.' };
  const left = Date.parse(expiry) - o.now;
  if (left <= 0) {
    return {
      check: 'certificate',
      status: 'fail',
      reason: `The managed identity certificate expired on ${expiry}.`,
      fix: 'Delete and re-onboard the cluster.',
    };
  }
  if (left < o.certExpiryWarningMs) {
    return {
      check: 'certificate',
      status: 'warn',
      reason: `The managed identity certificate expires in ${coarse(left)} (${expiry}).`,
      fix: 'Bring the cluster online so the agents renew it; it renews automatically while Connected.',
    };
  }
  return { check: 'certificate', status: 'ok', reason: `Valid until ${expiry}.` };
}

export function checkExtensions(extensions: readonly ExtensionRow[], o: ArmCheckOptions): CheckResult {
  const failed = extensions.filter((e) => e.provisioningState === 'Failed');
  const pending = extensions.filter((e) => e.provisioningState && !['Succeeded', 'Failed'].includes(e.provisioningState));
  const types = new Set(extensions.map((e) => (e.extensionType ?? '').toLowerCase()));
  const missing = o.expectedExtensions.filter((t) => !types.has(t.toLowerCase()));
  const evidence = Object.fromEntries(extensions.map((e) => [e.extensionType ?? e.name, e.provisioningState]));
  if (failed.length) {
    return {
      check: 'extensions',
      status: 'fail',
      reason: `Failed: ${failed.map((e) => e.extensionType ?? e.name).join(', ')}.`,
      fix: 'Read the extension status (az k8s-extension show) and re-apply it with arc-connect.',
      evidence,
    };
  }
  if (missing.length || pending.length) {
    const parts = [
      missing.length ? `not installed: ${missing.join(', ')}` : '',
      pending.length ? `in progress: ${pending.map((e) => `${e.extensionType} (${e.provisioningState})`).join(', ')}` : '',
    ];
    return {
      check: 'extensions',
      status: 'warn',
      reason: `${parts.filter(Boolean).join('; ')}.`,
      fix: 'Install the extensions with arc-connect (extensions input).',
      evidence,
    };
  }
  return { check: 'extensions', status: 'ok', reason: extensions.length ? `${extensions.length} Succeeded.` : 'None installed.', evidence };
}

export function checkFlux(configs: readonly FluxRow[]): CheckResult {
  if (!configs.length) return { check: 'flux', status: 'skipped', reason: 'No Flux configurations.' };
  const bad = configs.filter((f) => f.complianceState === 'Non-Compliant');
  const pending = configs.filter((f) => f.complianceState !== 'Compliant' && f.complianceState !== 'Non-Compliant');
  if (bad.length) {
    const messages = bad.flatMap((f) =>
      (f.statuses ?? [])
        .filter((s) => s.complianceState && s.complianceState !== 'Compliant')
        .map((s) => `${f.name}/${s.kind}/${s.name}: ${s.statusConditions?.[0]?.message ?? s.complianceState}`),
    );
    return {
      check: 'flux',
      status: 'fail',
      reason: `Non-Compliant: ${bad.map((f) => f.name).join(', ')}${messages.length ? ` (${messages.slice(0, 3).join('; ')})` : ''}.`,
      fix: 'Fix the manifests in Git or the admission policy that rejects them; flux-apply reports each kustomization.',
    };
  }
  if (pending.length) {
    return {
      check: 'flux',
      status: 'warn',
      reason: `Not yet compliant: ${pending.map((f) => `${f.name} (${f.complianceState ?? 'Unknown'})`).join(', ')}.`,
    };
  }
  return { check: 'flux', status: 'ok', reason: `${configs.length} Compliant.` };
}

export function checkPolicy(summary: PolicySummary | undefined): CheckResult {
  if (!summary || summary.total === 0) return { check: 'policy', status: 'skipped', reason: 'No policy states for this cluster.' };
  if (summary.nonCompliant > 0) {
    return {
      check: 'policy',
      status: 'warn',
      reason: `${summary.nonCompliant} of ${summary.total} policy states NonCompliant.`,
      fix: 'See policy-rollout plan for the NonCompliant objects.',
      evidence: { ...summary },
    };
  }
  return { check: 'policy', status: 'ok', reason: `${summary.total} policy states Compliant.`, evidence: { ...summary } };
}

/** Every ARM-plane check of one cluster. */
export function armChecks(e: ClusterArmEvidence, newest: string | undefined, o: ArmCheckOptions): CheckResult[] {
  return [
    checkConnectivity(e.cluster, o),
    checkAgentVersion(e.cluster, newest, o),
    checkCertificate(e.cluster, o),
    checkExtensions(e.extensions, o),
    checkFlux(e.flux),
    checkPolicy(e.policy),
  ];
}
