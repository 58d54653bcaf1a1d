import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  enableClusterWorkloadIdentity,
  ensureFederatedCredential,
  readClusterWorkloadIdentity,
  readUserAssignedIdentity,
  type ArmClients,
  type ClusterRef,
  type ClusterWorkloadIdentity,
  type ManagedIdentityInfo,
} from '@arc-actions/azure';
import { ConfigurationError, type Change } from '@arc-actions/core';
import { CSI_CLOUD_NAMES, secretProviderClassManifest, serviceAccountManifest } from './app-manifests.js';
import type { AppSpec, WorkloadIdentityInputs } from './workload-identity-inputs.js';

/** The audience of the service account tokens the workload identity webhook projects (azure-workload-identity). */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface WorkloadIdentityPlan {
  cluster?: ClusterWorkloadIdentity;
  identities: Map<string, ManagedIdentityInfo>;
}

export interface AppResult {
  name: string;
  namespace: string;
  serviceAccount: string;
  clientId: string;
  federatedCredential: { id: string; action: string; subject: string };
  files: { path: string; action: 'created' | 'updated' | 'unchanged' }[];
}

/** The federated credential's name on the identity: one per cluster and service account (3-120 characters). */
export const credentialName = (ref: ClusterRef, app: Pick<AppSpec, 'namespace' | 'serviceAccount'>): string =>
  `arc-${ref.name}-${app.namespace}-${app.serviceAccount}`.replace(/[^-A-Za-z0-9_]/g, '-').slice(0, 120);

export const subjectOf = (app: Pick<AppSpec, 'namespace' | 'serviceAccount'>) =>
  `system:serviceaccount:${app.namespace}:${app.serviceAccount}`;

/**
 * Reads (no writes): the cluster's OIDC issuer and workload identity, and every app's identity. An identity that does
 * not exist is the user's input, so it ends the run before anything is written.
 */
export async function planWorkloadIdentity(
  arm: ArmClients,
  ref: ClusterRef,
  wi: WorkloadIdentityInputs,
  changes: Change[],
): Promise<WorkloadIdentityPlan | undefined> {
  if (!wi.enabled) return undefined;
  const identities = new Map<string, ManagedIdentityInfo>();
  for (const [i, app] of wi.apps.entries()) {
    const info = await readUserAssignedIdentity(arm, app.identity);
    if (!info)
      throw new ConfigurationError(
        `Input "apps" entry ${i + 1} (${app.name}) names identity ${app.identity.id}, which does not exist or which the workflow's identity cannot read; create the user-assigned identity first, or grant the workflow Managed Identity Contributor on it.`,
        'apps',
      );
    identities.set(app.name, info);
  }
  const cluster = await readClusterWorkloadIdentity(arm, ref);
  const ready = !!(cluster?.oidcIssuer && cluster.workloadIdentity && cluster.issuerUrl);
  changes.push({
    kind: ready ? 'unchanged' : 'update',
    resourceType: 'workloadIdentity',
    resourceId: ref.id,
    name: ref.name,
    fields: ready
      ? []
      : [
          { path: 'oidcIssuerProfile.enabled', before: cluster?.oidcIssuer ?? false, after: true },
          { path: 'securityProfile.workloadIdentity.enabled', before: cluster?.workloadIdentity ?? false, after: true },
        ],
  });
  return { cluster, identities };
}

function writeIfChanged(file: string, content: string): 'created' | 'updated' | 'unchanged' {
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (before === content) return 'unchanged';
  writeFileSync(file, content);
  return before === undefined ? 'created' : 'updated';
}

/**
 * The writes, once the cluster is Connected: the OIDC issuer and workload identity (one PUT, only when not enabled),
 * then per app its federated credential (only when missing or different) and its manifests (only when different).
 */
export async function applyWorkloadIdentity(
  arm: ArmClients,
  ref: ClusterRef,
  wi: WorkloadIdentityInputs,
  plan: WorkloadIdentityPlan,
  changes: Change[],
  options: { environmentName: string; timeoutMs: number; pollMs?: number; dryRun?: boolean },
): Promise<{ issuerUrl?: string; apps: AppResult[] }> {
  let issuerUrl = plan.cluster?.issuerUrl;
  if (!options.dryRun) {
    const enabled = await enableClusterWorkloadIdentity(arm, ref, { timeoutMs: options.timeoutMs, pollMs: options.pollMs });
    issuerUrl = enabled.issuerUrl;
    const change = changes.find((c) => c.resourceType === 'workloadIdentity');
    if (change && enabled.changed) change.applied = true;
  }
  const apps: AppResult[] = [];
  for (const app of wi.apps) {
    const info = plan.identities.get(app.name)!;
    const subject = subjectOf(app);
    const name = credentialName(ref, app);
    const fic = issuerUrl
      ? await ensureFederatedCredential(
          arm,
          app.identity,
          { name, issuer: issuerUrl, subject, audience: TOKEN_EXCHANGE_AUDIENCE },
          { dryRun: options.dryRun },
        )
      : { action: 'created' as const, id: `${app.identity.id}/federatedIdentityCredentials/${name}` };
    changes.push({
      kind: fic.action === 'created' ? 'create' : fic.action === 'updated' ? 'update' : 'unchanged',
      resourceType: 'federatedIdentityCredential',
      resourceId: fic.id,
      name,
      fields: fic.action === 'unchanged' ? [] : [{ path: 'subject', before: undefined, after: subject }],
      applied: !options.dryRun && fic.action !== 'unchanged',
    });
    const spec = {
      name: app.name,
      namespace: app.namespace,
      serviceAccount: app.serviceAccount,
      clientId: info.clientId,
      tenantId: info.tenantId,
      keyVault: app.keyVault,
      secrets: app.secrets,
      cloudName: CSI_CLOUD_NAMES[options.environmentName],
    };
    const manifests: [string, string | undefined][] = [
      ['serviceaccount.yaml', serviceAccountManifest(spec)],
      ['secretproviderclass.yaml', secretProviderClassManifest(spec)],
    ];
    const files: AppResult['files'] = [];
    for (const [file, content] of manifests) {
      if (content === undefined) continue;
      const path = join(app.displayPath, file);
      if (options.dryRun) {
        const target = join(app.path, file);
        files.push({ path, action: !existsSync(target) ? 'created' : readFileSync(target, 'utf8') === content ? 'unchanged' : 'updated' });
        continue;
      }
      mkdirSync(app.path, { recursive: true });
      files.push({ path, action: writeIfChanged(join(app.path, file), content) });
    }
    apps.push({
      name: app.name,
      namespace: app.namespace,
      serviceAccount: app.serviceAccount,
      clientId: info.clientId,
      federatedCredential: { id: fic.id, action: fic.action, subject },
      files,
    });
  }
  return { issuerUrl, apps };
}
