import * as core from '@actions/core';
import { log, setOutput } from '@arc-actions/core';
import { runAction } from '@arc-actions/report';
import { readInputs } from './inputs.js';
import { closeAccess, openAccess, openedSummary, type AccessDeps } from './story.js';

/** The names under which the main step leaves the post step what to close (@actions/core saveState/getState). */
export const STATE = { post: 'isPost', pid: 'proxy-pid', dir: 'proxy-dir' } as const;

/**
 * arc-access: opens cluster connect to one connected cluster for the later steps of the job (KUBECONFIG exported),
 * and closes it in the post step. The runner runs this same entry for both; the state saved by the main step tells
 * them apart, as @actions/core documents for post steps.
 */
export async function run(deps: AccessDeps = {}): Promise<void> {
  if (core.getState(STATE.post) === 'true') {
    await runAction('arc-access', async (action) => {
      const pid = Number(core.getState(STATE.pid)) || undefined;
      const dir = core.getState(STATE.dir) || undefined;
      const message = await action.phase('close', () => closeAccess({ pid, dir }));
      log.info(message);
    });
    return;
  }
  core.saveState(STATE.post, 'true');
  await runAction('arc-access', async (action) => {
    const inputs = await action.phase('inputs', async () => readInputs());
    const opened = await action.phase('open', () =>
      openAccess(inputs, {
        ...deps,
        onStarted: (session) => {
          core.saveState(STATE.pid, String(session.pid));
          core.saveState(STATE.dir, session.dir);
          deps.onStarted?.(session);
        },
      }),
    );
    core.exportVariable('KUBECONFIG', opened.kubeconfigPath);
    setOutput('kubeconfig', opened.kubeconfigPath);
    setOutput('cluster-id', inputs.cluster.id);
    setOutput('server-version', opened.serverVersion);
    setOutput('port', String(opened.port));
    log.info(`Cluster connect to ${inputs.cluster.name} is open: KUBECONFIG=${opened.kubeconfigPath} for the later steps of this job.`);
    await action.summary(openedSummary(inputs, opened));
  });
}
