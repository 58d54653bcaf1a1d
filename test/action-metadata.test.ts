/**
 * What users read about the actions matches what the runner does with them: every action that writes to GitHub takes
 * `github-token` with the runner's own default (`${{ github.token }}`, the job's GITHUB_TOKEN), and the input and
 * output tables of docs/actions/<name>.md say what each action.yml says.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ACTIONS = [
  { name: 'arc-connect', yml: 'arc-connect/action.yml' },
  { name: 'flux-apply', yml: 'flux-apply/action.yml' },
  { name: 'policy-rollout', yml: 'policy-rollout/action.yml' },
  { name: 'arc-verify', yml: 'arc-verify/action.yml' },
  { name: 'arc-access', yml: 'arc-access/action.yml' },
  { name: 'baseline', yml: 'action.yml' },
];

interface Metadata {
  inputs?: Record<string, { default?: unknown; description: string; required?: boolean }>;
  outputs?: Record<string, { description: string }>;
}

const metadata = (yml: string) => parse(readFileSync(join(ROOT, yml), 'utf8')) as Metadata;

/** The rows of the Markdown table under `## <heading>`: first cell (without backticks) → cells. */
function tableUnder(markdown: string, heading: string): Map<string, string[]> {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const section = markdown.slice(start + heading.length + 5).split(/\n## /)[0];
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l));
  return new Map(
    rows.slice(1).map((row) => {
      const cells = row
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      return [cells[0].replace(/`/g, ''), cells];
    }),
  );
}

describe('action metadata', () => {
  it('every action that writes to GitHub defaults github-token to the job GITHUB_TOKEN', () => {
    const withToken = ACTIONS.filter((a) => metadata(a.yml).inputs?.['github-token']);
    expect(withToken.map((a) => a.name)).toEqual(['flux-apply', 'policy-rollout', 'arc-verify']);
    for (const a of withToken)
      expect({ action: a.name, default: metadata(a.yml).inputs!['github-token'].default }).toEqual({
        action: a.name,
        default: '${{ github.token }}',
      });
  });

  it.each(ACTIONS)('docs/actions/$name lists the inputs with their defaults and the outputs of $yml', ({ name, yml }) => {
    const meta = metadata(yml);
    const doc = readFileSync(join(ROOT, 'docs/actions', `${name}.md`), 'utf8');
    const inputs = tableUnder(doc, 'Inputs');
    for (const [input, spec] of Object.entries(meta.inputs ?? {})) {
      const row = inputs.get(input);
      expect({ input, documented: Boolean(row) }).toEqual({ input, documented: true });
      const documentedDefault = row![2].replace(/^`|`$/g, '');
      expect({ input, default: documentedDefault }).toEqual({ input, default: spec.default === undefined ? '' : String(spec.default) });
    }
    const outputs = tableUnder(doc, 'Outputs');
    for (const [output, spec] of Object.entries(meta.outputs ?? {})) {
      expect({ output, description: outputs.get(output)?.[1] }).toEqual({
        output,
        description: spec.description.replace(/\s+/g, ' ').trim(),
      });
    }
    expect([...outputs.keys()].sort()).toEqual(Object.keys(meta.outputs ?? {}).sort());
  });
});
