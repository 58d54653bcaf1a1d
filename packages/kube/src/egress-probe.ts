import type { KubeConfig } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { errorMessage, sleep } from '@arc-actions/core';
import { EGRESS_PROBE_SCRIPT } from './egress-probe-script.js';
import { apiMessage, statusOf } from './in-cluster.js';

/**
 * The in-cluster egress probe: a short-lived Job, in a namespace of our own, that runs EGRESS_PROBE_SCRIPT with the
 * agents' proxy settings from where the agents run, and reports what it saw through the container's termination
 * message (terminationMessagePolicy File: the kubelet copies the file at terminationMessagePath, at most 4096 bytes,
 * into `status.containerStatuses[].state.terminated.message`; Kubernetes docs, "Determine the Reason for Pod
 * Failure"), so reading the result needs only `get` on pods, not the kubelet's log endpoint. The Job is deleted
 * afterwards (explicitly, and by ttlSecondsAfterFinished should the delete be lost); its Secret (the proxy settings)
 * is owned by the Job and goes with it.
 */

/**
 * The image: curlimages/curl (busybox sh + curl, runs as uid 100). Pinned by tag, not by digest: no published digest
 * of this tag could be cited. `egress-probe-image` overrides it (a mirror in the cluster's registry, or a digest).
 */
export const EGRESS_PROBE_IMAGE = 'docker.io/curlimages/curl:8.16.0';
export const EGRESS_PROBE_NAMESPACE = 'arc-actions-egress';
export const TERMINATION_MESSAGE_PATH = '/dev/termination-log';
const LABELS = { 'app.kubernetes.io/name': 'arc-egress-probe', 'app.kubernetes.io/managed-by': 'arc-actions' };

export interface EgressProbeTargets {
  /** The guest notification service's allowlist URL (`…/urls/allowlist?api-version=2020-01-01&location=`). */
  allowlistUrl?: string;
  /** Plain HTTPS URLs to reach (every required host without a wildcard). */
  https: string[];
  /** Relay hosts to probe when the allowlist gives none (e.g. as the runner resolved them). */
  relays: string[];
}

/** The agents' proxy settings, as arc-connect passes them to the agents (global.httpsProxy, noProxy, proxyCert). */
export interface EgressProbeProxy {
  https?: string;
  http?: string;
  noProxy?: string;
  /** PEM: the proxy's CA (and any other trust anchor the agents are given). */
  ca?: string;
}

export interface EgressProbeOptions {
  image?: string;
  namespace?: string;
  /** Overall wait for the Job (default 180 s); the Job's activeDeadlineSeconds is the same. */
  timeoutMs?: number;
  /** Per request (default 15 s). */
  requestTimeoutSeconds?: number;
}

export interface EgressProbeRun {
  job: string;
  namespace: string;
  /** The JSON the script wrote (InClusterProbeResult), or undefined with `failure` saying why. */
  result?: unknown;
  failure?: string;
  exitCode?: number;
  /** Whether the Job and its Secret are gone (the explicit delete was accepted). */
  deleted: boolean;
}

export function targetLines(targets: EgressProbeTargets): string {
  return [
    ...(targets.allowlistUrl ? [`a ${targets.allowlistUrl}`] : []),
    ...targets.https.map((u) => `h ${u}`),
    ...targets.relays.map((r) => `r ${r}`),
  ].join('\n');
}

/** The Job (and the Secret it reads its environment from): pure, for the tests and the plan. */
export function egressProbeObjects(
  name: string,
  namespace: string,
  targets: EgressProbeTargets,
  proxy: EgressProbeProxy,
  options: EgressProbeOptions = {},
) {
  const deadline = Math.ceil((options.timeoutMs ?? 180_000) / 1000);
  const env: Record<string, string> = { PROBE_TARGETS: targetLines(targets), PROBE_TIMEOUT: String(options.requestTimeoutSeconds ?? 15) };
  if (proxy.https) Object.assign(env, { HTTPS_PROXY: proxy.https, https_proxy: proxy.https });
  if (proxy.http) Object.assign(env, { HTTP_PROXY: proxy.http, http_proxy: proxy.http });
  if (proxy.noProxy) Object.assign(env, { NO_PROXY: proxy.noProxy, no_proxy: proxy.noProxy });
  if (proxy.ca) env.PROBE_CA = proxy.ca;
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: LABELS },
    type: 'Opaque',
    stringData: env,
  };
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, labels: LABELS },
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: deadline,
      ttlSecondsAfterFinished: 300,
      template: {
        metadata: { labels: LABELS },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          securityContext: { runAsNonRoot: true, runAsUser: 100, runAsGroup: 101, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'probe',
              image: options.image ?? EGRESS_PROBE_IMAGE,
              command: ['/bin/sh', '-c', EGRESS_PROBE_SCRIPT, 'arc-egress-probe', TERMINATION_MESSAGE_PATH],
              envFrom: [{ secretRef: { name } }],
              terminationMessagePath: TERMINATION_MESSAGE_PATH,
              terminationMessagePolicy: 'File',
              resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '200m', memory: '64Mi' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  };
  return { secret, job };
}

