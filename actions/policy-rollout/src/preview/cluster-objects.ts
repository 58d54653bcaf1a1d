import type { KubeConfig } from '@kubernetes/client-node';

/** One live object as gator reads it (managedFields dropped: they are large and no policy reads them). */
export type LiveObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
} & Record<string, unknown>;

/** The live objects of one cluster: every Namespace, and every object of the kinds the previewed constraints match. */
export interface ClusterObjects {
  namespaces: LiveObject[];
  /** By `group/Kind` ("" is the core group), e.g. `/Pod`. */
  byKind: Map<string, LiveObject[]>;
  count: number;
}

/** More objects than this in one cluster and the preview refuses to guess: it reports the cluster as not read. */
export const MAX_OBJECTS = 50_000;
const PAGE = 500;

export const kindKey = (group: string, kind: string) => `${group}/${kind}`;

function clean(item: Record<string, any>, apiVersion: string, kind: string): LiveObject {
  const { managedFields: _m, ...metadata } = (item.metadata ?? {}) as Record<string, unknown>;
  return JSON.parse(JSON.stringify({ ...item, apiVersion, kind, metadata })) as LiveObject;
}

/**
 * Reads the cluster read-only (list calls only, 500 a page): Namespaces, then each kind in `kinds` across all
 * namespaces at its group's preferred version. A kind the cluster does not serve has no objects.
 */
export async function readClusterObjects(kc: KubeConfig, kinds: { group: string; kind: string }[]): Promise<ClusterObjects> {
  const k8s = await import('@kubernetes/client-node');
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const groups = new Map<string, string>([['', 'v1']]);
  if (kinds.some((k) => k.group !== '')) {
    const apis = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    for (const g of apis.groups ?? []) if (g.preferredVersion?.groupVersion) groups.set(g.name, g.preferredVersion.groupVersion);
  }
  let count = 0;
  const list = async (apiVersion: string, kind: string): Promise<LiveObject[]> => {
    const out: LiveObject[] = [];
    let token: string | undefined;
    do {
      let page;
      try {
        page = await objects.list(apiVersion, kind, undefined, undefined, undefined, undefined, undefined, undefined, PAGE, token);
      } catch (error) {
        // Discovery found no such kind at this version: the cluster serves none of these objects.
        if (/Unrecognized API version and kind/i.test(String((error as Error)?.message))) return out;
        throw error;
      }
      for (const item of page.items) out.push(clean(item as Record<string, any>, apiVersion, kind));
      count += page.items.length;
      if (count > MAX_OBJECTS)
        throw new Error(
          `the cluster has more than ${MAX_OBJECTS} objects of the previewed kinds; the preview does not sample within a cluster`,
        );
      token = page.metadata?._continue || undefined;
    } while (token);
    return out;
  };
  const namespaces = await list('v1', 'Namespace');
  const byKind = new Map<string, LiveObject[]>();
  for (const { group, kind } of kinds) {
    const key = kindKey(group, kind);
    if (byKind.has(key)) continue;
    if (group === '' && kind === 'Namespace') {
      byKind.set(key, namespaces);
      continue;
    }
    const apiVersion = groups.get(group);
    byKind.set(key, apiVersion ? await list(apiVersion, kind) : []);
  }
  return { namespaces, byKind, count };
}
