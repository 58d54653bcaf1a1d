/**
 * `npm test`: provisions what the suites need (cluster binaries built from Go modules, the sandbox CA), runs jest
 * with NODE_EXTRA_CA_CERTS set (it must be in the environment when node starts), and prints the closing line
 * `N passed, N failed` computed from jest's JSON result. Extra arguments go to jest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSandboxCa } from '../packages/sandbox/src/tls.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });

const env: NodeJS.ProcessEnv = { ...process.env };
if (!env.ARC_CLUSTER_BINS) {
  const started = Date.now();
  const build = spawnSync('bash', [join(root, 'scripts/build-cluster-bins.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('Building the local-cluster binaries failed; see the messages above.');
    process.exit(build.status ?? 1);
  }
  env.ARC_CLUSTER_BINS = build.stdout.trim().split('\n').pop();
  console.log(`[test] cluster binaries ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${env.ARC_CLUSTER_BINS}`);
}
const ca = ensureSandboxCa(join(root, '.sandbox', 'ca'));
env.NODE_EXTRA_CA_CERTS = ca.caCertPath;
env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim();

const resultFile = join(cache, 'jest-results.json');
rmSync(resultFile, { force: true });
// jest's own output goes through live; its tail is kept to read the "Tests:" line if the JSON report cannot be written
// (jest fails to serialise some errors with circular structures).
let tail = '';
const status = await new Promise<number>((resolve) => {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/jest/bin/jest.js'), '--json', '--outputFile', resultFile, ...process.argv.slice(2)],
    {
      cwd: root,
      env,
      stdio: ['inherit', 'inherit', 'pipe'],
    },
  );
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-65_536);
  });
  child.on('close', (code) => resolve(code ?? 1));
});

let line = `0 passed, 1 failed`;
if (existsSync(resultFile)) {
  const r = JSON.parse(readFileSync(resultFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numRuntimeErrorTestSuites: number;
  };
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  line = `${r.numPassedTests} passed, ${failed} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`;
} else {
  // eslint-disable-next-line no-control-regex -- strips terminal colour codes
  const tests = /^Tests:\s+(.*)$/m.exec(tail.replace(/\x1b\[[0-9;]*m/g, ''))?.[1] ?? '';
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(tests)?.[1] ?? 0);
  const suites = Number(/^Test Suites:.*?(\d+) failed/m.exec(tail)?.[1] ?? 0);
  if (tests)
    line = `${count('passed')} passed, ${Math.max(count('failed'), suites)} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`;
}
writeFileSync(join(cache, 'test-summary.txt'), line + '\n');
console.log(line);
process.exit(status);
