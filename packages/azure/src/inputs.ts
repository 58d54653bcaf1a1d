import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import {
  ConfigurationError,
  booleanInput,
  listInput,
  optionalString,
  parseYamlWithSchema,
  readEnv,
  requiredString,
  shown,
} from '@arc-actions/core';
import { parseEnvironment, type AzureEnvironment } from './environment.js';
import { parseClusterId, type ClusterRef } from './cluster-ref.js';
import type { FleetSelector } from './fleet.js';

/**
 * The inputs shared by every action: the Azure identity (GitHub OIDC → Entra), the fleet targets (explicit ARM ids
 * or a Resource Graph selector), `dry-run`, and paths inside the workspace. Each reader validates everything and
 * throws a ConfigurationError that names the input, the value and what is allowed.
 */

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_RULE = { regex: GUID, description: 'a GUID such as 00000000-0000-0000-0000-000000000000' };

/** The GitHub OIDC audience Entra expects by default, per cloud (Microsoft Entra federated credential docs). */
export const DEFAULT_AUDIENCES: Record<string, string> = {
  AzureCloud: 'api://AzureADTokenExchange',
  AzureUSGovernment: 'api://AzureADTokenExchangeUSGov',
  AzureChinaCloud: 'api://AzureADTokenExchangeChina',
};

export interface AzureIdentityInputs {
  clientId: string;
  tenantId: string;
  /** Lower-cased GUID; undefined when the action does not need one and none was given. */
  subscriptionId?: string;
  environment: AzureEnvironment;
  audience: string;
}

