import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientAssertionCredential } from '@azure/identity';
import { ResourceManagementClient } from '@azure/arm-resources';
import { ConnectedKubernetesClient } from '@azure/arm-hybridkubernetes';
import { SourceControlConfigurationClient } from '@azure/arm-kubernetesconfiguration';
import { PolicyClient } from '@azure/arm-policy';
import { PolicyInsightsClient } from '@azure/arm-policyinsights';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ManagementGroupsAPI } from '@azure/arm-managementgroups';
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { MonitorClient } from '@azure/arm-monitor';
import { startSandbox, type Sandbox } from '../src/index.js';

const SCOPE = 'https://management.azure.com/.default';
let sandbox: Sandbox;
let cred: ClientAssertionCredential;
let sub: string;
const hlc = () => ({ endpoint: sandbox.url, credentialScopes: [SCOPE] });
const modular = () => ({ endpoint: sandbox.url, credentials: { scopes: [SCOPE] } });

beforeAll(async () => {
  sandbox = await startSandbox();
  sub = sandbox.identity.subscriptionId;
  const assertion = async () => {
    const res = await fetch(`${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
      headers: { authorization: `Bearer ${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    });
    return ((await res.json()) as { value: string }).value;
  };
  cred = new ClientAssertionCredential(sandbox.identity.tenantId, sandbox.identity.clientId, assertion, {
    authorityHost: sandbox.url,
    disableInstanceDiscovery: true,
  });
});
afterAll(() => sandbox.stop());

const clusterBody = {
  location: 'eastus',
  identity: { type: 'SystemAssigned' as const },
  agentPublicKeyCertificate: 'MIIBCgKCAQEA',
  tags: { env: 'prod' },
};

