// The runnable scenarios: fixtures whose poor, better and codemod(poor) variants run against a real local
// backend. For each: which fixture and backend, the state a variant starts from (created per variant, so
// that runs do not see each other's writes), the environment its handler needs, how many constructions
// the poor variant makes for a sequence of events, and how to read the state back to compare variants.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../tests/fixtures.js';
import type { DynamoDbBackend } from './backends/dynalite.js';
import type { MariaDbBackend } from './backends/mariadb.js';
import type { PostgresBackend } from './backends/postgres.js';
import type { RedisBackend, RedisServer } from './backends/redis.js';
import type { SecretsManagerBackend } from './backends/secrets-manager.js';

export interface Backends {
  dynamodb?: DynamoDbBackend;
  postgres?: PostgresBackend;
  redis?: RedisBackend;
  mariadb?: MariaDbBackend;
  secretsmanager?: SecretsManagerBackend;
}
export type BackendName = keyof Backends;

/**
 * The faults a run's server can be made to deliver between invocations (bench/harness/faults.ts), as a
 * Lambda function meets them: the server, a proxy or a NAT gateway drops a connection; the server restarts;
 * the server is down.
 */
export interface FaultControls {
  /** Ends the server side of this run's connections; how many there were. */
  dropConnections(): Promise<number>;
  /** Takes down the server this run talks to: its port refuses connections. */
  stopServer(): Promise<void>;
  /** Brings it back on the same port, with the same data. */
  startServer(): Promise<void>;
}

/** The state one variant runs in. */
export interface PreparedRun {
  /** Scenario environment for the handler process (on top of the backend's). */
  env: Record<string, string>;
  /** Constructions the backend observed for this run's handler process. */
  constructions(): Promise<number>;
  /** What the handler left in the backend, in a stable order. */
  state(): Promise<unknown>;
  /** For a scenario that reads a secret: the GetSecretValue requests of this run's handler process. */
  secretFetches?(): number;
  faults: FaultControls;
  cleanup(): Promise<void>;
}

export interface RunnableScenario {
  /** Fixture folder under fixtures/. */
  name: string;
  /** The server whose connections or handshakes the constructions count, and whose faults a run meets. */
  backend: BackendName;
  /** Further servers the scenario needs (a Secrets Manager endpoint): their environment comes through `prepare`'s `env`. */
  alsoNeeds?: readonly BackendName[];
  /** The exported handler. */
  handler: string;
  /** Measured by `npm run bench` (latency and leaks); every runnable scenario is in the behaviour and fault tests. */
  benchmarked: boolean;
  /** What a construction is, as counted. */
  counts: string;
  /** Constructions the poor variant makes for the events of invocations 1..N, in order. */
  poorConstructions(events: readonly unknown[]): number;
  /** `tag` is unique per variant run: a table, a database name, an application_name. */
  prepare(backends: Backends, tag: string): Promise<PreparedRun>;
}

export interface ScenarioEvent {
  file: string;
  event: unknown;
}

/** Every server a scenario needs. */
export function backendsOf(scenario: RunnableScenario): BackendName[] {
  return [scenario.backend, ...(scenario.alsoNeeds ?? [])];
}

export function fixtureDir(scenario: RunnableScenario): string {
  return path.join(FIXTURES_DIR, scenario.name);
}

/** fixtures/<scenario>/events/*.json, by file name. */
export function loadEvents(scenario: RunnableScenario): ScenarioEvent[] {
  const dir = path.join(fixtureDir(scenario), 'events');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, event: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown }));
}

/** The events of invocations 1..N: the harness cycles through the list. */
export function eventsOfInvocations(events: readonly unknown[], invocations: number): unknown[] {
  return Array.from({ length: invocations }, (_, index) => events[index % events.length]);
}

function need<K extends BackendName>(backends: Backends, name: K): NonNullable<Backends[K]> {
  const backend = backends[name];
  if (!backend) throw new Error(`the ${name} backend is not running`);
  return backend as NonNullable<Backends[K]>;
}

