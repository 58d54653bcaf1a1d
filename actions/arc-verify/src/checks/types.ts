export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** One check of one cluster: its status, why, and how to fix it when it is not ok. */
export interface CheckResult {
  check: string;
  status: CheckStatus;
  reason: string;
  fix?: string;
  evidence?: Record<string, unknown>;
}

export const ARM_CHECKS = ['connectivity', 'agent-version', 'certificate', 'extensions', 'flux', 'policy'] as const;
