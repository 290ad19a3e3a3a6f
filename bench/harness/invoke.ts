// The child-process side of the harness: one fresh Node process plays one Lambda execution environment.
// It imports the handler module once and times the import plus the first invocation (the cold start),
// then invokes the handler N times in sequence with the given events (cycling through them) and a
// Lambda-like context, recording after each invocation its wall time, the open file descriptors
// (/proc/self/fd: idle keep-alive sockets do not show in process.getActiveResourcesInfo()) and the RSS.
//
// Interleaved (spec.interleaved, with an IPC channel): the parent runs the variants of a scenario side by
// side and lets one process at a time take a turn: the import plus the first invocation, then one
// invocation per turn. A process waits for its turn idle, as an execution environment waits for its next
// event, and a slow spell of a shared machine falls on all variants alike.
//
// It runs as plain JavaScript: run-variant.ts compiles this file with esbuild, so that no loader hook
// (tsx) sits between the handler and the modules it imports while the cold start is timed.
//
//   node invoke.mjs <spec.json>     writes the result JSON to spec.out, then exits
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CRASH_EXIT_CODE } from './crash.js';

export interface InvokeSpec {
  /** Absolute path of the handler module (JavaScript). */
  module: string;
  /** The export that is the handler. */
  handler: string;
  /** Invocation i gets events[i % events.length]. */
  events: unknown[];
  invocations: number;
  /** Keep each invocation's result (for equivalence tests; off for long benchmarks). */
  keepResults: boolean;
  /** Lambda's function timeout for one invocation. */
  timeoutMs: number;
  /** Where the result JSON goes. */
  out: string;
  /** Wait for a `turn` message before the import and before each invocation; answer `done` after. */
  interleaved?: boolean;
  /**
   * Model the runtime's wait after a callback: while `context.callbackWaitsForEmptyEventLoop` is true,
   * the invocation ends once the event loop is empty (no handle or timer active beyond those the
   * process had before its first invocation), as a pool left open after `callback()` makes it wait.
   */
  waitForEmptyEventLoop?: boolean;
}

/** Messages of the interleaved protocol. */
export type ParentMessage = { type: 'turn' };
export type ChildMessage = { type: 'ready' } | DoneMessage;
export interface DoneMessage {
  type: 'done';
  index: number;
  error: string | null;
  /** The invocation ran out of time (Lambda then replaces the execution environment). */
  timedOut: boolean;
}

export interface InvokeResult {
  importMs: number;
  /** Import plus the first invocation. */
  coldMs: number;
  /** Wall time of every invocation, the first included. */
  ms: number[];
  /** Open file descriptors after each invocation. */
  fds: number[];
  /** Resident set size after each invocation, in bytes. */
  rss: number[];
  /** For each invocation: null when it succeeded, else the error message. */
  errors: Array<string | null>;
  /** Each invocation's result, when the spec asked for them. */
  results?: unknown[];
  /** Open file descriptors after the import, before the first invocation. */
  fdsAfterImport: number;
}

type Callback = (error?: unknown, result?: unknown) => void;
type Handler = (event: unknown, context: LambdaContext, callback: Callback) => unknown;

interface LambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  getRemainingTimeInMillis(): number;
  done(error?: unknown, result?: unknown): void;
  fail(error: unknown): void;
  succeed(result: unknown): void;
}

function openFds(): number {
  // readdir opens the directory itself while it reads it: one entry is its own descriptor.
  return readdirSync('/proc/self/fd').length - 1;
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'lambda-hygiene-bench';
const region = process.env.AWS_REGION ?? 'us-east-1';

/** What keeps the event loop busy: resource names with their counts. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

async function eventLoopEmptied(baseline: Map<string, number>, deadline: number): Promise<void> {
  for (;;) {
    if (![...activeResources()].some(([name, count]) => count > (baseline.get(name) ?? 0))) return;
    if (Date.now() > deadline) throw new Error('Task timed out waiting for the event loop to empty');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Calls the handler as the Node.js runtime does: an async handler's promise decides the outcome; a
 * callback-style handler finishes when it calls the callback (or context.done/succeed/fail). The
 * runtime's wait for an empty event loop after the callback (callbackWaitsForEmptyEventLoop) is modelled
 * only when `waitFrom` (the resources of an idle process) is given; otherwise the invocation ends at
 * the callback.
 */
function invokeOnce(handler: Handler, event: unknown, timeoutMs: number, waitFrom?: Map<string, number>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: unknown, result?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error !== undefined && error !== null) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    };
    const deadline = Date.now() + timeoutMs;
    const timer = setTimeout(() => settle(new TimeoutError(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)), timeoutMs);
    const context: LambdaContext = {
      callbackWaitsForEmptyEventLoop: true,
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:123456789012:function:${functionName}`,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '1024',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: `2026/01/01/[$LATEST]${randomUUID().replace(/-/g, '')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: (error, result) => settle(error, result),
      fail: (error) => settle(error ?? new Error('context.fail')),
      succeed: (result) => settle(null, result),
    };
    const callback: Callback = (error, result) => {
      if (!waitFrom || !context.callbackWaitsForEmptyEventLoop) {
        settle(error, result);
        return;
      }
      // The invocation's own timer would keep the loop busy: the deadline takes its place.
      clearTimeout(timer);
      eventLoopEmptied(waitFrom, deadline).then(
        () => settle(error, result),
        (timeout: unknown) => settle(timeout),
      );
    };
    try {
      const returned = handler(event, context, callback);
      if (returned !== null && typeof returned === 'object' && typeof (returned as PromiseLike<unknown>).then === 'function') {
        (returned as PromiseLike<unknown>).then(
          (result) => settle(null, result),
          (error: unknown) => settle(error ?? new Error('the handler rejected')),
        );
      }
    } catch (error) {
      settle(error);
    }
  });
}

