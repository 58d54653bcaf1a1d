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

  it('installs every template of the restricted initiative members that the fixtures cover', async () => {
    const members: [string, string, string?][] = [
      ['NoPrivilegedContainers', '95edb821-ddaf-4404-9732-666045e056b4'],
      ['NoPrivilegeEscalation', '1c6e92c9-99f0-4e55-9cf2-0c234dc48f99', '7.*.*'],
      ['BlockUsingHostNetwork', '82985f06-dc18-4a48-bc1c-b9f4f0098cfe', '6.*.*'],
      ['BlockUsingHostProcessIDAndIPC', '47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8', '5.*.*'],
      ['ContainerCapabilities', 'c26596ff-4d70-4e6a-9a30-c2506bd2f80c', '6.*.*'],
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
    expect(result.templates.sort()).toEqual([
      'k8sazurev2blockhostnamespace',
      'k8sazurev2noprivilege',
      'k8sazurev3allowedcapabilities',
      'k8sazurev3hostnetworkingports',
      'k8sazurev3noprivilegeescalation',
    ]);
    expect(result.constraints).toHaveLength(5);
    expect(result.deletedConstraints).toHaveLength(1);
  });
});
