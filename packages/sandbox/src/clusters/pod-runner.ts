import { appendFile } from 'node:fs/promises';
import { mapLimit, sleep } from '@arc-actions/core';
import type { ChildProcess } from 'node:child_process';
import { executeJobPod, isExecutableJobPod, terminatedStatus } from './job-pods.js';
import { isNotFound, type KubeClient } from './rest.js';

/** Creates `count` Node objects that report Ready (no kubelet: status is patched once, taints removed). */
export async function createNodes(client: KubeClient, names: readonly string[]): Promise<void> {
  for (const [i, name] of names.entries()) {
    const now = new Date().toISOString();
    await client
      .request('POST', '/api/v1/nodes', {
        body: {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: {
            name,
            labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', type: 'kwok' },
          },
        },
      })
      .catch((e) => {
        if ((e as { status?: number }).status !== 409) throw e;
      });
    // TaintNodesByCondition adds node.kubernetes.io/not-ready on create; without node lifecycle nothing removes it.
    await client.request('PATCH', `/api/v1/nodes/${name}`, {
      body: { spec: { taints: null } },
      contentType: 'application/merge-patch+json',
    });
    await client.request('PATCH', `/api/v1/nodes/${name}/status`, {
      contentType: 'application/merge-patch+json',
      body: {
        status: {
          capacity: { cpu: '32', memory: '256Gi', pods: '250' },
          allocatable: { cpu: '32', memory: '256Gi', pods: '250' },
          addresses: [
            { type: 'InternalIP', address: hostIp(i) },
            { type: 'Hostname', address: name },
          ],
          nodeInfo: {
            architecture: 'amd64',
            operatingSystem: 'linux',
            kubeletVersion: 'v1.36.3',
            kubeProxyVersion: '',
            osImage: 'kwok',
            kernelVersion: '',
            containerRuntimeVersion: 'kwok',
            machineID: '',
            systemUUID: '',
            bootID: '',
          },
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status (emulated)',
              lastHeartbeatTime: now,
              lastTransitionTime: now,
            },
            ...['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'].map((type) => ({
              type,
              status: 'False',
              reason: 'KubeletHasNoPressure',
              lastHeartbeatTime: now,
              lastTransitionTime: now,
            })),
          ],
        },
      },
    });
  }
}

const hostIp = (nodeIndex: number): string => `10.10.0.${nodeIndex + 1}`;

/**
 * A pod with this annotation plays a crash-looping workload: its value is what the container writes to stderr
 * before it exits 1 (one log line per line). The pod runner reports its containers Waiting in CrashLoopBackOff with
 * the last state Terminated (Error, exit code 1) and restartCount going up once per CRASH_INTERVAL_MS; the
 * monitoring add-on (reconcile/monitoring.ts) ingests the lines as ContainerLogV2 rows once per restart.
 */
export const CRASH_LOOP_ANNOTATION = 'sandbox.arc-actions.dev/crash-loop';
/** Time between two restarts of a crash-looping container (the kubelet's back-off starts at 10 s). */
export const CRASH_INTERVAL_MS = 10_000;