const javaExperiment: RunnableScenario = {
  name: 'java-experiment-index-store',
  backend: 'dynamodb',
  handler: 'handler',
  benchmarked: true,
  counts:
    'full TLS handshakes at the DynamoDB server: each DynamoDBClient has its own HTTPS agent and TLS session cache, ' +
    'so its first connection is a full handshake and any further one resumes its session',
  poorConstructions: (events) =>
    events.reduce<number>((sum, event) => sum + ((event as { Records?: unknown[] }).Records?.length ?? 0), 0),
  async prepare(backends, tag) {
    const dynamodb = need(backends, 'dynamodb');
    const table = `index-${tag}`;
    await dynamodb.createTable({
      TableName: table,
      AttributeDefinitions: [
        { AttributeName: 'bucket', AttributeType: 'S' },
        { AttributeName: 'key', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'bucket', KeyType: 'HASH' },
        { AttributeName: 'key', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
    // A port of its own: the handshakes of this process, and of no other, are counted there.
    const port = await dynamodb.listen();
    return {
      env: { INDEX_TABLE: table, AWS_ENDPOINT_URL_DYNAMODB: port.endpoint },
      constructions: async () => port.fullHandshakes(),
      state: () => dynamodb.scan(table),
      faults: {
        dropConnections: async () => port.dropConnections(),
        stopServer: () => port.stopListening(),
        startServer: () => port.startListening(),
      },
      cleanup: async () => {
        await port.close();
        await dynamodb.deleteTable(table);
      },
    };
  },
};

const POSTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS posts (
    id integer PRIMARY KEY,
    author_id text NOT NULL,
    title text NOT NULL,
    published_at timestamptz NOT NULL
  );
  CREATE INDEX IF NOT EXISTS posts_author_published ON posts (author_id, published_at DESC);
`;

/** 25 posts by ada (the handler returns 20), 3 by grace, none by the third author of the events. */
function seedPosts(): Array<[number, string, string, string]> {
  const posts: Array<[number, string, string, string]> = [];
  for (let index = 1; index <= 25; index++) {
    posts.push([index, 'ada', `Notes on the analytical engine, part ${index}`, new Date(Date.UTC(2025, 0, index, 9, 30)).toISOString()]);
  }
  ['Compilers for everyone', 'Nanoseconds, in wire', 'Debugging the Mark II'].forEach((title, index) => {
    posts.push([100 + index, 'grace', title, new Date(Date.UTC(2025, 5, 1 + index, 14)).toISOString()]);
  });
  return posts;
}

const seeded = new WeakSet<PostgresBackend>();

const pgPool: RunnableScenario = {
  name: 'pg-pool',
  backend: 'postgres',
  handler: 'handler',
  benchmarked: true,
  counts: 'connections PostgreSQL authorised for the process (log_connections, by application_name); the pool has max: 1',
  poorConstructions: (events) => events.length,
  async prepare(backends, tag) {
    const postgres = need(backends, 'postgres');
    if (!seeded.has(postgres)) {
      await postgres.query(POSTS_SCHEMA);
      for (const row of seedPosts()) {
        await postgres.query('INSERT INTO posts (id, author_id, title, published_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', row);
      }
      seeded.add(postgres);
    }
    const applicationName = `lambda-hygiene-${tag}`;
    return {
      env: { PGAPPNAME: applicationName },
      constructions: () => postgres.connections(applicationName),
      state: () => postgres.query('SELECT id, author_id, title, published_at FROM posts ORDER BY id'),
      faults: postgresFaults(postgres, applicationName),
      cleanup: async () => undefined,
    };
  },
};

/** The server is shared by the variants: stopping it once stops it for all (the others are no-ops). */
function postgresFaults(postgres: PostgresBackend, applicationName: string): FaultControls {
  return {
    dropConnections: () => postgres.terminate(applicationName),
    stopServer: () => postgres.stopServer(),
    startServer: () => postgres.startServer(),
  };
}

const ORDERS = ['o-1001', 'o-1002', 'o-1003', 'o-1004'];

const pgClient: RunnableScenario = {
  name: 'pg-client',
  backend: 'postgres',
  handler: 'handler',
  benchmarked: false,
  counts: 'connections PostgreSQL authorised for the process (log_connections, by application_name): one per connected Client',
  poorConstructions: (events) => events.length,
  async prepare(backends, tag) {
    const postgres = need(backends, 'postgres');
    // A schema per variant (the handler's `orders` resolves through search_path), so that each variant's
    // updates can be read back apart.
    const schema = `run_${tag.replace(/\W/g, '_')}`;
    await postgres.query(`CREATE SCHEMA ${schema}`);
    await postgres.query(`CREATE TABLE ${schema}.orders (id text PRIMARY KEY, status text NOT NULL, updated_at timestamptz NOT NULL)`);
    for (const id of ORDERS) await postgres.query(`INSERT INTO ${schema}.orders VALUES ($1, 'placed', now())`, [id]);
    const applicationName = `lambda-hygiene-${tag}`;
    return {
      env: { PGAPPNAME: applicationName, PGOPTIONS: `-c search_path=${schema}` },
      constructions: () => postgres.connections(applicationName),
      state: () => postgres.query(`SELECT id, status FROM ${schema}.orders ORDER BY id`),
      faults: postgresFaults(postgres, applicationName),
      cleanup: async () => {
        await postgres.query(`DROP SCHEMA ${schema} CASCADE`);
      },
    };
  },
};

/** A Redis server of the run's own, seeded, with its faults; `state` reads its keys back. */
async function redisRun(backends: Backends, seed: Record<string, string>, state: (server: RedisServer) => Promise<unknown>): Promise<PreparedRun> {
  const server = await need(backends, 'redis').server();
  for (const [key, value] of Object.entries(seed)) await server.command(['SET', key, value]);
  return {
    env: { REDIS_URL: server.url },
    constructions: () => server.connections(),
    state: () => state(server),
    faults: {
      dropConnections: () => server.dropConnections(),
      stopServer: () => server.stopServer(),
      startServer: () => server.startServer(),
    },
    cleanup: () => server.close(),
  };
}

const PROFILES = {
  'profile:ada': JSON.stringify({ name: 'Ada Lovelace', plan: 'pro' }),
  'profile:grace': JSON.stringify({ name: 'Grace Hopper', plan: 'team' }),
};

const redis: RunnableScenario = {
  name: 'redis',
  backend: 'redis',
  handler: 'handler',
  benchmarked: false,
  counts: 'connections the run\'s own Redis server accepted: one per node-redis client',
  poorConstructions: (events) => events.length,
  prepare: (backends) =>
    redisRun(backends, PROFILES, async (server) => {
      const keys = ((await server.command(['KEYS', '*'])) as string[]).sort();
      return Promise.all(keys.map(async (key) => [key, await server.command(['GET', key])]));
    }),
};

const ioredis: RunnableScenario = {
  name: 'ioredis',
  backend: 'redis',
  handler: 'handler',
  benchmarked: false,
  counts: 'connections the run\'s own Redis server accepted: one per ioredis client',
  poorConstructions: (events) => events.length,
  prepare: (backends) =>
    redisRun(backends, {}, async (server) => {
      // `rate:<ip>:<minute>`: requests per source address, whatever minute they fell in.
      const counts: Record<string, number> = {};
      for (const key of (await server.command(['KEYS', 'rate:*'])) as string[]) {
        const ip = key.split(':')[1]!;
        counts[ip] = (counts[ip] ?? 0) + Number(await server.command(['GET', key]));
      }
      return Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
    }),
};

const mysql2Promise: RunnableScenario = {
  name: 'mysql2-promise',
  backend: 'mariadb',
  handler: 'handler',
  benchmarked: false,
  counts: 'connections MariaDB counted for the run\'s own login (userstat): one per mysql2 connection',
  poorConstructions: (events) => events.length,
  async prepare(backends, tag) {
    const database = await need(backends, 'mariadb').database(tag);
    await database.query('CREATE TABLE loyalty (user_id varchar(32) PRIMARY KEY, points int NOT NULL)');
    await database.query("INSERT INTO loyalty VALUES ('u-ada', 0), ('u-alan', 0), ('u-grace', 0)");
    return {
      env: { DATABASE_URL: database.url },
      constructions: () => database.connections(),
      state: () => database.query('SELECT user_id, points FROM loyalty ORDER BY user_id'),
      faults: {
        dropConnections: () => database.dropConnections(),
        stopServer: () => database.stopServer(),
        startServer: () => database.startServer(),
      },
      cleanup: () => database.drop(),
    };
  },
};

/** The orders of the secret → pg Client scenario, each with the status it starts from. */
const CHAIN_ORDERS = [
  ['o-1001', 'placed'],
  ['o-1002', 'placed'],
  ['o-1003', 'placed'],
] as const;

/**
 * Secret → pg Client (issue 10): the handler reads the database credentials from Secrets Manager, builds a
 * Client from them and connects. Each variant gets a secret of its own (the local Secrets Manager endpoint
 * counts its GetSecretValue requests) and a schema of its own (PGOPTIONS sets the search_path, so that the
 * handler's unqualified `orders` is the variant's table).
 */
const secretPgClient: RunnableScenario = {
  name: 'secret-pg-client',
  backend: 'postgres',
  alsoNeeds: ['secretsmanager'],
  handler: 'handler',
  benchmarked: true,
  counts:
    'connections PostgreSQL authorised for the process (log_connections, by application_name); the secret fetches ' +
    "(GetSecretValue requests for the variant's secret) are counted apart",
  poorConstructions: (events) => events.length,
  async prepare(backends, tag) {
    const postgres = need(backends, 'postgres');
    const secrets = need(backends, 'secretsmanager');
    const schema = tag.toLowerCase().replace(/[^a-z0-9]/g, '_');
    await postgres.query(`CREATE SCHEMA ${schema}`);
    await postgres.query(`CREATE TABLE ${schema}.orders (id text PRIMARY KEY, status text NOT NULL, updated_at timestamptz)`);
    for (const [id, status] of CHAIN_ORDERS) await postgres.query(`INSERT INTO ${schema}.orders (id, status) VALUES ($1, $2)`, [id, status]);
    // The secret as RDS writes it for a database user (engine, host, port, username, password, dbname).
    const url = new URL(postgres.env.DATABASE_URL!);
    const secretId = `lambda-hygiene/${tag}/database`;
    secrets.putSecret(secretId, {
      engine: 'postgres',
      host: url.hostname,
      port: Number(url.port),
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      dbname: url.pathname.slice(1),
    });
    const applicationName = `lambda-hygiene-${tag}`;
    return {
      env: { ...secrets.env, DB_SECRET_ID: secretId, PGAPPNAME: applicationName, PGOPTIONS: `-c search_path=${schema}` },
      constructions: () => postgres.connections(applicationName),
      secretFetches: () => secrets.fetches(secretId),
      state: () => postgres.query(`SELECT id, status FROM ${schema}.orders ORDER BY id`),
      faults: postgresFaults(postgres, applicationName),
      cleanup: async () => {
        secrets.deleteSecret(secretId);
        await postgres.query(`DROP SCHEMA ${schema} CASCADE`);
      },
    };
  },
};

export const RUNNABLE_SCENARIOS: readonly RunnableScenario[] = [javaExperiment, pgPool, pgClient, redis, ioredis, mysql2Promise, secretPgClient];
