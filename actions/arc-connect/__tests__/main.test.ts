import { describe, expect, it } from '@jest/globals';
import { run } from '../src/main.js';
import { CLIENT, IDENTITY, SUB, everythingVisible, kubeconfig, runStep } from './harness.js';

const ACTION = 'arc-connect/action.yml';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.planted-kube-token-4f9a2c';
const good = { ...IDENTITY, 'cluster-name': 'edge-01', 'resource-group': 'rg-edge', location: 'westeurope', kubeconfig: kubeconfig(TOKEN) };
const step = (inputs: Record<string, string>, files?: Record<string, string>) => runStep(run, ACTION, inputs, { files });

const bad: [string, Record<string, string>, string, RegExp][] = [
  ['missing client-id', { 'client-id': '' }, 'client-id', /required/],
  ['client-id not a GUID', { 'client-id': 'my-app' }, 'client-id', /GUID/],
  ['tenant-id not a GUID', { 'tenant-id': 'contoso.onmicrosoft.com' }, 'tenant-id', /GUID/],
  ['missing subscription-id', { 'subscription-id': '' }, 'subscription-id', /required/],
  ['unknown environment', { environment: 'AzureGermanCloud' }, 'environment', /AzureCloud, AzureUSGovernment, AzureChinaCloud/],
  [
    'custom environment over http',
    { environment: '{"name":"x","resourceManager":"http://arm.local","authorityHost":"https://login.local"}' },
    'environment',
    /https/,
  ],
  ['cluster-name with a slash', { 'cluster-name': 'edge/01' }, 'cluster-name', /letters, digits/],
  ['resource-group ending with a dot', { 'resource-group': 'rg.' }, 'resource-group', /resource group name/],
  ['location with punctuation', { location: 'west-europe!' }, 'location', /region/],
  ['neither kubeconfig nor kube-context', { kubeconfig: '' }, 'kubeconfig', /kube-context/],
  ['kubeconfig not YAML', { kubeconfig: 'clusters: [\n' }, 'kubeconfig', /not valid YAML/],
  ['kubeconfig without clusters', { kubeconfig: 'apiVersion: v1\nkind: Config\ncontexts: []\n' }, 'kubeconfig', /clusters/],
  ['kube-context not in the kubeconfig', { 'kube-context': 'prod' }, 'kube-context', /not a context/],
  ['tags not a map', { tags: '- a\n- b' }, 'tags', /map/],
  ['tag name with a slash', { tags: 'team/owner: x' }, 'tags', /must not contain/],
  ['unknown distribution', { distribution: 'nomad' }, 'distribution', /allowed: generic/],
  ['unknown infrastructure', { infrastructure: 'mainframe' }, 'infrastructure', /allowed: generic/],
  ['proxy with an ftp scheme', { 'proxy-https': 'ftp://proxy:21' }, 'proxy-https', /http or https/],
  ['skip range without a proxy', { 'proxy-skip-range': '10.0.0.0/8' }, 'proxy-skip-range', /proxy/],
  ['proxy-cert outside the workspace', { 'proxy-cert': '../../etc/ssl/cert.pem' }, 'proxy-cert', /outside the workspace/],
  ['register-providers not a boolean', { 'register-providers': 'yes' }, 'register-providers', /true or false/],
  ['onboarding-timeout not a duration', { 'onboarding-timeout': 'soon' }, 'onboarding-timeout', /duration/],
  ['onboarding-timeout too long', { 'onboarding-timeout': '2d' }, 'onboarding-timeout', /from 1m to 6h/],
  ['unknown egress-probe', { 'egress-probe': 'everywhere' }, 'egress-probe', /allowed: runner, in-cluster/],
  ['egress-probe-image with a space', { 'egress-probe-image': 'curl image' }, 'egress-probe-image', /container image reference/],
  ['allowlist-file outside the workspace', { 'allowlist-file': '../../tmp/allow.txt' }, 'allowlist-file', /outside the workspace/],
  ['unknown extension short name', { extensions: '- prometheus' }, 'extensions', /azurepolicy, flux/],
  ['duplicate extension names', { extensions: '- flux\n- type: microsoft.flux\n  name: flux' }, 'extensions', /twice/],
  [
    'monitor workspace not an id',
    { extensions: '- type: azuremonitor-containers\n  workspace: my-logs' },
    'extensions',
    /Log Analytics workspace/,
  ],
  [
    'monitor Include without namespaces',
    { extensions: '- type: azuremonitor-containers\n  data-collection-settings:\n    namespace-filtering-mode: Include' },
    'extensions',
    /namespaces/,
  ],
  [
    'pinned version with auto-upgrade',
    { extensions: '- type: Contoso.Agent\n  version: 1.2.3\n  auto-upgrade: true' },
    'extensions',
    /auto-upgrade: false/,
  ],
  ['unknown role', { 'role-assignments': `${CLIENT}: Owner` }, 'role-assignments', /Azure Arc Kubernetes Viewer/],
  ['role principal not a GUID', { 'role-assignments': 'alice@contoso.com: Azure Arc Kubernetes Viewer' }, 'role-assignments', /GUID/],
  ['dry-run not a boolean', { 'dry-run': '1' }, 'dry-run', /true or false/],
];

