/**
 * Reliability (issue 14): fail closed. Every way the actions used to fail open, tried as an attacker and as a careless
 * user would, as one row each against the sandbox, running the actions' real `run()` the way the runner does (inputs
 * as INPUT_*, the sandbox's OIDC issuer, Entra, ARM, Resource Graph, Policy Insights and GitHub behind them).
 * A row shows the refusal, the message a user reads, and the writes: zero for every refusal.
 *
 * 1. promote never writes what the gate did not evaluate (the file drifted from Azure after apply);
 * 2. an empty selection (typo, look-alike character) fails unless `allow-empty: true`;
 * 3. an answer that is not JSON (a captive portal's HTML page with 200) fails naming endpoint, status and type;
 * 4. a duration needs a unit;
 * 5. transport errors name the service, the operation, the attempts and what was written;
 * 6. validation before any write: CIDR prefixes, definition existence and mode, bare GUIDs, private keys in
 *    proxy-cert, YAML alias bombs and merge keys, the audience diagnostic;
 * 7. honest counts and lists: created counts only successes, exempt objects in the summary and the check run, and a
 *    provenance tag that does not let a Reader test guesses of a Git key.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { everythingVisible, kubeconfig, runStep, type StepResult } from '../actions/arc-connect/__tests__/harness.js';
import { run as arcConnect } from '../actions/arc-connect/src/main.js';
import { run as arcVerify } from '../actions/arc-verify/src/main.js';
import { run as fluxApply } from '../actions/flux-apply/src/main.js';
import type { FleetDeps } from '../actions/flux-apply/src/story.js';
import { run as policyRollout } from '../actions/policy-rollout/src/main.js';

type Action = 'arc-connect' | 'flux-apply' | 'policy-rollout' | 'arc-verify';

let sandbox: Sandbox;
/** The subscription of the emulated clusters (the seed's first) and the identity's default one (no clusters). */
const FLEET_SUB = '5ab5c71b-0000-4000-8001-000000000001';
const EMPTY_SUB = '5ab5c71b-0000-4000-8000-000000000001';
const RG_SCOPE = `/subscriptions/${FLEET_SUB}/resourceGroups/rg-emu-1`;
const NO_PRIVILEGE = '95edb821-ddaf-4404-9732-666045e056b4';
const NBH = '\u2011'; // non-breaking hyphen, looks like "-"
/** A selector in the fleet's subscription: only its tags or groups can make it empty. */
const inFleet = (rest: string) => `subscriptions: ["${FLEET_SUB}"]\n${rest}`;

/** Every row run, with what it showed: the suite prints the count at the end. */
const rows: { item: number; name: string; writes: number }[] = [];

const FLUX = `name: fleet-base
namespace: flux-system
source:
  gitRepository:
    url: https://github.com/acme/fleet-config
    branch: main
kustomizations:
  apps:
    path: ./apps
`;

const identity = () => ({
  'client-id': sandbox.env.ARC_SANDBOX_CLIENT_ID,
  'tenant-id': sandbox.env.ARC_SANDBOX_TENANT_ID,
  'subscription-id': sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID,
  environment: sandbox.env.ARC_SANDBOX_ENVIRONMENT,
});

function good(action: Action): Record<string, string> {
  switch (action) {
    case 'arc-connect':
      return {
        ...identity(),
        'cluster-name': 'edge-fail-closed',
        'resource-group': 'rg-fleet',
        location: 'westeurope',
        kubeconfig: kubeconfig('tok-fail-closed-0001').replace('https://10.0.0.1:6443', 'https://127.0.0.1:1'),
      };
    case 'flux-apply':
      return { ...identity(), configuration: 'gitops/flux.yaml', selector: inFleet('tags:\n  ring: ring-0'), wait: 'false' };
    case 'policy-rollout':
      return { ...identity(), policies: 'policies', mode: 'plan', 'min-soak': '0s', 'sync-allowance': '0s', 'max-staleness': '1h' };
    case 'arc-verify':
      return { ...identity(), selector: inFleet('tags:\n  ring: ring-0'), access: 'none', 'fail-on': 'never' };
  }
}

const RUN: Record<Action, (deps?: FleetDeps) => Promise<void>> = {
  'arc-connect': () => arcConnect(),
  'flux-apply': (deps) => fluxApply(deps),
  'policy-rollout': () => policyRollout(),
  'arc-verify': () => arcVerify(),
};

