import { ConfigurationError } from '@arc-actions/core';
import { readDefinitionById, type ArmClients, type DefinitionRecord } from '@arc-actions/azure';
import type { BootstrapSpec } from '../policy-file/load.js';

/** What a bootstrap assignment deploys with, read from its definition before anything is written. */
export interface ResolvedBootstrap {
  spec: BootstrapSpec;
  displayName: string;
  effect: 'DeployIfNotExists' | 'Modify';
  /** `then.details.roleDefinitionIds`: the roles the assignment's identity needs at the assignment scope. */
  roleDefinitionIds: string[];
  /** The related resource type whose existence the policy checks (e.g. Microsoft.KubernetesConfiguration/extensions). */
  deploys?: string;
}

const PARAM_REF = /^\[parameters\('([^']+)'\)\]$/i;

/**
 * Refuses, before any write, a bootstrap entry whose definition does not exist, whose effect is not DeployIfNotExists
 * or Modify (audit/deny definitions belong under `assignments:`, where the promotion gate judges them), that names
 * no `roleDefinitionIds`, or whose parameters the definition does not declare, misses or does not allow.
 */
export async function resolveBootstrap(clients: ArmClients, subscriptionId: string, spec: BootstrapSpec): Promise<ResolvedBootstrap> {
  const where = `${spec.file} line ${spec.line}: bootstrap "${spec.name}"`;
  const refuse = (message: string): never => {
    throw new ConfigurationError(`${where} ${message}`, 'policies');
  };
  const found: DefinitionRecord | undefined = spec.custom
    ? (spec.custom.properties as DefinitionRecord)
    : /\/policySetDefinitions\//i.test(spec.definitionId)
      ? refuse(`uses the initiative ${spec.definitionId}; bootstrap takes single DeployIfNotExists or Modify definitions.`)
      : await readDefinitionById(clients, subscriptionId, spec.definitionId);
  if (!found) return refuse(`uses ${spec.definitionId}, which does not exist (Azure answered PolicyDefinitionNotFound); check the id.`);
  const declared = found.parameters ?? {};
  const name = found.displayName ?? spec.definitionId;
  for (const key of Object.keys(spec.parameters))
    if (!Object.keys(declared).some((d) => d.toLowerCase() === key.toLowerCase()))
      refuse(`sets parameters.${key}, which "${name}" does not declare; it declares: ${Object.keys(declared).join(', ')}.`);
  for (const [key, p] of Object.entries(declared)) {
    const given = Object.entries(spec.parameters).find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (!given && p.defaultValue === undefined) refuse(`does not set parameters.${key}, which "${name}" requires.`);
    if (given && p.allowedValues && !p.allowedValues.some((v) => String(v).toLowerCase() === String(given[1]).toLowerCase()))
      refuse(`sets parameters.${key} to "${String(given[1])}", which "${name}" does not allow; allowed: ${p.allowedValues.join(', ')}.`);
  }
  const then = found.policyRule?.then;
  const ref = PARAM_REF.exec(String(then?.effect ?? ''))?.[1];
  const effect = String(
    ref
      ? (Object.entries(spec.parameters).find(([k]) => k.toLowerCase() === ref.toLowerCase())?.[1] ??
          Object.entries(declared).find(([k]) => k.toLowerCase() === ref.toLowerCase())?.[1].defaultValue)
      : then?.effect,
  );
  const normal =
    effect.toLowerCase() === 'deployifnotexists' ? 'DeployIfNotExists' : effect.toLowerCase() === 'modify' ? 'Modify' : undefined;
  if (!normal)
    refuse(
      `uses "${name}", whose effect is ${effect || 'unknown'}; bootstrap takes DeployIfNotExists or Modify definitions (audit and deny definitions go under assignments:, where the promotion gate judges them).`,
    );
  const roleDefinitionIds = then?.details?.roleDefinitionIds ?? [];
  if (!roleDefinitionIds.length)
    refuse(`uses "${name}", which names no roleDefinitionIds in then.details; its identity would have no role to deploy with.`);
  return { spec, displayName: name, effect: normal!, roleDefinitionIds, deploys: then?.details?.type };
}
