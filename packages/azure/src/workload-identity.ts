import { ConfigurationError, RetryBudget, shown, waitFor } from '@arc-actions/core';
import { ifExists } from './arm-errors.js';
import { withBudget } from './arm-retry.js';
import type { ArmClients } from './clients.js';
import type { ClusterRef } from './cluster-ref.js';

/**
 * Workload identity on Arc connected clusters and the federated credentials of the apps that use it.
 *
 * The connectedClusters properties `oidcIssuerProfile` ({enabled, issuerUrl (read-only)}) and
 * `securityProfile.workloadIdentity.enabled` exist from api-version 2024-12-01-preview on (azure-rest-api-specs
 * hybridkubernetes models.tsp; GetClusterExample.json of 2024-12-01-preview); @azure/arm-hybridkubernetes 2.1.0 is
 * pinned to 2021-10-01 and has neither, so the cluster is read and written through @azure/arm-resources' generic
 * by-id operations with a version that has them. PATCH cannot set them (ConnectedClusterPatchProperties has
 * distribution, distributionVersion, azureHybridBenefit and gateway only): they are enabled with a PUT of the
 * cluster's own writable properties plus the two profiles, the way the
 * model allows (az's `connectedk8s update --enable-oidc-issuer --enable-workload-identity`, `_params.py`, has the same
 * switches; how az sends them was not checked).
 */
export const WORKLOAD_IDENTITY_API = '2026-05-01';

export interface ClusterWorkloadIdentity {
  oidcIssuer: boolean;
  workloadIdentity: boolean;
  issuerUrl?: string;
}

type Generic = { location?: string; tags?: Record<string, string>; kind?: string; identity?: { type?: string }; properties?: any };

async function readGeneric(arm: ArmClients, ref: ClusterRef, budget: RetryBudget): Promise<Generic | undefined> {
  const resources = await arm.resources(ref.subscriptionId);
  return ifExists(withBudget(budget, () => resources.resources.getById(ref.id, WORKLOAD_IDENTITY_API))) as Promise<Generic | undefined>;
}

const stateOf = (cluster: Generic): ClusterWorkloadIdentity => ({
  oidcIssuer: cluster.properties?.oidcIssuerProfile?.enabled === true,
  workloadIdentity: cluster.properties?.securityProfile?.workloadIdentity?.enabled === true,
  issuerUrl: cluster.properties?.oidcIssuerProfile?.issuerUrl || undefined,
});

export async function readClusterWorkloadIdentity(
  arm: ArmClients,
  ref: ClusterRef,
  budget = new RetryBudget(10),
): Promise<ClusterWorkloadIdentity | undefined> {
  const cluster = await readGeneric(arm, ref, budget);
  return cluster ? stateOf(cluster) : undefined;
}

/** The writable properties of a connectedCluster (models.tsp), carried over by the PUT so that nothing else changes. */
const WRITABLE = [
  'agentPublicKeyCertificate',
  'distribution',
  'distributionVersion',
  'infrastructure',
  'privateLinkState',
  'privateLinkScopeResourceId',
  'azureHybridBenefit',
  'aadProfile',
  'arcAgentProfile',
  'gateway',
  'arcAgentryConfigurations',
];

/**
 * Makes the OIDC issuer and workload identity enabled and returns the issuer URL. Already enabled with an issuer URL:
 * no write (`changed: false`). Otherwise one PUT, then reads until the service shows the issuer URL.
 */
