import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths.js';

const run = promisify(execFile);

/** Paths of the binaries built by scripts/build-cluster-bins.sh, all in one cache folder. */
export interface ClusterBins {
  dir: string;
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  gatekeeper: string;
  helm: string;
  /** Gatekeeper's CLI (`gator test`), same module and version as `gatekeeper`. */
  gator: string;
  /** The 17 Gatekeeper CRDs (charts/gatekeeper/crds of the Gatekeeper module). */
  gatekeeperCrds: string;
  /** Flux's source-controller and kustomize-controller (the versions microsoft.flux ships) and their CRD folders. */
  sourceController: string;
  kustomizeController: string;
  sourceControllerCrds: string;
  kustomizeControllerCrds: string;
  /** The loopback git server (smart HTTP, HTTPS with basic auth, SSH with keys) of tools/gitserver. */
  gitserver: string;
}

let pending: Promise<ClusterBins> | undefined;

/**
 * Runs scripts/build-cluster-bins.sh (it builds only what is missing, so a warm call takes well under a second)
 * and returns the binaries of the folder it prints on its last line. Memoised per process.
 */
export function resolveClusterBins(): Promise<ClusterBins> {
  pending ??= locate().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

async function locate(): Promise<ClusterBins> {
  const script = join(repoRoot, 'scripts/build-cluster-bins.sh');
  let stdout: string;
  try {
    ({ stdout } = await run('bash', [script], { maxBuffer: 64 * 1024 * 1024, timeout: 60 * 60 * 1000 }));
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '')
      .split('\n')
      .slice(-15)
      .join('\n');
    throw new Error(`The cluster binaries could not be built by ${script}: ${stderr || String(error)}`, { cause: error });
  }
  const dir = stdout.trim().split('\n').pop() ?? '';
  const bins: ClusterBins = {
    dir,
    etcd: join(dir, 'etcd'),
    kubeApiserver: join(dir, 'kube-apiserver'),
    kubeControllerManager: join(dir, 'kube-controller-manager'),
    gatekeeper: join(dir, 'gatekeeper'),
    helm: join(dir, 'helm'),
    gator: join(dir, 'gator'),
    gatekeeperCrds: join(dir, 'gatekeeper-crds'),
    sourceController: join(dir, 'source-controller'),
    kustomizeController: join(dir, 'kustomize-controller'),
    sourceControllerCrds: join(dir, 'source-controller-crds'),
    kustomizeControllerCrds: join(dir, 'kustomize-controller-crds'),
    gitserver: join(dir, 'gitserver'),
  };
  const executables = [bins.etcd, bins.kubeApiserver, bins.kubeControllerManager, bins.gatekeeper, bins.helm, bins.gator];
  for (const path of [...executables, bins.sourceController, bins.kustomizeController, bins.gitserver]) {
    await access(path, constants.X_OK).catch(() => {
      throw new Error(`The cluster binary ${path} is missing after running ${script}.`);
    });
  }
  for (const folder of [bins.gatekeeperCrds, bins.sourceControllerCrds, bins.kustomizeControllerCrds]) {
    await access(folder).catch(() => {
      throw new Error(`The CRD folder ${folder} is missing after running ${script}.`);
    });
  }
  return bins;
}
