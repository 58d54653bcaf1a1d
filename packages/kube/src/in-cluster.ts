import type { KubeConfig } from '@kubernetes/client-node';
import { errorMessage } from '@arc-actions/core';

/** The outcome of one in-cluster check, in the same terms as the ARM-plane checks. */
export interface InClusterCheck {
  check: string;
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  reason: string;
  fix?: string;
  evidence?: Record<string, unknown>;
}

/** An add-on constraint as found in the cluster (kind, name, enforcement, the assignment it came from). */
export interface ClusterConstraint {
  kind: string;
  name: string;
  enforcementAction: string;
  assignmentId?: string;
  definitionId?: string;
  excludedNamespaces: string[];
  namespaces: string[];
  enforced: boolean;
  totalViolations?: number;
}

async function api(kc: KubeConfig) {
  const k8s = await import('@kubernetes/client-node');
  return {
    k8s,
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    admission: kc.makeApiClient(k8s.AdmissionregistrationV1Api),
    apiext: kc.makeApiClient(k8s.ApiextensionsV1Api),
  };
}

/** HTTP status of a client error, if it came from the API server. */
export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** The message the API server gave (for admission denials, the webhook's message), else the error's. */
export function apiMessage(error: unknown): string {
  const body = (error as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: string };
      if (parsed.message) return parsed.message;
    } catch {
      /* not JSON */
    }
  } else if (body && typeof body === 'object' && 'message' in body) {
    return String((body as { message: unknown }).message);
  }
  // Transport failures ("fetch failed") keep why in their cause: connection refused, DNS, TLS.
  const message = errorMessage(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const detail = String((cause?.message || cause?.code) ?? '');
  return detail && !message.includes(detail) ? `${message} (${detail})` : message;
}

export async function checkNodes(kc: KubeConfig): Promise<InClusterCheck> {
  const { core } = await api(kc);
  try {
    const nodes = await core.listNode({});
    const ready = nodes.items.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    return {
      check: 'get-nodes',
      status: 'ok',
      reason: `${nodes.items.length} nodes, ${ready} Ready.`,
      evidence: { nodes: nodes.items.length, ready },
    };
  } catch (error) {
    return {
      check: 'get-nodes',
      status: 'fail',
      reason: `Listing nodes failed: ${apiMessage(error)}.`,
      fix: 'Check the cluster access (kubeconfig or cluster connect) and RBAC.',
    };
  }
}

export async function checkArcAgents(kc: KubeConfig): Promise<InClusterCheck> {
  const { core } = await api(kc);
  const pods = await core.listNamespacedPod({ namespace: 'azure-arc' });
  if (!pods.items.length)
    return { check: 'arc-agents', status: 'fail', reason: 'No pods in namespace azure-arc.', fix: 'Onboard the cluster with arc-connect.' };
  const notReady = pods.items.filter(
    (p) => p.status?.phase !== 'Running' || !p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  );
  if (notReady.length) {
    return {
      check: 'arc-agents',
      status: 'fail',
      reason: `${notReady.length} of ${pods.items.length} azure-arc pods not Running and Ready: ${notReady.map((p) => `${p.metadata?.name} (${p.status?.phase})`).join(', ')}.`,
      fix: 'kubectl -n azure-arc describe pod <name>: Pending means resources, ImagePullBackOff means egress or proxy.',
    };
  }
  return { check: 'arc-agents', status: 'ok', reason: `${pods.items.length} azure-arc pods Running and Ready.` };
}

export async function checkMonitoring(kc: KubeConfig): Promise<InClusterCheck> {
  const { apps } = await api(kc);
  try {
    const ds = await apps.readNamespacedDaemonSet({ name: 'ama-logs', namespace: 'kube-system' });
    const desired = ds.status?.desiredNumberScheduled ?? 0;
    const ready = ds.status?.numberReady ?? 0;
    if (desired === 0 || ready < desired) {
      return {
        check: 'monitoring',
        status: 'fail',
        reason: `ama-logs: ${ready} of ${desired} ready.`,
        fix: 'kubectl -n kube-system describe ds ama-logs.',
        evidence: { desired, ready },
      };
    }
    return { check: 'monitoring', status: 'ok', reason: `ama-logs: ${ready} of ${desired} ready.`, evidence: { desired, ready } };
  } catch (error) {
    if (statusOf(error) === 404)
      return { check: 'monitoring', status: 'skipped', reason: 'The monitoring extension (ama-logs) is not installed.' };
    throw error;
  }
}

/** Every constraint the Azure Policy add-on installed (`azurepolicy-*`), across constraint kinds. */
export async function listAddonConstraints(kc: KubeConfig): Promise<ClusterConstraint[]> {
  const { custom, apiext } = await api(kc);
  const crds = await apiext.listCustomResourceDefinition({});
  const kinds = crds.items.filter((c) => c.spec.group === 'constraints.gatekeeper.sh');
  const out: ClusterConstraint[] = [];
  for (const crd of kinds) {
    const list = (await custom.listClusterCustomObject({
      group: 'constraints.gatekeeper.sh',
      version: 'v1beta1',
      plural: crd.spec.names.plural,
    })) as {
      items: {
        metadata: { name: string; annotations?: Record<string, string> };
        spec?: Record<string, any>;
        status?: Record<string, any>;
      }[];
    };
    for (const item of list.items) {
      if (!item.metadata.name.startsWith('azurepolicy-')) continue;
      const byPod = (item.status?.byPod ?? []) as { enforced?: boolean }[];
      out.push({
        kind: crd.spec.names.kind,
        name: item.metadata.name,
        enforcementAction: item.spec?.enforcementAction ?? 'deny',
        assignmentId: item.metadata.annotations?.['azure-policy-assignment-id'],
        definitionId: item.metadata.annotations?.['azure-policy-definition-id'],
        excludedNamespaces: item.spec?.match?.excludedNamespaces ?? [],
        namespaces: item.spec?.match?.namespaces ?? [],
        enforced: byPod.length > 0 && byPod.every((p) => p.enforced === true),
        totalViolations: item.status?.totalViolations,
      });
    }
  }
  return out;
}

export async function checkGatekeeperWebhook(kc: KubeConfig): Promise<InClusterCheck> {
  const { admission } = await api(kc);
  const configs = await admission.listValidatingWebhookConfiguration({});
  const hook = configs.items.flatMap((c) => c.webhooks ?? []).find((w) => w.name === 'validation.gatekeeper.sh');
  if (!hook) {
    return {
      check: 'gatekeeper-webhook',
      status: 'fail',
      reason: 'No validation.gatekeeper.sh webhook is registered.',
      fix: 'Install the azurepolicy extension (arc-connect extensions: azurepolicy).',
    };
  }
  return {
    check: 'gatekeeper-webhook',
    status: 'ok',
    reason: `Registered (failurePolicy ${hook.failurePolicy ?? 'Fail'}).`,
    evidence: { failurePolicy: hook.failurePolicy },
  };
}