export async function enableClusterWorkloadIdentity(
  arm: ArmClients,
  ref: ClusterRef,
  options: { timeoutMs: number; pollMs?: number; budget?: RetryBudget },
): Promise<{ changed: boolean; issuerUrl: string }> {
  const budget = options.budget ?? new RetryBudget(10);
  const cluster = await readGeneric(arm, ref, budget);
  if (!cluster) throw new Error(`${ref.id} does not exist, so workload identity cannot be enabled on it.`);
  const before = stateOf(cluster);
  if (before.oidcIssuer && before.workloadIdentity && before.issuerUrl) return { changed: false, issuerUrl: before.issuerUrl };
  const properties: Record<string, unknown> = {};
  for (const key of WRITABLE)
    if (cluster.properties?.[key] !== undefined && cluster.properties[key] !== null) properties[key] = cluster.properties[key];
  const arcAgentProfile = properties.arcAgentProfile as Record<string, unknown> | undefined;
  if (arcAgentProfile) delete arcAgentProfile.agentState; // read-only
  properties.oidcIssuerProfile = {
    enabled: true,
    ...(cluster.properties?.oidcIssuerProfile?.selfHostedIssuerUrl
      ? { selfHostedIssuerUrl: cluster.properties.oidcIssuerProfile.selfHostedIssuerUrl }
      : {}),
  };
  properties.securityProfile = { ...cluster.properties?.securityProfile, workloadIdentity: { enabled: true } };
  const resources = await arm.resources(ref.subscriptionId);
  await resources.resources.createOrUpdateById(ref.id, WORKLOAD_IDENTITY_API, {
    location: cluster.location,
    tags: cluster.tags,
    ...(cluster.kind ? { kind: cluster.kind } : {}),
    identity: { type: (cluster.identity?.type as 'SystemAssigned') ?? 'SystemAssigned' },
    properties,
  });
  let last = before;
  const appeared = await waitFor(
    async () => {
      const now = await readGeneric(arm, ref, budget);
      if (now) last = stateOf(now);
      return last.oidcIssuer && last.workloadIdentity && last.issuerUrl ? last.issuerUrl : undefined;
    },
    { timeoutMs: options.timeoutMs, initialMs: options.pollMs ?? 1000, maxMs: 10_000 },
  );
  if (!appeared.value)
    throw new Error(
      `${ref.id} was updated to enable the OIDC issuer and workload identity, but did not show an issuer URL within ${Math.round(options.timeoutMs / 1000)} s (oidcIssuerProfile.enabled ${last.oidcIssuer}, workloadIdentity.enabled ${last.workloadIdentity}).`,
    );
  return { changed: true, issuerUrl: appeared.value };
}

// ---- user-assigned identities and federated credentials ----------------------------------------------------------

export interface IdentityRef {
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

const IDENTITY_ID =
  /^\/subscriptions\/([0-9a-f-]{36})\/resourceGroups\/([-\w._()]{1,90})\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([A-Za-z0-9][-A-Za-z0-9_]{2,127})$/i;

/** Parses a user-assigned managed identity's resource id; a ConfigurationError naming `where` otherwise. */
export function parseIdentityId(id: string, where: string, input: string): IdentityRef {
  const m = IDENTITY_ID.exec(id.trim());
  if (!m)
    throw new ConfigurationError(
      `${where} has ${shown(id)}, which is not a user-assigned managed identity's resource id; expected /subscriptions/<guid>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>.`,
      input,
    );
  return { id: m[0], subscriptionId: m[1].toLowerCase(), resourceGroup: m[2], name: m[3] };
}

export interface ManagedIdentityInfo {
  clientId: string;
  principalId: string;
  tenantId: string;
}

/** The identity's client id, principal id and tenant, or undefined when it does not exist. */
export async function readUserAssignedIdentity(
  arm: ArmClients,
  ref: IdentityRef,
  budget = new RetryBudget(10),
): Promise<ManagedIdentityInfo | undefined> {
  const msi = await arm.managedIdentities(ref.subscriptionId);
  const found = await ifExists(withBudget(budget, () => msi.userAssignedIdentities.get(ref.resourceGroup, ref.name)));
  if (!found) return undefined;
  return { clientId: found.clientId ?? '', principalId: found.principalId ?? '', tenantId: found.tenantId ?? '' };
}

export interface FederatedCredentialSpec {
  name: string;
  issuer: string;
  subject: string;
  audience: string;
}

/**
 * Creates or replaces one federated identity credential on a user-assigned identity. Already there with the same
 * issuer, subject and audience: no write (`created` | `updated` | `unchanged`).
 */
export async function ensureFederatedCredential(
  arm: ArmClients,
  identity: IdentityRef,
  spec: FederatedCredentialSpec,
  options: { dryRun?: boolean; budget?: RetryBudget } = {},
): Promise<{ action: 'created' | 'updated' | 'unchanged'; id: string }> {
  const budget = options.budget ?? new RetryBudget(10);
  const msi = await arm.managedIdentities(identity.subscriptionId);
  const id = `${identity.id}/federatedIdentityCredentials/${spec.name}`;
  const current = await ifExists(
    withBudget(budget, () => msi.federatedIdentityCredentials.get(identity.resourceGroup, identity.name, spec.name)),
  );
  if (
    current &&
    current.issuer === spec.issuer &&
    current.subject === spec.subject &&
    (current.audiences ?? []).length === 1 &&
    current.audiences![0] === spec.audience
  )
    return { action: 'unchanged', id };
  if (options.dryRun) return { action: current ? 'updated' : 'created', id };
  // A PUT of the same body twice lands the same credential, so a retried write is harmless.
  await withBudget(budget, () =>
    msi.federatedIdentityCredentials.createOrUpdate(identity.resourceGroup, identity.name, spec.name, {
      issuer: spec.issuer,
      subject: spec.subject,
      audiences: [spec.audience],
    }),
  );
  return { action: current ? 'updated' : 'created', id };
}
