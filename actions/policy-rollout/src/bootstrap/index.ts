import { errorMessage, log } from '@arc-actions/core';
import type { PolicySet } from '../policy-file/load.js';
import { rolloutAccess, type AccessOutcome } from './access.js';
import { renderBootstrap } from './render.js';
import { resolveBootstrap, type ResolvedBootstrap } from './resolve.js';
import { rolloutBootstrap, type BootstrapContext, type BootstrapOutcome } from './rollout.js';

export type { AccessOutcome } from './access.js';
export type { BootstrapOutcome } from './rollout.js';

export interface BootstrapResult {
  bootstrap: BootstrapOutcome[];
  access: AccessOutcome[];
  errors: { assignment: string; error: string }[];
  section?: string;
  written: string[];
}

/**
 * Validates every bootstrap entry against its definition in Azure (before any write: a ConfigurationError is thrown
 * from here), for plan and apply. Promote does not touch bootstrap entries: DeployIfNotExists has no audit → deny.
 */
export async function resolveAllBootstrap(ctx: BootstrapContext, set: PolicySet): Promise<ResolvedBootstrap[]> {
  if (ctx.mode === 'promote') return [];
  const out: ResolvedBootstrap[] = [];
  for (const spec of set.bootstrap) out.push(await resolveBootstrap(ctx.clients, ctx.subscriptionId, spec));
  return out;
}

/** Plans or applies the bootstrap and access sections; failures are reported per entry, never thrown past the report. */
export async function runBootstrap(ctx: BootstrapContext, set: PolicySet, resolved: ResolvedBootstrap[]): Promise<BootstrapResult> {
  const result: BootstrapResult = { bootstrap: [], access: [], errors: [], written: [] };
  if (ctx.mode === 'promote') return result;
  const writes = ctx.mode === 'apply' && !ctx.dryRun;
  for (const r of resolved) {
    try {
      const outcome = await log.group(`${ctx.mode} bootstrap ${r.spec.name}`, () => rolloutBootstrap(r, ctx));
      result.bootstrap.push(outcome);
      log.info(outcome.message);
      if (outcome.written) result.written.push(outcome.name);
      if (outcome.failure) {
        result.errors.push({ assignment: `bootstrap ${outcome.name}`, error: outcome.failure });
        log.error(`${outcome.name}: ${outcome.failure}`, { file: outcome.file, startLine: outcome.line });
      }
    } catch (error) {
      result.errors.push({ assignment: `bootstrap ${r.spec.name}`, error: errorMessage(error) });
      log.error(`${r.spec.name}: ${errorMessage(error)}`, { file: r.spec.file, startLine: r.spec.line });
    }
  }
  if (set.access.length) {
    try {
      result.access = await rolloutAccess(ctx.clients, ctx.subscriptionId, set.access, writes);
      for (const a of result.access) {
        if (a.written) result.written.push(`access ${a.role}`);
        if (a.error) result.errors.push({ assignment: `access ${a.role} for ${a.principalId}`, error: a.error });
      }
    } catch (error) {
      result.errors.push({ assignment: 'access', error: errorMessage(error) });
    }
  }
  result.section = renderBootstrap(result.bootstrap, result.access);
  return result;
}
