// The oracle's child process: one Node process that plays many execution environments in turn. For each
// job (one generated module) it imports the module fresh from the job's own folder, invokes the handler
// once per invocation spec as Lambda's Node.js runtime would, and reports what the fake libraries saw.
// Jobs run one at a time; what a job leaves behind (globals, environment variables) is undone after it.
//
// It is bundled by esbuild (runner.ts) and run as plain JavaScript, with source maps on so that a
// construction in a TypeScript module is attributed to its line in the TypeScript source.
import crypto from 'node:crypto';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';
import { FAKE_PACKAGES } from './fakes/packages.js';
import { FAKE_KIND, JobRecorder, summarise } from './fakes/recorder.js';
import type { ChildToParent, JobResult, JobSpec, ParentToChild, PhaseObservation } from './protocol.js';

process.setSourceMapsEnabled(true);
Error.stackTraceLimit = 50;

let recorder: JobRecorder | undefined;
let unhandled: string[] = [];

// The stub packages of a job call this the first time the job's module imports them.
(globalThis as Record<string, unknown>).__oracleFakes = {
  load(specifier: string): unknown {
    const fake = FAKE_PACKAGES[specifier];
    if (!fake || !recorder) throw new Error(`no fake for ${specifier} outside a job`);
    return fake.build(recorder);
  },
};

// Deterministic "random" ids: the original and the codemod's output must draw the same ones.
let uuidCounter = 0;
crypto.randomUUID = () => `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}` as `${string}-${string}-${string}-${string}-${string}`;
syncBuiltinESMExports();

// What the module prints is an observation too (a listener that logs, a handler that prints its result).
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[level] = (...args: unknown[]) => recorder?.call('console', level, 'use', args, {});
}

process.on('unhandledRejection', (reason) => unhandled.push(`unhandled rejection: ${describe(reason)}`));
process.on('uncaughtException', (error) => unhandled.push(`uncaught exception: ${describe(error)}`));

