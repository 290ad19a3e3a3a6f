// What the servers installed from the system's packages (Redis, MariaDB) share: finding their binaries,
// and running one as a child process that is ready when its log says so.
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Where Debian puts server binaries, besides the PATH (which may lack the sbin directories). */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The first executable `name` on the PATH or in the system directories; undefined when there is none. */
export function findExecutable(name: string, searchPath = process.env.PATH ?? ''): string | undefined {
  const dirs = [...searchPath.split(path.delimiter).filter(Boolean), ...SYSTEM_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there, or not executable: the next directory.
    }
  }
  return undefined;
}

/** The last lines a server printed, for the error when it does not start. */
export class RecentLines {
  private readonly lines: string[] = [];
  private partial = '';

  add(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    this.lines.splice(0, Math.max(0, this.lines.length - 40));
  }

  toString(): string {
    return [...this.lines, this.partial].join('\n').trim();
  }
}

export interface ServerProcessOptions extends SpawnOptions {
  timeoutMs?: number;
  /** Everything it prints (stdout and stderr), for as long as it runs. */
  onOutput?: (text: string) => void;
}

/**
 * Spawns a server and resolves once its output matches `ready`; rejects, with what it printed, if it
 * exits first or does not get there within `timeoutMs`. A server still running when this process exits
 * is killed with it.
 */
export async function startServerProcess(
  command: string,
  args: readonly string[],
  ready: RegExp,
  options: ServerProcessOptions = {},
): Promise<ChildProcess> {
  const { timeoutMs = 30_000, onOutput: log, ...spawnOptions } = options;
  const recent = new RecentLines();
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  // Read for as long as it runs: a full pipe would block it.
  const forward = (chunk: Buffer) => log?.(chunk.toString('utf8'));
  child.stdout!.on('data', forward);
  child.stderr!.on('data', forward);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      const watch = (chunk: Buffer) => {
        recent.add(chunk.toString('utf8'));
        if (!ready.test(recent.toString())) return;
        clearTimeout(timer);
        child.stdout!.off('data', watch);
        child.stderr!.off('data', watch);
        resolve();
      };
      child.stdout!.on('data', watch);
      child.stderr!.on('data', watch);
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`it exited with ${signal ?? `code ${code}`}`)));
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${path.basename(command)} did not start: ${error instanceof Error ? error.message : String(error)}\n${recent.toString()}`, {
      cause: error,
    });
  }
  return child;
}

/** Stops a server with `signal` and waits until it has exited. */
export function stopServerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