/** The status of a crash-looping pod, one restart later than `pod`'s when the interval has passed (else undefined). */
export function crashLoopStatus(pod: any, now = Date.now()): object | undefined {
  const previous = pod.status?.containerStatuses?.[0];
  const finished = Date.parse(previous?.lastState?.terminated?.finishedAt ?? '');
  if (previous && !Number.isNaN(finished) && now - finished < CRASH_INTERVAL_MS) return undefined;
  const restartCount = previous ? Number(previous.restartCount ?? 0) + 1 : 0;
  const at = new Date(now).toISOString();
  const condition = (type: string, status: string): object => ({ type, status, lastTransitionTime: at });
  return {
    phase: 'Running',
    startTime: pod.status?.startTime ?? at,
    conditions: [
      condition('PodScheduled', 'True'),
      condition('Initialized', 'True'),
      { ...condition('ContainersReady', 'False'), reason: 'ContainersNotReady' },
      { ...condition('Ready', 'False'), reason: 'ContainersNotReady' },
    ],
    containerStatuses: (pod.spec.containers ?? []).map((c: any) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount,
      state: {
        waiting: { reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=${c.name} pod=${pod.metadata.name}` },
      },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at, finishedAt: at } },
    })),
  };
}

/** The node a pod must run on when it is pinned by nodeAffinity matchFields (DaemonSet pods) or nodeSelector. */
function pinnedNode(pod: any): string | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) if (field.key === 'metadata.name' && field.operator === 'In') return field.values?.[0];
  }
  return pod.spec?.nodeSelector?.['kubernetes.io/hostname'];
}

/**
 * What kwok does for pods, by short polling: binds Pending pods to a node (POST pods/binding, as the scheduler
 * does), marks bound pods Running and Ready (merge patch of pods/status), and finishes graceful deletions
 * (DELETE with gracePeriodSeconds=0) since no kubelet ever confirms them. Beyond kwok, a Job's pod whose container
 * is a shell command is executed as a local process (job-pods.ts) and reported terminated with its exit code and
 * termination message; the real Job controller then sets the Job's status from the pod's phase.
 */
export class PodRunner {
  private stopped = false;
  private loop?: Promise<void>;
  private next = 0;
  private ipCounter = 2;
  readonly errors: string[] = [];
  /** Job pods being executed, by uid, with their process once spawned. */
  private readonly executing = new Map<string, { child?: ChildProcess; done: Promise<void> }>();

  constructor(
    private readonly client: KubeClient,
    private readonly logFile: string,
    private readonly intervalMs = 300,
  ) {}

  start(): void {
    this.stopped = false;
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.loop = undefined;
    for (const run of this.executing.values()) run.child?.kill('SIGKILL');
    await Promise.all([...this.executing.values()].map((r) => r.done));
  }

  /** Runs a Job's shell pod once, then reports it terminated as a kubelet would. */
  private execute(pod: any): void {
    const uid: string = pod.metadata.uid;
    if (this.executing.has(uid)) return;
    const entry: { child?: ChildProcess; done: Promise<void> } = { done: Promise.resolve() };
    this.executing.set(uid, entry);
    const deadlineMs = Math.min(600, pod.spec.activeDeadlineSeconds ?? 600) * 1000;
    entry.done = (async () => {
      const outcome = await executeJobPod(this.client, pod, deadlineMs, (child) => (entry.child = child));
      const base = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`;
      await this.client.request('PATCH', `${base}/status`, {
        body: { status: terminatedStatus(pod, outcome) },
        contentType: 'application/merge-patch+json',
      });
    })().catch(async (error) => {
      if (!isNotFound(error)) await this.note(`${pod.metadata.namespace}/${pod.metadata.name}: ${(error as Error).message}`);
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        await this.note(`tick failed: ${(error as Error).message}`);
      }
      await sleep(this.intervalMs);
    }
  }

  private async note(message: string): Promise<void> {
    if (this.errors.length < 200) this.errors.push(message);
    await appendFile(this.logFile, `${new Date().toISOString()} ${message}\n`).catch(() => undefined);
  }

  /** One pass over all pods. */
  async tick(): Promise<void> {
    const [pods, nodes] = await Promise.all([
      this.client.request<{ items: any[] }>('GET', '/api/v1/pods', { timeoutMs: 10000 }),
      this.client.request<{ items: any[] }>('GET', '/api/v1/nodes', { timeoutMs: 10000 }),
    ]);
    const nodeNames: string[] = nodes.items.map((n) => n.metadata.name);
    const work = pods.items.filter(
      (p) => (p.metadata.deletionTimestamp && p.spec.nodeName) || (!p.metadata.deletionTimestamp && (!p.spec.nodeName || !isReady(p))),
    );
    await mapLimit(work, 4, async (pod) => {
      try {
        await this.handle(pod, nodeNames);
      } catch (error) {
        if (!isNotFound(error)) await this.note(`${pod.metadata.namespace}/${pod.metadata.name}: ${(error as Error).message}`);
      }
    });
  }

  private async handle(pod: any, nodeNames: string[]): Promise<void> {
    const { namespace, name } = pod.metadata;
    const base = `/api/v1/namespaces/${namespace}/pods/${name}`;
    if (pod.metadata.deletionTimestamp) {
      this.executing.get(pod.metadata.uid)?.child?.kill('SIGKILL');
      await this.client.request('DELETE', base, { query: { gracePeriodSeconds: 0 } });
      return;
    }
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    if (this.executing.has(pod.metadata.uid)) return;
    let nodeName: string | undefined = pod.spec.nodeName;
    if (!nodeName) {
      if (nodeNames.length === 0) return;
      nodeName = pinnedNode(pod) ?? nodeNames[this.next++ % nodeNames.length];
      if (!nodeNames.includes(nodeName)) return; // pinned to a node that does not exist
      await this.client.request('POST', `${base}/binding`, {
        body: { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } },
      });
    }
    if (pod.metadata.annotations?.[CRASH_LOOP_ANNOTATION] !== undefined) {
      const crashed = crashLoopStatus(pod);
      if (crashed)
        await this.client.request('PATCH', `${base}/status`, { body: { status: crashed }, contentType: 'application/merge-patch+json' });
      return;
    }
    const now = new Date().toISOString();
    const host = hostIp(Math.max(0, nodeNames.indexOf(nodeName)));
    const n = this.ipCounter++;
    const podIp = pod.spec.hostNetwork ? host : `10.244.${(n >> 8) & 255}.${n & 255}`;
    const condition = (type: string): object => ({ type, status: 'True', lastTransitionTime: now });
    const running = (c: any): object => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now } },
    });
    const status = {
      phase: 'Running',
      startTime: now,
      hostIP: host,
      hostIPs: [{ ip: host }],
      podIP: podIp,
      podIPs: [{ ip: podIp }],
      conditions: [
        condition('PodScheduled'),
        condition('Initialized'),
        condition('ContainersReady'),
        condition('Ready'),
        ...(pod.spec.readinessGates ?? []).map((g: any) => condition(g.conditionType)),
      ],
      containerStatuses: (pod.spec.containers ?? []).map(running),
      initContainerStatuses: (pod.spec.initContainers ?? []).map((c: any) =>
        c.restartPolicy === 'Always'
          ? running(c)
          : {
              name: c.name,
              image: c.image,
              imageID: '',
              ready: true,
              restartCount: 0,
              state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: now, finishedAt: now } },
            },
      ),
    };
    await this.client.request('PATCH', `${base}/status`, { body: { status }, contentType: 'application/merge-patch+json' });
    if (isExecutableJobPod(pod)) this.execute(pod);
  }
}

function isReady(pod: any): boolean {
  return pod.status?.phase === 'Running' && (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}
