/**
 * The preview's constraint builder against the sandbox's add-on, for the same inputs: the pod security baseline
 * initiative (five members at their pinned major versions, initiative and member parameters resolved) and a custom
 * Base64 Rego definition. The action reads definitions through @azure/arm-policy and templates through the store
 * stand-in (ARC_POLICY_STORE_URL), the sandbox resolves them from its fixtures: the templates must be identical, and
 * so must the constraints (apart from the values the sandbox leaves out because its reference template does not read
 * them, which it refuses when leaving them out could loosen the verdict). Then gator evaluates a few pods against
 * them and the counts split as they must.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, SandboxStore, type Sandbox } from '@arc-actions/sandbox';
import { ArmClients, createOidcCredential, parseEnvironment } from '@arc-actions/azure';
import { planConstraint, resolveClusterBins } from '../../../packages/sandbox/src/clusters/index.js';
import { assignmentForCluster } from '../../../packages/sandbox/src/reconcile/policy.js';
import { buildConstraint, templateInfoOf } from '../src/preview/constraints.js';
import { assignmentPolicies, DefinitionReader } from '../src/preview/definitions.js';
import { TemplateResolver } from '../src/preview/templates.js';
import { desiredCustomDefinition } from '../src/desired.js';
import { gatorTest } from '../src/preview/gator.js';
import { classify } from '../src/preview/classify.js';

const BASELINE = '/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d';
const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
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
          msg := sprintf("pod %v must have the label owner", [input.review.object.metadata.name])
        }
`;

let sandbox: Sandbox;
let arm: ArmClients;
let sub: string;
const saved = { ...process.env };

beforeAll(async () => {
  sandbox = await startSandbox();
  Object.assign(process.env, sandbox.env);
  sub = sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID;
  const environment = parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT);
  arm = new ArmClients(
    await createOidcCredential({
      tenantId: sandbox.identity.tenantId,
      clientId: sandbox.identity.clientId,
      audience: 'api://AzureADTokenExchange',
      environment,
    }),
    environment,
  );
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
  process.env = saved;
});

/** The sandbox add-on's view of an assignment resource (as assignmentForCluster builds it). */
function sandboxAssignment(id: string, definitionId: string, parameters: Record<string, unknown>, custom?: Record<string, any>) {
  const store = new SandboxStore(sandbox.identity.tenantId);
  if (custom)
    store.put({
      id: definitionId,
      name: definitionId.split('/').pop()!,
      type: 'Microsoft.Authorization/policyDefinitions',
      properties: custom,
    });
  const resource = {
    id,
    name: id.split('/').pop()!,
    type: 'Microsoft.Authorization/policyAssignments',
    properties: {
      scope: `/subscriptions/${sub}`,
      policyDefinitionId: definitionId,
      parameters: Object.fromEntries(Object.entries({ effect: 'Deny', ...parameters }).map(([k, v]) => [k, { value: v }])),
    },
  };
  return assignmentForCluster(store, resource, 'westeurope')!;
}

describe('the preview builds the constraints the add-on builds', () => {
  it('for the baseline initiative: same templates, same constraints, member by member', async () => {
    const id = `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/pod-baseline`;
    const parameters = {
      excludedNamespaces: ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system', 'legacy'],
      allowedHostPaths: { paths: [{ pathPrefix: '/var/log', readOnly: true }] },
    };
    const ours = await assignmentPolicies(new DefinitionReader(arm, sub), { definitionId: BASELINE, parameters });
    const theirs = sandboxAssignment(id, BASELINE, parameters);
    expect(ours.policies.map((p) => p.referenceId)).toEqual(theirs.definitions.map((d) => d.definitionReferenceId));
    expect(ours.policies).toHaveLength(5);
    const templates = new TemplateResolver();
    for (const [i, policy] of ours.policies.entries()) {
      const planned = await planConstraint(theirs, theirs.definitions[i], 'deny');
      const template = await templates.resolve(templateInfoOf(policy.details));
      expect(template.object).toEqual(planned.template.object);
      const constraint = buildConstraint({ assignmentId: id, setDefinitionId: BASELINE, policy, template, enforcementAction: 'deny' });
      const reads = planned.template.reads!;
      const { parameters: ourParams, ...ourSpec } = constraint.spec;
      const { parameters: theirParams, ...theirSpec } = planned.object.spec as typeof constraint.spec;
      expect({ ...constraint, spec: ourSpec }).toEqual({ ...planned.object, spec: theirSpec });
      // Every value the sandbox passes, the preview passes identically; the others are ones the sandbox drops only
      // where that cannot loosen the verdict (SAFE_TO_DROP), so gator sees the same Rego inputs.
      expect(Object.fromEntries(Object.entries(ourParams ?? {}).filter(([k]) => reads.has(k)))).toEqual(theirParams ?? {});
    }
    expect(ours.policies.find((p) => p.referenceId === 'BlockUsingHostNetwork')!.version).toMatch(/^6\./);
  }, 60_000);

  it('for a custom Base64 Rego definition: the same template and constraint', async () => {
    const definitionId = `/subscriptions/${sub}/providers/Microsoft.Authorization/policyDefinitions/require-owner`;
    const id = `/subscriptions/${sub}/providers/Microsoft.Authorization/policyAssignments/owner-label`;
    const body = desiredCustomDefinition({
      name: 'require-owner',
      file: 'policies/owners.yaml',
      line: 1,
      templateFile: 'policies/templates/require-owner.yaml',
      template: TEMPLATE,
      constraintKind: 'K8sRequiredOwner',
      apiGroups: [''],
      kinds: ['Pod'],
      values: {},
    });
    const parameters = { excludedNamespaces: ['kube-system', 'legacy'] };
    const ours = await assignmentPolicies(new DefinitionReader(arm, sub), {
      definitionId,
      parameters,
      custom: { [definitionId.toLowerCase()]: body },
    });
    const theirs = sandboxAssignment(id, definitionId, parameters, body);
    const planned = await planConstraint(theirs, theirs.definitions[0], 'deny');
    const template = await new TemplateResolver().resolve(templateInfoOf(ours.policies[0].details));
    expect(template.object).toEqual(planned.template.object);
    expect(buildConstraint({ assignmentId: id, policy: ours.policies[0], template, enforcementAction: 'deny' })).toEqual(planned.object);
  }, 60_000);
});

