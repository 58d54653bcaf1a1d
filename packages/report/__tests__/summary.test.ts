import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearSecretsForTesting, maskSecret } from '@arc-actions/core';
import { blocks, STEP_SUMMARY_MAX_BYTES, table, writeStepSummary } from '../src/index.js';

describe('writeStepSummary', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'summary-'));
    file = join(dir, 'summary.md');
    writeFileSync(file, '');
    process.env.GITHUB_STEP_SUMMARY = file;
  });
  afterEach(() => {
    delete process.env.GITHUB_STEP_SUMMARY;
    clearSecretsForTesting();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redacts secrets and cuts to the 1 MiB left in the step summary', async () => {
    maskSecret('summary-secret-99');
    writeFileSync(file, 'x'.repeat(100_000));
    const doc = blocks(
      'Secret: summary-secret-99',
      table(
        ['Cluster', 'État'],
        Array.from({ length: 12_000 }, (_, i) => [`c-${i}`, 'é'.repeat(50)]),
      ),
    );
    const result = await writeStepSummary(doc, { fullReport: 'in the uploaded artifact' });
    const written = readFileSync(file);
    expect(written.length).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(result?.truncated).toBe(true);
    const text = written.toString('utf8');
    expect(text).not.toContain('summary-secret-99');
    expect(text).toContain('Secret: ***');
    expect(text).toContain('of 12,000 shown); see the full JSON report in the uploaded artifact.');
  });

  it('does nothing when switched off', async () => {
    process.env.ARC_ACTIONS_STEP_SUMMARY = 'false';
    try {
      expect(await writeStepSummary('hello')).toBeUndefined();
      expect(readFileSync(file, 'utf8')).toBe('');
    } finally {
      delete process.env.ARC_ACTIONS_STEP_SUMMARY;
    }
  });
});
