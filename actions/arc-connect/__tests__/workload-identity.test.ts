/**
 * Workload identity and Key Vault per app, against the sandbox: the OIDC issuer and workload identity enabled on a
 * connected cluster with one PUT (the PATCH body cannot carry them), the issuer URL read back, one federated
 * credential per app on its user-assigned identity (issuer = the cluster's, subject = the service account), and the
 * ServiceAccount and SecretProviderClass manifests written into the app's folder. A rerun writes nothing; a
 * malformed or missing identity stops the run before any write.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ArmClients, clusterRef, createOidcCredential, parseEnvironment, type ClusterRef } from '@arc-actions/azure';
import { clearSecretsForTesting, type Change } from '@arc-actions/core';
import { startSandbox, type Sandbox } from '../../../packages/sandbox/src/index.js';
import { applyWorkloadIdentity, credentialName, planWorkloadIdentity } from '../src/workload-identity.js';
import { readWorkloadIdentityInputs, type WorkloadIdentityInputs } from '../src/workload-identity-inputs.js';
import { run } from '../src/main.js';
import { kubeconfig, runStep } from './harness.js';

let sandbox: Sandbox;
let arm: ArmClients;
let ref: ClusterRef;
let sub: string;
let workspace: string;
const saved = { ...process.env };
const identityId = (name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-apps/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;

const WRITES = (s: Sandbox) => s.calls().filter((c) => c.api === 'arm' && ['PUT', 'PATCH', 'DELETE', 'POST'].includes(c.method));

beforeAll(async () => {
  clearSecretsForTesting();
  const caCert = process.env.NODE_EXTRA_CA_CERTS;
  if (!caCert) throw new Error('Run with NODE_EXTRA_CA_CERTS set to the sandbox CA');
  sandbox = await startSandbox({ caDir: dirname(caCert) });
  Object.assign(process.env, sandbox.env);
  const environment = parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT);
  const credential = await createOidcCredential({
    tenantId: sandbox.identity.tenantId,
    clientId: sandbox.identity.clientId,
    audience: 'api://AzureADTokenExchange',
    environment,
  });
  arm = new ArmClients(credential, environment);
  sub = sandbox.identity.subscriptionId;
  sandbox.state.addResourceGroup(sub, 'rg-stores', 'westeurope');
  sandbox.state.addResourceGroup(sub, 'rg-apps', 'westeurope');
  ref = clusterRef(sub, 'rg-stores', 'store-04');
  sandbox.state.put({
    id: ref.id,
    name: 'store-04',
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: { ring: 'stores' },
    identity: { type: 'SystemAssigned', principalId: '0c0ffee0-0000-4000-8000-000000000004', tenantId: sandbox.identity.tenantId },
    properties: {
      provisioningState: 'Succeeded',
      agentPublicKeyCertificate: 'MIIBCgKCAQEAstore04',
      distribution: 'k3s',
      infrastructure: 'generic',
    },
  });
  sandbox.state.setClusterConnectivity(ref.id, 'Connected');
  sandbox.state.addUserAssignedIdentity(sub, 'rg-apps', 'storefront-id');
  sandbox.state.addUserAssignedIdentity(sub, 'rg-apps', 'payments-id');
  workspace = mkdtempSync(join(tmpdir(), 'arc-wi-'));
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  process.env = saved;
});

/** The inputs as arc-connect reads them from the step (INPUT_* variables, a workspace). */
function readInputs(apps: string): WorkloadIdentityInputs {
  const keep = { ...process.env };
  try {
    process.env.GITHUB_WORKSPACE = workspace;
    process.env['INPUT_WORKLOAD-IDENTITY'] = 'true';
    process.env.INPUT_APPS = apps;
    return readWorkloadIdentityInputs();
  } finally {
    process.env = keep;
  }
}

const APPS = () => `
- name: storefront
  namespace: shop
  service-account: storefront
  identity: ${identityId('storefront-id')}
  key-vault: kv-stores-prod
  secrets: [db-password, api-key]
  path: apps/storefront
- name: payments
  namespace: pay
  service-account: payments-api
  identity: ${identityId('payments-id')}
`;

