/**
 * Reliability (issue 9): bad input across every fleet action, table-driven, against the sandbox. Each case runs the
 * action's real `run()` with a working OIDC issuer and an ARM stand-in behind it, so an input that slipped through
 * validation would go on to act on the fleet. Every case must end with one error line that names the input (or, for
 * the contents of a policy file, the file the input points at) and with ZERO writes in the sandbox's call log.
 * Covered: query injection through selectors, tag values, tag names and ids; path traversal through every file
 * input, including symbolic links that lead out of the workspace; oversized inputs and files (5 MB YAML).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { kubeconfig, runStep } from '../actions/arc-connect/__tests__/harness.js';
import { run as arcAccess } from '../actions/arc-access/src/main.js';
import { run as arcConnect } from '../actions/arc-connect/src/main.js';
import { run as arcVerify } from '../actions/arc-verify/src/main.js';
import { run as fluxApply } from '../actions/flux-apply/src/main.js';
import { run as policyRollout } from '../actions/policy-rollout/src/main.js';

type Action = 'arc-connect' | 'flux-apply' | 'policy-rollout' | 'arc-verify' | 'arc-access';
const RUN: Record<Action, () => Promise<void>> = {
  'arc-connect': arcConnect,
  'flux-apply': fluxApply,
  'policy-rollout': policyRollout,
  'arc-verify': arcVerify,
  // A bad input that slipped through would go on to start `az connectedk8s proxy`: there is no `az` in these tests.
  'arc-access': () => arcAccess({ az: '/nonexistent/az' }),
};

interface Case {
  action: Action;
  name: string;
  inputs: Record<string, string>;
  /** The input the error must name. */
  input: string;
  detail?: RegExp;
  files?: Record<string, string>;
  /** Symbolic links to create in the workspace: path → target (absolute, usually outside the workspace). */
  links?: Record<string, string>;
  env?: Record<string, string>;
}

let sandbox: Sandbox;
/** Files outside the workspace that symbolic links point at. */
const outside = mkdtempSync(join(tmpdir(), 'arc-rel-outside-'));
/** The sandbox's seeded subscription (fixed by its seed). */
const HOME_SUB = '5ab5c71b-0000-4000-8000-000000000001';
const FIVE_MB = 5 * 1024 * 1024;
const INJECTION = "prod' or 1==1 //";

const FLUX = `name: fleet-base
namespace: flux-system
source:
  gitRepository:
    url: https://github.com/acme/fleet-config
    branch: main
kustomizations:
  apps:
    path: ./apps
`;
const policy = (sub: string, extra = '') => `assignments:
  - name: psp-baseline
    scope: /subscriptions/${sub}
    definition: /providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4
    stage: audit
${extra}`;
const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8snolatest }
spec:
  crd: { spec: { names: { kind: K8sNoLatest } } }
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8snolatest
        violation[{"msg": "latest"}] { endswith(input.review.object.spec.containers[_].image, ":latest") }
`;
const customPolicy = (sub: string, template: string) => `assignments:
  - name: no-latest
    scope: /subscriptions/${sub}
    definition: custom:no-latest-tag
    stage: audit
definitions:
  - name: no-latest-tag
    constraint-template: ${template}
`;
/** A syntactically valid YAML document of about `bytes` bytes (a long comment block before a small body). */
const bigYaml = (body: string, bytes = FIVE_MB) =>
  `${'# padding padding padding padding padding padding padding padding\n'.repeat(Math.ceil(bytes / 66))}${body}`;

const identity = () => ({
  'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
  'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
  'subscription-id': sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID,
  environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
});

/** A valid step for each action: every case overrides what it tests. */
function good(action: Action): Record<string, string> {
  const id = identity();
  switch (action) {
    case 'arc-connect':
      return {
        ...id,
        'cluster-name': 'edge-bad-input',
        'resource-group': 'rg-fleet',
        location: 'westeurope',
        kubeconfig: kubeconfig('tok-bad-input-0001').replace('https://10.0.0.1:6443', 'https://127.0.0.1:1'),
      };
    case 'flux-apply':
      return { ...id, configuration: 'gitops/flux.yaml', selector: 'tags:\n  env: prod', wait: 'false' };
    case 'policy-rollout':
      return { ...id, policies: 'policies', mode: 'apply', 'min-soak': '0s', 'sync-allowance': '0s' };
    case 'arc-verify':
      return { ...id, selector: 'tags:\n  env: prod', access: 'none', 'fail-on': 'never' };
    case 'arc-access':
      return { ...id, cluster: armId(HOME_SUB, 'emu-00001'), 'wait-timeout': '5s' };
  }
}

const armId = (sub: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-emu-1/providers/Microsoft.Kubernetes/connectedClusters/${name}`;
const SUB = '5ab5c71b-0000-4000-8001-000000000001';
const GUID = '5ab5c71b-0000-4000-8001-0000000000ff';

