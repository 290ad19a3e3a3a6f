// Redis for the behaviour and fault tests: the system's redis-server (Debian's `redis-server` package,
// which scripts/install-test-servers.sh installs; it is not on npm), one server per variant under test,
// each on a free loopback port with its data in a temporary directory. A server of its own per handler
// process makes what the server counts that process's: every connection it accepted is one client the
// handler built (node-redis and ioredis hold one connection per client).
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { freePort } from './postgres.js';
import { findExecutable, startServerProcess, stopServerProcess } from './server-process.js';

export interface RedisBackend {
  name: 'redis';
  description: string;
  /** Nothing shared: each run gets its server's URL from `server()`. */
  env: Record<string, string>;
  /** A new server of its own, for one run. */
  server(): Promise<RedisServer>;
  stop(): Promise<void>;
}

export interface RedisServer {
  url: string;
  /** One command, on a connection of its own (not counted). */
  command(args: string[]): Promise<unknown>;
  /** Connections the server accepted since it last started, from anything but `command`. */
  connections(): Promise<number>;
  /** CLIENT KILL of every client connection; how many. */
  dropConnections(): Promise<number>;
  /** Shuts it down (saving its data); its port then refuses connections. */
  stopServer(): Promise<void>;
  /** Starts it again on the same port, with the saved data. */
  startServer(): Promise<void>;
  close(): Promise<void>;
}

/** Why Redis cannot run here, or undefined when it can. */
export function redisUnavailable(): string | undefined {
  return findExecutable('redis-server') ? undefined : 'redis-server is not installed; scripts/install-test-servers.sh installs it';
}

export async function start(): Promise<RedisBackend> {
  const binary = findExecutable('redis-server');
  if (!binary) throw new Error(redisUnavailable());
  const version = /v=(\S+)/.exec(execFileSync(binary, ['--version'], { encoding: 'utf8' }))?.[1] ?? 'unknown';
  const servers = new Set<RedisServer>();
  return {
    name: 'redis',
    description: `Redis ${version} (the system's redis-server), one server per handler process, no password, no TLS`,
    env: {},
    async server() {
      const server = await startServer(binary, () => servers.delete(server));
      servers.add(server);
      return server;
    },
    async stop() {
      await Promise.allSettled([...servers].map((server) => server.close()));
    },
  };
}

async function startServer(binary: string, onClose: () => void): Promise<RedisServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    // Saved on shutdown (a save point makes SIGTERM save), loaded at the next start: a restart keeps the data.
    '--save', '3600 1',
    '--appendonly', 'no',
    '--daemonize', 'no',
    '--logfile', '',
  ];
  let child: ChildProcess | undefined;
  let ownConnections = 0;

  const command = async (commandArgs: string[]) => {
    const client = createClient({ url, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    ownConnections++;
    await client.connect();
    try {
      return await client.sendCommand(commandArgs);
    } finally {
      client.destroy();
    }
  };
  const up = async () => {
    child ??= await startServerProcess(binary, args, /Ready to accept connections/);
  };
  const down = async () => {
    const running = child;
    child = undefined;
    if (running) await stopServerProcess(running, 'SIGTERM');
  };
  try {
    await up();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    command,
    async connections() {
      const info = String(await command(['INFO', 'stats']));
      const accepted = Number(/total_connections_received:(\d+)/.exec(info)?.[1] ?? Number.NaN);
      return accepted - ownConnections;
    },
    async dropConnections() {
      return Number(await command(['CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes']));
    },
    stopServer: down,
    async startServer() {
      // Counters start again from zero in the new server process.
      if (!child) ownConnections = 0;
      await up();
    },
    async close() {
      await down();
      rmSync(dir, { recursive: true, force: true });
      onClose();
    },
  };
}
