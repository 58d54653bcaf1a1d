import { ConfigurationError, errorMessage, log } from '@arc-actions/core';
import { armClientsFor, type ArmClients, workspaceRoot } from '@arc-actions/azure';
import {
  findStickyComment,
  getOctokit,
  publishCheckRun,
  publishOrWarn,
  readGitHubTarget,
  upsertStickyComment,
  type CheckAnnotation,
  type Octokit,
} from '@arc-actions/report';
import { decodeSnapshot, diffViolations, encodeSnapshot, violationKey, type ComplianceDiff, type Snapshot } from './compliance.js';
import { ensurePolicyExtensions, triggerEvaluations } from './fleet-actions.js';
import type { Inputs } from './inputs.js';
import { loadPolicies, type PolicyAssignmentSpec } from './policy-file/load.js';
import { provenanceFromEnv } from './provenance.js';
import { renderReport } from './render.js';
import { resolveDefinition, type ResolvedDefinition } from './azure-policy.js';
import { customResolved, rolloutAssignment, type AssignmentOutcome } from './rollout.js';

export interface RolloutDeps {
  clients?: ArmClients;
  octokit?: Octokit;
  now?: () => number;
  /** Called with the result before anything goes to GitHub, so that the summary and outputs are written first. */
  onResult?: (result: RolloutResult) => Promise<void> | void;
}

export interface RolloutResult {
  outcomes: AssignmentOutcome[];
  errors: { assignment: string; error: string }[];
  markdown: string;
  promoted: boolean;
  violations: number;
  gate: Record<string, unknown>;
  checkRun?: { id: number; conclusion: string };
  comment?: { id: number; outcome: string };
  failure?: string;
}

const COMMENT_GROUP = 'policies';

export async function runRollout(inputs: Inputs, deps: RolloutDeps = {}): Promise<RolloutResult> {
  const set = loadPolicies(inputs.policies.path, workspaceRoot());
  const specs = inputs.assignment ? set.assignments.filter((a) => a.name === inputs.assignment) : set.assignments;
  if (!specs.length) {
    throw new ConfigurationError(
      `Input "assignment" names "${inputs.assignment}", which is not in the policy files; they define: ${set.assignments.map((a) => a.name).join(', ')}.`,
      'assignment',
    );
  }
  const subscriptionId = inputs.identity.subscriptionId ?? specs.map((s) => /^\/subscriptions\/([^/]+)/.exec(s.scope)?.[1]).find(Boolean);
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

  const diffs: Record<string, ComplianceDiff> = {};
  for (const o of outcomes) diffs[o.name] = diffViolations(previous?.[o.name], o.violations);
  const markdown = renderReport(outcomes, { mode: inputs.mode, dryRun: inputs.dryRun, diffs });
  const violations = outcomes.reduce((n, o) => n + o.violations.length, 0);
  const refused = outcomes.filter((o) => o.action === 'refused');
  const movingToDenyWithViolations = outcomes.filter((o) => o.stage === 'deny' && o.effectAfter !== 'Deny' && o.violations.length > 0);

  const result: RolloutResult = {
    outcomes,
    errors,
    markdown,
    promoted: outcomes.some((o) => o.action === 'promote' && o.written),
    violations,
    gate: Object.fromEntries(
      outcomes
        .filter((o) => o.gate)
        .map((o) => [o.name, { passed: o.gate!.passed, conditions: o.gate!.conditions, exempt: o.gate!.exempt }]),
    ),
  };
  const written = outcomes.filter((o) => o.written).map((o) => o.name);
  const notWritten = [
    ...outcomes.filter((o) => !o.written && o.action !== 'unchanged').map((o) => o.name),
    ...errors.map((e) => e.assignment),
  ];
  const writes = ` Written: ${written.join(', ') || 'nothing'}; not written: ${notWritten.join(', ') || 'nothing'}.`;
  if (errors.length)
    result.failure = `policy-rollout could not finish ${errors.map((e) => `${e.assignment} (${e.error})`).join('; ')}.${writes}`;
  else if (refused.length) result.failure = refused.map((o) => o.message).join(' ');

  await deps.onResult?.(result);
  if (octokit && target?.sha) {
    const conclusion =
      errors.length || refused.length || (inputs.mode === 'plan' && movingToDenyWithViolations.length) ? 'failure' : 'success';
    const check = await publishOrWarn('check run', () =>
      publishCheckRun(octokit, {
        owner: target.owner,
        repo: target.repo,
        name: inputs.checkName,
        headSha: target.sha,
        conclusion,
        title:
          conclusion === 'success'
            ? `${outcomes.length} assignments, ${violations} NonCompliant objects`
            : movingToDenyWithViolations.length
              ? `${movingToDenyWithViolations.map((o) => o.name).join(', ')} would move to Deny with ${violations} NonCompliant objects`
              : `${refused.length + errors.length} assignments refused or failed`,
        summary: markdown,
        annotations: annotations(outcomes),
      }),
    );
    if (check) result.checkRun = { id: check.id, conclusion };
  }
  if (octokit && target && pullRequest && inputs.comment) {
    const snapshot: Snapshot = {
      ...(previous ?? {}),
      ...Object.fromEntries(outcomes.map((o) => [o.name, o.violations.map(violationKey)])),
    };
    const comment = await publishOrWarn('pull request comment', () =>
      upsertStickyComment(octokit, {
        owner: target.owner,
        repo: target.repo,
        issueNumber: pullRequest,
        action: 'policy-rollout',
        group: COMMENT_GROUP,
        body: `${encodeSnapshot(snapshot)}\n${markdown}`,
      }),
    );
    if (comment) result.comment = { id: comment.id, outcome: comment.outcome };
  }
  return result;
}

function annotations(outcomes: AssignmentOutcome[]): CheckAnnotation[] {
  return outcomes
    .filter((o) => o.violations.length || o.action === 'refused')
    .map((o) => ({
      path: o.file,
      start_line: o.line,
      end_line: o.line,
      annotation_level: o.stage === 'deny' || o.action === 'refused' ? ('failure' as const) : ('warning' as const),
      title: `${o.name}: ${o.violations.length} NonCompliant objects`,
      message:
        o.action === 'refused'
          ? o.message
          : `${o.violations.length} objects would be rejected under Deny: ${o.violations
              .slice(0, 10)
              .map((v) => `${v.cluster} ${v.kind} ${v.namespace ? `${v.namespace}/` : ''}${v.name}`)
              .join(', ')}${o.violations.length > 10 ? ` and ${o.violations.length - 10} more` : ''}.`,
    }));
}
