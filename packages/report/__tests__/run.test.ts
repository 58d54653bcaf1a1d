import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, maskSecret } from '@arc-actions/core';
import { runAction, type RunContext } from '@arc-actions/report';
import { runStep } from '../../../actions/arc-connect/__tests__/harness.js';
import { MISSING_CLIENT_ID, runNamedAction } from '../../../actions/entry.js';
import { run as fluxApply } from '../../../actions/flux-apply/src/main.js';

/** runAction, the one way a run ends: classified, redacted, summary even on failure, failed once, phases in groups. */
const step = (story: (run: RunContext) => Promise<void>) => runStep(() => runAction('demo', story), 'arc-verify/action.yml', {});

describe('runAction', () => {
  it('a ConfigurationError is its one line, without a prefix or a stack, and the step fails once', async () => {
    const r = await step(async () => {
      throw new ConfigurationError('Input "targets" has "x", which is not a cluster resource id.', 'targets');
    });
    expect(r.failed).toBe(true);
    expect(r.errors).toEqual(['Input "targets" has "x", which is not a cluster resource id.']);
    expect(r.summary).toBe('');
  });

  it('a service error after the inputs is named with the action and still gets a step summary; a secret in it is redacted', async () => {
    const r = await step(async (run) => {
      await run.phase('inputs', async () => maskSecret('s3cr3t-token-value'));
      throw Object.assign(new Error('ARM GET /subscriptions/x failed after 4 attempts (token s3cr3t-token-value)'), { statusCode: 503 });
    });
    expect(r.errors).toEqual(['demo failed: ARM GET /subscriptions/x failed after 4 attempts (token ***)']);
    expect(r.summary).toBe('## demo: failed\n\n> demo failed: ARM GET /subscriptions/x failed after 4 attempts (token ***)\n\n');
    expect(r.stdout).toContain('::group::demo: inputs');
    expect(r.stdout).not.toContain('s3cr3t-token-value\n::error');
  });

  it('a bug says it is a bug of arc-actions, not of the inputs', async () => {
    const r = await step(async () => {
      JSON.stringify((undefined as unknown as { x: number }).x);
    });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^demo failed: .*undefined.* This is a bug in arc-actions, not in your inputs/);
    expect(r.summary).toMatch(/^## demo: failed \(a bug\)/);
  });

  it("fail() keeps the story's own summary and outputs and sets the step failed once, at the end", async () => {
    const r = await step(async (run) => {
      await run.summary('## demo: 2 of 3 clusters failed');
      run.fail('demo: 2 of 3 clusters failed.');
      run.fail('a second reason is not a second failure');
    });
    expect(r.failed).toBe(true);
    expect(r.errors).toEqual(['demo: 2 of 3 clusters failed.']);
    expect(r.summary).toBe('## demo: 2 of 3 clusters failed\n');
  });
});

describe('the bundle entry fails fast on a missing client-id', () => {
  it('with the very line the action itself prints, before the action is loaded', async () => {
    const early = await runStep(() => runNamedAction('flux-apply'), 'flux-apply/action.yml', {});
    const full = await runStep(() => fluxApply(), 'flux-apply/action.yml', {});
    expect(early.errors).toEqual([MISSING_CLIENT_ID]);
    expect(full.errors).toEqual([MISSING_CLIENT_ID]);
    expect(early.failed && full.failed).toBe(true);
  });
});
