import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseClusterId, parseEnvironment } from '@arc-actions/azure';
import { startSandbox, type Sandbox } from '@arc-actions/sandbox';
import { startFluxReconciler } from '../../../packages/sandbox/src/reconcile/flux.js';
import { parseConfiguration, sourceRef } from '../src/configuration.js';
import type { Inputs } from '../src/inputs.js';
import { applyFleet } from '../src/story.js';

/** The Flux reconciler's emulated branch: with agent emulation off, only the reconciler turns configurations Compliant. */

let sandbox: Sandbox;
let reconciler: { stop(): Promise<void> };
let ids: string[];

function inputs(path: string): Inputs {
  const { config, warnings } = parseConfiguration(
    `name: edge\nsource:\n  gitRepository: {url: 'https://github.com/acme/edge', tag: v1.0.0}\nkustomizations:\n  base: {path: ${path}, prune: true}\n`,
  );
  return {
    identity: {
      clientId: sandbox.identity.clientId,
      tenantId: sandbox.identity.tenantId,
      subscriptionId: sandbox.identity.subscriptionId,
      environment: parseEnvironment(sandbox.env.ARC_SANDBOX_ENVIRONMENT),
      audience: 'api://AzureADTokenExchange',
    },
    source: { config, origin: 'edge.yaml', ref: sourceRef(config.source.gitRepository), auth: { kind: 'none' }, warnings },
    targets: { kind: 'targets', targets: ids.map((id) => parseClusterId(id)) },
    clusterType: 'connectedClusters',
    wait: true,
    timeoutMs: 30_000,
    concurrency: 3,
    deleteMissing: false,
    dryRun: false,
  };
}

beforeAll(async () => {
  sandbox = await startSandbox({ knobs: { emulateAgents: false, lro: { durationMs: 300 } } });
  Object.assign(process.env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: sandbox.env.ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
  });
  sandbox.seedEmulatedClusters(3, { prefix: 'edge' });
  ids = [...sandbox.state.store.ofType('Microsoft.Kubernetes/connectedClusters')]
    .filter((c) => c.name.startsWith('edge-'))
    .map((c) => c.id);
  reconciler = startFluxReconciler(sandbox.state.store, new Map(), { emulatedDelayMs: 300 });
});

afterAll(async () => {
  await reconciler?.stop();
  await sandbox?.stop();
});

describe('Flux reconciler for emulated clusters', () => {
  it('turns a new configuration Compliant after a delay, and a changed one Pending then Compliant again', async () => {
    sandbox.state.setExtensionState(`${ids[1]}/providers/Microsoft.KubernetesConfiguration/extensions/flux`, 'Failed');
    sandbox.state.store.delete(`${ids[2]}/providers/Microsoft.KubernetesConfiguration/extensions/flux`);
    const first = await applyFleet(inputs('./base'), { env: {}, pollIntervalMs: { initial: 100, max: 500 } });
    expect(first.report.targets.map((t) => [t.action, t.status, t.compliance?.state])).toEqual(
      Array(3).fill(['create', 'ok', 'Compliant']),
    );
    expect(first.report.targets.map((t) => t.extension?.outcome)).toEqual(['present', 'repaired', 'installed']);
    const seen: string[] = [];
    const listener = (kind: string, id: string) => {
      if (
        kind === 'fluxConfiguration' &&
        id.toLowerCase() === `${ids[0]}/providers/Microsoft.KubernetesConfiguration/fluxConfigurations/edge`.toLowerCase()
      ) {
        seen.push(String(sandbox.state.get(id)?.properties?.complianceState));
      }
    };
    sandbox.state.on('change', listener);
    const second = await applyFleet(inputs('./base-v2'), { env: {}, pollIntervalMs: { initial: 100, max: 500 } });
    sandbox.state.off('change', listener);
    expect(second.report.targets.map((t) => [t.action, t.status, t.compliance?.state])).toEqual(
      Array(3).fill(['update', 'ok', 'Compliant']),
    );
    expect(seen).toContain('Pending');
    expect(seen[seen.length - 1]).toBe('Compliant');
  });
});