function cases(): Case[] {
  const sub = HOME_SUB;
  const all: Action[] = ['arc-connect', 'flux-apply', 'policy-rollout', 'arc-verify', 'arc-access'];
  const fleet: Action[] = ['flux-apply', 'arc-verify'];
  const list: Case[] = [];
  const add = (c: Case) => list.push(c);

  // ---- identity inputs, every action ----
  for (const action of all) {
    add({ action, name: 'client-id not a GUID', inputs: { 'client-id': "x' or 1==1" }, input: 'client-id', detail: /GUID/ });
    add({ action, name: 'tenant-id not a GUID', inputs: { 'tenant-id': '../../common' }, input: 'tenant-id', detail: /GUID/ });
    add({ action, name: 'unknown environment', inputs: { environment: 'AzureStack' }, input: 'environment' });
    add({
      action,
      name: 'custom environment over http',
      inputs: { environment: '{"name":"x","resourceManager":"http://127.0.0.1:1","authorityHost":"https://127.0.0.1:1"}' },
      input: 'environment',
    });
    add({ action, name: '5 MB environment', inputs: { environment: `{"name":"${'x'.repeat(FIVE_MB)}"}` }, input: 'environment' });
    add({ action, name: '5 MB client-id', inputs: { 'client-id': 'a'.repeat(FIVE_MB) }, input: 'client-id' });
  }

  // ---- query injection through selectors and ids (flux-apply, arc-verify) ----
  const selectors: [string, string][] = [
    ['tag value with a quote', `tags:\n  env: "${INJECTION}"`],
    ['tag value with a double quote', `tags:\n  env: 'prod" or 1==1 //'`],
    ['tag value with a backslash', `tags:\n  env: 'prod\\' or true'`],
    ['tag value with a newline', `tags:\n  env: "prod\\n| where 1==1"`],
    ['tag name with a quote', `tags:\n  "env'] != '' or tags['x": prod`],
    ['resource group with a quote', `resource-groups: ["rg-emu-1') or (1==1"]`],
    ['management group with a pipe', `management-groups: ["fleet | where 1==1"]`],
    ['subscription that is not a GUID', `subscriptions: ["${SUB}' or 1==1"]`],
    ['unknown selector key (raw query)', `query: "resources | where 1==1"`],
    ['empty selector', `tags: {}`],
    ['5 MB selector', bigYaml(`tags:\n  env: prod\n`).replace('tags:', 'tagz:')],
    ['tag value of 5 MB', `tags:\n  env: ${'p'.repeat(FIVE_MB)}`],
  ];
  for (const action of fleet) {
    for (const [name, selector] of selectors) add({ action, name: `selector: ${name}`, inputs: { selector }, input: 'selector' });
    add({
      action,
      name: 'targets: id with a quote',
      inputs: { selector: '', targets: `${armId(SUB, 'emu-00001')}' or 1==1 //` },
      input: 'targets',
    });
    add({
      action,
      name: 'targets: id with a pipe',
      inputs: { selector: '', targets: `${armId(SUB, 'emu-00001')} | where 1==1` },
      input: 'targets',
    });
    add({ action, name: 'targets and selector both set', inputs: { targets: armId(SUB, 'emu-00001') }, input: 'targets' });
    add({
      action,
      name: 'targets: path traversal in an id',
      inputs: { selector: '', targets: `${armId(SUB, '..')}/../../x` },
      input: 'targets',
    });
  }

  // ---- flux-apply: configuration file traversal, oversized configuration, secrets inputs ----
  add({
    action: 'flux-apply',
    name: 'configuration ../ outside',
    inputs: { configuration: '../flux.yaml' },
    input: 'configuration',
    detail: /outside/,
  });
  add({
    action: 'flux-apply',
    name: 'configuration deep ../ outside',
    inputs: { configuration: 'gitops/../../../../etc/flux.yaml' },
    input: 'configuration',
    detail: /outside/,
  });
  add({
    action: 'flux-apply',
    name: 'configuration absolute path',
    inputs: { configuration: '/etc/flux.yaml' },
    input: 'configuration',
    detail: /outside/,
  });
  add({
    action: 'flux-apply',
    name: 'configuration symlink to a file outside',
    inputs: { configuration: 'gitops/evil.yaml' },
    links: { 'gitops/evil.yaml': 'flux.yaml' },
    input: 'configuration',
    detail: /outside/,
  });
  add({
    action: 'flux-apply',
    name: 'configuration through a symlinked folder',
    inputs: { configuration: 'linked/flux.yaml' },
    links: { linked: '.' },
    input: 'configuration',
    detail: /outside/,
  });
  add({
    action: 'flux-apply',
    name: '5 MB configuration file',
    inputs: { configuration: 'gitops/big.yaml' },
    files: { 'gitops/big.yaml': bigYaml(FLUX) },
    input: 'configuration',
  });
  add({
    action: 'flux-apply',
    name: '2 MB inline configuration',
    inputs: { configuration: bigYaml(FLUX, 2 * 1024 * 1024) },
    input: 'configuration',
  });
  add({
    action: 'flux-apply',
    name: 'configuration with a file:// source URL',
    inputs: { configuration: FLUX.replace('https://github.com/acme/fleet-config', 'file:///etc/passwd') },
    input: 'configuration',
  });
  add({
    action: 'flux-apply',
    name: 'kustomization path escaping the repository',
    inputs: { configuration: FLUX.replace('./apps', '../../../etc') },
    input: 'configuration',
  });
  add({
    action: 'flux-apply',
    name: '5 MB https-key',
    inputs: { 'https-key': 'k'.repeat(FIVE_MB), 'https-user': 'git' },
    input: 'https-key',
  });
  add({ action: 'flux-apply', name: '5 MB ssh-private-key', inputs: { 'ssh-private-key': 'k'.repeat(FIVE_MB) }, input: 'ssh-private-key' });
  add({ action: 'flux-apply', name: '5 MB github-token', inputs: { 'github-token': 't'.repeat(FIVE_MB) }, input: 'github-token' });
  add({ action: 'flux-apply', name: '5 MB known-hosts', inputs: { 'known-hosts': 'h'.repeat(FIVE_MB) }, input: 'known-hosts' });
  add({ action: 'flux-apply', name: 'concurrency 0', inputs: { concurrency: '0' }, input: 'concurrency' });
  add({ action: 'flux-apply', name: 'concurrency 1e9', inputs: { concurrency: '1000000000' }, input: 'concurrency' });
  add({ action: 'flux-apply', name: 'timeout with a shell command', inputs: { timeout: '10m; rm -rf /' }, input: 'timeout' });
  add({ action: 'flux-apply', name: 'unknown cluster-type', inputs: { 'cluster-type': 'provisionedClusters' }, input: 'cluster-type' });

  // ---- policy-rollout: policies traversal, symlinks, constraint templates, oversized files ----
  add({ action: 'policy-rollout', name: 'policies ../ outside', inputs: { policies: '..' }, input: 'policies', detail: /outside/ });
  add({ action: 'policy-rollout', name: 'policies absolute path', inputs: { policies: outside }, input: 'policies', detail: /outside/ });
  add({
    action: 'policy-rollout',
    name: 'policies symlink to a folder outside',
    inputs: { policies: 'linked' },
    links: { linked: '.' },
    input: 'policies',
    detail: /outside/,
  });
  add({
    action: 'policy-rollout',
    name: 'policies symlink to a file outside',
    inputs: { policies: 'evil.yaml' },
    links: { 'evil.yaml': 'policy.yaml' },
    input: 'policies',
    detail: /outside/,
  });
  add({
    action: 'policy-rollout',
    name: 'policies folder holding a symlink to a file outside',
    inputs: { policies: 'more' },
    files: { 'more/ok.yaml': policy(sub) },
    links: { 'more/evil.yaml': 'policy.yaml' },
    input: 'policies',
    detail: /outside/,
  });
  add({
    action: 'policy-rollout',
    name: 'constraint-template ../ outside',
    inputs: { policies: 'custom' },
    files: { 'custom/p.yaml': customPolicy(sub, '../../../template.yaml') },
    input: 'policies',
    detail: /outside|does not exist/,
  });
  add({
    action: 'policy-rollout',
    name: 'constraint-template absolute path outside',
    inputs: { policies: 'custom' },
    files: { 'custom/p.yaml': customPolicy(sub, '/etc/passwd') },
    input: 'policies',
    detail: /outside/,
  });
  add({
    action: 'policy-rollout',
    name: 'constraint-template symlink outside',
    inputs: { policies: 'custom' },
    files: { 'custom/p.yaml': customPolicy(sub, 'templates/t.yaml') },
    links: { 'custom/templates/t.yaml': 'template.yaml' },
    input: 'policies',
    detail: /outside/,
  });
  add({
    action: 'policy-rollout',
    name: '5 MB policy file',
    inputs: { policies: 'big' },
    files: { 'big/p.yaml': bigYaml(policy(sub)) },
    input: 'policies',
    detail: /1 MiB/,
  });
  add({
    action: 'policy-rollout',
    name: 'assignment scope that is not an ARM scope',
    inputs: { policies: 'scoped' },
    files: { 'scoped/p.yaml': policy(sub).replace(`/subscriptions/${sub}`, "/subscriptions/x' or 1==1") },
    input: 'policies',
  });
  add({ action: 'policy-rollout', name: 'assignment with a quote', inputs: { assignment: "psp' or 1==1" }, input: 'assignment' });
  add({ action: 'policy-rollout', name: 'assignment with a slash', inputs: { assignment: '../psp-baseline' }, input: 'assignment' });
  add({ action: 'policy-rollout', name: 'ring with a quote', inputs: { ring: "canary' or 1==1" }, input: 'ring' });
  add({ action: 'policy-rollout', name: 'check-name over two lines', inputs: { 'check-name': 'a\n::error::forged' }, input: 'check-name' });
  add({ action: 'policy-rollout', name: '5 MB check-name', inputs: { 'check-name': 'c'.repeat(FIVE_MB) }, input: 'check-name' });
  add({ action: 'policy-rollout', name: '5 MB github-token', inputs: { 'github-token': 't'.repeat(FIVE_MB) }, input: 'github-token' });
  add({ action: 'policy-rollout', name: '5 MB policies path', inputs: { policies: 'p/'.repeat(FIVE_MB / 2) }, input: 'policies' });

  // ---- arc-verify: report-path / previous-report traversal, symlinks, oversized ----
  add({
    action: 'arc-verify',
    name: 'report-path ../ outside',
    inputs: { 'report-path': '../report.json' },
    input: 'report-path',
    detail: /outside/,
  });
  add({
    action: 'arc-verify',
    name: 'report-path absolute',
    inputs: { 'report-path': join(outside, 'r.json') },
    input: 'report-path',
    detail: /outside/,
  });
  add({
    action: 'arc-verify',
    name: 'report-path through a symlinked folder',
    inputs: { 'report-path': 'out/report.json' },
    links: { out: '.' },
    input: 'report-path',
    detail: /outside/,
  });
  add({
    action: 'arc-verify',
    name: 'report-path that is a symlink to a file outside',
    inputs: { 'report-path': 'report.json' },
    links: { 'report.json': 'victim.json' },
    input: 'report-path',
    detail: /outside/,
  });
  add({
    action: 'arc-verify',
    name: 'aggregate report-path symlinked outside',
    inputs: { mode: 'aggregate', selector: '', 'report-path': 'shards' },
    links: { shards: '.' },
    input: 'report-path',
    detail: /outside/,
  });
  add({
    action: 'arc-verify',
    name: 'previous-report ../ outside',
    inputs: { 'previous-report': '../../etc/passwd' },
    input: 'previous-report',
    detail: /outside/,
  });
  add({
    action: 'arc-verify',
    name: 'previous-report symlink outside',
    inputs: { 'previous-report': 'prev.json' },
    links: { 'prev.json': 'victim.json' },
    input: 'previous-report',
    detail: /outside/,
  });
  add({ action: 'arc-verify', name: '5 MB report-path', inputs: { 'report-path': 'r'.repeat(FIVE_MB) }, input: 'report-path' });
  add({
    action: 'arc-verify',
    name: '5 MB kubeconfigs',
    inputs: { access: 'kubeconfig', kubeconfigs: bigYaml('edge: x\n') },
    input: 'kubeconfigs',
  });
  add({
    action: 'arc-verify',
    name: 'kubeconfigs key with a path',
    inputs: { access: 'kubeconfig', kubeconfigs: `"../../etc": |\n  ${kubeconfig('tok-kc-0002').split('\n').join('\n  ')}` },
    input: 'kubeconfigs',
  });
  add({
    action: 'arc-verify',
    name: 'negative-test-namespace injection',
    inputs: { 'negative-test-namespace': 'default; kubectl delete ns x' },
    input: 'negative-test-namespace',
  });
  add({ action: 'arc-verify', name: 'shard 1/100000', inputs: { shard: '1/100000' }, input: 'shard' });

  // ---- arc-connect: file inputs and oversized YAML ----
  add({
    action: 'arc-connect',
    name: 'proxy-cert ../ outside',
    inputs: { 'proxy-https': 'http://proxy:3128', 'proxy-cert': '../ca.pem' },
    input: 'proxy-cert',
    detail: /outside/,
  });
  add({
    action: 'arc-connect',
    name: 'proxy-cert symlink outside',
    inputs: { 'proxy-https': 'http://proxy:3128', 'proxy-cert': 'certs/ca.pem' },
    links: { 'certs/ca.pem': 'ca.pem' },
    input: 'proxy-cert',
    detail: /outside/,
  });
  add({ action: 'arc-connect', name: '5 MB kubeconfig', inputs: { kubeconfig: bigYaml(kubeconfig('tok-big-0003')) }, input: 'kubeconfig' });
  add({ action: 'arc-connect', name: '5 MB tags', inputs: { tags: bigYaml('env: prod\n') }, input: 'tags' });
  add({ action: 'arc-connect', name: '5 MB extensions', inputs: { extensions: bigYaml('- flux\n') }, input: 'extensions' });
  add({
    action: 'arc-connect',
    name: '5 MB role-assignments',
    inputs: { 'role-assignments': bigYaml(`${GUID}: Azure Arc Kubernetes Viewer\n`) },
    input: 'role-assignments',
  });
  add({
    action: 'arc-connect',
    name: '51 tags',
    inputs: { tags: Array.from({ length: 51 }, (_, n) => `t${n}: v`).join('\n') },
    input: 'tags',
    detail: /50 tags/,
  });
  add({ action: 'arc-connect', name: 'cluster-name traversal', inputs: { 'cluster-name': '../../subscriptions' }, input: 'cluster-name' });
  add({ action: 'arc-connect', name: 'resource-group with a quote', inputs: { 'resource-group': "rg' or 1==1" }, input: 'resource-group' });
  add({ action: 'arc-connect', name: 'location 5 MB', inputs: { location: 'w'.repeat(FIVE_MB) }, input: 'location' });
  add({ action: 'arc-connect', name: 'kube-context 5 MB', inputs: { 'kube-context': 'c'.repeat(FIVE_MB) }, input: 'kube-context' });
  add({
    action: 'arc-connect',
    name: 'proxy URL with newline',
    inputs: { 'proxy-https': 'http://proxy:3128\n::error::forged' },
    input: 'proxy-https',
  });

  // ---- arc-connect: workload identity apps ----
  const app = (extra = '') =>
    `- name: shop\n  namespace: shop\n  service-account: shop\n  identity: /subscriptions/${sub}/resourceGroups/rg-apps/providers/Microsoft.ManagedIdentity/userAssignedIdentities/shop-id\n${extra}`;
  add({
    action: 'arc-connect',
    name: 'apps without workload-identity',
    inputs: { apps: app() },
    input: 'apps',
    detail: /workload-identity/,
  });
  for (const [name, apps] of [
    ['apps: identity that is not an identity id', app().replace(/identity: .*/, `identity: ${armId(sub, 'emu-00001')}`)],
    ['apps: identity id with a quote', app().replace('shop-id', "shop-id' or 1==1")],
    ['apps: path ../ outside', app('  path: ../../elsewhere\n')],
    ['apps: namespace with a slash', app().replace('namespace: shop', 'namespace: ../kube-system')],
    ['apps: key-vault with a quote', app("  key-vault: kv' or 1\n")],
    ['apps: 5 MB', bigYaml(app())],
  ] as const)
    add({ action: 'arc-connect', name, inputs: { 'workload-identity': 'true', apps }, input: 'apps' });

  // ---- arc-access ----
  add({
    action: 'arc-access',
    name: 'cluster id with a quote',
    inputs: { cluster: `${armId(sub, 'emu-00001')}' or 1==1` },
    input: 'cluster',
  });
  add({
    action: 'arc-access',
    name: 'cluster name traversal',
    inputs: { cluster: '../../emu-00001', 'resource-group': 'rg-emu-1' },
    input: 'cluster',
  });
  add({
    action: 'arc-access',
    name: 'cluster that is an AKS id',
    inputs: {
      cluster: armId(sub, 'aks-1').replace('Microsoft.Kubernetes/connectedClusters', 'Microsoft.ContainerService/managedClusters'),
    },
    input: 'cluster',
  });
  add({
    action: 'arc-access',
    name: 'resource-group with a quote',
    inputs: { cluster: 'emu-00001', 'resource-group': "rg' or 1==1" },
    input: 'resource-group',
  });
  add({ action: 'arc-access', name: 'token over two lines', inputs: { token: 'sa-token-0001\n::error::forged' }, input: 'token' });
  add({ action: 'arc-access', name: '5 MB token', inputs: { token: 't'.repeat(FIVE_MB) }, input: 'token' });
  add({ action: 'arc-access', name: 'wait-timeout without a unit', inputs: { 'wait-timeout': '120' }, input: 'wait-timeout' });
  add({ action: 'arc-access', name: 'port 22', inputs: { port: '22' }, input: 'port' });
  return list;
}

