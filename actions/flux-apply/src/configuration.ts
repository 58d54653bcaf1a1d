import { z } from 'zod';
import { ConfigurationError, parseYamlWithSchema, shown } from '@arc-actions/core';

/**
 * The `configuration` input of flux-apply: one Flux configuration (a Git source and its kustomizations).
 * `flux-apply/configuration.schema.json` is generated from `configurationSchema` (a test keeps them equal).
 * Secrets never appear here: they come from the `https-key` / `ssh-private-key` inputs or environment variables.
 */

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const dns = (what: string) =>
  z.string().regex(DNS_LABEL, `${what} must be a DNS-1123 label: lowercase letters, digits and -, at most 63 characters`);
const goDuration = z.string().regex(/^(\d+(\.\d+)?(ms|s|m|h))+$/, 'expected a Go duration such as 90s, 10m or 1h30m');
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name');

export const gitRepositorySchema = z.strictObject({
  url: z.string().min(1).describe('https://, http://, ssh:// or git@host:path'),
  branch: z.string().optional(),
  tag: z.string().optional(),
  semver: z.string().optional(),
  commit: z.string().optional(),
  'sync-interval': goDuration.optional(),
  timeout: goDuration.optional(),
  'https-user': z.string().min(1).optional(),
  'https-key-env': envName.optional().describe('environment variable holding the HTTPS key or token (the https-key input wins)'),
  'ssh-private-key-env': envName.optional().describe('environment variable holding the SSH private key (the ssh-private-key input wins)'),
  'known-hosts': z.string().optional(),
});

export const kustomizationSchema = z.strictObject({
  path: z.string().optional(),
  prune: z.boolean().optional(),
  'depends-on': z.array(z.string()).optional(),
  'sync-interval': goDuration.optional(),
  timeout: goDuration.optional(),
  'retry-interval': goDuration.optional(),
  wait: z.boolean().optional(),
  force: z.boolean().optional(),
  'post-build': z.strictObject({ substitute: z.record(z.string(), z.string()).optional() }).optional(),
});

export const configurationSchema = z.strictObject({
  name: dns('name'),
  namespace: dns('namespace').optional(),
  scope: z.enum(['cluster', 'namespace']).optional(),
  source: z.strictObject({ gitRepository: gitRepositorySchema }),
  kustomizations: z.record(z.string(), kustomizationSchema),
  suspend: z.boolean().optional(),
});

const SECRET_KEYS = ['https-key', 'httpsKey', 'ssh-private-key', 'sshPrivateKey', 'password', 'token'];

/** Rejects secrets written into the configuration, with a hint, before the strict schema calls them unknown keys. */
const noSecrets = z.unknown().superRefine((value, ctx) => {
  const git = (value as { source?: { gitRepository?: Record<string, unknown> } } | null)?.source?.gitRepository;
  for (const key of SECRET_KEYS) {
    if (git && typeof git === 'object' && key in git) {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'gitRepository', key],
        message:
          'secrets do not belong in the configuration; pass them in the https-key or ssh-private-key input, or name an environment variable with https-key-env or ssh-private-key-env',
        continue: false,
      });
    }
  }
});

const checkedSchema = noSecrets.pipe(configurationSchema).superRefine((config, ctx) => {
  for (const name of Object.keys(config.kustomizations)) {
    if (!DNS_LABEL.test(name))
      ctx.addIssue({
        code: 'custom',
        path: ['kustomizations', name],
        message: 'kustomization names must be DNS-1123 labels: lowercase letters, digits and -',
      });
    else if (`${config.name}-${name}`.length > 63) {
      ctx.addIssue({
        code: 'custom',
        path: ['kustomizations', name],
        message: `the in-cluster name "${config.name}-${name}" is longer than 63 characters; shorten the configuration or kustomization name`,
      });
    }
  }
  if (Object.keys(config.kustomizations).length === 0)
    ctx.addIssue({ code: 'custom', path: ['kustomizations'], message: 'at least one kustomization is needed' });
});

export type FluxConfiguration = z.infer<typeof configurationSchema>;

