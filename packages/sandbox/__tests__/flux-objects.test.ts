import { describe, expect, it } from '@jest/globals';
import { fluxObjects } from '../src/clusters/flux-objects.js';
import { objectCompliance, syncedCommitId } from '../src/clusters/flux.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('the Flux objects of a fluxConfiguration', () => {
  const props = {
    namespace: 'gitops',
    sourceKind: 'GitRepository',
    gitRepository: {
      url: 'https://git.example.com/fleet.git',
      repositoryRef: { branch: 'main', tag: null as unknown as string },
      syncIntervalInSeconds: 120,
      timeoutInSeconds: 60,
      httpsUser: 'x-access-token',
    },
    kustomizations: {
      infra: { path: './infra', prune: true, timeoutInSeconds: 300, syncIntervalInSeconds: 600, retryIntervalInSeconds: 30, force: true },
      apps: { path: './apps', dependsOn: ['infra'], wait: false, postBuild: { substitute: { region: 'eu' }, substituteFrom: [] } },
      removed: null,
    },
  };

  it('names the GitRepository like the configuration and each Kustomization <configuration>-<name>, with ARM fields mapped', () => {
    const o = fluxObjects('fleet', props, { httpsKey: b64('token') });
    expect(o.gitRepository).toMatchObject({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      metadata: { name: 'fleet', namespace: 'gitops' },
      spec: {
        url: props.gitRepository.url,
        interval: '120s',
        timeout: '60s',
        ref: { branch: 'main' },
        secretRef: { name: 'fleet-protected-parameters' },
      },
    });
    const [infra, apps] = o.kustomizations;
    expect(infra).toMatchObject({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      metadata: { name: 'fleet-infra', namespace: 'gitops' },
      spec: {
        sourceRef: { kind: 'GitRepository', name: 'fleet' },
        path: './infra',
        interval: '600s',
        retryInterval: '30s',
        timeout: '300s',
        prune: true,
        force: true,
        wait: true,
      },
    });
    expect(apps.spec).toMatchObject({
      dependsOn: [{ name: 'fleet-infra' }],
      wait: false,
      prune: false,
      postBuild: { substitute: { region: 'eu' } },
    });
    expect((apps.spec as { postBuild: object }).postBuild).not.toHaveProperty('substituteFrom');
    expect(o.kustomizations).toHaveLength(2);
  });

  it('puts credentials in the keys Flux reads: username/password for HTTPS, identity/known_hosts for SSH, ca.crt', () => {
    expect(fluxObjects('fleet', props, { httpsKey: b64('token') }).secret?.data).toEqual({
      username: b64('x-access-token'),
      password: b64('token'),
    });
    const ssh = fluxObjects(
      'fleet',
      { ...props, gitRepository: { url: 'ssh://git@h/r.git', sshKnownHosts: b64('h ssh-ed25519 AAAA\n'), httpsCACert: b64('PEM') } },
      { sshPrivateKey: b64('KEY') },
    );
    expect(ssh.secret?.data).toEqual({ identity: b64('KEY'), known_hosts: b64('h ssh-ed25519 AAAA\n'), 'ca.crt': b64('PEM') });
    const open = fluxObjects('fleet', { ...props, gitRepository: { url: 'http://h/r.git' } });
    expect(open.secret).toBeUndefined();
    expect(open.gitRepository.spec).not.toHaveProperty('secretRef');
    const local = fluxObjects(
      'fleet',
      { ...props, gitRepository: { url: 'https://h/r.git', localAuthRef: 'mine' } },
      { httpsKey: b64('x') },
    );
    expect(local.secret).toBeUndefined();
    expect(local.gitRepository.spec).toMatchObject({ secretRef: { name: 'mine' } });
  });

  it('refuses source kinds the sandbox does not play', () => {
    expect(() => fluxObjects('fleet', { ...props, sourceKind: 'Bucket' })).toThrow('GitRepository sources only');
  });
});

describe('compliance of a Flux object', () => {
  const obj = (generation: number, observed: number, ready?: string, suspend = false) => ({
    metadata: { name: 'x', generation },
    spec: { suspend },
    status: { observedGeneration: observed, conditions: ready ? [{ type: 'Ready', status: ready }] : [] },
  });
  it('is Pending until the current generation is observed, then follows Ready', () => {
    expect(objectCompliance(undefined)).toBe('Pending');
    expect(objectCompliance(obj(2, 1, 'True'))).toBe('Pending');
    expect(objectCompliance(obj(2, 2, 'True'))).toBe('Compliant');
    expect(objectCompliance(obj(2, 2, 'False'))).toBe('Non-Compliant');
    expect(objectCompliance(obj(2, 2, 'Unknown'))).toBe('Pending');
    expect(objectCompliance(obj(2, 2, 'False', true))).toBe('Suspended');
    // A failed reconciliation of generation 2: status.observedGeneration stays 1, the Ready condition says 2.
    const failed = obj(2, 1);
    failed.status.conditions = [{ type: 'Ready', status: 'False', observedGeneration: 2 } as never];
    expect(objectCompliance(failed)).toBe('Non-Compliant');
    expect(syncedCommitId('main@sha1:0a1b')).toBe('main/0a1b');
    expect(syncedCommitId('sha1:0a1b')).toBe('0a1b');
  });
});
