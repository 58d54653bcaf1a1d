import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseEnvironment } from '@arc-actions/azure';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { parseConfiguration, sourceRef } from '../src/configuration.js';
import type { GitAuth, Inputs } from '../src/inputs.js';
import { applyFleet, type FleetResult } from '../src/story.js';

/**
 * flux-apply's engine against the sandbox's ARM and Resource Graph with 200 emulated clusters (the Arc agents and
 * Flux are emulated by the sandbox): selection by tag, faults, exactly one result per target, zero writes on a
 * rerun, one PATCH per target for a changed kustomization, and no key anywhere in what the run produces.
 */

const HTTPS_KEY = 'ghp_S3cr3tFluxKeyThatMustNeverLeak0001';
const FLEET = 200;
let sandbox: Sandbox;
let subscription: string;
let tagged: Set<string>;

const yaml = (appsPath: string) => `
name: fleet-base
namespace: flux-system
source:
  gitRepository:
    url: https://github.com/acme/fleet-config
    branch: main
    https-user: x-access-token
kustomizations:
  infra:
    path: ./infra
    prune: true
  apps:
    path: ${appsPath}
    depends-on: [infra]
    prune: true
`;

function inputs(appsPath: string, overrides: Partial<Inputs> = {}): Inputs {
  const { config, warnings } = parseConfiguration(yaml(appsPath));
  const auth: GitAuth = { kind: 'https', user: 'x-access-token', key: HTTPS_KEY, from: 'input https-key' };
  return {
    identity: {
      clientId: sandbox.identity.clientId,
      tenantId: sandbox.identity.tenantId,
      subscriptionId: sandbox.identity.subscriptionId,
      environment: parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT),
      audience: 'api://AzureADTokenExchange',
    },
    source: { config, origin: 'clusters/fleet-base.yaml', ref: sourceRef(config.source.gitRepository), auth, warnings },
    targets: {
      kind: 'selector',
      selector: { tags: { team: 'payments' }, subscriptions: [subscription], managementGroups: [], resourceGroups: [] },
    },
    clusterType: 'connectedClusters',
    wait: true,
    timeoutMs: 60_000,
    concurrency: 20,
    deleteMissing: false,
    dryRun: false,
    ...overrides,
  };
}

/** Captures what the run writes to stdout (the Actions log) while `fn` runs. */
async function capture<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    // `::add-mask::` commands register secrets with the runner, which never prints them.
    return {
      value: await fn(),
      log: chunks
        .join('')
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    };
  } finally {
    process.stdout.write = write;
  }
}

const writes = () =>
  sandbox.calls().filter((c) => c.api === 'arm' && ['PUT', 'PATCH', 'DELETE', 'POST'].includes(c.method) && !/resourcegraph/i.test(c.path));
const env = { GITHUB_REPOSITORY: 'acme/fleet', GITHUB_EVENT_NAME: 'push' };

function expectNoSecret(result: FleetResult, log: string): void {
  const b64 = Buffer.from(HTTPS_KEY).toString('base64');
  for (const text of [JSON.stringify(result.report), JSON.stringify(result.matrix), result.summary, result.comment ?? '', log]) {
    expect(text).not.toContain(HTTPS_KEY);
    expect(text).not.toContain(b64);
  }
}

