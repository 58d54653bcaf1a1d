import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startFleet, stopFleet } from './clusters/fleet.js';
import type { LocalCluster } from './clusters/cluster.js';
import { startGitServer, type GitServer } from './git-server.js';
import { attachRealClusters, type RealFleet, type RealFleetOptions } from './real-fleet.js';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';

export interface FleetSandbox {
  sandbox: Sandbox;
  clusters: LocalCluster[];
  fleet?: RealFleet;
  /** The loopback git server (HTTP, HTTPS with a token, SSH with a key) the clusters' Flux pulls from, when asked for. */
  git?: GitServer;
  /**
   * The sandbox's variables plus ARC_SANDBOX_KUBECONFIG_<i> (paths) and ARC_SANDBOX_CLUSTER_<i> (names), 1-based, and
   * with the git server ARC_SANDBOX_GIT_{HTTP,HTTPS,SSH,USER,TOKEN,KNOWN_HOSTS,SSH_KEY} (the key PEM, the rest URLs
   * and strings).
   */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The sandbox with `clusters` real local clusters (etcd, kube-apiserver, controller-manager, Gatekeeper) attached:
 * agent emulation is switched off so that only the real agents (installed by arc-connect) report connectivity.
 */
export async function startFleetSandbox(
  options: SandboxOptions & {
    clusters?: number;
    dir?: string;
    auditIntervalSeconds?: number;
    realFleet?: RealFleetOptions;
    /** Start the loopback git server too (its HTTPS certificate comes from the sandbox CA, which the clusters' Flux trusts). */
    gitServer?: boolean | { user?: string; token?: string };
    onProgress?: (message: string) => void;
  } = {},
): Promise<FleetSandbox> {
  const sandbox = await startSandbox(options);
  const count = options.clusters ?? 0;
  let clusters: LocalCluster[] = [];
  let fleet: RealFleet | undefined;
  let git: GitServer | undefined;
  const env: Record<string, string> = { ...sandbox.env };
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'arc-fleet-'));
  try {
    if (options.gitServer) {
      const auth = typeof options.gitServer === 'object' ? options.gitServer : {};
      git = await startGitServer({ dir: join(dir, 'git'), caDir: dirname(sandbox.caCertPath), ...auth });
      Object.assign(env, {
        ARC_SANDBOX_GIT_HTTP: git.http,
        ARC_SANDBOX_GIT_HTTPS: git.https,
        ARC_SANDBOX_GIT_SSH: git.ssh,
        ARC_SANDBOX_GIT_USER: git.user,
        ARC_SANDBOX_GIT_TOKEN: git.token,
        ARC_SANDBOX_GIT_KNOWN_HOSTS: git.knownHosts,
        ARC_SANDBOX_GIT_SSH_KEY: git.sshPrivateKey,
      });
    }
    if (count > 0) {
      options.onProgress?.(`starting ${count} local clusters (etcd, kube-apiserver, kube-controller-manager, Gatekeeper)`);
      clusters = await startFleet(count, dir, {
        auditIntervalSeconds: options.auditIntervalSeconds ?? 5,
      });
      sandbox.setKnobs({ emulateAgents: false });
      fleet = attachRealClusters(sandbox.state.store, clusters, { fluxCaFile: sandbox.caCertPath, ...options.realFleet });
      clusters.forEach((c, i) => {
        env[`ARC_SANDBOX_KUBECONFIG_${i + 1}`] = c.kubeconfigPath;
        env[`ARC_SANDBOX_CLUSTER_${i + 1}`] = c.name;
      });
    }
  } catch (error) {
    await git?.stop();
    await sandbox.stop();
    throw error;
  }
  return {
    sandbox,
    clusters,
    fleet,
    git,
    env,
    async stop() {
      await fleet?.stop();
      if (clusters.length) await stopFleet(clusters);
      await git?.stop();
      await sandbox.stop();
    },
  };
}
