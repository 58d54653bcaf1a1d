import { ConfigurationError, errorMessage, log } from '@arc-actions/core';
import { armClientsFor, type ArmClients, workspaceRoot } from '@arc-actions/azure';
import { findStickyComment, getOctokit, publishOrWarn, readGitHubTarget, type Octokit } from '@arc-actions/report';
import { decodeSnapshot, diffViolations, type ComplianceDiff, type Snapshot } from './compliance.js';
import { COMMENT_GROUP, publishRollout } from './publish.js';
import { renderExemptions, rolloutExemptions, validateExemptions, type ExemptionOutcome } from './exemptions.js';
import { ensurePolicyExtensions, triggerEvaluations } from './fleet-actions.js';
import type { Inputs } from './inputs.js';
import { loadPolicies, type PolicyAssignmentSpec } from './policy-file/load.js';
import { provenanceFromEnv } from './provenance.js';
import { renderReport } from './render.js';
import { resolveDefinition, type ResolvedDefinition } from './azure-policy.js';
import { customResolved, rolloutAssignment, type AssignmentOutcome } from './rollout.js';
import { renderPreview } from './preview/render.js';
import { runPreview, type PreviewResult } from './preview/run.js';
import { resolveAllBootstrap, runBootstrap, type BootstrapResult } from './bootstrap/index.js';

export interface RolloutDeps {
  clients?: ArmClients;
  octokit?: Octokit;
  now?: () => number;
  /** Called with the result before anything goes to GitHub, so that the summary and outputs are written first. */
  onResult?: (result: RolloutResult) => Promise<void> | void;
  /** How long apply waits for a remediation task it created (default 3 minutes, polled). */
  remediationWaitMs?: number;
}

export interface RolloutResult {
  outcomes: AssignmentOutcome[];
  errors: { assignment: string; error: string }[];
  markdown: string;
  promoted: boolean;
  violations: number;
  gate: Record<string, unknown>;
  /** The deny-impact preview of a plan (absent when preview-access is none or the mode is not plan). */
  preview?: PreviewResult;
  exemptions: ExemptionOutcome[];
  /** The self-bootstrap (DeployIfNotExists) and access sections. */
  bootstrap: BootstrapResult;
  checkRun?: { id: number; conclusion: string };
  comment?: { id: number; outcome: string };
  failure?: string;
}

