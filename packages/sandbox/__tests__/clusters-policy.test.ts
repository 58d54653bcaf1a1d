import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import {
  KubeApiError,
  readAuditResults,
  startLocalCluster,
  syncPolicyAssignments,
  type LocalCluster,
  type PolicyAssignment,
} from '../src/clusters/index.js';

const NO_PRIVILEGE = '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4';
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
const assignment = (name: string, effect: PolicyAssignment['effect'], namespace: string): PolicyAssignment => ({
  id: `${SUB}/providers/Microsoft.Authorization/policyAssignments/${name}`,
  name,
  effect,
  definitions: [{ definitionId: NO_PRIVILEGE, parameters: { namespaces: [namespace] } }],
});
const privilegedPod = (namespace: string, name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: [{ name: 'shell', image: 'busybox:1.36', securityContext: { privileged: true } }] },
});

/** A custom definition as policy-rollout writes it: the ConstraintTemplate travels Base64-encoded in templateInfo. */
const OWNER_TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata:
  name: k8srequiredowner
spec:
  crd:
    spec:
      names:
        kind: K8sRequiredOwner
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8srequiredowner

        violation[{"msg": msg}] {
          not input.review.object.metadata.labels.owner
          msg := sprintf("%v %v has no owner label", [input.review.object.kind, input.review.object.metadata.name])
        }