describe('gator evaluates, and the counts add up', () => {
  it('splits the objects into denied (new or not), newly passing and unchanged', async () => {
    const bins = await resolveClusterBins();
    const gator = { path: bins.gator, source: 'PATH' as const };
    const template = await new TemplateResolver().resolve({
      sourceType: 'Base64Encoded',
      content: Buffer.from(TEMPLATE).toString('base64'),
    });
    const policy = {
      definitionId: '/x/require-owner',
      declared: {},
      details: { excludedNamespaces: "[parameters('excludedNamespaces')]" },
      values: {},
    };
    const constraint = (excluded: string[]) =>
      buildConstraint({
        assignmentId: '/a/owner',
        policy: { ...policy, values: { excludedNamespaces: excluded } },
        template,
        enforcementAction: 'deny',
      });
    const pod = (namespace: string, name: string, owner?: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, ...(owner ? { labels: { owner } } : {}) },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    const pods = [pod('shop', 'api'), pod('shop', 'web', 'team-a'), pod('legacy', 'agent'), pod('batch', 'job')];
    const ns = ['shop', 'legacy', 'batch'].map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    // Before: legacy excluded. After: batch excluded instead.
    const before = constraint(['legacy']);
    const after = constraint(['batch']);
    expect(before.metadata.name).toBe(after.metadata.name);
    const run = (c: typeof before) => gatorTest(gator, { templates: [template.object], constraints: [c], objects: [...ns, ...pods] });
    const [a, b] = [await run(after), await run(before)];
    expect(a.map((v) => `${v.namespace}/${v.name}`).sort()).toEqual(['legacy/agent', 'shop/api']);
    expect(a[0].message).toMatch(/must have the label owner/);
    const policyOf = new Map([[after.metadata.name, 'require-owner']]);
    const list = pods.map((p) => ({ kind: p.kind, namespace: p.metadata.namespace, name: p.metadata.name }));
    const { counts, objects } = classify('c1', list, a, b, policyOf);
    expect(counts).toEqual({ evaluated: 4, wouldBeDenied: 2, newlyDenied: 1, wouldNewlyPass: 1, unchanged: 1 });
    expect(counts.evaluated).toBe(counts.wouldBeDenied + counts.wouldNewlyPass + counts.unchanged);
    expect(objects.map((o) => [o.namespace, o.name, o.verdict, o.new])).toEqual([
      ['shop', 'api', 'denied', false],
      ['legacy', 'agent', 'denied', true],
      ['batch', 'job', 'passes', false],
    ]);
    // A new assignment (nothing to compare with): every denial is new.
    expect(classify('c1', list, a, undefined, policyOf).counts).toEqual({
      evaluated: 4,
      wouldBeDenied: 2,
      newlyDenied: 2,
      wouldNewlyPass: 0,
      unchanged: 2,
    });
  }, 60_000);

  it('fails with gator’s own message when a template does not compile, never with an empty result', async () => {
    const bins = await resolveClusterBins();
    const broken = TEMPLATE.replace('not input.review.object.metadata.labels.owner', 'not input.review.object.metadata.labels.owner +');
    const template = await new TemplateResolver().resolve({ sourceType: 'Base64Encoded', content: Buffer.from(broken).toString('base64') });
    await expect(
      gatorTest({ path: bins.gator, source: 'PATH' }, { templates: [template.object], constraints: [], objects: [] }),
    ).rejects.toThrow(/gator test failed: .*k8srequiredowner/);
  }, 60_000);
});
