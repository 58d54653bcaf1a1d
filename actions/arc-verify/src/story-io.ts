import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, errorMessage, log, runUrl } from '@arc-actions/core';
import { getOctokit, readGitHubTarget, upsertIssue, type Octokit } from '@arc-actions/report';
import type { Inputs } from './inputs.js';
import { renderIssue } from './render.js';
import type { VerifyReport } from './report.js';

/** The files and GitHub objects arc-verify reads and writes besides Azure: previous report, shard reports, the issue. */

export function readPrevious(path: string | undefined): VerifyReport | undefined {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as VerifyReport;
  } catch (error) {
    throw new ConfigurationError(
      `Input "previous-report" names ${path}, which is not a JSON report (${errorMessage(error)}).`,
      'previous-report',
    );
  }
}

export function readShardReports(path: string): VerifyReport[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.json') && !f.endsWith('arc-verify-fleet-report.json'))
        .map((f) => join(path, f))
    : [path];
  const reports = files.flatMap((f) => {
    try {
      const r = JSON.parse(readFileSync(f, 'utf8')) as VerifyReport;
      return r.version === 1 && Array.isArray(r.clusters) ? [r] : [];
    } catch {
      return [];
    }
  });
  if (!reports.length)
    throw new ConfigurationError(`Input "report-path" names ${path}, which holds no arc-verify JSON reports to aggregate.`, 'report-path');
  log.info(`Aggregating ${reports.length} shard reports.`);
  return reports;
}

export async function regressionIssue(
  inputs: Inputs,
  report: VerifyReport,
  octokit?: Octokit,
): Promise<{ outcome: string; number?: number }> {
  const target = readGitHubTarget();
  const client = octokit ?? getOctokit(inputs.githubToken!);
  if (!target) throw new ConfigurationError('GITHUB_REPOSITORY is not set, so the regression issue has no repository.', 'issue');
  const failing = report.clusters.filter((c) => c.status === 'fail');
  const result = await upsertIssue(client, {
    owner: target.owner,
    repo: target.repo,
    label: 'arc-verify',
    title: `Fleet verification: ${failing.length} clusters failing`,
    body: renderIssue(report, runUrl()),
    open: report.status === 'fail',
  });
  return { outcome: result.outcome, number: result.number };
}
