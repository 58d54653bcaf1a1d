import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@arc-actions/core';
import { planConstraint, type PolicyAssignment } from '../src/clusters/index.js';

const def = (guid: string): string => `/providers/Microsoft.Authorization/policyDefinitions/${guid}`;
const assignment: PolicyAssignment = {
  id: '/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/baseline',
  name: 'baseline',
  effect: 'Audit',
  definitions: [],
};

describe('built-in definitions → Gatekeeper constraints (no cluster)', () => {
  it.each([
    ['95edb821-ddaf-4404-9732-666045e056b4', undefined, 'k8sazurev2noprivilege', 'K8sAzureV2NoPrivilege', {}],
    ['47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8', '5.*.*', 'k8sazurev2blockhostnamespace', 'K8sAzureV2BlockHostNamespace', {}],
    ['82985f06-dc18-4a48-bc1c-b9f4f0098cfe', '6.*.*', 'k8sazurev3hostnetworkingports', 'K8sAzureV3HostNetworkingPorts', { min: 0, max: 0 }],
    ['c26596ff-4d70-4e6a-9a30-c2506bd2f80c', undefined, 'k8sazurev3allowedcapabilities', 'K8sAzureV3AllowedCapabilities', {}],
    ['1c6e92c9-99f0-4e55-9cf2-0c234dc48f99', '7.*.*', 'k8sazurev3noprivilegeescalation', 'K8sAzureV3NoPrivilegeEscalation', {}],
    ['1c6e92c9-99f0-4e55-9cf2-0c234dc48f99', undefined, 'k8sazurev4noprivilegeescalation', 'K8sAzureV4NoPrivilegeEscalation', {}],
  ])('definition %s (version %s) uses template %s', async (guid, definitionVersion, template, kind, parameters) => {
    const plan = await planConstraint(assignment, { definitionId: def(guid), definitionVersion }, 'dryrun');
    expect(plan.template.name).toBe(template);
    expect(plan.object.kind).toBe(kind);
    expect(plan.object.metadata.name.length).toBeLessThanOrEqual(63);
    expect(plan.object.spec).toMatchObject({
      enforcementAction: 'dryrun',
      match: {
        kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
        excludedNamespaces: expect.arrayContaining(['kube-system', 'gatekeeper-system', 'azure-arc']),
      },
      parameters,
    });
  });

  it('maps Azure values to the library parameters and keeps namespaces and label selectors', async () => {
    const plan = await planConstraint(
      assignment,
      {
        definitionId: def('c26596ff-4d70-4e6a-9a30-c2506bd2f80c'),
        definitionReferenceId: 'ContainerCapabilities',
        parameters: {
          allowedCapabilities: ['CHOWN'],
          excludedImages: ['mcr.microsoft.com/*'],
          namespaces: ['apps'],
          labelSelector: { matchLabels: { tier: 'web' } },
        },
      },
      'deny',
    );
    expect(plan.object.spec).toMatchObject({
      enforcementAction: 'deny',
      match: { namespaces: ['apps'], labelSelector: { matchLabels: { tier: 'web' } } },
      parameters: { allowedCapabilities: ['CHOWN'], exemptImages: ['mcr.microsoft.com/*'] },
    });
    expect(plan.object.metadata.annotations).toMatchObject({
      'azure-policy-definition-reference-id': 'ContainerCapabilities',
      'azure-policy-assignment-id': assignment.id,
    });
  });

  it('refuses definitions and values the fixtures cannot express, with a ConfigurationError', async () => {
    await expect(planConstraint(assignment, { definitionId: def('16697877-1118-4fb1-9b65-9898ec2509ec') }, 'deny')).rejects.toThrow(
      ConfigurationError,
    );
    await expect(
      planConstraint(
        assignment,
        { definitionId: def('82985f06-dc18-4a48-bc1c-b9f4f0098cfe'), parameters: { allowedHostPorts: [{ min: 80, max: 80 }] } },
        'deny',
      ),
    ).rejects.toThrow(/allowedHostPorts is not a parameter of template k8sazurev4hostnetworkingports/);
  });
});
