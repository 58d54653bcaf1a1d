import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

  /** A document of exactly `bytes` UTF-8 bytes, mostly two-byte characters (so characters ≠ bytes). */
  const documentOf = (bytes: number): string => {
    const head = '# Fleet\n\n';
    const rest = bytes - Buffer.byteLength(head);
    const doc = head + 'é'.repeat(Math.floor(rest / 2)) + 'x'.repeat(rest % 2);
    expect(Buffer.byteLength(doc)).toBe(bytes);
    return doc;
  };

  it('fills the file to exactly 1,048,576 bytes and never one more: UTF-8 bytes, counting what earlier writes left', async () => {
    // An earlier write of this step (another report, or the same action called twice) left half a mebibyte.
    const earlier = `${'ü'.repeat(262_144)}\n`;
    const room = STEP_SUMMARY_MAX_BYTES - Buffer.byteLength(earlier) - 1; // the newline after the Markdown counts too
    writeFileSync(file, earlier);
    const whole = documentOf(room);
    const fits = await writeStepSummary(whole);
    expect(fits?.truncated).toBe(false);
    expect(statSync(file).size).toBe(STEP_SUMMARY_MAX_BYTES);
    expect(readFileSync(file, 'utf8')).toBe(`${earlier}${whole}\n`);

    // One byte more no longer fits: the runner would drop the whole file at 1,048,577 bytes.
    writeFileSync(file, earlier);
    const over = await writeStepSummary(documentOf(room + 1));
    expect(over?.truncated).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(STEP_SUMMARY_MAX_BYTES);
    expect(readFileSync(file, 'utf8')).toContain("Cut to fit GitHub's step summary limit of 1 MiB");
  });

  it('writes nothing, with a warning, when earlier writes already filled the 1 MiB', async () => {
    writeFileSync(file, 'x'.repeat(STEP_SUMMARY_MAX_BYTES));
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const result = await writeStepSummary('# Fleet\n\nall good');
      expect(result).toMatchObject({ text: '', truncated: true });
      expect(out.mock.calls.map(([chunk]) => String(chunk)).join('')).toMatch(/::warning::The step summary was not written/);
    } finally {
      out.mockRestore();
    }
    expect(statSync(file).size).toBe(STEP_SUMMARY_MAX_BYTES);
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
