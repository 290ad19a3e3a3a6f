// MariaDB (MySQL's protocol) for the behaviour and fault tests: the system's server (Debian's
// `mariadb-server` package, which scripts/install-test-servers.sh installs; it is not on npm), a fresh data
// directory from mariadb-install-db in a temporary directory, on a free loopback port. Each run gets a
// database and a login of its own, with a password: what the server counts per login (`userstat`) is what
// that run's handler process opened, and the connections to end in a fault are that login's.
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './postgres.js';
import { findExecutable, startServerProcess, stopServerProcess } from './server-process.js';

export interface MariaDbBackend {
  name: 'mariadb';
  description: string;
  /** Nothing shared: each run gets its DATABASE_URL from `database()`. */
  env: Record<string, string>;
  /** A database and a login of its own, for one run. */
  database(tag: string): Promise<MariaDbDatabase>;
  stop(): Promise<void>;
}

export interface MariaDbDatabase {
  /** mysql://login:password@127.0.0.1:port/database */
  url: string;
  /** Runs statements in the run's database, as the server's administrator. */
  query<Row = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<Row[]>;
  /** Connections the run's login opened. */
  connections(): Promise<number>;
  /** KILL CONNECTION for every connection of the run's login; how many. */
  dropConnections(): Promise<number>;
  /** Shuts the server down (it is shared by the runs: later calls are no-ops until it starts again). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  drop(): Promise<void>;
}

const BINARIES = ['mariadbd', 'mariadb-install-db'] as const;

/** Why MariaDB cannot run here, or undefined when it can. */
export function mariaDbUnavailable(): string | undefined {
  const missing = BINARIES.filter((name) => !findExecutable(name));
  return missing.length ? `${missing.join(' and ')} not installed; scripts/install-test-servers.sh installs them` : undefined;
}

export async function start(): Promise<MariaDbBackend> {
  const why = mariaDbUnavailable();
  if (why) throw new Error(why);
  const server = findExecutable('mariadbd')!;
  const installDb = findExecutable('mariadb-install-db')!;
  const dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-mariadb-'));
  const dataDir = path.join(dir, 'data');
  const socket = path.join(dir, 'mariadbd.sock');
  // MariaDB refuses to run as root unless told to.
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  const install = spawnSync(installDb, ['--no-defaults', `--datadir=${dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...asRoot], {
    encoding: 'utf8',
  });
  if (install.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed (${install.error?.message ?? `exit code ${install.status}`}):\n${install.stdout}${install.stderr}`);
  }
  const port = await freePort();
  const args = [
    '--no-defaults',
    `--datadir=${dataDir}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${socket}`,
    `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
    ...asRoot,
    '--skip-log-bin',
    '--skip-name-resolve',
    // Per-login connection counts (information_schema.USER_STATISTICS).
    '--userstat=1',
    // A scratch server: small, and durability is not what is measured.
    '--innodb-buffer-pool-size=16M',
    '--innodb-flush-log-at-trx-commit=0',
  ];
  let child: ChildProcess | undefined;
  const up = async () => {
    child ??= await startServerProcess(server, args, /ready for connections/, { timeoutMs: 60_000 });
  };
  const down = async () => {
    const running = child;
    child = undefined;
    if (running) await stopServerProcess(running, 'SIGTERM');
  };
  /** The administrator, over the server's socket, on a connection of its own. */
  const admin = async <Row>(sql: string, values: unknown[] = [], database?: string): Promise<Row[]> => {
    const connection = await mysql.createConnection({ socketPath: socket, user: 'root', database, multipleStatements: false });
    try {
      const [rows] = await connection.query(sql, values);
      return rows as Row[];
    } finally {
      await connection.end();
    }
  };
  try {
    await up();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const version = (await admin<{ version: string }>('SELECT version() AS version'))[0]!.version;
  return {
    name: 'mariadb',
    description: `MariaDB ${version} (the system's server), a login with a password per handler process, no TLS`,
    env: {},
    async database(tag) {
      // The database and its login share the name (MariaDB allows 64 characters for a database).
      const name = `run_${tag.replace(/\W/g, '_')}`.slice(0, 64);
      const login = name;
      const password = randomBytes(12).toString('hex');
      await admin(`CREATE DATABASE ${name}`);
      await admin(`CREATE USER ?@'%' IDENTIFIED BY ?`, [login, password]);
      await admin(`GRANT ALL ON ${name}.* TO ?@'%'`, [login]);
      const killAll = async () => {
        const sessions = await admin<{ ID: number }>('SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?', [login]);
        for (const { ID } of sessions) await admin(`KILL CONNECTION ${Number(ID)}`).catch(() => undefined);
        return sessions.length;
      };
      return {
        url: `mysql://${login}:${password}@127.0.0.1:${port}/${name}`,
        query: (sql, values) => admin(sql, values, name),
        async connections() {
          const rows = await admin<{ TOTAL_CONNECTIONS: number }>('SELECT TOTAL_CONNECTIONS FROM information_schema.USER_STATISTICS WHERE USER = ?', [login]);
          return Number(rows[0]?.TOTAL_CONNECTIONS ?? 0);
        },
        dropConnections: killAll,
        stopServer: down,
        startServer: up,
        async drop() {
          await killAll();
          await admin(`DROP USER ?@'%'`, [login]);
          await admin(`DROP DATABASE ${name}`);
        },
      };
    },
    async stop() {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
