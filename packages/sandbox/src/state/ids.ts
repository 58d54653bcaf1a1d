/** Resource id helpers. ARM ids are compared case-insensitively; stored ids keep the caller's casing. */

export const key = (id: string): string => id.toLowerCase().replace(/\/+$/, '');

export interface ParsedId {
  subscriptionId?: string;
  resourceGroup?: string;
  /** Last provider namespace in the id, e.g. Microsoft.KubernetesConfiguration. */
  namespace?: string;
  /** Full type after the last provider namespace, e.g. Microsoft.Kubernetes/connectedClusters. */
  type?: string;
  name?: string;
  managementGroup?: string;
}

export function parseId(id: string): ParsedId {
  const parts = id.split('/').filter(Boolean);
  const out: ParsedId = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i].toLowerCase();
    if (p === 'subscriptions' && i === 0) out.subscriptionId = parts[i + 1];
    if (p === 'resourcegroups' && i === 2) out.resourceGroup = parts[i + 1];
    if (p === 'managementgroups' && parts[i - 1]?.toLowerCase() === 'microsoft.management') out.managementGroup = parts[i + 1];
  }
  const last = parts.map((p) => p.toLowerCase()).lastIndexOf('providers');
  if (last >= 0 && last + 1 < parts.length) {
    out.namespace = parts[last + 1];
    const rest = parts.slice(last + 2);
    const types = rest.filter((_, i) => i % 2 === 0);
    out.type = [out.namespace, ...types].join('/');
    if (rest.length % 2 === 0 && rest.length > 0) out.name = rest[rest.length - 1];
  }
  return out;
}

/** The parent scopes of an id, nearest first, ending with the subscription (management groups are added by the store). */
export function ancestors(id: string): string[] {
  const parts = id.split('/').filter(Boolean);
  const out: string[] = [];
  for (let n = parts.length - 1; n >= 2; n--) {
    const prefix = parts.slice(0, n);
    if (prefix[prefix.length - 1].toLowerCase() === 'providers') continue;
    const lastProviders = prefix.map((p) => p.toLowerCase()).lastIndexOf('providers');
    // Keep only prefixes that are whole scopes: /subscriptions/x, /subscriptions/x/resourceGroups/y, or full resource ids.
    if (lastProviders >= 0 && ((prefix.length - 1 - lastProviders) % 2 !== 1 || prefix.length - 1 - lastProviders < 3)) continue;
    if (lastProviders < 0 && prefix.length % 2 !== 0) continue;
    out.push('/' + prefix.join('/'));
  }
  return out;
}

export const lastSegment = (id: string): string => id.split('/').filter(Boolean).pop() ?? '';
