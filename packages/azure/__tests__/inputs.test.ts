import { afterEach, describe, expect, it } from '@jest/globals';
import { readAzureIdentityInputs, readFleetTargetInputs, workspacePath } from '../src/inputs.js';

const ID = '11111111-1111-1111-1111-111111111111';
const set = (inputs: Record<string, string>) => {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
};
afterEach(() => set({}));

describe('readAzureIdentityInputs', () => {
  it('reads GUIDs and picks the audience per cloud', () => {
    set({ 'client-id': ID.toUpperCase(), 'tenant-id': ID, environment: 'azureusgovernment' });
    const r = readAzureIdentityInputs();
    expect(r).toMatchObject({ clientId: ID, subscriptionId: undefined, audience: 'api://AzureADTokenExchangeUSGov' });
    expect(r.environment.name).toBe('AzureUSGovernment');
    set({
      'client-id': ID,
      'tenant-id': ID,
      environment: '{"name":"sandbox","resourceManager":"https://localhost:8443","authorityHost":"https://localhost:8443"}',
      audience: 'api://Custom',
    });
    expect(readAzureIdentityInputs()).toMatchObject({ audience: 'api://Custom', environment: { name: 'sandbox', custom: true } });
  });

  it.each([
    [{ 'client-id': ID, 'tenant-id': ID }, { subscriptionRequired: true }, /"subscription-id" is required/],
    [{ 'client-id': 'app', 'tenant-id': ID }, {}, /"client-id".*GUID/],
    [{ 'client-id': ID, 'tenant-id': ID, audience: 'two words' }, {}, /"audience"/],
  ])('rejects %j', (inputs, options, message) => {
    set(inputs);
    expect(() => readAzureIdentityInputs(options)).toThrow(message);
  });
});

describe('readFleetTargetInputs', () => {
  const cluster = (n: string) => `/subscriptions/${ID}/resourceGroups/rg/providers/Microsoft.Kubernetes/connectedClusters/${n}`;
  it('parses targets and selectors', () => {
    set({ targets: `${cluster('a')}, ${cluster('b')}` });
    expect(readFleetTargetInputs()).toMatchObject({ kind: 'targets', targets: [{ name: 'a' }, { name: 'b' }] });
    set({ selector: `tags: {env: prod, tier: 1}\nmanagement-groups: [fleet]` });
    expect(readFleetTargetInputs()).toEqual({
      kind: 'selector',
      selector: { tags: { env: 'prod', tier: '1' }, subscriptions: [], managementGroups: ['fleet'], resourceGroups: [] },
    });
    set({});
    expect(readFleetTargetInputs()).toBeUndefined();
  });
  it.each([
    [{ targets: `${cluster('a')}\n${cluster('A')}` }, /twice/],
    [{ selector: 'tags: {}' }, /at least one of/],
    [{ selector: 'resource-groups: ["rg\' | union x"]' }, /resource group names/],
    [{ selector: 'tags: {"env\\\\x": prod}' }, /backslashes/],
    [{ selector: 'subscriptions: [abc]' }, /GUID/],
  ])('rejects %j', (inputs, message) => {
    set(inputs);
    expect(() => readFleetTargetInputs()).toThrow(message);
  });
});

describe('workspacePath', () => {
  it('refuses paths that leave the workspace', () => {
    process.env.GITHUB_WORKSPACE = '/tmp';
    expect(workspacePath('p', 'a/b.yaml')).toBe('/tmp/a/b.yaml');
    expect(() => workspacePath('p', '../etc/passwd')).toThrow(/outside the workspace/);
    expect(() => workspacePath('p', '/etc/passwd')).toThrow(/outside the workspace/);
  });
});