/** Turns: with IPC, each one is a `turn` message from the parent; alone, the next one comes at once. */
function turns(interleaved: boolean): { next(): Promise<void>; done(index: number, error: string | null, timedOut: boolean): void } {
  if (!interleaved) return { next: () => Promise.resolve(), done: () => undefined };
  if (!process.send) throw new Error('interleaved mode needs an IPC channel');
  const waiting: Array<() => void> = [];
  let granted = 0;
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'turn') return;
    const wake = waiting.shift();
    if (wake) wake();
    else granted++;
  });
  process.send({ type: 'ready' } satisfies ChildMessage);
  return {
    next: () => {
      if (granted > 0) {
        granted--;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    done: (index, error, timedOut) => process.send!({ type: 'done', index, error, timedOut } satisfies ChildMessage),
  };
}

async function main(specFile: string): Promise<void> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as InvokeSpec;
  // Events are cloned outside the timed part: a handler may change the one it gets.
  const events = spec.events.map((event) => JSON.stringify(event));
  const turn = turns(spec.interleaved ?? false);

  await turn.next();
  const importStart = performance.now();
  const module = (await import(pathToFileURL(spec.module).href)) as Record<string, unknown>;
  const importMs = performance.now() - importStart;
  const handler = (module[spec.handler] ??
    (module.default as Record<string, unknown> | undefined)?.[spec.handler]) as Handler | undefined;
  if (typeof handler !== 'function') throw new Error(`${spec.module} exports no function "${spec.handler}"`);

  const result: InvokeResult = {
    importMs,
    coldMs: 0,
    ms: [],
    fds: [],
    rss: [],
    errors: [],
    fdsAfterImport: openFds(),
    ...(spec.keepResults ? { results: [] } : {}),
  };
  const idle = spec.waitForEmptyEventLoop ? activeResources() : undefined;
  for (let index = 0; index < spec.invocations; index++) {
    if (index > 0) await turn.next();
    const event = JSON.parse(events[index % events.length]!) as unknown;
    const start = performance.now();
    let value: unknown;
    let error: string | null = null;
    let timedOut = false;
    try {
      value = await invokeOnce(handler, event, spec.timeoutMs, idle);
    } catch (caught) {
      error = describe(caught);
      timedOut = caught instanceof TimeoutError;
    }
    result.ms.push(performance.now() - start);
    result.errors.push(error);
    result.results?.push(value === undefined ? null : value);
    // The runtime goes back to fetch the next event between invocations: let pending I/O callbacks
    // (a socket closing, a pool ending) run before counting what stays open.
    await new Promise((resolve) => setImmediate(resolve));
    result.fds.push(openFds());
    result.rss.push(process.memoryUsage.rss());
    turn.done(index, error, timedOut);
  }
  result.coldMs = importMs + (result.ms[0] ?? 0);
  writeFileSync(spec.out, JSON.stringify(result));
}

// As the Lambda runtime does: an uncaught exception (an `error` event nobody listens to, a rejection
// nobody handles) ends the execution environment. The exit code of its own tells the parent that the
// handler crashed, not the harness.
process.on('uncaughtException', (error, origin) => {
  process.stderr.write(`${origin}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(CRASH_EXIT_CODE);
});

const specFile = process.argv[2];
if (!specFile) {
  process.stderr.write('usage: node invoke.mjs <spec.json>\n');
  process.exit(2);
}
main(specFile).then(
  // Like a Lambda environment that is frozen and then discarded: whatever the handler left open
  // (keep-alive sockets, idle pool clients, timers) does not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
