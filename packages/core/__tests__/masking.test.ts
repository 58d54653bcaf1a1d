import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { clearSecretsForTesting, log, maskSecret, redact, setOutput } from '../src/index.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECRET = 'ghp_plantedSecretValue123';
let written: string[] = [];
let restore: () => void;

beforeEach(() => {
  written = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  });
  restore = () => spy.mockRestore();
  process.env.RUNNER_DEBUG = '1';
});
afterEach(() => {
  restore();
  clearSecretsForTesting();
  delete process.env.RUNNER_DEBUG;
});

describe('masking', () => {
  it('registers the secret with the runner and hides it in every logger method', async () => {
    maskSecret(SECRET);
    expect(written.join('')).toContain(`::add-mask::${SECRET}`);
    written = [];
    log.info(`info ${SECRET}`);
    log.debug(`debug ${SECRET}`);
    log.notice(`notice ${SECRET}`);
    log.warning(`warning ${SECRET}`);
    log.error(`error ${SECRET}`);
    await log.group(`group ${SECRET}`, async () => log.info('inside'));
    const out = written.join('');
    for (const method of ['info', 'debug', 'notice', 'warning', 'error', 'group']) expect(out).toContain(`${method} ***`);
    expect(out).not.toContain(SECRET);
  });

  it('registers each line of a multi-line secret, as the runner masks line by line', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAplanted\n-----END RSA PRIVATE KEY-----';
    maskSecret(key);
    expect(redact('line: MIIEowIBAAKCAQEAplanted')).toBe('line: ***');
  });

  it('redacts outputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'out-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    maskSecret(SECRET);
    setOutput('plan', { token: SECRET });
    expect(readFileSync(process.env.GITHUB_OUTPUT, 'utf8')).not.toContain(SECRET);
  });
});
