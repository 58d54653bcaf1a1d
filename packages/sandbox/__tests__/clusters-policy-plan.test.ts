import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { planConstraint, PolicyInstallError, resolveTemplate, type PolicyAssignment } from '../src/clusters/index.js';
import { requireFixtures } from '../src/fixtures.js';

const def = (guid: string): string => `/providers/Microsoft.Authorization/policyDefinitions/${guid}`;
const assignment: PolicyAssignment = {
  id: '/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/baseline',
  name: 'baseline',
  effect: 'Audit',
  definitions: [],
};
const initiative = (file: string) =>
  JSON.parse(readFileSync(join(requireFixtures(), 'azure-policy/built-in-policies/policySetDefinitions/Kubernetes', file), 'utf8'));
const reference = (slug: string) =>
  parse(readFileSync(join(requireFixtures(), 'azure-policy/built-in-references/Kubernetes', slug, 'template.yaml'), 'utf8'));

describe('built-in definitions → Azure Policy templates and constraints (no cluster)', () => {
  it.each([
    // definition, pinned version, store template (slug/vN), in-cluster name, kind, parameters
    ['95edb821-ddaf-4404-9732-666045e056b4', '9.*.*', 'container-no-privilege/v2', 'k8sazurev2noprivilege', 'K8sAzureV2NoPrivilege', {}],
    [
      '47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8',
      '5.*.*',
      'block-host-namespace/v2',
      'k8sazurev2blockhostnamespace',
      'K8sAzureV2BlockHostNamespace',
      {},
    ],
    [
      '47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8',
      undefined,
      'block-host-namespace/v3',
      'k8sazurev3blockhostnamespace',
      'K8sAzureV3BlockHostNamespace',
      {},
    ],
    [
      '82985f06-dc18-4a48-bc1c-b9f4f0098cfe',
      '6.*.*',
      'host-network-ports/v3',
      'k8sazurev3hostnetworkingports',
      'K8sAzureV3HostNetworkingPorts',
      { allowHostNetwork: false, minPort: 0, maxPort: 0 },
    ],
    [
      'c26596ff-4d70-4e6a-9a30-c2506bd2f80c',
      '6.*.*',
      'container-allowed-capabilities/v3',
      'k8sazurev3allowedcapabilities',
      'K8sAzureV3AllowedCapabilities',
      { allowedCapabilities: [], requiredDropCapabilities: [] },
    ],
    [
      '098fc59e-46c7-4d99-9b16-64990e543d75',
      '6.*.*',
      'allowed-host-paths/v4',
      'k8sazurev4hostfilesystem',
      'K8sAzureV4HostFilesystem',
      { allowedHostPaths: [] },
    ],
    [
      '1c6e92c9-99f0-4e55-9cf2-0c234dc48f99',
      '7.*.*',
      'container-no-privilege-escalation/v3',
      'k8sazurev3noprivilegeescalation',
      'K8sAzureV3NoPrivilegeEscalation',
      {},
    ],
    [
      '1c6e92c9-99f0-4e55-9cf2-0c234dc48f99',
      undefined,
      'container-no-privilege-escalation/v4',
      'k8sazurev4noprivilegeescalation',
      'K8sAzureV4NoPrivilegeEscalation',
      {},
    ],
    [
      '16697877-1118-4fb1-9b65-9898ec2509ec',
      '5.*.*',
      'allowed-volume-types/v2',
      'k8sazurev2volumetypes',
      'K8sAzureV2VolumeTypes',
      { volumes: [] },
    ],
    [
      '975ce327-682c-4f2e-aa46-b9598289b86c',
      '7.*.*',
      'allowed-seccomp-profiles/v3',
      'k8sazurev3allowedseccomp',
      'K8sAzureV3AllowedSeccomp',
      { allowedProfiles: [] },
    ],
  ])('definition %s (version %s) installs %s as %s', async (guid, definitionVersion, store, template, kind, parameters) => {
    const plan = await planConstraint(assignment, { definitionId: def(guid), definitionVersion }, 'dryrun');
    expect(plan.template.source).toBe(`https://store.policy.core.windows.net/kubernetes/${store}/template.yaml`);
    expect(plan.template.name).toBe(template);
    expect(plan.template.object.metadata.name).toBe(template);
    expect(plan.template.object.spec.crd.spec.names).toEqual({ kind });
    // The Rego is Azure's own, untouched.
    const slug = store.split('/')[0];
    expect(plan.template.object.spec.targets).toEqual(reference(slug).spec.targets);
    expect(plan.object.kind).toBe(kind);
    expect(plan.object.metadata.name.length).toBeLessThanOrEqual(63);
    expect(plan.object.spec).toEqual({
      enforcementAction: 'dryrun',
      match: {
        kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
        excludedNamespaces: ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'],
      },
      ...(Object.keys(parameters).length ? { parameters } : {}),
    });
  });

  it('maps every member of both initiatives to a vendored template (no member is left without one)', async () => {
    for (const file of ['PSPBaselineStandard.json', 'PSPRestrictedStandard.json']) {
      const set = initiative(file);
      for (const m of set.properties.policyDefinitions) {
        const plan = await planConstraint(
          assignment,
          {
            definitionId: m.policyDefinitionId,
            definitionReferenceId: m.policyDefinitionReferenceId,
            definitionVersion: m.definitionVersion,
          },
          'deny',
        );
        expect(plan.template.vendoredFrom).toMatch(
          /^packages\/sandbox\/fixtures\/azure-policy\/built-in-references\/Kubernetes\/[a-z-]+\/template\.yaml$/,
        );
      }
    }
  });

  it('passes assignment values, namespaces and label selectors through as the add-on does', async () => {
    const plan = await planConstraint(
      assignment,
      {
        definitionId: def('c26596ff-4d70-4e6a-9a30-c2506bd2f80c'),
        definitionReferenceId: 'ContainerCapabilities',
        definitionVersion: '6.*.*',
        parameters: {
          allowedCapabilities: ['CHOWN'],
          namespaces: ['apps'],
          excludedNamespaces: ['kube-system'],
          labelSelector: { matchLabels: { tier: 'web' } },
        },
      },
      'deny',
    );
    expect(plan.object.spec).toMatchObject({
      enforcementAction: 'deny',
      match: { namespaces: ['apps'], excludedNamespaces: ['kube-system'], labelSelector: { matchLabels: { tier: 'web' } } },
      parameters: { allowedCapabilities: ['CHOWN'], requiredDropCapabilities: [] },
    });
    expect(plan.object.metadata.annotations).toMatchObject({
      'azure-policy-definition-reference-id': 'ContainerCapabilities',
      'azure-policy-assignment-id': assignment.id,
      'constraint-installed-by': 'azure-policy-addon',
    });
  });

  it('refuses a value the vendored reference template cannot honour, naming it (reported as Error, not ignored)', async () => {
    const planned = planConstraint(
      assignment,
      { definitionId: def('95edb821-ddaf-4404-9732-666045e056b4'), parameters: { excludedImages: ['mcr.microsoft.com/*'] } },
      'deny',
    );
    await expect(planned).rejects.toThrow(PolicyInstallError);
    await expect(planned).rejects.toThrow(
      /excludedImages=\["mcr.microsoft.com\/\*"\] is not read by .*container-no-privilege\/template\.yaml/,
    );
  });

  it('refuses a definition whose reference template cannot express a value even when empty (host-network-ports v4 allowedHostPorts)', async () => {
    // 7.0.0 replaced minPort/maxPort by allowedHostPorts; the reference Rego without minPort/maxPort would let every
    // hostPort through, so the sandbox reports Error instead of a Compliant it cannot stand behind.
    await expect(planConstraint(assignment, { definitionId: def('82985f06-dc18-4a48-bc1c-b9f4f0098cfe') }, 'deny')).rejects.toThrow(
      /allowedHostPorts=\[\] is not read by .*host-network-ports\/template\.yaml/,
    );
  });

  it('decodes a Base64 template of a custom definition and keeps its own name, kind and values', async () => {
    const template = [
      'apiVersion: templates.gatekeeper.sh/v1',
      'kind: ConstraintTemplate',
      'metadata:',
      '  name: k8srequiredowner',
      'spec:',
      '  crd:',
      '    spec:',
      '      names:',
      '        kind: K8sRequiredOwner',
      '  targets:',
      '    - target: admission.k8s.gatekeeper.sh',
      '      rego: |',
      '        package k8srequiredowner',
      '        violation[{"msg": "no owner"}] { not input.review.object.metadata.labels.owner }',
      '',
    ].join('\n');
    const plan = await planConstraint(
      assignment,
      {
        definitionId: '/subscriptions/s/providers/Microsoft.Authorization/policyDefinitions/require-owner',
        definition: {
          name: 'require-owner',
          parameters: { excludedNamespaces: { defaultValue: ['kube-system'] }, namespaces: { defaultValue: [] } },
          details: {
            templateInfo: { sourceType: 'Base64Encoded', content: Buffer.from(template).toString('base64') },
            apiGroups: [''],
            kinds: ['Pod'],
            excludedNamespaces: "[parameters('excludedNamespaces')]",
            namespaces: "[parameters('namespaces')]",
            values: { teams: ['a'] },
          },
        },
      },
      'deny',
    );
    expect(plan.template).toMatchObject({ name: 'k8srequiredowner', kind: 'K8sRequiredOwner', source: 'Base64Encoded' });
    expect(plan.object.kind).toBe('K8sRequiredOwner');
    expect(plan.object.metadata.name).toMatch(/^azurepolicy-k8srequiredowner-[0-9a-f]{20}$/);
    expect(plan.object.spec).toEqual({
      enforcementAction: 'deny',
      match: { kinds: [{ apiGroups: [''], kinds: ['Pod'] }], excludedNamespaces: ['kube-system'] },
      parameters: { teams: ['a'] },
    });
  });

  it.each([
    [{ sourceType: 'Base64Encoded', content: Buffer.from('kind: ConfigMap\n').toString('base64') }, /not a Gatekeeper ConstraintTemplate/],
    [{ sourceType: 'PublicURL', url: 'https://raw.githubusercontent.com/acme/p/main/t.yaml' }, /cannot be downloaded by the sandbox/],
    [
      { sourceType: 'PublicURL', url: 'https://store.policy.core.windows.net/kubernetes/container-resource-limits/v3/template.yaml' },
      /has no copy of/,
    ],
    [{ sourceType: 'Git' }, /sourceType Git is not allowed/],
  ])('refuses template %j with a reason', async (info, message) => {
    await expect(resolveTemplate(info)).rejects.toThrow(message);
  });
});
