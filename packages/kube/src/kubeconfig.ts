import { z } from 'zod';
import { ConfigurationError, maskSecret, parseYamlWithSchema } from '@arc-actions/core';

/** The fields of a kubeconfig user that are credentials. */
const CREDENTIAL_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data', 'id-token', 'refresh-token', 'client-secret'];

const entryName = z.string({ error: 'every entry needs a name' }).min(1, 'every entry needs a name');

const kubeconfigSchema = z.object({
  apiVersion: z.literal('v1').optional(),
  kind: z.literal('Config').optional(),
  clusters: z
    .array(
      z.object({
        name: entryName,
        cluster: z.object({ server: z.string().regex(/^https?:\/\/\S+$/, 'the cluster server must be an http(s) URL') }).loose(),
      }),
    )
    .min(1, 'a kubeconfig needs at least one cluster'),
  contexts: z
    .array(
      z.object({
        name: entryName,
        context: z.object({ cluster: z.string().min(1), user: z.string().optional(), namespace: z.string().optional() }).loose(),
      }),
    )
    .min(1, 'a kubeconfig needs at least one context'),
  users: z.array(z.object({ name: entryName, user: z.record(z.string(), z.unknown()).nullable() })).default([]),
  'current-context': z.string().optional(),
});

export interface KubeconfigSummary {
  contexts: string[];
  /** The context to use: the requested one, or the kubeconfig's current context. */
  context: string;
  /** The API server of that context (not a secret; shown in plans). */
  server: string;
}

/** Registers every credential inside a parsed kubeconfig (and the whole text, line by line) as a secret. */
function maskCredentials(text: string, users: unknown): void {
  maskSecret(text);
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key && CREDENTIAL_FIELDS.includes(key)) maskSecret(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(users);
  // Also anything that looks like a credential line, in case the structure is unusual.
  for (const m of text.matchAll(
    /^\s*-?\s*(token|password|client-key-data|client-certificate-data|id-token|refresh-token|client-secret):\s*["']?([^"'\s]+)/gm,
  ))
    maskSecret(m[2]);
}

/**
 * Parses kubeconfig content given in an input, masks its credentials before anything else sees them, and checks
 * that the requested context exists. `input` names the input in errors; the content itself is never shown.
 */
export function parseKubeconfig(text: string, input: string, context?: string, contextInput = 'kube-context'): KubeconfigSummary {
  maskCredentials(text, undefined);
  const config = parseYamlWithSchema(text, kubeconfigSchema, `Input "${input}" (a kubeconfig)`, input);
  maskCredentials(text, config.users);
  const contexts = config.contexts.map((c) => c.name);
  const chosen = context ?? config['current-context'];
  if (!chosen) {
    throw new ConfigurationError(
      `Input "${input}" has no current-context; set "${contextInput}" to one of: ${contexts.join(', ')}.`,
      contextInput,
    );
  }
  const ctx = config.contexts.find((c) => c.name === chosen);
  if (!ctx) {
    const where = context ? `Input "${contextInput}" names "${chosen}"` : `Input "${input}" has current-context "${chosen}"`;
    throw new ConfigurationError(
      `${where}, which is not a context of the kubeconfig; it has: ${contexts.join(', ')}.`,
      context ? contextInput : input,
    );
  }
  const cluster = config.clusters.find((c) => c.name === ctx.context.cluster);
  if (!cluster) {
    throw new ConfigurationError(
      `Input "${input}" has context "${chosen}" pointing at cluster "${ctx.context.cluster}", which is not in its clusters list.`,
      input,
    );
  }
  return { contexts, context: chosen, server: cluster.cluster.server };
}
