import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

/** A child process started in its own process group, with its output appended to a log file. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
  isRunning(): boolean;
  /** SIGTERM to the whole group, then SIGKILL after `graceMs`. Resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Map<number, ChildProcess>();
let hooksInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const pid of live.keys()) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const handler = (): void => {
      for (const pid of live.keys()) killGroup(pid, 'SIGKILL');
      process.off(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

/** Starts `command` detached (own process group) so that stop() and process exit can kill it and its children. */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string },
): ManagedProcess {
  installExitHooks();
  const fd = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`The ${name} process could not be started from ${command}.`);
  const pid = child.pid;
  live.set(pid, child);
  let running = true;
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      live.delete(pid);
      resolve(code ?? signal ?? 0);
    });
    child.once('error', () => {
      running = false;
      live.delete(pid);
      resolve(-1);
    });
  });
  return {
    name,
    pid,
    logFile: options.logFile,
    exited,
    isRunning: () => running,
    async stop(graceMs = 5000) {
      if (!running) return;
      killGroup(pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const done = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs))),
      ]);
      clearTimeout(timer);
      if (!done) {
        killGroup(pid, 'SIGKILL');
        await exited;
      }
      killGroup(pid, 'SIGKILL'); // children left in the group
    },
  };
}

/** Peak resident memory (VmHWM) and current memory (VmRSS) of a process, in MiB, read from /proc. */
export async function processMemoryMiB(pid: number): Promise<{ rss: number; peak: number } | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(/^\w+:\s+(\d+)/m.exec(status.split('\n').find((l) => l.startsWith(key)) ?? '')?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}
