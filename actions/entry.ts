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
  baseline: () => import('./baseline/src/main.js'),
} satisfies Record<string, () => Promise<{ run: () => Promise<void> }>>;

export type ActionName = keyof typeof actions;

export async function runNamedAction(name: ActionName): Promise<void> {
  const { run } = await actions[name]();
  await run();
}