const WRITE = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);
/** Writes anywhere except the token endpoints and Resource Graph queries (a POST that reads). */
const writes = () =>
  sandbox
    .calls()
    .filter(
      (c) =>
        WRITE.has(c.method) &&
        (c.api === 'arm' || c.api === 'github' || c.api === 'policyinsights') &&
        !/resourcegraph\/resources/i.test(c.path) &&
        !/listClusterUserCredential/i.test(c.path),
    );

function workspace(c: Case): string {
  const sub = HOME_SUB;
  const dir = mkdtempSync(join(tmpdir(), 'arc-rel-ws-'));
  const files: Record<string, string> = {
    'gitops/flux.yaml': FLUX,
    'policies/baseline.yaml': policy(sub),
    ...c.files,
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  for (const [path, target] of Object.entries(c.links ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(join(outside, target), join(dir, path));
  }
  return dir;
}

const table: Case[] = cases();

beforeAll(async () => {
  sandbox = await startSandbox({ emulatedClusters: { count: 20, tags: { env: 'prod' } } });
  expect(sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID).toBe(HOME_SUB);
  const sub = HOME_SUB;
  writeFileSync(join(outside, 'flux.yaml'), FLUX);
  writeFileSync(join(outside, 'policy.yaml'), policy(sub));
  writeFileSync(join(outside, 'template.yaml'), TEMPLATE);
  writeFileSync(join(outside, 'victim.json'), '{"untouched":true}');
  writeFileSync(join(outside, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n');
}, 120_000);

afterAll(async () => {
  await sandbox?.stop();
  rmSync(outside, { recursive: true, force: true });
});

const env = () => ({
  ...sandbox.env,
  GITHUB_REPOSITORY: 'acme/fleet',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '9',
  GITHUB_SHA: 'abc123',
});

describe('bad input: one error line naming the input, zero writes', () => {
  it('has at least 80 cases across the five actions', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
    for (const action of Object.keys(RUN)) expect(table.filter((c) => c.action === action).length).toBeGreaterThanOrEqual(10);
  });

  it.each(table.map((c) => [`${c.action}: ${c.name}`, c] as const))(
    '%s',
    async (_name, c) => {
      const ws = workspace(c);
      try {
        sandbox.clearCalls();
        const r = await runStep(
          RUN[c.action],
          `${c.action}/action.yml`,
          { ...good(c.action), ...c.inputs },
          { env: { ...env(), ...c.env, GITHUB_WORKSPACE: ws } },
        );
        const label = `${c.action}: ${c.name}`;
        expect({ label, failed: r.failed }).toEqual({ label, failed: true });
        expect({ label, errors: r.errors.length }).toEqual({ label, errors: 1 });
        const error = r.errors[0];
        expect({ label, multiline: error.includes('\n') }).toEqual({ label, multiline: false });
        // Names the input, or for the contents of a policy file the file under the input's folder.
        const named = error.includes(`"${c.input}"`) || (c.input === 'policies' && error.startsWith(`${c.inputs.policies ?? 'policies'}/`));
        expect({ label, error, named }).toEqual({ label, error, named: true });
        if (c.detail) expect({ label, error }).toEqual({ label, error: expect.stringMatching(c.detail) });
        expect(error.length).toBeLessThan(2000);
        expect({ label, writes: writes().map((w) => `${w.method} ${w.path}`) }).toEqual({ label, writes: [] });
        // Nothing was written outside the workspace.
        expect(sandbox.github.issuesOf('acme', 'fleet')).toEqual([]);
      } finally {
        rmSync(ws, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe('a selector value that looks like KQL stays data', () => {
  it.each([
    ['arc-verify', 'prod or 1==1'],
    ['arc-verify', 'prod | where 1==1'],
    ['flux-apply', 'prod or 1==1'],
  ] as [Action, string][])(
    '%s with tag value "%s" selects no cluster (not all) and writes nothing',
    async (action, value) => {
      const ws = workspace({ action, name: 'escaped', inputs: {}, input: 'selector' });
      try {
        sandbox.clearCalls();
        const r = await runStep(
          RUN[action],
          `${action}/action.yml`,
          { ...good(action), selector: `tags:\n  env: "${value}"` },
          { env: { ...env(), GITHUB_WORKSPACE: ws } },
        );
        expect(writes()).toEqual([]);
        // An empty selection fails closed (issue 14), repeating the selector with the value as data.
        expect(r.failed).toBe(true);
        expect(r.errors[0]).toMatch(/^Input "selector" selected no cluster: tags \{"env": /);
        // The query ran (the value reached Resource Graph as a literal) and matched nothing.
        expect(sandbox.calls().filter((c) => c.api === 'graph' || /resourcegraph/i.test(c.path)).length).toBeGreaterThan(0);
        const report = r.outputs.report ?? r.outputs.results;
        const listed = report ? JSON.parse(report) : undefined;
        const count = listed?.clusters?.length ?? listed?.targets?.length ?? 0;
        expect(count).toBe(0);
        expect(r.visibleStdout).not.toMatch(/emu-000/);
        expect(r.summary).not.toMatch(/emu-000/);
      } finally {
        rmSync(ws, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