export function readAzureIdentityInputs(options: { subscriptionRequired?: boolean } = {}): AzureIdentityInputs {
  const clientId = requiredString('client-id', { pattern: GUID_RULE }).toLowerCase();
  const tenantId = requiredString('tenant-id', { pattern: GUID_RULE }).toLowerCase();
  const subscriptionId = options.subscriptionRequired
    ? requiredString('subscription-id', { pattern: GUID_RULE })
    : optionalString('subscription-id', { pattern: GUID_RULE });
  const environment = parseEnvironment(optionalString('environment', { maxLength: 4096 }) ?? '', 'environment');
  const audience =
    optionalString('audience', {
      maxLength: 256,
      pattern: { regex: /^[^\s"'<>]+$/, description: 'an audience without spaces or quotes, such as api://AzureADTokenExchange' },
    }) ??
    DEFAULT_AUDIENCES[environment.name] ??
    DEFAULT_AUDIENCES.AzureCloud;
  return { clientId, tenantId, subscriptionId: subscriptionId?.toLowerCase(), environment, audience };
}

// ---- fleet targets ----------------------------------------------------------------------------------------------

/**
 * Values that end up inside Resource Graph (KQL) queries: printable, and without quotes, backslashes or the
 * characters Azure forbids in tag names, so that a selector is data and never query text.
 */
// eslint-disable-next-line no-control-regex -- rejecting control characters in user input is the point
const SAFE_TEXT = /^[^\u0000-\u001f\u007f'"\\`<>%&?/]+$/;
const safeText = (what: string, max: number) =>
  z
    .string({ error: `expected ${what} as text` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .regex(SAFE_TEXT, `${what} must not contain quotes, backslashes, control characters or any of < > % & ? /`);

const tagValue = z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(safeText('a tag value', 256));

export const selectorSchema = z
  .strictObject(
    {
      tags: z
        .record(z.string(), tagValue)
        .superRefine((tags, ctx) => {
          for (const key of Object.keys(tags)) {
            const checked = safeText('a tag name', 512).safeParse(key);
            if (!checked.success) ctx.addIssue({ code: 'custom', path: [key], message: checked.error.issues[0].message });
          }
        })
        .optional(),
      subscriptions: z.array(z.string().regex(GUID, 'expected subscription ids as GUIDs')).min(1).optional(),
      'management-groups': z
        .array(z.string().regex(/^[-\w().]{1,90}$/, 'expected management group ids (1-90 letters, digits, - _ ( ) .)'))
        .min(1)
        .optional(),
      'resource-groups': z
        .array(
          z.string().regex(/^[-\w().]{0,89}[-\w()]$/, 'expected resource group names (1-90 letters, digits, - _ ( ) ., not ending in .)'),
        )
        .min(1)
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown key ${issue.keys.join(', ')}; allowed: tags, subscriptions, management-groups, resource-groups`
          : undefined,
    },
  )
  .refine(
    (s) => Object.keys(s).some((k) => s[k as keyof typeof s] !== undefined && (k !== 'tags' || Object.keys(s.tags ?? {}).length > 0)),
    {
      message: 'a selector needs at least one of tags, subscriptions, management-groups or resource-groups',
    },
  );

/** A validated selector: every list present (possibly empty). */
export type ValidatedSelector = Required<FleetSelector>;

export type FleetTargets = { kind: 'targets'; targets: ClusterRef[] } | { kind: 'selector'; selector: ValidatedSelector };

/** `targets` (ARM ids, one a line or comma-separated) or `selector` (YAML), exactly one of them. */
export function readFleetTargetInputs(options: { required?: boolean } = {}): FleetTargets | undefined {
  const ids = listInput('targets', { max: 10_000 });
  const selectorText = optionalString('selector', { maxLength: 65_536 }) ?? '';
  if (ids.length > 0 && selectorText) {
    throw new ConfigurationError(
      'Inputs "targets" and "selector" are both set; set exactly one: cluster ids in "targets" or a query in "selector".',
      'targets',
    );
  }
  if (ids.length > 0) {
    const seen = new Set<string>();
    const targets = ids.map((id) => {
      const parsed = parseClusterId(id, 'targets');
      if (seen.has(parsed.key))
        throw new ConfigurationError(`Input "targets" lists ${shown(parsed.id)} twice; list each cluster once.`, 'targets');
      seen.add(parsed.key);
      return parsed;
    });
    return { kind: 'targets', targets };
  }
  if (selectorText) {
    const s = parseYamlWithSchema(selectorText, selectorSchema, 'Input "selector"', 'selector');
    return {
      kind: 'selector',
      selector: {
        tags: s.tags ?? {},
        subscriptions: (s.subscriptions ?? []).map((x) => x.toLowerCase()),
        managementGroups: s['management-groups'] ?? [],
        resourceGroups: s['resource-groups'] ?? [],
      },
    };
  }
  if (options.required) {
    throw new ConfigurationError(
      'Inputs "targets" and "selector" are both empty; set "targets" to cluster resource ids or "selector" to a YAML query (tags, subscriptions, management-groups, resource-groups).',
      'targets',
    );
  }
  return undefined;
}

/** A plain-data view of the targets for plans and outputs. */
export function describeTargets(targets: FleetTargets | undefined): unknown {
  if (!targets) return null;
  return targets.kind === 'targets' ? { targets: targets.targets.map((t) => t.id) } : { selector: targets.selector };
}

// ---- generic inputs shared by the actions -----------------------------------------------------------------------

export const readDryRun = (): boolean => booleanInput('dry-run', false);

/** The workspace root: GITHUB_WORKSPACE, or the current directory outside Actions. */
export function workspaceRoot(): string {
  return resolve(readEnv('GITHUB_WORKSPACE') ?? process.cwd());
}

/** The real path, or undefined for a dangling symbolic link. */
function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a path input relative to the workspace and refuses anything outside it (`..`, absolute paths elsewhere,
 * symbolic links leading out). `mustExist` checks existence and kind.
 */
export function workspacePath(input: string, value: string, options: { mustExist?: 'file' | 'directory' | 'any' } = {}): string {
  const root = workspaceRoot();
  const full = resolve(root, value);
  const inside = (p: string, base: string) => {
    const rel = relative(base, p);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  if (!inside(full, root)) {
    throw new ConfigurationError(
      `Input "${input}" has the path ${shown(value)}, which is outside the workspace; use a path inside GITHUB_WORKSPACE.`,
      input,
    );
  }
  if (!options.mustExist && existsSync(root)) {
    // A path to be written: whatever part of it exists (the file itself when it is a link, else its nearest existing
    // folder) must resolve inside the workspace, so that a symbolic link cannot redirect the write elsewhere.
    let existing = full;
    while (!lstatExists(existing) && dirname(existing) !== existing) existing = dirname(existing);
    const real = realOrUndefined(existing);
    if (real === undefined || !inside(real, realpathSync(root))) {
      throw new ConfigurationError(
        `Input "${input}" has the path ${shown(value)}, which links outside the workspace; use a path inside GITHUB_WORKSPACE.`,
        input,
      );
    }
    return full;
  }
  if (!options.mustExist) return full;
  if (!existsSync(full)) {
    throw new ConfigurationError(
      `Input "${input}" has the path ${shown(value)}, which does not exist in the workspace (did you forget actions/checkout?).`,
      input,
    );
  }
  const real = realpathSync(full);
  if (!inside(real, realpathSync(root))) {
    throw new ConfigurationError(
      `Input "${input}" has the path ${shown(value)}, which links outside the workspace; use a path inside GITHUB_WORKSPACE.`,
      input,
    );
  }
  const isDir = statSync(real).isDirectory();
  if (options.mustExist === 'file' && isDir) {
    throw new ConfigurationError(`Input "${input}" has the path ${shown(value)}, which is a directory; a file is expected.`, input);
  }
  if (options.mustExist === 'directory' && !isDir) {
    throw new ConfigurationError(`Input "${input}" has the path ${shown(value)}, which is a file; a directory is expected.`, input);
  }
  return real;
}

/** The identity inputs as reports and plans show them (no secrets are part of them). */
export function identityView(identity: AzureIdentityInputs): Record<string, string | undefined> {
  return {
    clientId: identity.clientId,
    tenantId: identity.tenantId,
    subscriptionId: identity.subscriptionId,
    environment: identity.environment.name,
    audience: identity.audience,
  };
}