describe('ARM SDKs against the sandbox', () => {
  it('manages resource groups and registers providers (arm-resources)', async () => {
    const client = new ResourceManagementClient(cred, sub, modular());
    const rg = await client.resourceGroups.createOrUpdate('rg-sdk', { location: 'westeurope', tags: { team: 'arc' } });
    expect(rg).toMatchObject({ name: 'rg-sdk', location: 'westeurope', properties: { provisioningState: 'Succeeded' } });
    expect((await client.resourceGroups.get('RG-SDK')).name).toBe('rg-sdk');
    await expect(client.resourceGroups.get('missing')).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
    const other = new ResourceManagementClient(cred, '5ab5c71b-0000-4000-8000-000000000002', modular());
    expect((await other.providers.get('Microsoft.Kubernetes')).registrationState).toBe('NotRegistered');
    expect((await other.providers.register('Microsoft.Kubernetes')).registrationState).toBe('Registering');
    expect((await other.providers.get('Microsoft.Kubernetes')).registrationState).toBe('Registered');
  });

  it('creates, lists, patches and deletes connected clusters with pollers and pagers (arm-hybridkubernetes)', async () => {
    const client = new ConnectedKubernetesClient(cred, sub, hlc());
    const created = await client.connectedClusterOperations.beginCreateAndWait('rg-fleet', 'c1', clusterBody);
    expect(created.provisioningState).toBe('Succeeded');
    expect((await client.connectedClusterOperations.get('rg-fleet', 'c1')).connectivityStatus).toBe('Connected');
    sandbox.setKnobs({ pageSize: 2 });
    for (const n of ['c2', 'c3']) await client.connectedClusterOperations.beginCreateAndWait('rg-fleet', n, clusterBody);
    const pages: number[] = [];
    for await (const p of client.connectedClusterOperations.listBySubscription().byPage()) pages.push(p.length);
    sandbox.setKnobs({ pageSize: 100 });
    expect(pages).toEqual([2, 1]);
    const patched = await client.connectedClusterOperations.update('rg-fleet', 'c1', { tags: { env: 'staging' } });
    expect(patched.tags).toEqual({ env: 'staging' });
    const creds = await client.connectedClusterOperations.listClusterUserCredential('rg-fleet', 'c1', {
      authenticationMethod: 'Token',
      clientProxy: false,
    });
    expect(Buffer.from(creds.kubeconfigs![0].value!).toString()).toContain('kind: Config');
    await client.connectedClusterOperations.beginDeleteAndWait('rg-fleet', 'c3');
    await expect(client.connectedClusterOperations.get('rg-fleet', 'c3')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  it('installs extensions and applies flux configurations with PATCH semantics (arm-kubernetesconfiguration)', async () => {
    const client = new SourceControlConfigurationClient(cred, sub, hlc());
    const ext = await client.extensions.beginCreateAndWait('rg-fleet', 'Microsoft.Kubernetes', 'connectedClusters', 'c1', 'flux', {
      extensionType: 'microsoft.flux',
      configurationProtectedSettings: { secret: 's3cr3t' },
    });
    expect(ext.provisioningState).toBe('Succeeded');
    expect(ext.configurationProtectedSettings).toBeUndefined();
    const flux = await client.fluxConfigurations.beginCreateOrUpdateAndWait(
      'rg-fleet',
      'Microsoft.Kubernetes',
      'connectedClusters',
      'c1',
      'cfg',
      {
        scope: 'cluster',
        namespace: 'flux-system',
        sourceKind: 'GitRepository',
        gitRepository: { url: 'https://github.com/acme/fleet-config', repositoryRef: { branch: 'main' } },
        kustomizations: { infra: { path: './infra' }, apps: { path: './apps', dependsOn: ['infra'] } },
        configurationProtectedSettings: { httpsKey: 'dG9rZW4=' },
      },
    );
    expect(flux).toMatchObject({ provisioningState: 'Succeeded', complianceState: 'Compliant' });
    expect(JSON.stringify(flux)).not.toContain('dG9rZW4=');
    // Server-side defaults come back as the service fills them (the spec's defaults; the retry interval as Flux's).
    expect(flux.kustomizations?.infra).toMatchObject({
      timeoutInSeconds: 600,
      syncIntervalInSeconds: 600,
      retryIntervalInSeconds: 600,
      prune: false,
      force: false,
      wait: true,
    });
    const patched = await client.fluxConfigurations.beginUpdateAndWait(
      'rg-fleet',
      'Microsoft.Kubernetes',
      'connectedClusters',
      'c1',
      'cfg',
      {
        kustomizations: { apps: null as never, infra: { path: './infra2' } },
      },
    );
    expect(Object.keys(patched.kustomizations ?? {})).toEqual(['infra']);
    expect(patched.kustomizations?.infra?.path).toBe('./infra2');
    const listed: string[] = [];
    for await (const e of client.extensions.list('rg-fleet', 'Microsoft.Kubernetes', 'connectedClusters', 'c1')) listed.push(e.name!);
    expect(listed).toEqual(['flux']);
    await client.fluxConfigurations.beginDeleteAndWait('rg-fleet', 'Microsoft.Kubernetes', 'connectedClusters', 'c1', 'cfg');
    await expect(client.fluxConfigurations.get('rg-fleet', 'Microsoft.Kubernetes', 'connectedClusters', 'c1', 'cfg')).rejects.toMatchObject(
      { statusCode: 404 },
    );
  });

  it('assigns built-in policies, lists inherited assignments and queries policy states (arm-policy, arm-policyinsights)', async () => {
    const policy = new PolicyClient(cred, sub, modular());
    const set = await policy.policySetDefinitions.getBuiltIn('a8640138-9b0a-4a28-b8cb-1666c838647d');
    expect(set.policyType).toBe('BuiltIn');
    const mgScope = '/providers/Microsoft.Management/managementGroups/fleet';
    const created = await policy.policyAssignments.create(mgScope, 'baseline', {
      policyDefinitionId: set.id!,
      enforcementMode: 'DoNotEnforce',
    });
    expect(created.scope).toBe(mgScope);
    const inherited: string[] = [];
    for await (const a of policy.policyAssignments.listForResourceGroup('rg-fleet', { filter: 'atScope()' })) inherited.push(a.name!);
    expect(inherited).toContain('baseline');
    await expect(
      policy.policyAssignments.create(`/subscriptions/${sub}`, 'bad', { policyDefinitionId: set.id!, parameters: { nope: { value: 1 } } }),
    ).rejects.toMatchObject({ code: 'UndefinedPolicyParameter' });

    const clusterId = `/subscriptions/${sub}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/c1`;
    sandbox.state.putPolicyState({
      resourceId: clusterId,
      resourceType: 'Microsoft.Kubernetes/connectedClusters',
      policyAssignmentId: created.id!,
      policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4',
      policySetDefinitionId: set.id,
      complianceState: 'NonCompliant',
      components: [{ id: 'default/bad-pod', type: 'Pod', name: 'bad-pod', complianceState: 'NonCompliant' }],
    });
    const insights = new PolicyInsightsClient(cred, hlc());
    const states = [];
    for await (const s of insights.policyStates.listQueryResultsForSubscription('latest', sub, {
      queryOptions: { filter: "complianceState eq 'NonCompliant'" },
    }))
      states.push(s);
    expect(states).toHaveLength(1);
    const withComponents = [];
    for await (const s of insights.policyStates.listQueryResultsForResource('latest', clusterId, {
      queryOptions: { expand: "components($filter=ComplianceState eq 'NonCompliant')" },
    }))
      withComponents.push(s);
    expect(withComponents[0].components?.[0]).toMatchObject({ name: 'bad-pod', complianceState: 'NonCompliant' });
    const summary = await insights.policyStates.summarizeForSubscription('latest', sub);
    expect(summary.value?.[0].results?.nonCompliantResources).toBe(1);
    await insights.policyStates.beginTriggerSubscriptionEvaluationAndWait(sub);
  });

  it('creates a Log Analytics workspace, a data collection rule and its association (arm-operationalinsights, arm-monitor)', async () => {
    const oi = new OperationalInsightsManagementClient(cred, sub, modular());
    const ws = await oi.workspaces.createOrUpdate('rg-fleet', 'fleet-logs', { location: 'West Europe', sku: { name: 'standalone' } });
    expect(ws).toMatchObject({ name: 'fleet-logs', location: 'westeurope', provisioningState: 'Succeeded' });
    expect(ws.customerId).toMatch(/^[0-9a-f-]{36}$/);
    const keys = await oi.sharedKeys.getSharedKeys('rg-fleet', 'fleet-logs');
    expect(keys.primarySharedKey).toMatch(/^[A-Za-z0-9+/=]{80,}$/);
    await expect(oi.workspaces.get('rg-fleet', 'nope-logs')).rejects.toMatchObject({ statusCode: 404 });

    const monitor = new MonitorClient(cred, sub, modular());
    const dcr = await monitor.dataCollectionRules.create('rg-fleet', 'MSCI-westeurope-c1', {
      body: {
        location: 'westeurope',
        kind: 'Linux',
        dataSources: {
          extensions: [
            {
              name: 'ContainerInsightsExtension',
              streams: ['Microsoft-ContainerInsights-Group-Default'],
              extensionName: 'ContainerInsights',
            },
          ],
        },
        dataFlows: [{ streams: ['Microsoft-ContainerInsights-Group-Default'], destinations: ['la-workspace'] }],
        destinations: { logAnalytics: [{ workspaceResourceId: ws.id!, name: 'la-workspace' }] },
      },
    });
    expect(dcr.immutableId).toMatch(/^dcr-/);
    expect(dcr.destinations?.logAnalytics?.[0]).toMatchObject({ workspaceId: ws.customerId });
    const clusterUri = `subscriptions/${sub}/resourceGroups/rg-fleet/providers/Microsoft.Kubernetes/connectedClusters/c1`;
    await monitor.dataCollectionRuleAssociations.create(clusterUri, 'ContainerInsightsExtension', {
      body: { dataCollectionRuleId: dcr.id },
    });
    expect((await monitor.dataCollectionRuleAssociations.get(clusterUri, 'ContainerInsightsExtension')).dataCollectionRuleId).toBe(dcr.id);
    await expect(
      monitor.dataCollectionRules.create('rg-fleet', 'broken', {
        body: {
          location: 'westeurope',
          dataFlows: [{ streams: ['Microsoft-Perf'], destinations: ['nowhere'] }],
          destinations: { logAnalytics: [{ workspaceResourceId: ws.id!, name: 'la' }] },
        },
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('assigns roles and enforces them (arm-authorization), reads the management group tree (arm-managementgroups)', async () => {
    const auth = new AuthorizationManagementClient(cred, sub, hlc());
    const roles = [];
    for await (const r of auth.roleDefinitions.list(`/subscriptions/${sub}`, { filter: "roleName eq 'Azure Arc Kubernetes Viewer'" }))
      roles.push(r);
    expect(roles[0].name).toBe('63f0a09d-1495-4db4-a681-037d84835eb4');
    const ra = await auth.roleAssignments.create(`/subscriptions/${sub}/resourceGroups/rg-fleet`, '9b3c0c6e-1d7b-4d4e-9a57-5d2b1d4f0001', {
      roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/00493d72-78f6-4148-b6c5-d3ce8e4799dd`,
      principalId: '11111111-2222-4333-8444-555555555555',
      principalType: 'ServicePrincipal',
    });
    expect(ra.scope).toBe(`/subscriptions/${sub}/resourceGroups/rg-fleet`);
    const mg = new ManagementGroupsAPI(cred, hlc());
    const root = await mg.managementGroups.get(sandbox.identity.rootManagementGroup, { expand: 'children', recurse: true });
    expect(root.children?.[0]).toMatchObject({ name: 'fleet' });
    expect(root.children?.[0].children?.map((c) => c.name)).toContain(sub);
  });

  it('retries after a 429 with Retry-After (call log shows the throttled call and the retry)', async () => {
    const client = new ResourceManagementClient(cred, sub, modular());
    sandbox.clearCalls();
    sandbox.setKnobs({ throttling: { enabled: true, reads: { burst: 1, refillPerSecond: 1 } } });
    try {
      await client.resourceGroups.get('rg-fleet');
      await client.resourceGroups.get('rg-fleet');
    } finally {
      sandbox.setKnobs({ throttling: { enabled: false } });
    }
    const gets = sandbox.calls().filter((c) => c.api === 'arm' && c.path.toLowerCase().endsWith('/rg-fleet'));
    expect(gets.map((c) => c.status)).toEqual([200, 429, 200]);
    expect(gets[1].principal).toBe(sandbox.identity.objectId);
  });

  it('refuses a principal without a role with AuthorizationFailed', async () => {
    sandbox.state.addApp({
      clientId: 'aaaaaaaa-0000-4000-8000-000000000001',
      objectId: 'aaaaaaaa-0000-4000-8000-0000000000b1',
      displayName: 'no-roles',
      federatedCredentials: [
        {
          name: 'x',
          issuer: sandbox.state.oidcIssuer,
          subject: 'repo:acme/fleet:environment:prod',
          audiences: ['api://AzureADTokenExchange'],
        },
      ],
    });
    const assertion = async () =>
      (
        (await (
          await fetch(`${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=api://AzureADTokenExchange`, {
            headers: { authorization: `Bearer ${sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
          })
        ).json()) as { value: string }
      ).value;
    const other = new ClientAssertionCredential(sandbox.identity.tenantId, 'aaaaaaaa-0000-4000-8000-000000000001', assertion, {
      authorityHost: sandbox.url,
      disableInstanceDiscovery: true,
    });
    const client = new ConnectedKubernetesClient(other, sub, hlc());
    await expect(client.connectedClusterOperations.get('rg-fleet', 'c1')).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
      message: expect.stringMatching(
        /does not have authorization to perform action 'Microsoft\.Kubernetes\/connectedClusters\/read' over scope/,
      ),
    });
  });
});
