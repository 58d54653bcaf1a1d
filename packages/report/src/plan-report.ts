import * as core from '@actions/core';
import { log, redact, setOutput } from '@arc-actions/core';

/** The phases every action follows (docs/architecture.md: "One shape for every action"). */
export type Phase = 'inputs' | 'credential' | 'targets' | 'plan' | 'apply' | 'observe' | 'report';

export interface PlanStep {
  phase: Phase;
  what: string;
}

export interface ActionPlan {
  action: string;
  dryRun: boolean;
  /** The parsed inputs, with secrets left out or replaced by `***`. */
  inputs: Record<string, unknown>;
  steps: PlanStep[];
}

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The plan as step-summary markdown. */
export function planMarkdown(plan: ActionPlan, note: string): string {
  const rows = plan.steps.map((s) => `| ${s.phase} | ${escapeCell(s.what)} |`).join('\n');
  return [
    `## ${plan.action}: plan${plan.dryRun ? ' (dry run)' : ''}`,
    '',
    note,
    '',
    '| Phase | What this run does |',
    '|---|---|',
    rows,
    '',
    '<details><summary>Validated inputs</summary>',
    '',
    '```json',
    JSON.stringify(plan.inputs, null, 2),
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

/**
 * Reports a plan to the log, the step summary and the `plan` output. Everything is redacted with the registered
 * secrets before it is written, so a secret that slipped into the plan still never leaves the process.
 */
export async function reportPlan(plan: ActionPlan, note: string): Promise<void> {
  await log.group(`${plan.action}: plan`, async () => {
    for (const step of plan.steps) log.info(`${step.phase.padEnd(10)} ${step.what}`);
  });
  setOutput('plan', plan);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(planMarkdown(plan, note))).write();
  log.notice(note);
}
