import { z } from 'zod';
import { booleanInput, ConfigurationError, yamlInput } from '@arc-actions/core';
import { parseIdentityId, workspacePath, type IdentityRef } from '@arc-actions/azure';

/** One app that uses workload identity on the cluster (an entry of the `apps` input). */
export interface AppSpec {
  name: string;
  namespace: string;
  serviceAccount: string;
  identity: IdentityRef;
  keyVault?: string;
  secrets: string[];
  /** Absolute folder (inside the workspace) the manifests are written to. */
  path: string;
  /** The same folder as given (relative to the workspace), for outputs and the summary. */
  displayPath: string;
}

export interface WorkloadIdentityInputs {
  enabled: boolean;
  apps: AppSpec[];
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/** Key Vault names: 3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no "--". */
const KEY_VAULT = /^(?!.*--)[A-Za-z][-A-Za-z0-9]{1,22}[A-Za-z0-9]$/;
const SECRET = /^[-A-Za-z0-9]{1,127}$/;

const appSchema = z.strictObject(
  {
    name: z.string().regex(DNS_LABEL, 'expected a name of 1-63 lower-case letters, digits and -'),
    namespace: z.string().regex(DNS_LABEL, 'expected a Kubernetes namespace (1-63 lower-case letters, digits and -)'),
    'service-account': z.string().regex(DNS_SUBDOMAIN, 'expected a Kubernetes service account name'),
    identity: z.string({ error: 'expected the resource id of a user-assigned managed identity' }),
    'key-vault': z.string().regex(KEY_VAULT, 'expected a Key Vault name (3-24 letters, digits and -, starting with a letter)').optional(),
    secrets: z.array(z.string().regex(SECRET, 'expected Key Vault secret names (1-127 letters, digits and -)')).default([]),
    path: z.string().min(1).optional(),
  },
  {
    error: (i) =>
      i.code === 'unrecognized_keys'
        ? `unknown key ${i.keys.join(', ')}; allowed: name, namespace, service-account, identity, key-vault, secrets, path`
        : undefined,
  },
);

const appsSchema = z.array(appSchema, { error: 'expected a YAML list of apps' }).max(50, 'at most 50 apps per cluster');

/** `workload-identity` and `apps`: validated in full (identity ids, names, paths) before anything is written. */
export function readWorkloadIdentityInputs(): WorkloadIdentityInputs {
  const enabled = booleanInput('workload-identity', false);
  const raw = yamlInput('apps', appsSchema) ?? [];
  if (raw.length && !enabled)
    throw new ConfigurationError(
      'Input "apps" lists apps, but "workload-identity" is false; set workload-identity: true (their federated credentials need the cluster\'s OIDC issuer).',
      'apps',
    );
  const seen = new Map<string, string>();
  const apps = raw.map((a, i): AppSpec => {
    const where = `Input "apps" entry ${i + 1} (${a.name}) identity`;
    const identity = parseIdentityId(a.identity, where, 'apps');
    if (a.secrets.length && !a['key-vault'])
      throw new ConfigurationError(
        `Input "apps" entry ${i + 1} (${a.name}) lists secrets but no key-vault; name the vault they are in.`,
        'apps',
      );
    for (const [key, what] of [
      [a.name, 'name'],
      [`${a.namespace}/${a['service-account']}`, 'namespace and service-account'],
    ] as const) {
      const other = seen.get(`${what}:${key}`);
      if (other)
        throw new ConfigurationError(
          `Input "apps" entries ${other} and ${i + 1} have the same ${what} (${key}); each app needs its own.`,
          'apps',
        );
      seen.set(`${what}:${key}`, String(i + 1));
    }
    const displayPath = a.path ?? `workload-identity/${a.name}`;
    return {
      name: a.name,
      namespace: a.namespace,
      serviceAccount: a['service-account'],
      identity,
      keyVault: a['key-vault'],
      secrets: a.secrets,
      path: workspacePath('apps', displayPath),
      displayPath,
    };
  });
  return { enabled, apps };
}
