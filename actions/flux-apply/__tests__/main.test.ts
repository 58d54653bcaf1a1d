import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { run } from '../src/main.js';
import { configurationJsonSchema } from '../src/schema-json.js';
import { findCycle } from '../src/configuration.js';
import { IDENTITY, SUB, clusterArmId, everythingVisible, repoRoot, runStep } from '../../arc-connect/__tests__/harness.js';

const ACTION = 'flux-apply/action.yml';
const config = (extra = '', git = 'url: https://github.com/acme/fleet\n    branch: main') =>
  `name: baseline\nnamespace: flux-system\nsource:\n  gitRepository:\n    ${git}\nkustomizations:\n  infra:\n    path: ./infrastructure\n  apps:\n    path: ./apps\n    depends-on: [infra]\n${extra}`;
const good = { ...IDENTITY, configuration: config(), targets: `${clusterArmId('edge-01')}\n${clusterArmId('edge-02')}` };
const step = (inputs: Record<string, string>, options: { files?: Record<string, string>; env?: Record<string, string> } = {}) =>
  runStep(run, ACTION, inputs, options);
const SSH_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAplanted\n-----END OPENSSH PRIVATE KEY-----';

const bad: [string, Record<string, string>, string, RegExp][] = [
  ['missing configuration', { configuration: '' }, 'configuration', /required/],
  ['configuration file outside the workspace', { configuration: '../other/flux.yaml' }, 'configuration', /outside the workspace/],
  ['configuration file that does not exist', { configuration: 'gitops/missing.yaml' }, 'configuration', /does not exist/],
  [
    'configuration name not DNS-1123',
    { configuration: config().replace('name: baseline', 'name: Base_Line') },
    'configuration',
    /DNS-1123/,
  ],
  ['kustomization name not DNS-1123', { configuration: config('  Web_App:\n    path: ./web\n') }, 'configuration', /DNS-1123/],
  ['duplicate kustomization names', { configuration: config('  infra:\n    path: ./again\n') }, 'configuration', /unique/i],
  [
    'depends-on an unknown kustomization',
    { configuration: config('  web:\n    depends-on: [database]\n') },
    'configuration',
    /"database".*known: infra, apps, web/,
  ],
  [
    'depends-on cycle',
    { configuration: config().replace('path: ./infrastructure', 'path: ./infrastructure\n    depends-on: [apps]') },
    'configuration',
    /cycle.*infra → apps → infra/,
  ],
  [
    'two refs',
    { configuration: config('', 'url: https://github.com/acme/fleet\n    branch: main\n    tag: v1') },
    'configuration',
    /exactly one of branch, tag, semver or commit/,
  ],
  ['no ref', { configuration: config('', 'url: https://github.com/acme/fleet') }, 'configuration', /exactly one/],
  [
    'short commit',
    { configuration: config('', 'url: https://github.com/acme/fleet\n    commit: abc123') },
    'configuration',
    /40-character/,
  ],
  [
    'bad sync-interval',
    { configuration: config('', 'url: https://github.com/acme/fleet\n    branch: main\n    sync-interval: 10 minutes') },
    'configuration',
    /Go duration/,
  ],
  ['path traversal in a kustomization', { configuration: config('  web:\n    path: ../../etc\n') }, 'configuration', /without ".."/],
  [
    'secret written in the configuration',
    { configuration: config('', 'url: https://github.com/acme/fleet\n    branch: main\n    https-key: abc') },
    'configuration',
    /secrets do not belong/,
  ],
  ['unknown key', { configuration: config('suspended: true\n') }, 'configuration', /suspended/],
  ['ssh key with an https URL', { 'ssh-private-key': SSH_KEY }, 'ssh-private-key', /ssh:\/\/… or git@host:path/],
  [
    'https key with an ssh URL',
    { 'https-key': 'tok-123456', 'https-user': 'git', configuration: config('', 'url: ssh://git@github.com/acme/fleet\n    branch: main') },
    'https-key',
    /https:\/\/ URL/,
  ],
  ['https key without a user', { 'https-key': 'tok-123456' }, 'https-user', /https-user/],
  [
    'ssh URL without a key',
    { configuration: config('', 'url: git@github.com:acme/fleet.git\n    branch: main') },
    'configuration',
    /no SSH key; set ssh-private-key/,
  ],
  [
    'ssh key that is not a key',
    { 'ssh-private-key': 'not-a-key', configuration: config('', 'url: ssh://git@github.com/acme/fleet\n    branch: main') },
    'ssh-private-key',
    /private key/,
  ],
  [
    'https-key-env naming an unset variable',
    {
      configuration: config(
        '',
        'url: https://github.com/acme/fleet\n    branch: main\n    https-user: git\n    https-key-env: FLUX_TOKEN_UNSET',
      ),
    },
    'configuration',
    /FLUX_TOKEN_UNSET/,
  ],
  ['both targets and selector', { selector: 'tags: {env: prod}' }, 'targets', /exactly one/],
  ['neither targets nor selector', { targets: '' }, 'targets', /both empty/],
  ['target not a cluster id', { targets: '/subscriptions/x/resourceGroups/rg' }, 'targets', /not a cluster resource id/],
  ['selector with a quote in a tag', { targets: '', selector: 'tags: {env: "prod\' or 1==1"}' }, 'selector', /quotes/],
  ['selector with an unknown key', { targets: '', selector: 'regions: [westeurope]' }, 'selector', /unknown key/],
  ['targets of the wrong cluster type', { 'cluster-type': 'managedClusters' }, 'targets', /managedClusters/],
  ['unknown cluster-type', { 'cluster-type': 'aks' }, 'cluster-type', /connectedClusters, managedClusters/],
  ['concurrency of zero', { concurrency: '0' }, 'concurrency', /from 1 to 100/],
  ['timeout not a duration', { timeout: 'forever' }, 'timeout', /duration/],
];

