/**
 * Zero per-store configuration (issue 18), ARM level against the sandbox: policy-rollout applies the example policy
 * file's bootstrap section (DeployIfNotExists for the Flux extension, the store baseline from Git, the Azure Policy
 * extension and Container Insights, each with its managed identity, its roles and remediation) and access section
 * (the on-call group's Arc role at the management group). An existing cluster is remediated; a cluster created later
 * under the management group converges through the policies' own identities, with no arc-connect or flux-apply run;
 * a rerun writes nothing; an identity that could not be granted its role is reported, and its deployments fail.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { repoRoot, runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run } from '../actions/policy-rollout/src/main.js';

const MG = '/providers/Microsoft.Management/managementGroups/fleet';
const GROUP = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const EXAMPLE = join(repoRoot, 'workflows-examples/policies');
const policyFile = readFileSync(join(EXAMPLE, 'stores.yaml'), 'utf8').replaceAll('managementGroups/stores', 'managementGroups/fleet');
const customDefinition = readFileSync(join(EXAMPLE, 'container-insights-dine.json'), 'utf8');
const ASSIGNMENTS = ['stores-flux-extension', 'stores-flux-baseline', 'stores-policy-extension', 'stores-monitoring'];
const ROLE_ASSIGNMENTS = 'Microsoft.Authorization/roleAssignments';

function step(sandbox: Sandbox, mode: string, files?: Record<string, string>) {
  const env = sandbox.env;
  return runStep(
    () => run({ remediationWaitMs: 60_000 }),
    'policy-rollout/action.yml',
    {
      'client-id': env.ARC_SANDBOX_CLIENT_ID,
      'tenant-id': env.ARC_SANDBOX_TENANT_ID,
      'subscription-id': env.ARC_SANDBOX_SUBSCRIPTION_ID,
      environment: env.ARC_SANDBOX_ENVIRONMENT,
      mode,
      policies: 'policies',
    },
    {
      files: files ?? { 'policies/stores.yaml': policyFile, 'policies/container-insights-dine.json': customDefinition },
      env: { ...env, GITHUB_REPOSITORY: 'acme/fleet', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '42' },
    },
  );
}

function addCluster(sandbox: Sandbox, name: string): string {
  const id = `/subscriptions/${sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID}/resourceGroups/stores/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
  sandbox.state.put({
    id,
    name,
    type: 'Microsoft.Kubernetes/connectedClusters',
    location: 'westeurope',
    tags: {},
    properties: { provisioningState: 'Succeeded', distribution: 'k3s', connectivityStatus: 'Connected' },
  });
  return id;
}

/** The extensions (by type) and Flux configurations of a cluster once all four are Succeeded. */
async function converged(sandbox: Sandbox, clusterId: string) {
  const result = await waitFor(
    async () => {
      const children = sandbox.state.store.children(clusterId);
      const done = children.filter((c) => c.properties?.provisioningState === 'Succeeded');
      const types = done.map((c) => String(c.properties?.extensionType ?? c.type.split('/').pop()).toLowerCase()).sort();
      return types.length >= 4 ? { types, children: done } : undefined;
    },
    { timeoutMs: 60_000, initialMs: 100, maxMs: 1000 },
  );
  if (!result.value)
    throw new Error(`${clusterId} did not converge: ${JSON.stringify(sandbox.state.store.children(clusterId).map((c) => c.id))}`);
  return result.value;
}

async function statesOf(sandbox: Sandbox, clusterId: string, wanted: string) {
  const result = await waitFor(
    async () => {
      const states = sandbox.state.policyStates().filter((s) => s.resourceId.toLowerCase() === clusterId.toLowerCase());
      const ours = ASSIGNMENTS.map((a) => states.find((s) => s.policyAssignmentId.toLowerCase().endsWith(`/${a}`)));
      return ours.every((s) => s?.complianceState === wanted) ? ours : undefined;
    },
    { timeoutMs: 60_000, initialMs: 100, maxMs: 1000 },
  );
  return result.value?.map((s) => s!.complianceState);
}

