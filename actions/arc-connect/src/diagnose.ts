import type { KubeConfig } from '@kubernetes/client-node';

/**
 * Why the agents did not connect, from their pods and events in `azure-arc`: Pending → resources,
 * ImagePullBackOff → egress or proxy, crash-looping clusteridentityoperator → certificate (az troubleshoot's map).
 */
export async function diagnoseAgents(kc: KubeConfig): Promise<string> {
  const { CoreV1Api } = await import('@kubernetes/client-node');
  const core = kc.makeApiClient(CoreV1Api);
  const [pods, events] = await Promise.all([
    core.listNamespacedPod({ namespace: 'azure-arc' }),
    core.listNamespacedEvent({ namespace: 'azure-arc' }).catch(() => ({ items: [] })),
  ]);
  if (pods.items.length === 0)
    return 'No agent pod exists in namespace azure-arc: the Helm release did not create them (check helm status azure-arc -n azure-arc-release).';
  const states = pods.items.map((p) => {
    const waiting = p.status?.containerStatuses?.map((c) => c.state?.waiting?.reason).find(Boolean);
    const restarts = p.status?.containerStatuses?.reduce((n, c) => n + (c.restartCount ?? 0), 0) ?? 0;
    return { name: p.metadata?.name ?? '?', phase: p.status?.phase ?? 'Unknown', waiting, restarts };
  });
  const list = states.map((s) => `${s.name}: ${s.waiting ?? s.phase}${s.restarts ? ` (${s.restarts} restarts)` : ''}`).join(', ');
  const causes: string[] = [];
  if (states.some((s) => s.phase === 'Pending' && !s.waiting))
    causes.push('pods are Pending: the nodes lack CPU or memory for the agents (or a quota/policy blocks them); add capacity');
  if (states.some((s) => /ImagePull|ErrImage/.test(s.waiting ?? '')))
    causes.push('images cannot be pulled: egress to mcr.microsoft.com is blocked or the proxy settings are wrong');
  if (states.some((s) => s.name.startsWith('clusteridentityoperator') && (s.waiting === 'CrashLoopBackOff' || s.restarts > 2)))
    causes.push(
      'clusteridentityoperator is crash-looping: the onboarding certificate or key is invalid (reconnect with a new key) or a TLS-inspecting proxy needs proxy-cert',
    );
  if (causes.length === 0 && states.every((s) => s.phase === 'Running'))
    causes.push('all agent pods run, so the agents cannot reach Azure: check egress and the proxy');
  const warnings = events.items
    .filter((e) => e.type === 'Warning')
    .slice(-5)
    .map((e) => `${e.involvedObject?.name}: ${e.reason} ${e.message ?? ''}`.trim());
  return `Likely cause: ${causes.join('; ') || 'unknown'}. Agent pods: ${list}.${warnings.length ? ` Recent warnings: ${warnings.join(' | ')}.` : ''}`;
}