/** Waiting reasons that will not resolve on their own within the probe's time (ErrImagePull is retried first). */
const WAITING_FAILURES = /ImagePullBackOff|InvalidImageName|CreateContainerConfigError/;

/**
 * Runs the probe Job and returns what it reported. Never throws for the probe's own failures (an image that cannot be
 * pulled, a deadline, a result that is not JSON): they come back as `failure`. Always deletes what it created.
 */
export async function runEgressProbe(
  kc: KubeConfig,
  targets: EgressProbeTargets,
  proxy: EgressProbeProxy,
  options: EgressProbeOptions = {},
): Promise<EgressProbeRun> {
  const k8s = await import('@kubernetes/client-node');
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const batch = kc.makeApiClient(k8s.BatchV1Api);
  const namespace = options.namespace ?? EGRESS_PROBE_NAMESPACE;
  const name = `arc-egress-probe-${randomBytes(3).toString('hex')}`;
  const { secret, job } = egressProbeObjects(name, namespace, targets, proxy, options);
  const run: EgressProbeRun = { job: name, namespace, deleted: false };
  try {
    // Created once and kept; an identity that may not create namespaces can run the probe in an existing one.
    await core.readNamespace({ name: namespace }).catch(async (e: unknown) => {
      if (statusOf(e) !== 404) throw e;
      await core.createNamespace({ body: { metadata: { name: namespace, labels: LABELS } } }).catch((c: unknown) => {
        if (statusOf(c) !== 409) throw c;
      });
    });
    await core.createNamespacedSecret({ namespace, body: secret as any });
    const created = await batch.createNamespacedJob({ namespace, body: job as any });
    // The Secret goes with the Job (garbage collector), should the explicit delete below be lost.
    await core.patchNamespacedSecret(
      {
        name,
        namespace,
        body: { metadata: { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: created.metadata!.uid! }] } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const deadline = Date.now() + (options.timeoutMs ?? 180_000) + 15_000;
    let waiting = '';
    for (;;) {
      const pods = await core.listNamespacedPod({ namespace, labelSelector: `job-name=${name}` });
      const pod = pods.items[0];
      const status = pod?.status?.containerStatuses?.[0];
      const terminated = status?.state?.terminated;
      if (terminated) {
        run.exitCode = terminated.exitCode;
        const message = terminated.message ?? '';
        try {
          run.result = JSON.parse(message);
        } catch {
          run.failure = message
            ? `the probe's termination message is not JSON (exit code ${terminated.exitCode}): ${message.slice(0, 200)}`
            : `the probe ended with exit code ${terminated.exitCode} (${terminated.reason ?? 'no reason'}) without a result`;
        }
        break;
      }
      const w = status?.state?.waiting;
      if (w?.reason) waiting = `${w.reason}${w.message ? `: ${w.message}` : ''}`;
      if (w?.reason && WAITING_FAILURES.test(w.reason)) {
        run.failure = `the probe pod could not start (${waiting})${/Image/.test(w.reason) ? `; the nodes must be able to pull ${options.image ?? EGRESS_PROBE_IMAGE} (set egress-probe-image to a mirror they can reach)` : ''}`;
        break;
      }
      const jobNow = await batch.readNamespacedJob({ name, namespace });
      const failedCondition = jobNow.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
      if (failedCondition && !pod) {
        run.failure = `the probe Job failed before its pod ran (${failedCondition.reason}: ${failedCondition.message})`;
        break;
      }
      if (Date.now() > deadline) {
        run.failure = `the probe Job did not finish within ${Math.round((options.timeoutMs ?? 180_000) / 1000)} s${pod ? ` (pod ${pod.status?.phase ?? 'unknown'}${waiting ? `, ${waiting}` : ''})` : ' (no pod was created)'}`;
        break;
      }
      await sleep(1000);
    }
  } catch (error) {
    run.failure = `the probe Job could not be run: ${apiMessage(error) || errorMessage(error)}`;
  } finally {
    run.deleted = await deleteProbe(core, batch, name, namespace);
  }
  return run;
}

async function deleteProbe(core: any, batch: any, name: string, namespace: string): Promise<boolean> {
  const gone = (e: unknown) => {
    if (statusOf(e) !== 404) throw e;
  };
  try {
    await batch.deleteNamespacedJob({ name, namespace, propagationPolicy: 'Background' }).catch(gone);
    await core.deleteNamespacedSecret({ name, namespace }).catch(gone);
    return true;
  } catch {
    return false;
  }
}
