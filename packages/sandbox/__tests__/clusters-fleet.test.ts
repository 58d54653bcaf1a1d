import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processMemoryMiB, readAgentState, resolveClusterBins, startFleet, stopFleet, type LocalCluster } from '../src/clusters/index.js';

let fleet: LocalCluster[] = [];

afterAll(async () => {
  await stopFleet(fleet);
});

describe('a fleet of local clusters', () => {
  it('starts three named clusters in parallel from the warm binary cache', async () => {
    let t = Date.now();
    const bins = await resolveClusterBins();
    const resolveMs = Date.now() - t;
    t = Date.now();
    fleet = await startFleet(3, await mkdtemp(join(tmpdir(), 'arc-fleet-')));
    const startMs = Date.now() - t;
    expect(fleet.map((c) => c.name)).toEqual(['eks-prod-use1', 'gke-loyalty', 'onprem-dc1']);
    expect(new Set(fleet.map((c) => c.server)).size).toBe(3);
    for (const c of fleet) expect(await readAgentState(c)).toBeUndefined();

    const rows: string[] = [];
    let rss = 0;
    let peak = 0;
    for (const c of fleet) {
      for (const p of c.processes()) {
        const m = await processMemoryMiB(p.pid);
        if (!m) continue;
        rss += m.rss;
        peak += m.peak;
        rows.push(
          `${c.name.padEnd(14)} ${p.name.padEnd(24)} rss ${m.rss.toFixed(0).padStart(5)} MiB  peak ${m.peak.toFixed(0).padStart(5)} MiB`,
        );
      }
    }
    const self = process.resourceUsage().maxRSS / 1024;
    console.log(
      [
        `binaries: ${bins.dir} (resolved in ${resolveMs} ms, warm)`,
        `3 clusters with Gatekeeper started in ${startMs} ms (wall, in parallel, 2 shared cores)`,
        ...fleet.map((c) => `${c.name}: ${JSON.stringify(c.timings)}`),
        ...rows,
        `sum of cluster processes: rss ${rss.toFixed(0)} MiB, sum of per-process peaks ${peak.toFixed(0)} MiB; test process peak ${self.toFixed(0)} MiB`,
      ].join('\n'),
    );
  }, 300000);
});
