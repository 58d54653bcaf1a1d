import { redact } from '@arc-actions/core';
import { ANNOTATION_MESSAGE_MAX_BYTES, ANNOTATION_TITLE_MAX_CHARS, ANNOTATIONS_PER_REQUEST, LIMITS } from './limits.js';
import type { Octokit } from './octokit.js';
import { fitMarkdown } from './truncate.js';

export type AnnotationLevel = 'notice' | 'warning' | 'failure';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required';

/** An annotation as the Checks API takes it: `path` relative to the repository root, 1-based lines. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line?: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOptions {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: readonly CheckAnnotation[];
  detailsUrl?: string;
  /** Where the full report is, for the truncation note. */
  fullReport?: string;
}

export interface CheckRunResult {
  id: number;
  htmlUrl: string;
  /** False when an existing check run with this name on this SHA was updated (a rerun). */
  created: boolean;
  /** Annotations sent; those already on a rerun's check run are not sent again. */
  annotationsSent: number;
  /** Create and update calls made (annotations go out 50 per call). */
  writes: number;
  truncated: boolean;
}

function cutBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = Buffer.from(text)
    .subarray(0, max - 3)
    .toString('utf8');
  if (out.endsWith('\uFFFD')) out = out.slice(0, -1);
  return `${out}…`;
}

/** Paths as GitHub matches them: forward slashes, relative to the repository root. */
export function normaliseAnnotation(
  a: CheckAnnotation,
): Required<Pick<CheckAnnotation, 'path' | 'start_line' | 'end_line' | 'annotation_level' | 'message'>> & CheckAnnotation {
  const start = Math.max(1, Math.floor(a.start_line));
  const end = Math.max(start, Math.floor(a.end_line ?? start));
  const out: CheckAnnotation & { end_line: number } = {
    path: a.path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, ''),
    start_line: start,
    end_line: end,
    annotation_level: a.annotation_level,
    message: cutBytes(redact(a.message), ANNOTATION_MESSAGE_MAX_BYTES) || '(no message)',
  };
  // Columns are only allowed when the annotation is on one line.
  if (start === end && a.start_column !== undefined) {
    out.start_column = a.start_column;
    out.end_column = a.end_column ?? a.start_column;
  }
  if (a.title) out.title = [...redact(a.title)].slice(0, ANNOTATION_TITLE_MAX_CHARS).join('');
  if (a.raw_details) out.raw_details = cutBytes(redact(a.raw_details), ANNOTATION_MESSAGE_MAX_BYTES);
  return out;
}

const annotationKey = (a: CheckAnnotation): string =>
  JSON.stringify([a.path, a.start_line, a.end_line ?? a.start_line, a.annotation_level, a.message, a.title ?? '']);

/**
 * Creates the check run, or updates the latest one with the same name on the same SHA so that a rerun does not
 * add a second one. Annotations go out 50 per request: the first batch with the create/update call, the rest
 * with further updates. GitHub appends annotations on every update, so on a rerun the ones already present
 * are not sent again.
 */
export async function publishCheckRun(octokit: Octokit, options: CheckRunOptions): Promise<CheckRunResult> {
  const { owner, repo, name, headSha } = options;
  const summary = fitMarkdown(redact(options.summary), LIMITS.checkRunSummary, { fullReport: options.fullReport });
  const text =
    options.text === undefined ? undefined : fitMarkdown(redact(options.text), LIMITS.checkRunText, { fullReport: options.fullReport });
  const title = redact(options.title);

  const existing = (
    await octokit.paginate(octokit.rest.checks.listForRef, { owner, repo, ref: headSha, check_name: name, filter: 'latest', per_page: 100 })
  )
    .filter((run) => run.name === name)
    .sort((a, b) => b.id - a.id)[0];

  const seen = new Set<string>();
  if (existing && existing.output.annotations_count > 0) {
    const present = await octokit.paginate(octokit.rest.checks.listAnnotations, { owner, repo, check_run_id: existing.id, per_page: 100 });
    for (const a of present) {
      seen.add(
        annotationKey({
          path: a.path,
          start_line: a.start_line,
          end_line: a.end_line,
          annotation_level: a.annotation_level as AnnotationLevel,
          message: a.message ?? '',
          title: a.title || undefined,
        }),
      );
    }
  }
  const annotations = (options.annotations ?? []).map(normaliseAnnotation).filter((a) => {
    const key = annotationKey(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const batches: (typeof annotations)[] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));

  const output = (batch: typeof annotations | undefined) => ({
    title,
    summary: summary.text,
    ...(text ? { text: text.text } : {}),
    ...(batch?.length ? { annotations: batch } : {}),
  });
  const common = {
    owner,
    repo,
    name,
    status: 'completed' as const,
    conclusion: options.conclusion,
    ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
  };
  const first = existing
    ? await octokit.rest.checks.update({ ...common, check_run_id: existing.id, output: output(batches[0]) })
    : await octokit.rest.checks.create({ ...common, head_sha: headSha, output: output(batches[0]) });
  const id = first.data.id;
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: id, output: { title, summary: summary.text, annotations: batch } });
  }
  return {
    id,
    htmlUrl: first.data.html_url ?? '',
    created: !existing,
    annotationsSent: annotations.length,
    writes: Math.max(1, batches.length),
    truncated: summary.truncated || Boolean(text?.truncated),
  };
}