beforeAll(async () => {
  sandbox = await startSandbox();
  Object.assign(process.env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
  });
  const seeded = sandbox.seedEmulatedClusters(FLEET, { tags: { team: 'payments' }, prefix: 'pay' });
  sandbox.seedEmulatedClusters(20, { tags: { team: 'search' }, prefix: 'other' });
  subscription = seeded.subscriptions[0];
  tagged = new Set(
    [...sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters')]
      .filter((c) => c.tags?.team === 'payments')
      .map((c) => c.id.toLowerCase()),
  );
  expect(tagged.size).toBe(FLEET);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('flux-apply on 200 emulated clusters', () => {
  it('selects exactly the tagged clusters and ends with one result per cluster despite 429s and 500s', async () => {
    sandbox.setKnobs({ routes: [{ api: 'arm', faults: { '429': 0.1, '500': 0.1 } }] });
    const { value: result, log } = await capture(() =>
      applyFleet(inputs('./apps'), { env, retryBudget: 400, pollIntervalMs: { initial: 200, max: 1000 } }),
    );
    sandbox.setKnobs({ routes: [] });
    const ids = result.report.targets.map((t) => t.target.toLowerCase());
    expect(ids).toHaveLength(FLEET);
    expect(new Set(ids)).toEqual(tagged);
    expect(result.matrix.include).toHaveLength(FLEET);
    const injected = sandbox.calls().filter((c) => c.error === 'TooManyRequests' || c.error === 'InternalServerError').length;
    console.log(`run 1: ${injected} injected faults; counts ${JSON.stringify(result.report.counts)}`);
    expect(injected).toBeGreaterThan(50);
    const failed = result.report.targets.filter((t) => t.status !== 'ok');
    expect(failed.map((t) => `${t.name}: ${t.message}`)).toEqual([]);
    expect(
      result.report.targets.every((t) => t.action === 'create' && t.compliance?.state === 'Compliant' && t.protectedSettings === 'sent'),
    ).toBe(true);
    expect(result.report.targets[0].compliance?.kustomizations.map((k) => k.name)).toEqual(['infra', 'apps']);
    expectNoSecret(result, log);
    // The untagged clusters were not touched.
    const other = [...sandbox.state.store.ofType('Microsoft.KubernetesConfiguration/fluxConfigurations')].filter(
      (f) => f.name === 'fleet-base' && !tagged.has(f.id.toLowerCase().split('/providers/microsoft.kubernetesconfiguration/')[0]),
    );
    expect(other).toEqual([]);
    // Protected settings reached ARM, and only there.
    const anyFlux = [...sandbox.state.store.ofType('Microsoft.KubernetesConfiguration/fluxConfigurations')].find(
      (f) => f.name === 'fleet-base',
    )!;
    expect(sandbox.state.store.secrets.get(anyFlux.id.toLowerCase())).toEqual({ httpsKey: Buffer.from(HTTPS_KEY).toString('base64') });
    expect(JSON.stringify(anyFlux)).not.toContain(Buffer.from(HTTPS_KEY).toString('base64'));
  });

  it('makes zero writes on a rerun', async () => {
    sandbox.clearCalls();
    const { value: result, log } = await capture(() => applyFleet(inputs('./apps'), { env, pollIntervalMs: { initial: 200, max: 1000 } }));
    expect(writes().map((c) => `${c.method} ${c.path}`)).toEqual([]);
    expect(result.report.counts).toMatchObject({ targets: FLEET, ok: FLEET, unchanged: FLEET });
    expect(result.report.targets.every((t) => t.protectedSettings === 'unchanged')).toBe(true);
    // A fleet is observed through Resource Graph: a few queries, not one GET per cluster per round.
    const graph = sandbox.calls().filter((c) => /resourcegraph/i.test(c.path)).length;
    expect(graph).toBeLessThan(10);
    expectNoSecret(result, log);
  });

  it('changes one kustomization with exactly one PATCH per cluster', async () => {
    sandbox.clearCalls();
    const result = await applyFleet(inputs('./apps-v2'), { env, pollIntervalMs: { initial: 200, max: 1000 } });
    const w = writes();
    expect(w.filter((c) => c.method === 'PATCH' && /fluxconfigurations\/fleet-base$/i.test(c.path))).toHaveLength(FLEET);
    expect(w).toHaveLength(FLEET);
    expect(result.report.counts).toMatchObject({ update: FLEET, ok: FLEET });
    expect(result.report.targets[0].fields).toEqual([{ path: 'kustomizations.apps.path', before: './apps', after: './apps-v2' }]);
    const flux = [...sandbox.state.store.ofType('Microsoft.KubernetesConfiguration/fluxConfigurations')].filter(
      (f) => f.name === 'fleet-base',
    );
    expect(flux.every((f) => f.properties?.kustomizations?.apps?.path === './apps-v2')).toBe(true);
  });

  it('plans without writing on a pull request and renders the sticky comment', async () => {
    sandbox.clearCalls();
    const { value: result, log } = await capture(() =>
      applyFleet(inputs('./apps-v3', { dryRun: true }), { env: { ...env, GITHUB_EVENT_NAME: 'pull_request' } }),
    );
    expect(writes()).toEqual([]);
    expect(result.comment).toContain('| update | 200: ');
    expect(result.comment).toContain('kustomizations.apps.path: ./apps-v2 → ./apps-v3');
    expectNoSecret(result, log);
  });

  it('with delete-missing, deletes the configurations this file managed and nothing else', async () => {
    sandbox.clearCalls();
    const renamed = inputs('./apps-v2', { deleteMissing: true });
    renamed.source.config.name = 'fleet-next';
    const result = await applyFleet(renamed, { env, pollIntervalMs: { initial: 200, max: 1000 } });
    expect(result.report.counts).toMatchObject({ targets: FLEET, ok: FLEET, create: FLEET, delete: FLEET });
    expect(result.report.targets[0].deleted).toEqual(['fleet-base']);
    const names = new Set([...sandbox.state.store.ofType('Microsoft.KubernetesConfiguration/fluxConfigurations')].map((f) => f.name));
    expect(names).toEqual(new Set(['fleet-next', 'cluster-config']));
    const cluster = [...sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters')].find((c) => tagged.has(c.id.toLowerCase()))!;
    expect(Object.keys(cluster.tags ?? {}).filter((k) => k.startsWith('arc-actions.'))).toEqual(['arc-actions.flux.fleet-next']);
  });
});