export async function runRollout(inputs: Inputs, deps: RolloutDeps = {}): Promise<RolloutResult> {
  const all = loadPolicies(inputs.policies.path, workspaceRoot());
  const set = inputs.assignment ? { ...all, bootstrap: all.bootstrap.filter((b) => b.name === inputs.assignment), access: [] } : all;
  const specs = inputs.assignment ? set.assignments.filter((a) => a.name === inputs.assignment) : set.assignments;
  if (!specs.length && (inputs.assignment ? !set.bootstrap.length : !set.bootstrap.length && !set.access.length)) {
    throw new ConfigurationError(
      `Input "assignment" names "${inputs.assignment}", which is not in the policy files; they define: ${[...all.assignments, ...all.bootstrap].map((a) => a.name).join(', ')}.`,
      'assignment',
    );
  }
  const subscriptionId =
    inputs.identity.subscriptionId ??
    [...specs, ...set.bootstrap, ...set.access].map((s) => /^\/subscriptions\/([^/]+)/.exec(s.scope)?.[1]).find(Boolean);
  if (!subscriptionId)
    throw new ConfigurationError(
      'Input "subscription-id" is empty and every assignment is at management-group scope; set subscription-id.',
      'subscription-id',
    );
  const clients = deps.clients ?? (await armClientsFor(inputs.identity));
  const now = deps.now ?? Date.now;
  const target = readGitHubTarget();
  const octokit = deps.octokit ?? (inputs.githubToken ? getOctokit(inputs.githubToken) : undefined);

  const pullRequest = target?.pullRequest;
  let previous: Snapshot | undefined;
  if (octokit && target && pullRequest && inputs.mode === 'plan') {
    previous = decodeSnapshot(
      await publishOrWarn('previous pull request comment', () =>
        findStickyComment(octokit, {
          owner: target.owner,
          repo: target.repo,
          issueNumber: pullRequest,
          action: 'policy-rollout',
          group: COMMENT_GROUP,
        }),
      ),
    );
  }

  const exemptionContext = { clients, subscriptionId, mode: inputs.mode, dryRun: inputs.dryRun, now, provenance: provenanceFromEnv() };
  if (inputs.mode !== 'promote') await validateExemptions(exemptionContext, set);

  const outcomes: AssignmentOutcome[] = [];
  const errors: { assignment: string; error: string }[] = [];
  const ctx = {
    clients,
    subscriptionId,
    mode: inputs.mode,
    dryRun: inputs.dryRun,
    ring: inputs.ring,
    now,
    provenance: provenanceFromEnv(),
    gate: { minSoakMs: inputs.minSoakMs, maxStalenessMs: inputs.maxStalenessMs, syncAllowanceMs: inputs.syncAllowanceMs },
    definitions: set.definitions,
    allowEmpty: inputs.allowEmpty,
  };
  // Before anything is written: every definition the assignments use exists at its own scope and is a Kubernetes
  // one (a bare GUID is looked up as a definition, then as an initiative). A refusal here writes nothing at all.
  const resolved = new Map<PolicyAssignmentSpec, ResolvedDefinition>();
  for (const spec of specs) {
    resolved.set(
      spec,
      spec.definitionId.startsWith('custom:')
        ? customResolved(spec)
        : await resolveDefinition(clients, subscriptionId, spec.definitionId, `${spec.file} line ${spec.line}: assignment "${spec.name}"`),
    );
  }
  const bootstrapContext = { ...exemptionContext, remediationWaitMs: deps.remediationWaitMs ?? 180_000 };
  const bootstrapResolved = await resolveAllBootstrap(bootstrapContext, set);
  for (const spec of specs) {
    try {
      outcomes.push(await log.group(`${inputs.mode} ${spec.name}`, () => rolloutAssignment(spec, ctx, resolved.get(spec)!)));
    } catch (error) {
      errors.push({ assignment: spec.name, error: errorMessage(error) });
      log.error(`${spec.name}: ${errorMessage(error)}`, { file: spec.file, startLine: spec.line });
    }
  }

  if (inputs.mode === 'apply' && !inputs.dryRun && outcomes.length) {
    // After the writes: a failure here is reported with what was written, never thrown past the report.
    try {
      const clusterIds = [...new Set(outcomes.flatMap((o) => o.clusterIds))];
      const installed = Object.assign({}, ...outcomes.map((o) => o.policyExtension));
      const ext = await ensurePolicyExtensions(clients, clusterIds, installed);
      for (const f of ext.failed) errors.push({ assignment: 'azurepolicy extension', error: `${f.cluster}: ${f.error}` });
      const triggered = await triggerEvaluations(clients, outcomes);
      log.info(
        `Policy extension created on ${ext.created.length} clusters; evaluation triggered for ${triggered.join(', ') || 'no subscription scope'}.`,
      );
    } catch (error) {
      errors.push({ assignment: 'extensions and evaluation', error: errorMessage(error) });
      log.error(`extensions and evaluation: ${errorMessage(error)}`);
    }
  }

  const bootstrap = await runBootstrap(bootstrapContext, set, bootstrapResolved);
  errors.push(...bootstrap.errors);

  let exemptions: ExemptionOutcome[] = [];
  try {
    exemptions = await log.group('exemptions', () =>
      rolloutExemptions(
        exemptionContext,
        set,
        specs.filter((s) => outcomes.some((o) => o.name === s.name && o.action !== 'refused')),
      ),
    );
  } catch (error) {
    errors.push({ assignment: 'exemptions', error: errorMessage(error) });
  }
  let preview: PreviewResult | undefined;
  const previewOptions = inputs.preview;
  if (inputs.mode === 'plan' && previewOptions && previewOptions.access !== 'none') {
    preview = await log.group('deny-impact preview', () =>
      runPreview({ clients, subscriptionId, options: previewOptions, definitions: set.definitions }, specs, outcomes),
    );
  }
  const previewFailed = preview?.assignments.filter((a) => a.status === 'failed') ?? [];
  const previewDenied = preview?.assignments.filter((a) => a.stage === 'deny' && a.objects.some((o) => o.verdict === 'denied')) ?? [];

  const diffs: Record<string, ComplianceDiff> = {};
  for (const o of outcomes) diffs[o.name] = diffViolations(previous?.[o.name], o.violations);
  const markdown = renderReport(outcomes, {
    mode: inputs.mode,
    dryRun: inputs.dryRun,
    diffs,
    sections: [bootstrap.section, preview ? renderPreview(preview) : undefined, renderExemptions(exemptions, now())],
  });
  const violations = outcomes.reduce((n, o) => n + o.violations.length, 0);
  const refused = outcomes.filter((o) => o.action === 'refused');
  const movingToDenyWithViolations = outcomes.filter((o) => o.stage === 'deny' && o.effectAfter !== 'Deny' && o.violations.length > 0);

  const result: RolloutResult = {
    outcomes,
    errors,
    markdown,
    preview,
    exemptions,
    bootstrap,
    promoted: outcomes.some((o) => o.action === 'promote' && o.written),
    violations,
    gate: Object.fromEntries(
      outcomes
        .filter((o) => o.gate)
        .map((o) => [o.name, { passed: o.gate!.passed, conditions: o.gate!.conditions, exempt: o.gate!.exempt }]),
    ),
  };
  const written = [...outcomes.filter((o) => o.written).map((o) => o.name), ...bootstrap.written];
  const notWritten = [
    ...outcomes.filter((o) => !o.written && o.action !== 'unchanged').map((o) => o.name),
    ...errors.map((e) => e.assignment),
  ];
  const writes = ` Written: ${written.join(', ') || 'nothing'}; not written: ${notWritten.join(', ') || 'nothing'}.`;
  if (errors.length)
    result.failure = `policy-rollout could not finish ${errors.map((e) => `${e.assignment} (${e.error})`).join('; ')}.${writes}`;
  else if (refused.length) result.failure = refused.map((o) => o.message).join(' ');
  else if (previewFailed.length)
    result.failure = `The deny-impact preview could not be evaluated for ${previewFailed.map((a) => `${a.name} (${a.reason})`).join('; ')}.`;

  await deps.onResult?.(result);
  if (octokit && target) {
    await publishRollout(octokit, target, result, {
      checkName: inputs.checkName,
      comment: inputs.comment,
      previous,
      conclusion:
        errors.length ||
        refused.length ||
        (inputs.mode === 'plan' && (movingToDenyWithViolations.length || previewFailed.length || previewDenied.length))
          ? 'failure'
          : 'success',
      title: movingToDenyWithViolations.length
        ? `${movingToDenyWithViolations.map((o) => o.name).join(', ')} would move to Deny with ${violations} NonCompliant objects`
        : previewFailed.length
          ? `Deny-impact preview not evaluated for ${previewFailed.map((a) => a.name).join(', ')}`
          : previewDenied.length
            ? `${previewDenied.map((a) => `${a.name}: ${a.objects.filter((o) => o.verdict === 'denied').length}`).join(', ')} objects would be denied under Deny`
            : `${refused.length + errors.length} assignments refused or failed`,
    });
  }
  return result;
}
