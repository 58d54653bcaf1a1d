/**
 * GitHub's size limits for what we publish. Comment and issue bodies are counted in characters; check-run
 * output is validated by GitHub in bytes ("summary exceeds a maximum bytesize of 65535") although the docs
 * say characters, so we cut it in bytes, which satisfies both; the step summary is limited per step in bytes.
 */
export const COMMENT_BODY_MAX_CHARS = 65_536;
export const ISSUE_BODY_MAX_CHARS = 65_536;
export const CHECK_RUN_SUMMARY_MAX_BYTES = 65_535;
export const CHECK_RUN_TEXT_MAX_BYTES = 65_535;
export const ANNOTATIONS_PER_REQUEST = 50;
export const STEP_SUMMARY_MAX_BYTES = 1_048_576;
/** Per annotation: `message` and `raw_details` at most 64 KiB, `title` at most 255 characters. */
export const ANNOTATION_MESSAGE_MAX_BYTES = 65_535;
export const ANNOTATION_TITLE_MAX_CHARS = 255;

export type SizeUnit = 'chars' | 'bytes';

/** A limit and how it is counted, for {@link fitMarkdown}. */
export interface Limit {
  max: number;
  unit: SizeUnit;
  /** How the limit is named in the truncation note. */
  label: string;
}

export const LIMITS = {
  comment: { max: COMMENT_BODY_MAX_CHARS, unit: 'chars', label: 'comment limit of 65,536 characters' },
  issue: { max: ISSUE_BODY_MAX_CHARS, unit: 'chars', label: 'issue limit of 65,536 characters' },
  checkRunSummary: { max: CHECK_RUN_SUMMARY_MAX_BYTES, unit: 'bytes', label: 'check-run summary limit of 65,535 bytes' },
  checkRunText: { max: CHECK_RUN_TEXT_MAX_BYTES, unit: 'bytes', label: 'check-run text limit of 65,535 bytes' },
  stepSummary: { max: STEP_SUMMARY_MAX_BYTES, unit: 'bytes', label: 'step summary limit of 1 MiB' },
} as const satisfies Record<string, Limit>;

export function measure(text: string, unit: SizeUnit): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}
