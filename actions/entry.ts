/**
 * The one entry of the shared bundle (dist/lib). Each action's small entry (dist/<action>/index.js) calls
 * runNamedAction with its name; the action's own code is then loaded as a chunk, and heavy SDKs load later still,
 * only on the paths that need them.
 */
const actions = {
  'arc-connect': () => import('./arc-connect/src/main.js'),
  'flux-apply': () => import('./flux-apply/src/main.js'),
  'policy-rollout': () => import('./policy-rollout/src/main.js'),
  'arc-verify': () => import('./arc-verify/src/main.js'),
  'arc-access': () => import('./arc-access/src/main.js'),
  baseline: () => import('./baseline/src/main.js'),
} satisfies Record<string, () => Promise<{ run: () => Promise<void> }>>;

export type ActionName = keyof typeof actions;

/** The line `readInputs` ends a run with when `client-id`, the first input every action reads, is empty. */
export const MISSING_CLIENT_ID = 'Input "client-id" is required but was empty; set it in the step\'s "with:" block.';

/**
 * Every action reads `client-id` first (readAzureIdentityInputs). Without it the run ends here with the very line the
 * action would print — the runner's `::error::` command and exit code 1, as `core.setFailed` writes them — before the
 * action's chunk, @actions/core or any SDK is loaded, so a missing input fails within Node's own start-up time.
 */
function failedOnMissingClientId(): boolean {
  if ((process.env['INPUT_CLIENT-ID'] ?? '').trim()) return false;
  process.exitCode = 1;
  process.stdout.write(`::error::${MISSING_CLIENT_ID}\n`);
  return true;
}

export async function runNamedAction(name: ActionName): Promise<void> {
  if (failedOnMissingClientId()) return;
  const { run } = await actions[name]();
  await run();
}
