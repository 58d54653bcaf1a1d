import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arcEndpoints, parseEnvironment } from '@arc-actions/azure';
import { allowlistMarkdown, writeAllowlist } from '../src/egress.js';
import type { Inputs } from '../src/inputs.js';

const environment = parseEnvironment('AzureCloud');
const endpoints = arcEndpoints(environment, 'westeurope');
const relays = ['azgnrelay-westeurope-l1.servicebus.windows.net', 'azgnrelay-westeurope-l2.servicebus.windows.net'];
const inputs = (egress: Partial<Inputs['egress']>) =>
  ({ identity: { environment }, cluster: { location: 'westeurope' }, egress: { probe: 'runner', ...egress } }) as unknown as Inputs;

describe('the allowlist file for the proxy team', () => {
  it('writes one host:port a line and the JSON next to it; the next run lists what was added and removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arc-allow-'));
    const first = writeAllowlist(inputs({ allowlistFile: join(dir, 'run1.txt') }), endpoints, relays.slice(0, 1));
    const text = readFileSync(first.file, 'utf8');
    expect(text.split('\n')).toContain('azgnrelay-westeurope-l1.servicebus.windows.net:443');
    expect(text.split('\n')).toContain('westeurope.obo.arc.azure.com:8084');
    expect(text).not.toMatch(/#|purpose/);
    expect(JSON.parse(readFileSync(join(dir, 'run1.json'), 'utf8'))).toMatchObject({
      version: 1,
      cloud: 'AzureCloud',
      location: 'westeurope',
    });
    expect(first.note).toMatch(/no previous-allowlist/);

    // The relay set of the region changed between the runs: l1 went, l2 came.
    const second = writeAllowlist(
      inputs({ allowlistFile: join(dir, 'run2.txt'), previousAllowlist: first.file }),
      endpoints,
      relays.slice(1),
    );
    expect(second.document.added).toEqual(['azgnrelay-westeurope-l2.servicebus.windows.net:443']);
    expect(second.document.removed).toEqual(['azgnrelay-westeurope-l1.servicebus.windows.net:443']);
    const markdown = allowlistMarkdown(second);
    expect(markdown).toContain('Since the previous allowlist: 1 added, 1 removed.');
    expect(markdown).toContain('+ azgnrelay-westeurope-l2.servicebus.windows.net:443');
    expect(markdown).toContain('- azgnrelay-westeurope-l1.servicebus.windows.net:443');

    // The JSON document of a previous run works as well, and an unchanged region reports nothing added or removed.
    const third = writeAllowlist(
      inputs({ allowlistFile: join(dir, 'run3.txt'), previousAllowlist: join(dir, 'run2.json') }),
      endpoints,
      relays.slice(1),
    );
    expect(third.document).toMatchObject({ added: [], removed: [] });
  });

  it('takes the same path as previous-allowlist and allowlist-file (a restored cache): read first, then replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arc-allow-'));
    const file = join(dir, 'edge.txt');
    writeAllowlist(inputs({ allowlistFile: file }), endpoints, relays.slice(0, 1));
    const next = writeAllowlist(inputs({ allowlistFile: file, previousAllowlist: file }), endpoints, relays);
    expect(next.document).toMatchObject({ added: ['azgnrelay-westeurope-l2.servicebus.windows.net:443'], removed: [] });
    expect(readFileSync(file, 'utf8')).toContain('azgnrelay-westeurope-l2.servicebus.windows.net:443\n');
  });

  it('notes a missing previous file (a first run) and refuses one that is not an allowlist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arc-allow-'));
    const missing = writeAllowlist(
      inputs({ allowlistFile: join(dir, 'a.txt'), previousAllowlist: join(dir, 'nope.txt') }),
      endpoints,
      relays,
    );
    expect(missing.note).toMatch(/no previous allowlist at .*nope\.txt \(a first run\?\)/);
    writeFileSync(join(dir, 'bad.txt'), '<html>proxy error</html>');
    expect(() =>
      writeAllowlist(inputs({ allowlistFile: join(dir, 'b.txt'), previousAllowlist: join(dir, 'bad.txt') }), endpoints, relays),
    ).toThrow(
      /Input "previous-allowlist" names .*bad\.txt", which is neither an allowlist JSON document nor a text file of host:port lines\./,
    );
  });
});
