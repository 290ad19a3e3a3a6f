// The fault target of issue 11, on real servers: a connection the server ends while Lambda has the
// environment frozen must not crash the hoisted code nor fail it after the first invocation that meets
// the dead socket. poor, better and codemod(poor) run side by side (bench/harness/faults.ts); the full
// table, with server restarts and a server down at init, is `npm run bench:faults`.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingBackends, startBackends, stopBackends } from '../bench/backends/index.js';
import { findExecutable } from '../bench/backends/server-process.js';
import { runFault } from '../bench/harness/faults.js';
import type { FaultOutcome, VariantFaultOutcome } from '../bench/harness/faults.js';
import { createWorkDir } from '../bench/harness/run-variant.js';
import type { WorkDir } from '../bench/harness/run-variant.js';
import { RUNNABLE_SCENARIOS, fixtureDir } from '../bench/scenarios.js';
import type { Backends, RunnableScenario } from '../bench/scenarios.js';
import { scenariosWithServers } from './support/servers.js';

const scenario = (name: string): RunnableScenario => RUNNABLE_SCENARIOS.find((candidate) => candidate.name === name)!;

/** pg Pool and pg Client always; node-redis and mysql2's connection where their servers are installed. */
const DROPPED = scenariosWithServers(['pg-pool', 'pg-client', 'redis', 'mysql2-promise'].map(scenario), 'fault test');

let backends: Backends = {};
let workDir: WorkDir | undefined;

beforeAll(async () => {
  backends = await startBackends(DROPPED.map((dropped) => dropped.backend));
  workDir = await createWorkDir();
}, 180_000);

afterAll(async () => {
  workDir?.remove();
  await stopBackends(backends);
}, 120_000);

describe.each(DROPPED)('$name: the server ends the connections while the environment is frozen', (dropped) => {
  let outcome: FaultOutcome;

  beforeAll(async () => {
    outcome = await runFault(dropped, backends, workDir!, 'drop-while-frozen', { invocations: 5, faultAt: 2 });
  }, 120_000);

  it('the fault reaches better and codemod(poor): the server ends a connection of each', () => {
    expect(outcome.variants.better.dropped).toBeGreaterThanOrEqual(1);
    expect(outcome.variants.codemod.dropped).toBeGreaterThanOrEqual(1);
  });

  it.each(['better', 'codemod'] as const)('%s: no crash, no failure after the first invocation that meets it, at most one failure more than poor', (variant) => {
    const { crashed, failedAfterFirst, failed, errors } = outcome.variants[variant];
    expect({ crashed, failedAfterFirst }, errors.join('\n')).toEqual({ crashed: 0, failedAfterFirst: 0 });
    expect(failed).toBeLessThanOrEqual(outcome.variants.poor.failed + 1);
  });
});

describe('the harness sees what the fix prevents', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-unfixed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the crash of a pg Pool singleton that has no `error` listener', async () => {
    const better = await runHandWritten('pg-pool', [
      "import { Pool } from 'pg';",
      'let pool: Pool | undefined;',
      'export const handler = async (event: { pathParameters?: { authorId?: string } }) => {',
      '  pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });',
      "  const { rows } = await pool.query('SELECT id FROM posts WHERE author_id = $1', [event.pathParameters?.authorId]);",
      '  return { statusCode: 200, body: JSON.stringify(rows) };',
      '};',
    ]);
    expect(better.crashed).toBe(1);
    expect(better.crashes[0]!.message).toMatch(/^uncaughtException: error: terminating connection/);
  }, 120_000);

  it('counts the failures of a pg Client singleton that logs its error but is never forgotten', async () => {
    const better = await runHandWritten('pg-client', [
      "import { Client } from 'pg';",
      'let client: Promise<Client> | undefined;',
      'const connect = async () => {',
      '  const created = new Client({ connectionString: process.env.DATABASE_URL });',
      '  await created.connect();',
      '  created.on(\'error\', (error) => console.error(error));',
      '  return created;',
      '};',
      'export const handler = async (event: { Records: Array<{ body: string }> }) => {',
      '  const connected = await (client ??= connect());',
      '  for (const record of event.Records) {',
      '    const { orderId, status } = JSON.parse(record.body) as { orderId: string; status: string };',
      "    await connected.query('UPDATE orders SET status = $2 WHERE id = $1', [orderId, status]);",
      '  }',
      '};',
    ]);
    expect(better.crashed).toBe(0);
    expect(better.failedAfterFirst).toBe(1);
    expect(better.errors[3]).toMatch(/not queryable/);
  }, 120_000);

  /** A hand-written better beside the scenario's poor (the harness runs the codemod on it), under the drop. */
  async function runHandWritten(name: string, better: string[]): Promise<VariantFaultOutcome> {
    const folder = path.join(dir, name);
    mkdirSync(folder, { recursive: true });
    copyFileSync(path.join(fixtureDir(scenario(name)), 'poor.ts'), path.join(folder, 'poor.ts'));
    writeFileSync(path.join(folder, 'better.ts'), `${better.join('\n')}\n`);
    const outcome = await runFault(scenario(name), backends, workDir!, 'drop-while-frozen', { invocations: 4, fixture: folder, variants: ['better'] });
    return outcome.variants.better;
  }
});

describe('which servers run here', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lambda-hygiene-path-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a server binary on the PATH only when it is executable', () => {
    const binary = path.join(dir, 'lambda-hygiene-fake-server');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o644);
    expect(findExecutable('lambda-hygiene-fake-server', dir)).toBeUndefined();
    chmodSync(binary, 0o755);
    expect(findExecutable('lambda-hygiene-fake-server', dir)).toBe(binary);
  });

  it('runs the Redis and MariaDB scenarios exactly where their binaries are, and says what to do where they are not', () => {
    const missing = missingBackends();
    expect(missing.has('redis')).toBe(findExecutable('redis-server') === undefined);
    expect(missing.has('mariadb')).toBe(!findExecutable('mariadbd') || !findExecutable('mariadb-install-db'));
    for (const why of missing.values()) expect(why).toMatch(/scripts\/install-test-servers\.sh/);
    expect(missing.has('postgres') || missing.has('dynamodb')).toBe(false);
  });
});