const WRITE = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);
/** Writes that reached Azure or GitHub (Resource Graph queries and Policy Insights reads are POSTs that read). */
const writes = () =>
  sandbox
    .calls()
    .filter(
      (c) =>
        WRITE.has(c.method) &&
        (c.api === 'arm' || c.api === 'github' || c.api === 'policyinsights') &&
        !/resourcegraph\/resources|queryResults|summarize|listClusterUserCredential/i.test(c.path),
    )
    .map((c) => `${c.method} ${c.path} ${c.status}`);

const policyFile = (body: string) => `assignments:\n${body}`;
const assignment = (o: { name: string; scope: string; definition: string; extra?: string }) =>
  `  - name: ${o.name}\n    scope: ${o.scope}\n    definition: ${o.definition}\n    stage: audit\n${o.extra ?? ''}`;

async function step(
  action: Action,
  inputs: Record<string, string>,
  options: { files?: Record<string, string>; env?: Record<string, string>; deps?: FleetDeps } = {},
): Promise<StepResult> {
  const ws = mkdtempSync(join(tmpdir(), 'arc-fail-closed-'));
  const files = { 'gitops/flux.yaml': FLUX, ...options.files };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    writeFileSync(join(ws, path), content);
  }
  try {
    return await runStep(
      () => RUN[action](options.deps),
      `${action}/action.yml`,
      { ...good(action), ...inputs },
      {
        env: {
          ...sandbox.env,
          GITHUB_REPOSITORY: 'acme/fleet',
          GITHUB_EVENT_NAME: 'push',
          GITHUB_RUN_ID: '14',
          GITHUB_SHA: 'f00d000000000000000000000000000000000014',
          GITHUB_WORKSPACE: ws,
          ...options.env,
        },
      },
    );
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

/** A refusal: failed, one error line that matches, nothing written. Records the row. */
async function refused(item: number, name: string, r: Promise<StepResult>, message: RegExp): Promise<StepResult> {
  const result = await r;
  const written = writes();
  rows.push({ item, name, writes: written.length });
  expect({ name, failed: result.failed }).toEqual({ name, failed: true });
  expect({ name, error: result.errors.join(' | ') }).toEqual({ name, error: expect.stringMatching(message) });
  for (const e of result.errors) expect(e).not.toContain('\n');
  expect({ name, written }).toEqual({ name, written: [] });
  return result;
}

beforeAll(async () => {
  sandbox = await startSandbox({ emulatedClusters: { count: 20, nonCompliantEvery: 0 } });
  expect(sandbox.env.ARC_SANDBOX_SUBSCRIPTION_ID).toBe(EMPTY_SUB);
}, 120_000);

afterAll(async () => {
  const of14 = rows.filter((r) => r.item > 0);
  const clean = of14.filter((r) => r.writes === 0).length;
  const show = (r: (typeof rows)[number]) =>
    `  ${r.item ? `#14.${r.item} ` : ''}${r.name}: ${r.writes < 0 ? 'writes by design (the case is about what is reported)' : `${r.writes} write(s)`}`;
  console.log(
    `fail-closed: ${of14.length} cases of issue 14 (items ${[...new Set(of14.map((r) => r.item))].sort().join(', ')}), ` +
      `${clean} refused with zero writes; ${rows.length - of14.length} reruns of issue 13.7 with zero writes expected\n` +
      rows.map(show).join('\n'),
  );
  await sandbox?.stop();
});

beforeEach(() => {
  sandbox.clearCalls();
  sandbox.setKnobs({ routes: [], lro: { failureRate: 0 } });
});

// ---- 1. promote never writes what the gate did not evaluate ---------------------------------------------------------

describe('1. promote refuses when the file drifted from what Azure evaluated', () => {
  const FILE = (excluded: string[]) =>
    policyFile(
      assignment({
        name: 'no-privileged',
        scope: RG_SCOPE,
        definition: `/providers/Microsoft.Authorization/policyDefinitions/${NO_PRIVILEGE}`,
        extra: `    parameters:\n      excludedNamespaces: [${excluded.join(', ')}]\n`,
      }),
    );
  const ASSIGNMENT = `${RG_SCOPE}/providers/Microsoft.Authorization/policyAssignments/no-privileged`;

  /** Policy states for every cluster in scope, evaluated now: what the add-on reports after apply. */
  function evaluated(): void {
    const clusters = sandbox.state.store
      .ofType('Microsoft.Kubernetes/connectedClusters')
      .filter((c) => c.id.toLowerCase().startsWith(RG_SCOPE.toLowerCase() + '/'));
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters)
      sandbox.state.putPolicyState({
        resourceId: c.id,
        resourceType: 'Microsoft.Kubernetes/connectedClusters',
        policyAssignmentId: ASSIGNMENT,
        policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${NO_PRIVILEGE}`,
        complianceState: 'Compliant',
        timestamp: new Date(Date.now() + 1000).toISOString(),
        components: [],
      });
  }

  it('apply, evaluation, then the file drops "legacy" from excludedNamespaces: promote refuses, writes nothing; unchanged it promotes', async () => {
    const applied = await step('policy-rollout', { mode: 'apply' }, { files: { 'policies/p.yaml': FILE(['legacy']) } });
    expect(applied.errors).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    evaluated();
    sandbox.clearCalls();

    const r = await refused(
      1,
      'promote after the file dropped an exclusion',
      step('policy-rollout', { mode: 'promote' }, { files: { 'policies/p.yaml': FILE([]) } }),
      /Promotion of no-privileged refused: the policy file differs from the assignment in Azure in parameters\.excludedNamespaces.*run apply and wait for an evaluation/,
    );
    expect(JSON.parse(r.outputs.result).assignments[0]).toMatchObject({ action: 'refused', written: false });
    const inAzure = sandbox.state.get(ASSIGNMENT)!;
    expect(inAzure.properties?.parameters?.excludedNamespaces?.value).toContain('legacy');
    expect(inAzure.properties?.parameters?.effect?.value).toBe('Audit');

    // The file drops the parameter altogether (and the system namespaces with it): Azure still has it, so it differs.
    sandbox.clearCalls();
    const dropped = policyFile(
      assignment({
        name: 'no-privileged',
        scope: RG_SCOPE,
        definition: `/providers/Microsoft.Authorization/policyDefinitions/${NO_PRIVILEGE}`,
        extra: '    force-system-namespaces: true\n',
      }),
    );
    await refused(
      1,
      'promote after the file dropped the exclusions parameter',
      step('policy-rollout', { mode: 'promote' }, { files: { 'policies/p.yaml': dropped } }),
      /refused: the policy file differs from the assignment in Azure in parameters\.excludedNamespaces.*run apply and wait for an evaluation/,
    );

    // The file narrows the assignment with a resource selector the gate never saw.
    sandbox.clearCalls();
    await refused(
      1,
      'promote after the file added a resource selector',
      step(
        'policy-rollout',
        { mode: 'promote' },
        {
          files: {
            'policies/p.yaml': `${FILE(['legacy'])}    resource-selectors:\n      - name: west-only\n        selectors:\n          - kind: resourceLocation\n            in: [westeurope]\n`,
          },
        },
      ),
      /differs from the assignment in Azure in resourceSelectors.*run apply and wait for an evaluation/,
    );

    // Control: with the file as it was evaluated, the same gate passes and promote writes the effect only.
    sandbox.clearCalls();
    const ok = await step('policy-rollout', { mode: 'promote' }, { files: { 'policies/p.yaml': FILE(['legacy']) } });
    expect(ok.errors).toEqual([]);
    expect(ok.outputs.promoted).toBe('true');
    expect(writes()).toHaveLength(1);
    expect(sandbox.state.get(ASSIGNMENT)!.properties?.parameters?.effect?.value).toBe('Deny');
  }, 120_000);
});

// ---- 2. empty fleets are not green --------------------------------------------------------------------------------

describe('2. an empty selection fails, repeating the selector and pointing at look-alike characters', () => {
  const LOOKALIKE = inFleet(`tags:\n  ring: "ring${NBH}0"`);
  it.each([
    [
      'flux-apply',
      LOOKALIKE,
      /^Input "selector" selected no cluster: tags \{"ring": "ring\u20110"\}, subscriptions \[5ab5c71b-0000-4000-8001-000000000001\] matched no connectedClusters in subscription\(s\) 5ab5c71b-0000-4000-8001-000000000001\. Check the characters: the tag value "ring\u20110" has U\+2011 \(non-breaking hyphen, looks like "-"\) at position 5\. .*"allow-empty: true"/,
    ],
    [
      'arc-verify',
      LOOKALIKE,
      /^Input "selector" selected no cluster: tags \{"ring": "ring\u20110"\}.*U\+2011 \(non-breaking hyphen.*allow-empty: true/,
    ],
    [
      'flux-apply',
      inFleet('tags:\n  ring: ring-00'),
      /^Input "selector" selected no cluster: tags \{"ring": "ring-00"\}, subscriptions .* matched no connectedClusters/,
    ],
    ['arc-verify', inFleet('resource-groups: [rg-emu-9]'), /^Input "selector" selected no cluster: resource-groups \[rg-emu-9\]/],
  ] as [Action, string, RegExp][])(
    '%s with selector %j fails',
    async (action, selector, message) => {
      await refused(2, `${action} empty selection ${JSON.stringify(selector)}`, step(action, { selector }), message);
    },
    60_000,
  );

  it('policy-rollout plan of an assignment whose scope holds no cluster fails; allow-empty: true accepts it', async () => {
    const files = {
      'policies/p.yaml': policyFile(assignment({ name: 'empty-scope', scope: `/subscriptions/${EMPTY_SUB}`, definition: NO_PRIVILEGE })),
    };
    await refused(
      2,
      'policy-rollout plan on an empty scope',
      step('policy-rollout', {}, { files }),
      /no connected cluster is in its scope.*allow-empty: true/,
    );
    const allowed = await step('policy-rollout', { 'allow-empty': 'true' }, { files });
    expect(allowed.errors).toEqual([]);
  }, 60_000);

  it('allow-empty: true opts in where empty is expected (and still writes nothing)', async () => {
    for (const action of ['flux-apply', 'arc-verify'] as const) {
      const r = await step(action, { selector: LOOKALIKE, 'allow-empty': 'true' });
      expect({ action, errors: r.errors }).toEqual({ action, errors: [] });
      expect(writes()).toEqual([]);
    }
  }, 60_000);
});

// ---- 3. garbage answers are not green -----------------------------------------------------------------------------

describe('3. an answer that is not the promised JSON fails, naming the endpoint, the status and the content type', () => {
  it('Resource Graph answers a captive portal page with 200: arc-verify fails instead of "0 clusters ok"', async () => {
    sandbox.setKnobs({ routes: [{ api: 'graph', faults: { html: 1 } }] });
    await refused(
      3,
      'arc-verify, Resource Graph answers HTML',
      step('arc-verify', {}),
      /Resource Graph answered POST \/providers\/Microsoft\.ResourceGraph\/resources with HTTP 200 and content type "text\/html; charset=utf-8", not the JSON the operation promises \(it begins "Network access Sign in to the network/,
    );
  }, 60_000);

  it('Resource Graph answers HTML: flux-apply fails before any write', async () => {
    sandbox.setKnobs({ routes: [{ api: 'graph', faults: { html: 1 } }] });
    await refused(
      3,
      'flux-apply, Resource Graph answers HTML',
      step('flux-apply', {}),
      /Resource Graph answered POST .* HTTP 200 .*text\/html/,
    );
  }, 60_000);

  it('ARM answers HTML: flux-apply reports every cluster failed with the endpoint, and writes nothing', async () => {
    sandbox.setKnobs({ routes: [{ api: 'arm', faults: { html: 1 } }] });
    const r = await refused(3, 'flux-apply, ARM answers HTML', step('flux-apply', {}), /clusters failed/);
    const results = JSON.parse(r.outputs.results) as { targets: { status: string; message: string }[] };
    expect(results.targets.length).toBeGreaterThan(0);
    for (const t of results.targets) {
      expect(t.status).toBe('fail');
      expect(t.message).toMatch(
        /^ARM GET \/subscriptions\/.*\/fluxConfigurations\/fleet-base failed after 1 attempt \(a read, so nothing was written\): ARM answered GET .* with HTTP 200 and content type "text\/html/,
      );
    }
  }, 60_000);

  it('ARM answers HTML to policy-rollout: the definition check fails before any write', async () => {
    sandbox.setKnobs({ routes: [{ api: 'arm', prefix: '/providers/Microsoft.Authorization', faults: { html: 1 } }] });
    const files = { 'policies/p.yaml': policyFile(assignment({ name: 'html', scope: RG_SCOPE, definition: NO_PRIVILEGE })) };
    await refused(
      3,
      'policy-rollout, ARM answers HTML',
      step('policy-rollout', { mode: 'apply' }, { files }),
      /ARM answered GET \/providers\/Microsoft\.Authorization\/policyDefinitions\/.* HTTP 200 .*text\/html/,
    );
  }, 60_000);
});

// ---- 4. durations need a unit -------------------------------------------------------------------------------------

describe('4. a duration without a unit is refused, saying which units exist', () => {
  it.each([
    ['policy-rollout', 'min-soak', '7'],
    ['policy-rollout', 'max-staleness', '24'],
    ['policy-rollout', 'sync-allowance', '30'],
    ['flux-apply', 'timeout', '600'],
    ['arc-verify', 'cert-expiry-warning', '30'],
  ] as [Action, string, string][])(
    '%s %s: %s',
    async (action, input, value) => {
      const files = { 'policies/p.yaml': policyFile(assignment({ name: 'units', scope: RG_SCOPE, definition: NO_PRIVILEGE })) };
      await refused(
        4,
        `${action} ${input}: ${value}`,
        step(action, { [input]: value }, { files }),
        new RegExp(
          `^Input "${input}" has the value "${value}"; a duration needs a unit: write ${value}d, ${value}h, ${value}m or ${value}s`,
        ),
      );
    },
    60_000,
  );

  it('a Flux configuration interval without a unit is refused too', async () => {
    await refused(
      4,
      'flux-apply configuration sync-interval: 600',
      step('flux-apply', { configuration: FLUX.replace('    branch: main', '    branch: main\n    sync-interval: "600"') }),
      /Input "configuration".*sync-interval/,
    );
  }, 60_000);
});

// ---- 5. transport errors are readable ------------------------------------------------------------------------------

describe('5. transport errors name the service, the operation, the attempts and what was written', () => {
  it.each([
    ['connection reset (socket hang up)', { reset: 1 }],
    ['500 "The service failed to process the request"', { '500': 1 }],
  ])(
    'ARM %s on every flux configuration read',
    async (_name, faults) => {
      sandbox.setKnobs({ routes: [{ api: 'arm', prefix: `/subscriptions/${FLEET_SUB}/resourcegroups/rg-emu-1`, faults }] });
      const r = await refused(
        5,
        `flux-apply, ARM ${_name}`,
        step('flux-apply', { selector: inFleet('resource-groups: [rg-emu-1]') }, { deps: { retryBudget: 0 } }),
        /clusters failed/,
      );
      const results = JSON.parse(r.outputs.results) as { targets: { status: string; message: string }[] };
      for (const t of results.targets) {
        expect(t.status).toBe('fail');
        expect(t.message).toMatch(
          /^ARM GET \/subscriptions\/.*\/fluxConfigurations\/fleet-base failed after [2-9] attempts \(a read, so nothing was written\): \S/,
        );
        expect(t.message).not.toMatch(/Cannot read properties/);
      }
      expect(r.summary).toMatch(/ARM GET .* failed after \d+ attempts/);
    },
    120_000,
  );

  it('policy-rollout apply when Policy Insights fails: the failure says what was written and what was not', async () => {
    sandbox.setKnobs({ routes: [{ api: 'policyinsights', method: 'POST', faults: { '500': 1 } }] });
    const files = { 'policies/p.yaml': policyFile(assignment({ name: 'pi-fails', scope: RG_SCOPE, definition: NO_PRIVILEGE })) };
    const r = await step('policy-rollout', { mode: 'apply' }, { files });
    rows.push({ item: 5, name: 'policy-rollout, Policy Insights fails after the write', writes: -1 });
    expect(r.failed).toBe(true);
    expect(r.errors.join(' ')).toMatch(
      /Policy Insights POST \/subscriptions\/.*triggerEvaluation failed after \d+ attempts \(a write whose outcome is unknown/,
    );
    expect(r.errors.join(' ')).toMatch(/Written: pi-fails; not written: extensions and evaluation\.$/);
  }, 120_000);
});

// ---- 6. validation before any write -------------------------------------------------------------------------------

describe('6. validated before any write', () => {
  it.each([['10.0.0.0/33'], ['::1/129'], ['10.0.0.300/8'], ['10.0.0.0/8/8']])(
    'arc-connect proxy-skip-range %s',
    async (range) => {
      await refused(
        6,
        `arc-connect proxy-skip-range ${range}`,
        step('arc-connect', { 'proxy-https': 'http://proxy.corp:3128', 'proxy-skip-range': `10.0.0.0/8,${range}` }),
        /^Input "proxy-skip-range" has the item .*(prefix length is not a whole number from 0 to (32|128)|not a valid IPv4 or IPv6 address|more than one "\/")/,
      );
    },
    60_000,
  );

  it('arc-connect proxy-cert that contains a PRIVATE KEY is refused and the key never shows', async () => {
    const KEY_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7fakeprivatekeymaterial';
    const pem = `-----BEGIN CERTIFICATE-----\nMIIBfakecert\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n${KEY_BODY}\n-----END PRIVATE KEY-----\n`;
    const r = await refused(
      6,
      'arc-connect proxy-cert with a private key',
      step('arc-connect', { 'proxy-https': 'http://proxy.corp:3128', 'proxy-cert': pem }),
      /^Input "proxy-cert" has content that contains a PRIVATE KEY; pass only the proxy's CA certificate/,
    );
    expect(everythingVisible(r)).not.toContain(KEY_BODY);
  }, 60_000);

  it('a definition that is not Microsoft.Kubernetes.Data is refused before the assignment is written', async () => {
    const id = `/subscriptions/${FLEET_SUB}/providers/Microsoft.Authorization/policyDefinitions/storage-https`;
    sandbox.state.put({
      id,
      name: 'storage-https',
      type: 'Microsoft.Authorization/policyDefinitions',
      properties: {
        policyType: 'Custom',
        mode: 'Indexed',
        displayName: 'Storage needs HTTPS',
        policyRule: { if: {}, then: { effect: 'audit' } },
      },
    });
    const files = { 'policies/p.yaml': policyFile(assignment({ name: 'wrong-mode', scope: RG_SCOPE, definition: id })) };
    await refused(
      6,
      'policy-rollout definition in mode Indexed',
      step('policy-rollout', { mode: 'apply' }, { files }),
      /^policies\/p\.yaml line 2: assignment "wrong-mode" uses the definition .*storage-https \("Storage needs HTTPS"\) has mode "Indexed"; policy-rollout assigns Kubernetes policies only/,
    );
  }, 60_000);

  it('a definition that does not exist is refused before any PUT', async () => {
    const id = `/subscriptions/${FLEET_SUB}/providers/Microsoft.Authorization/policyDefinitions/not-there`;
    const files = { 'policies/p.yaml': policyFile(assignment({ name: 'missing-def', scope: RG_SCOPE, definition: id })) };
    await refused(
      6,
      'policy-rollout definition that does not exist',
      step('policy-rollout', { mode: 'apply' }, { files }),
      /uses .*not-there, which does not exist \(Azure answered PolicyDefinitionNotFound/,
    );
  }, 60_000);

  it('a bare GUID is looked up as a definition and as a set: a definition GUID works, an unknown GUID is named', async () => {
    const defFiles = { 'policies/p.yaml': policyFile(assignment({ name: 'bare-definition', scope: RG_SCOPE, definition: NO_PRIVILEGE })) };
    const planned = await step('policy-rollout', {}, { files: defFiles });
    expect(planned.errors).toEqual([]);
    expect(JSON.parse(planned.outputs.result).assignments[0].message).toMatch(/would be created in Audit/);
    expect(writes()).toEqual([]);
    const unknown = '00000000-1111-2222-3333-444444444444';
    const files = { 'policies/p.yaml': policyFile(assignment({ name: 'bare-unknown', scope: RG_SCOPE, definition: unknown })) };
    await refused(
      6,
      'policy-rollout bare GUID that is neither',
      step('policy-rollout', { mode: 'apply' }, { files }),
      /uses 00000000-1111-2222-3333-444444444444, which is neither a built-in policy definition nor a built-in initiative/,
    );
  }, 60_000);

  const BOMB = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(',')}]`),
  ].join('\n');
  it.each([
    [
      'flux-apply',
      { selector: `tags:\n  ring: ring-0\n${BOMB.replace(/^/gm, '  ')}` },
      {},
      /^Input "selector" line \d+ expands YAML aliases \(\*name\) more than 100 times/,
    ],
    [
      'arc-verify',
      { selector: inFleet('x: &x [1]\ntags: { <<: *x }') },
      {},
      /^Input "selector" line 3 uses a YAML merge key \(<<\).*write the keys out in full/,
    ],
    [
      'policy-rollout',
      {},
      { 'policies/p.yaml': `${BOMB}\n${policyFile(assignment({ name: 'bomb', scope: RG_SCOPE, definition: NO_PRIVILEGE }))}` },
      /^policies\/p\.yaml line \d+ expands YAML aliases/,
    ],
    [
      'policy-rollout',
      {},
      {
        'policies/p.yaml': `defaults: &d { stage: audit }\n${policyFile(`  - name: merged\n    scope: ${RG_SCOPE}\n    definition: ${NO_PRIVILEGE}\n    <<: *d\n`)}`,
      },
      /^policies\/p\.yaml line 6 uses a YAML merge key \(<<\)/,
    ],
  ] as [Action, Record<string, string>, Record<string, string>, RegExp][])(
    '%s: YAML alias bomb or merge key %#',
    async (action, inputs, files, message) => {
      await refused(
        6,
        `${action} YAML ${String(message).includes('merge') ? 'merge key' : 'alias bomb'}`,
        step(action, inputs, { files }),
        message,
      );
    },
    60_000,
  );

  it('an audience mismatch points at the "audience" input first and never at a wider subject', async () => {
    const r = await refused(
      6,
      'flux-apply with a wrong audience input',
      step('flux-apply', { audience: 'api://AzureADTokenExchangeTypo' }),
      /AADSTS700212.*First check the "audience" input of this step: the token was requested for audience "api:\/\/AzureADTokenExchangeTypo"/,
    );
    expect(r.errors.join(' ')).not.toMatch(/Add a federated identity credential|\*/);
  }, 60_000);
});

// ---- 7. honest counts and lists -----------------------------------------------------------------------------------

describe('7. honest counts and lists', () => {
  it('"configuration N created" counts only the creates that succeeded', async () => {
    sandbox.setKnobs({ lro: { failureRate: 1 } });
    const r = await step('flux-apply', { configuration: FLUX.replace('fleet-base', 'always-fails') });
    rows.push({ item: 7, name: 'flux-apply creates that all fail', writes: -1 });
    expect(r.failed).toBe(true);
    const results = JSON.parse(r.outputs.results) as { counts: Record<string, number>; targets: unknown[] };
    expect(results.targets.length).toBeGreaterThan(0);
    expect(results.counts).toMatchObject({ create: 0, notWritten: results.targets.length });
    expect(r.summary).toContain(`configuration 0 created, 0 updated, 0 unchanged, 0 deleted, ${results.targets.length} not written`);
  }, 120_000);

  it('exempt objects are listed in the step summary and the check run, not only in an output', async () => {
    const scope = `/subscriptions/${FLEET_SUB}/resourceGroups/rg-emu-2`;
    const id = `${scope}/providers/Microsoft.Authorization/policyAssignments/with-exemptions`;
    const cluster = sandbox.state.store
      .ofType('Microsoft.Kubernetes/connectedClusters')
      .find((c) => c.id.toLowerCase().startsWith(scope.toLowerCase() + '/'))!;
    sandbox.state.putPolicyState({
      resourceId: cluster.id,
      resourceType: 'Microsoft.Kubernetes/connectedClusters',
      policyAssignmentId: id,
      policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${NO_PRIVILEGE}`,
      complianceState: 'Compliant',
      components: [{ id: 'legacy/old-agent', type: 'Pod', name: 'old-agent', complianceState: 'Exempt' }],
    });
    const files = { 'policies/p.yaml': policyFile(assignment({ name: 'with-exemptions', scope, definition: NO_PRIVILEGE })) };
    const r = await step('policy-rollout', { 'github-token': sandbox.env.GITHUB_TOKEN }, { files });
    rows.push({
      item: 7,
      name: 'exempt objects in summary and check run',
      writes: writes().filter((w) => !w.includes('check-runs')).length,
    });
    expect(r.errors).toEqual([]);
    expect(r.summary).toMatch(/\*\*Exempt:\*\* 1 objects are exempted/);
    expect(r.summary).toMatch(/\| .* \| 95edb821-ddaf-4404-9732-666045e056b4 \| Pod \| legacy \| old-agent \|/);
    const check = sandbox.github.checkRunsOf('acme', 'fleet').at(-1)!;
    expect(check.output.summary).toContain('old-agent');
    expect(writes().filter((w) => !/check-runs/.test(w))).toEqual([]);
  }, 60_000);

  it('the provenance tag does not let a Reader test a guessed Git key; a rerun writes nothing', async () => {
    const KEY = 'ghp_weakguessablekey1';
    const inputs = {
      selector: inFleet('resource-groups: [rg-emu-3]'),
      'https-key': KEY,
      'https-user': 'git',
      configuration: FLUX.replace('fleet-base', 'fingerprinted'),
    };
    const first = await step('flux-apply', inputs);
    expect(first.errors).toEqual([]);
    const clusters = sandbox.state.store
      .ofType('Microsoft.Kubernetes/connectedClusters')
      .filter((c) => /\/resourcegroups\/rg-emu-3\//i.test(c.id));
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      const tag = Object.entries(c.tags ?? {}).find(([k]) => k.toLowerCase() === 'arc-actions.flux.fingerprinted')?.[1] ?? '';
      const fluxId = `${c.id}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/fingerprinted`;
      // What a Reader would compute for a guess under the old design, and under any unkeyed hash of id + guess.
      const guess = JSON.stringify({ httpsKey: Buffer.from(KEY).toString('base64') });
      const offline = createHash('sha256').update(fluxId.toLowerCase()).update('\n').update(guess).digest('hex').slice(0, 32);
      expect(tag).toMatch(/^settings=set-httpsKey; source=/);
      expect(tag).not.toContain(offline);
      expect(tag).not.toMatch(/[0-9a-f]{32}/);
    }
    sandbox.clearCalls();
    const rerun = await step('flux-apply', inputs);
    rows.push({ item: 7, name: 'flux-apply rerun after the fingerprint change', writes: writes().length });
    expect(rerun.errors).toEqual([]);
    expect(writes()).toEqual([]);
    expect(JSON.parse(rerun.outputs.results).counts).toMatchObject({ unchanged: clusters.length, create: 0, update: 0 });
  }, 120_000);
});

// ---- issue 13, item 7: custom definitions live at their own scope -------------------------------------------------

describe('13.7 custom definitions are written and read at their own subscription or management group', () => {
  const TEMPLATE = `apiVersion: templates.gatekeeper.sh/v1
kind: ConstraintTemplate
metadata: { name: k8snolatest }
spec:
  crd: { spec: { names: { kind: K8sNoLatest } } }
  targets:
    - target: admission.k8s.gatekeeper.sh
      rego: |
        package k8snolatest
        violation[{"msg": "latest"}] { endswith(input.review.object.spec.containers[_].image, ":latest") }
`;
  const custom = (scope: string, name: string) =>
    `${policyFile(assignment({ name, scope, definition: 'custom:no-latest-tag' }))}definitions:\n  - name: no-latest-tag\n    constraint-template: templates/no-latest.yaml\n`;
  const DEFINITIONS = 'Microsoft.Authorization/policyDefinitions/no-latest-tag';

  it.each([
    ['a subscription that is not the run default', `/subscriptions/${FLEET_SUB}`, `/subscriptions/${FLEET_SUB}`],
    [
      'a management group',
      '/providers/Microsoft.Management/managementGroups/fleet-emulated',
      '/providers/Microsoft.Management/managementGroups/fleet-emulated',
    ],
    ['a resource group (the definition goes to its subscription)', RG_SCOPE, `/subscriptions/${FLEET_SUB}`],
  ])(
    'at %s',
    async (_where, scope, home) => {
      const files = { 'policies/p.yaml': custom(scope, 'no-latest'), 'policies/templates/no-latest.yaml': TEMPLATE };
      const first = await step('policy-rollout', { mode: 'apply' }, { files });
      expect(first.errors).toEqual([]);
      const definitionWrites = writes().filter((w) => /policyDefinitions\/no-latest-tag/i.test(w));
      expect(definitionWrites.length).toBeLessThanOrEqual(1);
      for (const w of definitionWrites)
        expect(w).toMatch(new RegExp(`^PUT ${home.replace(/[/.]/g, '\\$&')}/providers/${DEFINITIONS} 20[01]$`, 'i'));
      expect(sandbox.state.get(`${home}/providers/${DEFINITIONS}`)).toBeDefined();
      expect(sandbox.state.get(`/subscriptions/${EMPTY_SUB}/providers/${DEFINITIONS}`)).toBeUndefined();
      const assignmentId = `${scope}/providers/Microsoft.Authorization/policyAssignments/no-latest`;
      expect(String(sandbox.state.get(assignmentId)?.properties?.policyDefinitionId).toLowerCase()).toBe(
        `${home}/providers/${DEFINITIONS}`.toLowerCase(),
      );
      // Read back where it lives: a rerun writes no definition and no assignment.
      sandbox.clearCalls();
      const again = await step('policy-rollout', { mode: 'apply' }, { files });
      expect(again.errors).toEqual([]);
      rows.push({
        item: 0,
        name: `13.7 custom definition at ${_where}, rerun`,
        writes: writes().filter((w) => /policy(Definitions|Assignments)/i.test(w)).length,
      });
      expect(writes().filter((w) => /policy(Definitions|Assignments)/i.test(w))).toEqual([]);
    },
    120_000,
  );
});