describe('flux-apply inputs', () => {
  it.each(bad)('fails on %s', async (_name, override, input, detail) => {
    const r = await step({ ...good, ...override });
    expect(r.failed).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(`"${input}"`);
    expect(r.errors[0]).toMatch(detail);
    expect(r.errors[0]).not.toContain('\n');
  });

  // Without Azure, a valid run gets as far as the credential: every input was accepted, the plan is logged, and the
  // only error is the missing OIDC permission (the full runs are in story-*.test.ts against the sandbox).
  const onlyOidcError = (r: { errors: string[] }) => {
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/id-token: write/);
  };

  it('validates a configuration file for listed clusters, warns on prune: false and logs the plan', async () => {
    const file = config('  cleanup:\n    path: ./cleanup\n    prune: false\n    post-build:\n      substitute: {cluster_env: prod}\n');
    const r = await step(
      { ...good, configuration: 'gitops/baseline.yaml', 'dry-run': 'true' },
      { files: { 'gitops/baseline.yaml': file } },
    );
    onlyOidcError(r);
    expect(r.warnings.some((w) => w.includes('"cleanup" has prune: false') && w.includes('source of truth'))).toBe(true);
    expect(r.visibleStdout).toContain('3 kustomization(s) infra, apps, cleanup');
  });

  it('accepts a selector and keeps the https key (input or environment) and the SSH key secret', async () => {
    const httpsKey = 'ghp_plantedHttpsKey0123456789';
    const viaInput = await step({
      ...good,
      targets: '',
      selector: `tags: {env: prod}\nsubscriptions: [${SUB}]`,
      'https-user': 'x-access-token',
      'https-key': httpsKey,
    });
    onlyOidcError(viaInput);
    const viaEnv = await step(
      {
        ...good,
        configuration: config(
          '',
          'url: https://github.com/acme/fleet\n    branch: main\n    https-user: git\n    https-key-env: FLUX_TOKEN',
        ),
      },
      { env: { FLUX_TOKEN: httpsKey } },
    );
    onlyOidcError(viaEnv);
    const viaSsh = await step({
      ...good,
      'ssh-private-key': SSH_KEY,
      configuration: config('', 'url: git@github.com:acme/fleet.git\n    branch: main'),
    });
    onlyOidcError(viaSsh);
    for (const r of [viaInput, viaEnv]) expect(everythingVisible(r)).not.toContain(httpsKey);
    expect(everythingVisible(viaSsh)).not.toContain('b3BlbnNzaC1rZXktdjEAAAAplanted');
  });

  it('finds cycles and publishes a JSON schema that matches the zod schema', () => {
    expect(findCycle({ a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle({ a: ['b'], b: [] })).toBeUndefined();
    const published = JSON.parse(readFileSync(join(repoRoot, 'flux-apply/configuration.schema.json'), 'utf8'));
    expect(published).toEqual(configurationJsonSchema());
  });
});
