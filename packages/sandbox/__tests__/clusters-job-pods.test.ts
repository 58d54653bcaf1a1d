import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@arc-actions/core';
import { startLocalCluster, type LocalCluster } from '../src/clusters/index.js';

/**
 * A Job's shell pod on a real API server and controller-manager: the pod runner executes the script (no kubelet),
 * reports the container terminated with the termination message, and the real Job controller and TTL controller do
 * the rest (Job status, conditions, deletion).
 */
let cluster: LocalCluster;

beforeAll(async () => {
  cluster = await startLocalCluster({ name: 'job-pods', dir: await mkdtemp(join(tmpdir(), 'arc-jobs-')), gatekeeper: false, nodeCount: 1 });
  await cluster.client.apply(
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'greeting', namespace: 'default' }, stringData: { WHO: 'sandbox' } },
    'test',
  );
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
});

const job = (name: string, script: string, ttl?: number) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: {
    backoffLimit: 0,
    ...(ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl }),
    template: {
      spec: {
        restartPolicy: 'Never',
        containers: [
          {
            name: 'main',
            image: 'docker.io/curlimages/curl:8.16.0',
            command: ['/bin/sh', '-c', script, 'job', '/dev/termination-log'],
            envFrom: [{ secretRef: { name: 'greeting' } }],
            env: [{ name: 'MODE', value: 'test' }],
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
      },
    },
  },
});

const finished = (name: string) =>
  waitFor(
    async () => {
      const j = await cluster.client.get('batch/v1', 'Job', name, 'default');
      return (j.status?.conditions ?? []).some((c: any) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
        ? j
        : undefined;
    },
    { timeoutMs: 60_000, initialMs: 200, maxMs: 1000 },
  );

const podOf = async (name: string) =>
  (await cluster.client.list('v1', 'Pod', { namespace: 'default', labelSelector: `job-name=${name}` }))[0];

describe('Job pods executed by the pod runner', () => {
  it('runs the script with the pod environment; the message is the file at terminationMessagePath; the Job controller completes the Job', async () => {
    await cluster.client.apply(job('hello', 'printf "hello %s (%s)" "$WHO" "$MODE" > "$1"'), 'test');
    const { value } = await finished('hello');
    expect(value.status).toMatchObject({ succeeded: 1 });
    expect(value.status.conditions.map((c: any) => c.type)).toContain('Complete');
    const pod = await podOf('hello');
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
      message: 'hello sandbox (test)',
    });
  }, 90_000);

  it('a failing script fails the Job (backoffLimit 0) with its exit code; the message is cut at 4096 bytes', async () => {
    await cluster.client.apply(job('boom', 'head -c 5000 /dev/zero | tr "\\0" x > "$1"; exit 7'), 'test');
    const { value } = await finished('boom');
    expect(value.status).toMatchObject({ failed: 1 });
    const terminated = (await podOf('boom')).status.containerStatuses[0].state.terminated;
    expect(terminated).toMatchObject({ exitCode: 7, reason: 'Error' });
    expect(terminated.message).toHaveLength(4096);
  }, 90_000);

  it('ttlSecondsAfterFinished: the TTL controller deletes the finished Job', async () => {
    await cluster.client.apply(job('short-lived', 'true', 0), 'test');
    await waitFor(
      async () =>
        (await cluster.client.list('batch/v1', 'Job', { namespace: 'default' })).some((j) => j.metadata.name === 'short-lived')
          ? undefined
          : true,
      { timeoutMs: 60_000, initialMs: 200, maxMs: 1000 },
    );
  }, 90_000);
});
