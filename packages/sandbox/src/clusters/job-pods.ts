import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { KubeClient } from './rest.js';

/**
 * What a kubelet and a container runtime would do for a Job's pod whose container is a POSIX shell script (the
 * in-cluster egress probe): run `command` + `args` as a local process (`sh` on the host, not the image's busybox)
 * with the pod's environment (env values, Secret and ConfigMap references resolved as the kubelet does) and nothing
 * of the sandbox's own environment besides PATH, then report the container terminated with its exit code and the
 * file it wrote at `terminationMessagePath` as the message (policy File, at most 4096 bytes, as the kubelet reads
 * it). The path is redirected to a temporary file (the host has no container filesystem): every argument equal to the
 * path is replaced. Images are not pulled; the host's curl and sh stand in for the image's.
 */

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The kubelet reads at most this many bytes of the termination message file (Kubernetes docs). */
export const TERMINATION_MESSAGE_LIMIT = 4096;

/** A pod the sandbox can execute: owned by a Job, one container, a shell command. */
export function isExecutableJobPod(pod: any): boolean {
  const owned = (pod.metadata?.ownerReferences ?? []).some((o: any) => o.kind === 'Job' && o.controller);
  const containers = pod.spec?.containers ?? [];
  const command: string[] = containers[0]?.command ?? [];
  return owned && containers.length === 1 && command.length > 0 && basename(command[0]) === 'sh';
}

const decode = (value: string): string => Buffer.from(value, 'base64').toString('utf8');

/** The container's environment as the kubelet builds it: envFrom first, then env (later entries win). */
export async function containerEnv(client: KubeClient, namespace: string, pod: any, container: any): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const read = async (kind: 'secrets' | 'configmaps', name: string, optional?: boolean): Promise<Record<string, string>> => {
    try {
      const object = await client.request<any>('GET', `/api/v1/namespaces/${namespace}/${kind}/${name}`);
      const data: Record<string, string> = object.data ?? {};
      return kind === 'secrets' ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decode(v)])) : data;
    } catch (error) {
      if (optional) return {};
      throw new Error(`CreateContainerConfigError: ${kind === 'secrets' ? 'secret' : 'configmap'} "${name}" not found`, { cause: error });
    }
  };
  for (const from of container.envFrom ?? []) {
    const data = from.secretRef
      ? await read('secrets', from.secretRef.name, from.secretRef.optional)
      : from.configMapRef
        ? await read('configmaps', from.configMapRef.name, from.configMapRef.optional)
        : {};
    for (const [k, v] of Object.entries(data)) out[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) out[e.name] = e.value;
    else if (e.valueFrom?.secretKeyRef) {
      const v = (await read('secrets', e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.optional))[e.valueFrom.secretKeyRef.key];
      if (v !== undefined) out[e.name] = v;
    } else if (e.valueFrom?.configMapKeyRef) {
      const v = (await read('configmaps', e.valueFrom.configMapKeyRef.name, e.valueFrom.configMapKeyRef.optional))[
        e.valueFrom.configMapKeyRef.key
      ];
      if (v !== undefined) out[e.name] = v;
    } else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.name') out[e.name] = pod.metadata.name;
    else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.namespace') out[e.name] = namespace;
  }
  return out;
}

export interface JobPodOutcome {
  exitCode: number;
  message: string;
  startedAt: string;
  finishedAt: string;
}

/** Runs the pod's container as a local process; resolves when it exits (killed after `deadlineMs`). */
export async function executeJobPod(
  client: KubeClient,
  pod: any,
  deadlineMs: number,
  track: (child: ChildProcess) => void,
): Promise<JobPodOutcome> {
  const container = pod.spec.containers[0];
  const startedAt = new Date().toISOString();
  const messagePath: string = container.terminationMessagePath ?? '/dev/termination-log';
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-pod-'));
  const messageFile = join(dir, 'termination-log');
  try {
    let env: Record<string, string>;
    try {
      env = await containerEnv(client, pod.metadata.namespace, pod, container);
    } catch (error) {
      return { exitCode: 1, message: (error as Error).message, startedAt, finishedAt: new Date().toISOString() };
    }
    const argv = [...(container.command ?? []), ...(container.args ?? [])].map((a: string) => (a === messagePath ? messageFile : a));
    const exitCode = await new Promise<number>((resolve) => {
      const child = spawn(argv[0], argv.slice(1), {
        cwd: dir,
        env: { PATH: DEFAULT_PATH, HOME: dir, TMPDIR: dir, HOSTNAME: pod.metadata.name, ...env },
        stdio: 'ignore',
      });
      track(child);
      const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
      child.once('error', () => (clearTimeout(timer), resolve(127)));
      child.once('exit', (code, signal) => (clearTimeout(timer), resolve(code ?? (signal === 'SIGKILL' ? 137 : 143))));
    });
    const message = await readFile(messageFile)
      .then((b) => b.subarray(0, TERMINATION_MESSAGE_LIMIT).toString('utf8'))
      .catch(() => '');
    return { exitCode, message, startedAt, finishedAt: new Date().toISOString() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The pod status a kubelet reports once the container ended (restartPolicy Never). */
export function terminatedStatus(pod: any, outcome: JobPodOutcome): object {
  const container = pod.spec.containers[0];
  const succeeded = outcome.exitCode === 0;
  const notReady = (type: string) => ({ type, status: 'False', reason: 'PodCompleted', lastTransitionTime: outcome.finishedAt });
  return {
    phase: succeeded ? 'Succeeded' : 'Failed',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: outcome.startedAt },
      { type: 'Initialized', status: 'True', lastTransitionTime: outcome.startedAt },
      notReady('ContainersReady'),
      notReady('Ready'),
    ],
    containerStatuses: [
      {
        name: container.name,
        image: container.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: {
          terminated: {
            exitCode: outcome.exitCode,
            reason: succeeded ? 'Completed' : 'Error',
            message: outcome.message || undefined,
            startedAt: outcome.startedAt,
            finishedAt: outcome.finishedAt,
          },
        },
      },
    ],
  };
}
