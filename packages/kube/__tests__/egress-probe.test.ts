import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { EGRESS_PROBE_SCRIPT, egressProbeObjects, TERMINATION_MESSAGE_PATH } from '../src/index.js';

const targets = {
  allowlistUrl: 'https://gns.example/urls/allowlist?api-version=2020-01-01&location=westeurope',
  https: ['https://mcr.microsoft.com/'],
  relays: [],
};

describe('the egress probe Job', () => {
  const { job, secret } = egressProbeObjects('arc-egress-probe-abc123', 'arc-actions-egress', targets, {
    https: 'http://user:s3cret@proxy.corp:3128',
    noProxy: '10.0.0.0/8,.svc',
    ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  });
  const container = job.spec.template.spec.containers[0];

  it('reports through the termination message (File policy), runs once, and removes itself after it ends', () => {
    expect(container).toMatchObject({ terminationMessagePath: TERMINATION_MESSAGE_PATH, terminationMessagePolicy: 'File' });
    expect(container.command.at(-1)).toBe(TERMINATION_MESSAGE_PATH);
    expect(job.spec).toMatchObject({ backoffLimit: 0, ttlSecondsAfterFinished: 300 });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('keeps the proxy credentials in a Secret, never in the Job spec, and passes the proxy as curl reads it', () => {
    expect(JSON.stringify(job)).not.toContain('s3cret');
    expect(container.envFrom).toEqual([{ secretRef: { name: 'arc-egress-probe-abc123' } }]);
    expect(secret.stringData).toMatchObject({
      HTTPS_PROXY: 'http://user:s3cret@proxy.corp:3128',
      https_proxy: 'http://user:s3cret@proxy.corp:3128',
      NO_PROXY: '10.0.0.0/8,.svc',
      no_proxy: '10.0.0.0/8,.svc',
    });
    expect(secret.stringData.PROBE_TARGETS.split('\n')).toEqual([`a ${targets.allowlistUrl}`, 'h https://mcr.microsoft.com/']);
  });

  it('runs under the restricted Pod Security Standard (non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp)', () => {
    expect(job.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(job.spec.template.spec.automountServiceAccountToken).toBe(false);
  });

  it('is a POSIX sh script (sh -n accepts it)', () => {
    expect(() => execFileSync('sh', ['-n', '-c', EGRESS_PROBE_SCRIPT])).not.toThrow();
  });
});
