// The runnable scenarios: fixtures whose poor, better and codemod(poor) variants run against a real local
// backend. For each: which fixture and backend, the state a variant starts from (created per variant, so
// that runs do not see each other's writes), the environment its handler needs, how many constructions
// the poor variant makes for a sequence of events, and how to read the state back to compare variants.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from '../tests/fixtures.js';
import type { DynamoDbBackend } from './backends/dynalite.js';
import type { PostgresBackend } from './backends/postgres.js';

export interface Backends {
  dynamodb?: DynamoDbBackend;
  postgres?: PostgresBackend;
}
export type BackendName = keyof Backends;

/** The state one variant runs in. */
export interface PreparedRun {
  /** Scenario environment for the handler process (on top of the backend's). */
  env: Record<string, string>;
  /** Constructions the backend observed for this run's handler process. */
  constructions(): Promise<number>;
  /** What the handler left in the backend, in a stable order. */
  state(): Promise<unknown>;
  cleanup(): Promise<void>;
}

export interface RunnableScenario {
  /** Fixture folder under fixtures/. */
  name: string;
  backend: BackendName;
  /** The exported handler. */
  handler: string;
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
      cleanup: async () => undefined,
    };
  },
};

export const RUNNABLE_SCENARIOS: readonly RunnableScenario[] = [javaExperiment, pgPool];