describe('arc-connect inputs', () => {
  it.each(bad)('fails on %s', async (_name, override, input, detail) => {
    const r = await step({ ...good, ...override });
    expect(r.failed).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`"${input}"`);
    expect(r.errors[0]).toMatch(detail);
    expect(r.errors[0]).not.toContain('\n');
    expect(r.outputs.plan).toBeUndefined();
  });

  it('validates a full onboarding, logs the plan, then stops at the credential without OIDC', async () => {
    const r = await step({
      ...good,
      tags: 'env: prod\ncost-center: 42',
      'proxy-https': 'http://proxy.corp:3128',
      'proxy-skip-range': '10.0.0.0/8, kubernetes.default.svc',
      extensions: [
        '- azurepolicy',
        '- flux',
        '- type: azuremonitor-containers',
        `  workspace: /subscriptions/${SUB}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/fleet-logs`,
        '  data-collection-settings: {interval: 5m, namespace-filtering-mode: Exclude, namespaces: [kube-system]}',
        '- type: azure-keyvault-secrets-provider',
        '  rotation-poll-interval: 2m',
      ].join('\n'),
      'role-assignments': `${CLIENT}: [Azure Arc Kubernetes Viewer, azure arc enabled kubernetes cluster user role]`,
      'dry-run': 'true',
    });
    // Every input was valid: the only error is the missing OIDC permission, with its fix.
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/permissions: id-token: write/);
    for (const phase of ['"inputs"', '"credential"', '"targets"', '"plan"', '"apply"', '"observe"', '"report"'])
      expect(r.visibleStdout).toContain(phase);
    expect(r.visibleStdout).toContain('dry-run stops after the plan');
    expect(r.visibleStdout).toContain('4 extension(s) and 2 role assignment(s)');
  });

  it('never shows the kubeconfig token, the proxy password or the proxy URL with credentials', async () => {
    const password = 'S3cr3t-Pr0xy-Pa55';
    const r = await step(
      {
        ...good,
        'proxy-https': `http://svc-arc:${password}@proxy.corp:3128`,
        'proxy-http': `http://svc-arc:${encodeURIComponent(password + '/x')}@proxy.corp:3128`,
        'proxy-cert': 'certs/proxy.pem',
      },
      { 'certs/proxy.pem': '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n' },
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/id-token: write/);
    const visible = everythingVisible(r);
    for (const secret of [TOKEN, password, `${password}/x`, encodeURIComponent(`${password}/x`)]) expect(visible).not.toContain(secret);
    expect(r.stdout).toContain(`::add-mask::${TOKEN}`);
  });

  it('keeps secrets out of error messages too', async () => {
    const r = await step({ ...good, 'proxy-https': 'http://u:hunter2-secret@proxy.corp:3128/path' });
    expect(r.errors[0]).toContain('"proxy-https"');
    expect(everythingVisible(r)).not.toContain('hunter2-secret');
  });
});