const WHERE = 'Input "configuration"';
const fail = (message: string): never => {
  throw new ConfigurationError(`${WHERE} ${message}`, 'configuration');
};

// eslint-disable-next-line no-control-regex -- rejecting control characters in user input is the point
const GIT_REF = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*@\{)[^\s~^:?*[\\\u0000-\u001f\u007f]{1,255}(?<![/.])(?<!\.lock)$/;

/** Which reference the source follows; exactly one of branch, tag, semver, commit. */
export function sourceRef(git: FluxConfiguration['source']['gitRepository']): {
  kind: 'branch' | 'tag' | 'semver' | 'commit';
  value: string;
} {
  const set = (['branch', 'tag', 'semver', 'commit'] as const).filter((k) => git[k] !== undefined);
  if (set.length !== 1) {
    fail(
      `at "source.gitRepository" sets ${set.length ? set.join(' and ') : 'none of branch, tag, semver, commit'}; set exactly one of branch, tag, semver or commit.`,
    );
  }
  const kind = set[0];
  const value = git[kind]!;
  const ok =
    kind === 'commit'
      ? /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(value)
      : kind === 'semver'
        ? /^[\sv\d.xX*<>=~^|,-]+$/.test(value) && /\d/.test(value)
        : GIT_REF.test(value);
  if (!ok) {
    const rule =
      kind === 'commit'
        ? 'a full 40-character commit SHA'
        : kind === 'semver'
          ? 'a semver range such as ">=1.2.0 <2.0.0"'
          : `a valid git ${kind} name`;
    fail(`at "source.gitRepository.${kind}" has ${shown(value)}, which is not ${rule}.`);
  }
  return { kind, value };
}

/** Returns the first dependency cycle among kustomizations, as a path that starts and ends with the same name. */
export function findCycle(graph: Record<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Parses and validates the configuration text (file content or inline YAML); returns it with warnings to print. */
export function parseConfiguration(text: string, where = WHERE): { config: FluxConfiguration; warnings: string[] } {
  const config = parseYamlWithSchema(text, checkedSchema, where, 'configuration');
  const warnings: string[] = [];
  sourceRef(config.source.gitRepository);
  for (const [name, ks] of Object.entries(config.kustomizations)) {
    const seen = new Set<string>();
    for (const dep of ks['depends-on'] ?? []) {
      if (!(dep in config.kustomizations)) {
        fail(
          `at "kustomizations.${name}.depends-on" names ${shown(dep)}, which is not a kustomization of this configuration; known: ${Object.keys(config.kustomizations).join(', ')}.`,
        );
      }
      if (seen.has(dep)) fail(`at "kustomizations.${name}.depends-on" lists "${dep}" twice; list each dependency once.`);
      seen.add(dep);
    }
    const path = ks.path ?? '';
    // eslint-disable-next-line no-control-regex -- rejecting control characters in user input is the point
    if (path.split(/[\\/]/).includes('..') || path.startsWith('/') || /[\u0000-\u001f]/.test(path)) {
      fail(`at "kustomizations.${name}.path" has ${shown(path)}; use a path inside the repository such as ./apps, without "..".`);
    }
    if (ks.prune === false) {
      warnings.push(
        `Kustomization "${name}" has prune: false: objects removed from Git stay in the clusters, so Git stops being the source of truth.`,
      );
    }
    for (const key of Object.keys(ks['post-build']?.substitute ?? {})) {
      if (!/^[_a-zA-Z][_a-zA-Z0-9]*$/.test(key))
        fail(
          `at "kustomizations.${name}.post-build.substitute" has the variable ${shown(key)}; names are letters, digits and _, not starting with a digit.`,
        );
    }
  }
  const graph = Object.fromEntries(Object.entries(config.kustomizations).map(([k, v]) => [k, v['depends-on'] ?? []]));
  const cycle = findCycle(graph);
  if (cycle) fail(`has a depends-on cycle between kustomizations: ${cycle.join(' → ')}; remove one of these dependencies.`);
  return { config, warnings };
}