const BASE_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_LAMBDA_FUNCTION_NAME: 'oracle-function',
  ENDPOINT: 'http://localhost:4566',
  PGHOST: 'db.internal',
  DATABASE_URL: 'postgresql://db.internal:5432/app',
  DB_URL: 'db.internal:5432',
  MYSQL_HOST: 'mysql.internal',
  REDIS_URL: 'redis://cache.internal:6379',
  MONGODB_URI: 'mongodb://mongo.internal:27017/app',
  POWERTOOLS_SERVICE_NAME: 'orders',
  TABLE_NAME: 'items',
};
const originalEnv = { ...process.env };

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${summarise(error)}`;
  return recorder ? text.split(recorder.dir).join('<dir>') : text;
}

/** The result as JSON would carry it back to the caller, with fakes and functions named. */
function toJson(value: unknown, depth = 0): unknown {
  if (value === undefined) return '<undefined>';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return '<function>';
  if (depth > 8) return '<deep>';
  const kind = (value as { [FAKE_KIND]?: string })[FAKE_KIND];
  if (kind) return `<${kind}>`;
  if (value instanceof Error) return { error: describe(value) };
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1));
  if (value instanceof Map) return { map: [...value].map(([key, item]) => [toJson(key, depth + 1), toJson(item, depth + 1)]) };
  if (value instanceof Set) return { set: [...value].map((item) => toJson(item, depth + 1)) };
  return Object.fromEntries(Object.keys(value).map((key) => [key, toJson((value as Record<string, unknown>)[key], depth + 1)]));
}

function settle(rounds = 6): Promise<void> {
  let chain = Promise.resolve();
  for (let round = 0; round < rounds; round++) chain = chain.then(() => new Promise((resolve) => setImmediate(resolve)));
  return chain;
}

type Handler = (event: unknown, context: unknown, callback: (error?: unknown, result?: unknown) => void) => unknown;

interface Outcome {
  result: unknown;
  error: string | null;
  viaCallback: boolean;
  waitsForEmptyEventLoop: boolean;
}

/** Calls the handler as the Node.js runtime does: its promise, or its callback, decides the outcome. */
function invoke(handler: Handler, event: unknown, index: number, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    let done = false;
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'oracle-function',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:oracle-function',
      memoryLimitInMB: '1024',
      awsRequestId: `request-${index}`,
      logGroupName: '/aws/lambda/oracle-function',
      logStreamName: '2026/01/01/[$LATEST]oracle',
      getRemainingTimeInMillis: () => timeoutMs,
      done: (error?: unknown, result?: unknown) => finish(error, result, true),
      fail: (error: unknown) => finish(error ?? new Error('context.fail'), undefined, true),
      succeed: (result: unknown) => finish(null, result, true),
    };
    const timer = setTimeout(() => finish(new Error(`Task timed out after ${timeoutMs / 1000} seconds`), undefined, false), timeoutMs);
    function finish(error: unknown, result: unknown, viaCallback: boolean) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({
        result: error === undefined || error === null ? result : undefined,
        error: error === undefined || error === null ? null : describe(error),
        viaCallback,
        waitsForEmptyEventLoop: context.callbackWaitsForEmptyEventLoop,
      });
    }
    try {
      const returned = handler(event, context, (error, result) => finish(error, result, true));
      if (returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
        (returned as PromiseLike<unknown>).then(
          (result) => finish(null, result, false),
          (error: unknown) => finish(error ?? new Error('the handler rejected'), undefined, false),
        );
      }
    } catch (error) {
      finish(error, undefined, false);
    }
  });
}

async function load(job: JobSpec): Promise<Record<string, unknown>> {
  if (job.format === 'cjs') return createRequire(job.file)(job.file) as Record<string, unknown>;
  return (await import(pathToFileURL(job.file).href)) as Record<string, unknown>;
}

function observe(current: JobRecorder, phase: number, fields: Omit<PhaseObservation, 'calls' | 'constructions' | 'db' | 'unhandled'>): PhaseObservation {
  const observation: PhaseObservation = {
    ...fields,
    calls: current.calls.filter((call) => call.phase === phase).map(({ phase: _phase, ...call }) => call),
    constructions: current.constructions.filter((construction) => construction.phase === phase),
    db: Object.fromEntries([...current.tables].map(([table, rows]) => [table, [...rows]])),
    unhandled,
  };
  unhandled = [];
  return observation;
}

async function runJob(job: JobSpec): Promise<JobResult> {
  const current = new JobRecorder(job.dir);
  recorder = current;
  unhandled = [];
  uuidCounter = 0;
  for (const key of Object.keys(process.env)) if (!(key in originalEnv)) delete process.env[key];
  Object.assign(process.env, originalEnv, BASE_ENV);
  const globals = new Set(Reflect.ownKeys(globalThis));
  const phases: PhaseObservation[] = [];
  try {
    let handler: Handler | undefined;
    let loadError: string | null = null;
    try {
      const exports = await load(job);
      const candidate = exports[job.exportName] ?? (exports.default as Record<string, unknown> | undefined)?.[job.exportName];
      if (typeof candidate === 'function') handler = candidate as Handler;
      else loadError = `the module exports no function "${job.exportName}"`;
    } catch (error) {
      loadError = describe(error);
    }
    await settle();
    phases.push(observe(current, 0, { error: loadError, waitsForOpenHandles: null }));
    if (!handler) return { id: job.id, phases };
    for (const [offset, spec] of job.invocations.entries()) {
      const index = offset + 1;
      current.phase = index;
      current.dbDown = spec.dbDown;
      const outcome = await invoke(handler, structuredClone(spec.event), index, job.timeoutMs);
      await settle();
      current.dbDown = false;
      phases.push(
        observe(current, index, {
          error: outcome.error,
          result: toJson(outcome.result),
          waitsForOpenHandles: outcome.viaCallback ? outcome.waitsForEmptyEventLoop && current.open.size > 0 : null,
        }),
      );
    }
    return { id: job.id, phases };
  } finally {
    current.closed = true;
    recorder = undefined;
    for (const key of Reflect.ownKeys(globalThis)) if (!globals.has(key)) delete (globalThis as Record<PropertyKey, unknown>)[key];
  }
}

let queue = Promise.resolve();
process.on('message', (message: ParentToChild) => {
  if (message.type !== 'job') return;
  queue = queue.then(async () => {
    const result = await runJob(message.job);
    process.send!({ type: 'result', result } satisfies ChildToParent);
  });
});
process.send!({ type: 'ready' } satisfies ChildToParent);
