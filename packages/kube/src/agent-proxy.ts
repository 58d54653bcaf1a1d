import type { KubeConfig } from '@kubernetes/client-node';
import { gunzipSync } from 'node:zlib';
import type { EgressProbeProxy } from './egress-probe.js';

/**
 * The Arc agents' proxy settings as they were installed: the values of the agents' Helm release (`azure-arc`, in
 * whichever namespace: azure-arc-release for current az, default for older ones), `global.httpsProxy`,
 * `global.httpProxy`, `global.noProxy` and `global.proxyCert`, the names az connectedk8s gives them
 * (connectedk8s `_utils.py` `helm_install_release`) and arc-connect too. Helm keeps a release in a Secret labelled
 * `owner=helm,name=<release>,status=deployed` whose `release` key is base64 of the gzipped release JSON (Helm's
 * storage driver, `pkg/storage/driver/secrets.go` and `util.go` `encodeRelease`); the user-supplied values are its
 * `config`. Undefined when no deployed release is found.
 */
export async function readAgentProxy(kc: KubeConfig): Promise<(EgressProbeProxy & { namespace: string }) | undefined> {
  const k8s = await import('@kubernetes/client-node');
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const secrets = await core.listSecretForAllNamespaces({ labelSelector: 'owner=helm,name=azure-arc,status=deployed' });
  const latest = secrets.items.sort((a, b) => Number(b.metadata?.labels?.version ?? 0) - Number(a.metadata?.labels?.version ?? 0))[0];
  const encoded = latest?.data?.release;
  if (!encoded) return undefined;
  const release = JSON.parse(gunzipSync(Buffer.from(Buffer.from(encoded, 'base64').toString('utf8'), 'base64')).toString('utf8')) as {
    config?: { global?: Record<string, unknown> };
  };
  const g = release.config?.global ?? {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    namespace: latest.metadata?.namespace ?? '',
    https: text(g.httpsProxy),
    http: text(g.httpProxy),
    noProxy: text(g.noProxy),
    ca: text(g.proxyCert),
  };
}