describe('policy-driven bootstrap of clusters under a management group', () => {
  let sandbox: Sandbox;
  let existing: string;
  const principals: Record<string, string> = {};

  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.state.addResourceGroup(sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID, 'stores', 'westeurope');
    existing = addCluster(sandbox, 'store-01');
  });
  afterAll(async () => sandbox?.stop());

  it('plan shows the four DeployIfNotExists assignments and the on-call role, and writes nothing', async () => {
    sandbox.clearCalls();
    const r = await step(sandbox, 'plan');
    expect(r.errors).toEqual([]);
    expect(r.failed).toBe(false);
    expect(r.summary).toContain('Self-bootstrap (DeployIfNotExists)');
    for (const name of ASSIGNMENTS) expect(r.summary).toContain(name);
    expect(r.summary).toContain('granted once the identity exists');
    expect(r.summary).toMatch(/Azure Arc Kubernetes Viewer .*would create/);
    expect(sandbox.calls().filter((c) => c.method !== 'GET' && c.method !== 'POST')).toEqual([]);
  });

  it('apply creates each assignment with its identity and roles, the on-call role, and remediates the existing cluster', async () => {
    const r = await step(sandbox, 'apply');
    expect(r.errors).toEqual([]);
    expect(r.failed).toBe(false);
    const result = JSON.parse(r.outputs.result) as {
      bootstrap: {
        name: string;
        principalId: string;
        roles: { role: string; action: string }[];
        remediation: { action: string; status: string };
      }[];
    };
    for (const name of ASSIGNMENTS) {
      const assignment = sandbox.state.get(`${MG}/providers/Microsoft.Authorization/policyAssignments/${name}`)!;
      expect(assignment.identity).toMatchObject({ type: 'SystemAssigned' });
      expect(assignment.location).toBe('westeurope');
      const outcome = result.bootstrap.find((b) => b.name === name)!;
      principals[name] = (assignment.identity as { principalId: string }).principalId;
      expect(outcome.principalId).toBe(principals[name]);
      expect(outcome.roles.every((x) => x.action === 'granted')).toBe(true);
      expect(outcome.remediation).toMatchObject({ action: 'created', status: 'Succeeded' });
    }
    const held = (principal: string) =>
      sandbox.state.store
        .ofType(ROLE_ASSIGNMENTS)
        .filter((a) => a.properties?.principalId === principal && a.properties?.scope === MG)
        .map((a) => String(a.properties?.roleDefinitionId).split('/').pop());
    // Contributor for the Flux definitions, Kubernetes Extension Contributor for the extension ones (their roleDefinitionIds).
    expect(held(principals['stores-flux-baseline'])).toEqual(['b24988ac-6180-42a0-ab88-20f7382dd24c']);
    expect(held(principals['stores-policy-extension'])).toEqual(['85cb6faf-e071-4c9b-8136-154b5a04f717']);
    expect(held(GROUP).sort()).toEqual(['00493d72-78f6-4148-b6c5-d3ce8e4799dd', '63f0a09d-1495-4db4-a681-037d84835eb4']);
    const { types, children } = await converged(sandbox, existing);
    expect(types).toEqual(['fluxconfigurations', 'microsoft.azuremonitor.containers', 'microsoft.flux', 'microsoft.policyinsights']);
    expect(children.find((c) => c.name === 'store-baseline')?.properties?.gitRepository).toMatchObject({
      url: 'https://github.com/acme/store-fleet',
      repositoryRef: { branch: 'main' },
    });
    expect(await statesOf(sandbox, existing, 'Compliant')).toEqual(['Compliant', 'Compliant', 'Compliant', 'Compliant']);
  });

  it('a cluster created under the management group converges through the policies, deployed by their identities', async () => {
    sandbox.clearCalls();
    const store = addCluster(sandbox, 'store-02');
    const { types } = await converged(sandbox, store);
    expect(types).toEqual(['fluxconfigurations', 'microsoft.azuremonitor.containers', 'microsoft.flux', 'microsoft.policyinsights']);
    const writes = sandbox.calls().filter((c) => c.method === 'PUT' && c.path.toLowerCase().startsWith(store.toLowerCase()));
    const by = (suffix: string) => writes.find((c) => c.path.endsWith(suffix) && c.status < 300)?.principal;
    expect(by('/extensions/flux')).toBe(principals['stores-flux-extension']);
    expect(by('/fluxConfigurations/store-baseline')).toBe(principals['stores-flux-baseline']);
    expect(by('/extensions/azurepolicy')).toBe(principals['stores-policy-extension']);
    expect(by('/extensions/azuremonitor-containers')).toBe(principals['stores-monitoring']);
    expect(writes.some((c) => c.principal === sandbox.identity.objectId)).toBe(false);
    expect(await statesOf(sandbox, store, 'Compliant')).toEqual(['Compliant', 'Compliant', 'Compliant', 'Compliant']);
  });

  it('a rerun of apply writes nothing and says unchanged', async () => {
    sandbox.clearCalls();
    const r = await step(sandbox, 'apply');
    expect(r.failed).toBe(false);
    expect(sandbox.calls().filter((c) => ['PUT', 'PATCH', 'DELETE'].includes(c.method))).toEqual([]);
    const result = JSON.parse(r.outputs.result) as {
      bootstrap: { action: string; remediation: { action: string } }[];
      access: { action: string }[];
    };
    expect(result.bootstrap.map((b) => [b.action, b.remediation.action])).toEqual(ASSIGNMENTS.map(() => ['unchanged', 'none']));
    expect(result.access.map((a) => a.action)).toEqual(['unchanged', 'unchanged']);
    const onCall = sandbox.state.store.ofType(ROLE_ASSIGNMENTS).filter((a) => a.properties?.principalId === GROUP);
    expect(onCall).toHaveLength(2);
  });
});