async function converge(wi: WorkloadIdentityInputs, dryRun = false) {
  const changes: Change[] = [];
  const plan = await planWorkloadIdentity(arm, ref, wi, changes);
  const result = await applyWorkloadIdentity(arm, ref, wi, plan!, changes, {
    environmentName: 'AzureCloud',
    timeoutMs: 30_000,
    pollMs: 100,
    dryRun,
  });
  return { changes, ...result };
}

describe('workload identity and Key Vault per app', () => {
  it('dry run: plans the cluster update and the credentials, writes nothing', async () => {
    const before = WRITES(sandbox).length;
    const r = await converge(readInputs(APPS()), true);
    expect(WRITES(sandbox).length).toBe(before);
    expect(r.changes.map((c) => [c.resourceType, c.kind, c.applied ?? false])).toEqual([
      ['workloadIdentity', 'update', false],
      ['federatedIdentityCredential', 'create', false],
      ['federatedIdentityCredential', 'create', false],
    ]);
    expect(existsSync(join(workspace, 'apps/storefront'))).toBe(false);
  });

  it('enables the issuer and workload identity, federates each service account, writes the manifests', async () => {
    const r = await converge(readInputs(APPS()));
    const cluster = sandbox.state.get(ref.id)!.properties as Record<string, any>;
    expect(cluster.oidcIssuerProfile).toMatchObject({ enabled: true, issuerUrl: expect.stringMatching(/^https:\/\//) });
    expect(cluster.securityProfile).toEqual({ workloadIdentity: { enabled: true } });
    // The PUT kept what was there: the agent key, the distribution, the tags.
    expect(cluster).toMatchObject({
      agentPublicKeyCertificate: 'MIIBCgKCAQEAstore04',
      distribution: 'k3s',
      connectivityStatus: 'Connected',
    });
    expect(sandbox.state.get(ref.id)!.tags).toEqual({ ring: 'stores' });
    expect(r.issuerUrl).toBe(cluster.oidcIssuerProfile.issuerUrl);

    const storefront = sandbox.state.get(identityId('storefront-id'))!.properties as { clientId: string; tenantId: string };
    const fic = sandbox.state.get(
      `${identityId('storefront-id')}/federatedIdentityCredentials/${credentialName(ref, { namespace: 'shop', serviceAccount: 'storefront' })}`,
    )!;
    expect(fic.properties).toEqual({
      issuer: r.issuerUrl,
      subject: 'system:serviceaccount:shop:storefront',
      audiences: ['api://AzureADTokenExchange'],
    });
    expect(r.apps.map((a) => [a.name, a.federatedCredential.action, a.files.map((f) => `${f.path} ${f.action}`)])).toEqual([
      ['storefront', 'created', ['apps/storefront/serviceaccount.yaml created', 'apps/storefront/secretproviderclass.yaml created']],
      ['payments', 'created', ['workload-identity/payments/serviceaccount.yaml created']],
    ]);

    const sa = parse(readFileSync(join(workspace, 'apps/storefront/serviceaccount.yaml'), 'utf8'));
    expect(sa).toEqual({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {
        name: 'storefront',
        namespace: 'shop',
        annotations: { 'azure.workload.identity/client-id': storefront.clientId, 'azure.workload.identity/tenant-id': storefront.tenantId },
      },
    });
    const spc = parse(readFileSync(join(workspace, 'apps/storefront/secretproviderclass.yaml'), 'utf8'));
    expect(spc).toMatchObject({
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: 'storefront-keyvault', namespace: 'shop' },
      spec: {
        provider: 'azure',
        parameters: {
          usePodIdentity: 'false',
          clientID: storefront.clientId,
          keyvaultName: 'kv-stores-prod',
          cloudName: 'AzurePublicCloud',
          tenantId: storefront.tenantId,
        },
      },
    });
    // `objects` is the provider's own nested YAML: an array of YAML strings, one per object.
    const objects = parse(spc.spec.parameters.objects).array.map((o: string) => parse(o));
    expect(objects).toEqual([
      { objectName: 'db-password', objectType: 'secret', objectVersion: '' },
      { objectName: 'api-key', objectType: 'secret', objectVersion: '' },
    ]);
    expect(parseAllDocuments(readFileSync(join(workspace, 'workload-identity/payments/serviceaccount.yaml'), 'utf8'))).toHaveLength(1);
    expect(existsSync(join(workspace, 'workload-identity/payments/secretproviderclass.yaml'))).toBe(false);
  });

  it('a rerun with the same inputs writes nothing and says unchanged', async () => {
    const before = WRITES(sandbox).length;
    const r = await converge(readInputs(APPS()));
    expect(WRITES(sandbox).slice(before)).toEqual([]);
    expect(r.changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(r.apps.flatMap((a) => a.files.map((f) => f.action))).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('a manifest edited by hand is put back; a credential changed in Azure is put back', async () => {
    const file = join(workspace, 'apps/storefront/serviceaccount.yaml');
    writeFileSync(file, 'edited\n');
    const ficId = `${identityId('payments-id')}/federatedIdentityCredentials/${credentialName(ref, { namespace: 'pay', serviceAccount: 'payments-api' })}`;
    const fic = sandbox.state.get(ficId)!;
    sandbox.state.put({ ...fic, properties: { ...fic.properties, subject: 'system:serviceaccount:pay:other' } });
    const r = await converge(readInputs(APPS()));
    expect(r.apps.map((a) => a.federatedCredential.action)).toEqual(['unchanged', 'updated']);
    expect(r.apps[0].files[0].action).toBe('updated');
    expect(readFileSync(file, 'utf8')).toContain('azure.workload.identity/client-id');
    expect((sandbox.state.get(ficId)!.properties as { subject: string }).subject).toBe('system:serviceaccount:pay:payments-api');
  });

  it('an identity that does not exist: a ConfigurationError before any write', async () => {
    const before = WRITES(sandbox).length;
    const wi = readInputs(APPS().replace('payments-id', 'payments-gone'));
    await expect(converge(wi)).rejects.toMatchObject({
      name: 'ConfigurationError',
      message: expect.stringMatching(
        /^Input "apps" entry 2 \(payments\) names identity \/subscriptions\/.*\/payments-gone, which does not exist/,
      ),
    });
    expect(WRITES(sandbox).length).toBe(before);
  });

  it.each([
    [
      'a malformed identity id',
      () => APPS().replace(identityId('payments-id'), '/subscriptions/x/payments-id'),
      /^Input "apps" entry 2 \(payments\) identity has "\/subscriptions\/x\/payments-id", which is not a user-assigned managed identity's resource id/,
    ],
    [
      'secrets without a vault',
      () => APPS().replace('  key-vault: kv-stores-prod\n', ''),
      /^Input "apps" entry 1 \(storefront\) lists secrets but no key-vault/,
    ],
    ['a bad vault name', () => APPS().replace('kv-stores-prod', 'kv--bad'), /^Input "apps".*key-vault.*Key Vault name/],
    [
      'the same service account twice',
      () => `${APPS()}- name: again\n  namespace: shop\n  service-account: storefront\n  identity: ${identityId('payments-id')}\n`,
      /^Input "apps" entries 1 and 3 have the same namespace and service-account \(shop\/storefront\)/,
    ],
  ])('refuses %s in one line', (_what, apps, message) => {
    expect(() => readInputs(apps())).toThrow(message);
  });

  it('through the step: a malformed identity fails in one line before anything is contacted', async () => {
    const before = sandbox.calls().length;
    const r = await runStep(
      () => run(),
      'arc-connect/action.yml',
      {
        'client-id': sandbox.identity.clientId,
        'tenant-id': sandbox.identity.tenantId,
        'subscription-id': sub,
        environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
        'cluster-name': 'store-04',
        'resource-group': 'rg-stores',
        location: 'westeurope',
        kubeconfig: kubeconfig('store-04-admin-token-0000000000'),
        'workload-identity': 'true',
        apps: APPS().replace(identityId('payments-id'), 'payments-id'),
      },
      { env: { ...sandbox.env } },
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(
      /^Input "apps" entry 2 \(payments\) identity has "payments-id", which is not a user-assigned managed identity's resource id; expected \/subscriptions\/<guid>\//,
    );
    expect(sandbox.calls().length).toBe(before);
  });
});
