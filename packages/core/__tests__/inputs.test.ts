import { afterEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import {
  booleanInput,
  ConfigurationError,
  durationInput,
  enumInput,
  integerInput,
  listInput,
  optionalString,
  requiredString,
  yamlInput,
} from '../src/index.js';

const env = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
const set = (name: string, value: string) => (process.env[env(name)] = value);
afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
});

/** Runs a reader and returns its error, asserting it is a one-line ConfigurationError naming the input. */
function failure(name: string, read: () => unknown): string {
  let caught: unknown;
  try {
    read();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigurationError);
  const message = (caught as Error).message;
  expect(message).toContain(`"${name}"`);
  expect(message).not.toContain('\n');
  return message;
}

describe('input helpers', () => {
  it('requiredString names the empty input and says where to set it', () => {
    expect(failure('cluster-name', () => requiredString('cluster-name'))).toMatch(/required.*with:/);
    set('cluster-name', 'eks-prod');
    expect(requiredString('cluster-name')).toBe('eks-prod');
  });

  it('patterns name the value and what is allowed', () => {
    set('location', 'West Europe!');
    const message = failure('location', () =>
      requiredString('location', { pattern: { regex: /^[a-z0-9]+$/, description: 'an Azure region name such as westeurope' } }),
    );
    expect(message).toContain('"West Europe!"');
    expect(message).toContain('such as westeurope');
  });

  it('secret values are never echoed in errors', () => {
    set('kubeconfig', 'super-secret-token-value');
    const message = failure('kubeconfig', () =>
      optionalString('kubeconfig', { secret: true, pattern: { regex: /^apiVersion/, description: 'a kubeconfig' } }),
    );
    expect(message).not.toContain('super-secret-token-value');
  });

  it('booleans are strict true|false', () => {
    expect(booleanInput('dry-run', false)).toBe(false);
    set('dry-run', 'TRUE');
    expect(booleanInput('dry-run', false)).toBe(true);
    set('dry-run', 'yes');
    expect(failure('dry-run', () => booleanInput('dry-run', false))).toContain('"yes"; allowed: true or false');
  });

  it('durations parse and reject with an example', () => {
    expect(durationInput('timeout', { default: '15m' })).toBe(900_000);
    set('timeout', '1h30m');
    expect(durationInput('timeout', { default: '15m' })).toBe(5_400_000);
    set('timeout', '15 minutes');
    expect(failure('timeout', () => durationInput('timeout', { default: '15m' }))).toMatch(
      /"15 minutes", which is not a duration.*such as 15m/,
    );
    set('timeout', '7');
    expect(failure('timeout', () => durationInput('timeout', { default: '15m' }))).toBe(
      'Input "timeout" has the value "7"; a duration needs a unit: write 7d, 7h, 7m or 7s (units: s, m, h, d, w).',
    );
    set('timeout', '2s');
    expect(failure('timeout', () => durationInput('timeout', { default: '15m', min: '1m', max: '2h' }))).toContain('from 1m to 2h');
  });

  it('enums list the allowed values', () => {
    set('mode', 'Apply');
    expect(enumInput('mode', ['plan', 'apply', 'promote'])).toBe('apply');
    set('mode', 'deploy');
    expect(failure('mode', () => enumInput('mode', ['plan', 'apply', 'promote']))).toContain('allowed: plan, apply, promote');
  });

  it('integers give their range', () => {
    set('concurrency', '0');
    expect(failure('concurrency', () => integerInput('concurrency', { default: 10, min: 1, max: 64 }))).toContain('from 1 to 64');
  });

  it('lists split on lines and commas, and check each item', () => {
    set('principals', 'a, b\n# comment\nc');
    expect(listInput('principals')).toEqual(['a', 'b', 'c']);
    set('principals', 'a,b!');
    expect(failure('principals', () => listInput('principals', { item: { regex: /^\w+$/, description: 'a word' } }))).toContain('"b!"');
  });

  it('YAML blocks report the line and path of a schema error', () => {
    set('tags', 'env: prod\nowner:\n  - not-a-string\n');
    const message = failure('tags', () => yamlInput('tags', z.record(z.string(), z.string())));
    expect(message).toMatch(/line 3 at "owner"/);
    set('tags', 'env: [prod');
    expect(failure('tags', () => yamlInput('tags', z.record(z.string(), z.string())))).toContain('not valid YAML');
  });

  it('oversized values are refused before use', () => {
    set('tags', 'x'.repeat(70_000));
    expect(failure('tags', () => optionalString('tags'))).toContain('at most 65536');
  });
});