describe('refused before any write', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.state.addResourceGroup(sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID, 'stores', 'westeurope');
    addCluster(sandbox, 'store-01');
  });
  afterAll(async () => sandbox?.stop());

  it.each([
    [
      'a DeployIfNotExists definition under assignments (it has no audit → deny stage for the gate)',
      `assignments:\n  - name: flux-ext\n    scope: ${MG}\n    definition: f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1\n    stage: deny\n`,
      /a DeployIfNotExists or Modify definition: it has no audit → deny stage for the promotion gate to judge; list it under bootstrap:/,
    ],
    [
      'an audit/deny definition under bootstrap',
      `bootstrap:\n  - name: no-privileged\n    scope: ${MG}\n    definition: 95edb821-ddaf-4404-9732-666045e056b4\n    location: westeurope\n`,
      /bootstrap "no-privileged" uses "Kubernetes cluster should not allow privileged containers", whose effect is (Audit|Deny); bootstrap takes DeployIfNotExists or Modify/,
    ],
    [
      'a required parameter left out',
      `bootstrap:\n  - name: flux-baseline\n    scope: ${MG}\n    definition: 83ea2fd1-9eaf-2f6d-f672-cd7b2ac798f6\n    location: westeurope\n    parameters:\n      configurationName: baseline\n`,
      /line 2: bootstrap "flux-baseline" does not set parameters.repositoryUrl, which "Configure Kubernetes clusters with Flux v2 configuration using public Git repository" requires/,
    ],
  ])('refuses %s', async (_, text, message) => {
    sandbox.clearCalls();
    const r = await step(sandbox, 'apply', { 'policies/p.yaml': text });
    expect(r.failed).toBe(true);
    expect(r.errors.join('\n')).toMatch(message);
    expect(sandbox.calls().filter((c) => ['PUT', 'PATCH', 'DELETE'].includes(c.method))).toEqual([]);
  });
});

describe('an identity without its role', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    sandbox.state.addResourceGroup(sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID, 'stores', 'westeurope');
    // The workflow may write policy but not role assignments: Reader + Resource Policy Contributor instead of Owner.
    const root = `/providers/Microsoft.Management/managementGroups/${sandbox.identity.rootManagementGroup}`;
    for (const a of sandbox.state.store.ofType(ROLE_ASSIGNMENTS).filter((x) => x.properties?.principalId === sandbox.identity.objectId))
      sandbox.state.store.delete(a.id);
    sandbox.state.assignRole(root, sandbox.identity.objectId, 'Reader');
    sandbox.state.assignRole(root, sandbox.identity.objectId, 'Resource Policy Contributor');
  });
  afterAll(async () => sandbox?.stop());

  it('is reported as failing with the reason, and the new cluster stays NonCompliant as the deployment is refused', async () => {
    const r = await step(sandbox, 'apply');
    expect(r.failed).toBe(true);
    expect(r.errors.join('\n')).toMatch(
      /stores-flux-extension: the identity [0-9a-f-]{36} of stores-flux-extension could not be granted role b24988ac-6180-42a0-ab88-20f7382dd24c at \/providers\/Microsoft.Management\/managementGroups\/fleet \(Azure answered AuthorizationFailed\); its deployments fail with AuthorizationFailed until it holds this role/,
    );
    expect(r.summary).toContain('❌ the identity');
    const assignment = sandbox.state.get(`${MG}/providers/Microsoft.Authorization/policyAssignments/stores-flux-extension`)!;
    const principal = (assignment.identity as { principalId: string }).principalId;
    sandbox.clearCalls();
    const store = addCluster(sandbox, 'store-09');
    const refused = await waitFor(async () => sandbox.calls().find((c) => c.principal === principal && c.status === 403), {
      timeoutMs: 30_000,
      initialMs: 100,
      maxMs: 1000,
    });
    expect(refused.value).toMatchObject({ method: 'PUT', error: 'AuthorizationFailed' });
    expect(refused.value!.path).toMatch(/\/resourceGroups\/stores\/providers\/Microsoft.Resources\/deployments\/[0-9a-f-]{36}$/);
    expect(sandbox.state.store.children(store)).toEqual([]);
    const state = sandbox.state
      .policyStates()
      .find((s) => s.resourceId === store && s.policyAssignmentId.endsWith('/stores-flux-extension'));
    expect(state?.complianceState).toBe('NonCompliant');
  });
});