`;
const customAssignment = (name: string, effect: PolicyAssignment['effect'], template: string): PolicyAssignment => ({
  id: `${SUB}/providers/Microsoft.Authorization/policyAssignments/${name}`,
  name,
  effect,
  definitions: [
    {
      definitionId: `${SUB}/providers/Microsoft.Authorization/policyDefinitions/${name}`,
      definition: {
        name,
        parameters: { namespaces: { defaultValue: ['team-deny'] } },
        details: {
          templateInfo: { sourceType: 'Base64Encoded', content: Buffer.from(template).toString('base64') },
          apiGroups: [''],
          kinds: ['Pod'],
          namespaces: "[parameters('namespaces')]",
        },
      },
    },
  ],
});
const plainPod = (namespace: string, name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: {} as Record<string, string> },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
});

let cluster: LocalCluster;

beforeAll(async () => {
  cluster = await startLocalCluster({ name: 'policy-test', dir: await mkdtemp(join(tmpdir(), 'arc-policy-')), auditIntervalSeconds: 3 });
  console.log(`policy cluster started in ${cluster.timings.total} ms`, cluster.timings);
  for (const ns of ['team-deny', 'team-audit'])
    await cluster.client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
}, 180000);

afterAll(async () => {
  await cluster?.stop();
});

describe('Azure Policy add-on emulation on a real Gatekeeper', () => {
  it('installs one constraint per assignment with the add-on names, annotations and enforcement actions', async () => {
    const result = await syncPolicyAssignments(cluster, [
      assignment('deny-privileged', 'Deny', 'team-deny'),
      assignment('audit-privileged', 'Audit', 'team-audit'),
      assignment('off', 'Disabled', 'x'),
    ]);
    expect(result.templates).toEqual(['k8sazurev2noprivilege']);
    expect(result.constraints.map((c) => c.enforcementAction).sort()).toEqual(['deny', 'dryrun']);
    for (const c of result.constraints) expect(c.name).toMatch(/^azurepolicy-k8sazurev2noprivilege-[0-9a-f]{20}$/);
    const live = await cluster.client.get('constraints.gatekeeper.sh/v1beta1', 'K8sAzureV2NoPrivilege', result.constraints[0].name);
    expect(live.metadata.annotations['azure-policy-assignment-id']).toBe(result.constraints[0].assignmentId);
    expect(live.metadata.labels['managed-by']).toBe('azure-policy-addon');
  });

  it("denies a privileged pod (server-side dry-run) under Deny with Gatekeeper's own message", async () => {
    const denial = await cluster.client
      .request('POST', '/api/v1/namespaces/team-deny/pods', { body: privilegedPod('team-deny', 'priv'), query: { dryRun: 'All' } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(denial).toBeInstanceOf(KubeApiError);
    expect((denial as KubeApiError).status).toBe(403);
    expect((denial as KubeApiError).message).toContain('admission webhook "validation.gatekeeper.sh" denied the request');
    expect((denial as KubeApiError).message).toContain('[azurepolicy-k8sazurev2noprivilege-');
    expect((denial as KubeApiError).message).toContain('Privileged container is not allowed: shell');
  });

  it('admits the same pod under Audit and reports it as a violation after an audit cycle', async () => {
    const created = await cluster.client.request('POST', '/api/v1/namespaces/team-audit/pods', {
      body: privilegedPod('team-audit', 'priv-audited'),
    });
    expect(created.metadata.name).toBe('priv-audited');
    const found = await waitFor(
      async () => {
        const results = await readAuditResults(cluster);
        return results.find((r) => r.violations.some((v) => v.kind === 'Pod' && v.namespace === 'team-audit' && v.name === 'priv-audited'));
      },
      { timeoutMs: 60000, initialMs: 500, maxMs: 1000 },
    );
    console.log(`audit reported the violation after ${found.waitedMs} ms`);
    expect(found.value).toMatchObject({
      enforcementAction: 'dryrun',
      totalViolations: 1,
      assignmentId: `${SUB}/providers/Microsoft.Authorization/policyAssignments/audit-privileged`,
      definitionId: NO_PRIVILEGE,
    });
    expect(found.value?.auditTimestamp).toBeTruthy();
  });

  it('deletes constraints that are no longer assigned', async () => {
    const result = await syncPolicyAssignments(cluster, [assignment('audit-privileged', 'Audit', 'team-audit')]);
    expect(result.deletedConstraints).toHaveLength(1);
    expect((await readAuditResults(cluster)).map((r) => r.enforcementAction)).toEqual(['dryrun']);
    const admitted = await cluster.client.request('POST', '/api/v1/namespaces/team-deny/pods', {
      body: privilegedPod('team-deny', 'priv'),
      query: { dryRun: 'All' },
    });
    expect(admitted.metadata.name).toBe('priv');
  });

  it('installs every template of the restricted initiative members', async () => {
    const members: [string, string, string?][] = [
      ['NoPrivilegedContainers', '95edb821-ddaf-4404-9732-666045e056b4'],
      ['NoPrivilegeEscalation', '1c6e92c9-99f0-4e55-9cf2-0c234dc48f99', '7.*.*'],
      ['BlockUsingHostNetwork', '82985f06-dc18-4a48-bc1c-b9f4f0098cfe', '6.*.*'],
      ['BlockUsingHostProcessIDAndIPC', '47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8', '5.*.*'],
      ['ContainerCapabilities', 'c26596ff-4d70-4e6a-9a30-c2506bd2f80c', '6.*.*'],
      ['AllowedVolumeTypes', '16697877-1118-4fb1-9b65-9898ec2509ec', '5.*.*'],
      ['AllowedUsersGroups', 'f06ddb64-5fa3-4b77-b166-acb36f7f6042', '6.*.*'],
      ['AllowedSeccompProfiles', '975ce327-682c-4f2e-aa46-b9598289b86c', '7.*.*'],
    ];
    const result = await syncPolicyAssignments(cluster, [
      {
        id: `${SUB}/providers/Microsoft.Authorization/policyAssignments/restricted`,
        name: 'restricted',
        effect: 'Audit',
        setDefinitionId: '/providers/Microsoft.Authorization/policySetDefinitions/42b8ef37-b724-4e24-bbc8-7a7708edfe00',
        definitions: members.map(([ref, guid, version]) => ({
          definitionId: `/providers/Microsoft.Authorization/policyDefinitions/${guid}`,
          definitionReferenceId: ref,
          definitionVersion: version,
          parameters: {
            namespaces: ['team-audit'],
            ...(ref === 'ContainerCapabilities' ? { allowedCapabilities: ['CHOWN', 'KILL'] } : {}),
          },
        })),
      },
    ]);
    expect(result.failures).toEqual([]);
    expect(result.templates.sort()).toEqual([
      'k8sazurev2blockhostnamespace',
      'k8sazurev2noprivilege',
      'k8sazurev2volumetypes',
      'k8sazurev3allowedcapabilities',
      'k8sazurev3allowedseccomp',
      'k8sazurev3allowedusersgroups',
      'k8sazurev3hostnetworkingports',
      'k8sazurev3noprivilegeescalation',
    ]);
    expect(result.constraints).toHaveLength(8);
    expect(result.deletedConstraints).toHaveLength(1);
  });

  it("installs a custom definition's Base64 template with its Rego, and Gatekeeper denies with the template's message", async () => {
    const result = await syncPolicyAssignments(cluster, [customAssignment('owner-required', 'Deny', OWNER_TEMPLATE)]);
    expect(result.failures).toEqual([]);
    expect(result.templates).toEqual(['k8srequiredowner']);
    const installed = await cluster.client.get('templates.gatekeeper.sh/v1', 'ConstraintTemplate', 'k8srequiredowner');
    expect(installed.spec.targets[0].rego).toContain('package k8srequiredowner');
    const denial = await cluster.client
      .request('POST', '/api/v1/namespaces/team-deny/pods', { body: plainPod('team-deny', 'no-owner'), query: { dryRun: 'All' } })
      .then(
        () => undefined,
        (e: unknown) => e as KubeApiError,
      );
    expect(denial?.status).toBe(403);
    expect(denial?.message).toMatch(/denied the request: \[azurepolicy-k8srequiredowner-[0-9a-f]{20}\] Pod no-owner has no owner label/);
    const labelled = plainPod('team-deny', 'owned');
    labelled.metadata.labels = { owner: 'team-a' };
    const admitted = await cluster.client.request('POST', '/api/v1/namespaces/team-deny/pods', {
      body: labelled,
      query: { dryRun: 'All' },
    });
    expect(admitted.metadata.name).toBe('owned');
  });

  it('reports a template Gatekeeper rejects and a template name taken by another source as failures, and installs the rest', async () => {
    const broken = OWNER_TEMPLATE.replace('k8srequiredowner', 'k8sbrokenrego')
      .replace('K8sRequiredOwner', 'K8sBrokenRego')
      .replace('not input.review.object.metadata.labels.owner', 'this is not rego');
    const other = OWNER_TEMPLATE.replace('has no owner label', 'needs an owner');
    const result = await syncPolicyAssignments(cluster, [
      customAssignment('owner-required', 'Deny', OWNER_TEMPLATE),
      customAssignment('broken', 'Audit', broken),
      customAssignment('owner-again', 'Audit', other),
    ]);
    expect(result.constraints.map((c) => c.assignmentId.split('/').pop())).toEqual(['owner-required']);
    const byAssignment = Object.fromEntries(result.failures.map((f) => [f.assignmentId.split('/').pop(), f]));
    expect(byAssignment.broken).toMatchObject({ complianceState: 'Error', reason: 'Constraint/TemplateInstallFailed' });
    expect(byAssignment.broken.message).toContain('Gatekeeper rejected the constraint template k8sbrokenrego');
    expect(byAssignment['owner-again']).toMatchObject({ complianceState: 'Conflict', reason: 'ConstraintTemplateConflicts' });
  });
});
