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
