// One Lambda execution environment for the codemod's execution checks (tests/hoist-execution.test.ts): a
// fresh Node process imports a handler module once and invokes it N times in sequence, as the Node.js
// runtime does, and writes what happened as JSON. Compiled with esbuild and run as plain JavaScript.
//
// Besides what bench/harness/invoke.ts does, it models the runtime's wait after a callback: with
// `context.callbackWaitsForEmptyEventLoop` left at true, the response goes out only once the event loop
// is empty (here: once no handle or timer is active beyond those the process had before the first
// invocation). That is what makes a pool left open after `callback()` cost its idle timeout.
//
//   node run-handler.mjs <spec.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export interface RunSpec {
  module: string;
  handler: string;
  /** Invocation i gets events[i % events.length]. */
  events: unknown[];
  invocations: number;
  /** Model the wait for an empty event loop after a callback. */
  waitForEmptyEventLoop: boolean;
  timeoutMs: number;
  out: string;
}

export interface Invocation {
  ms: number;
  result: unknown;
  error: string | null;
}

export interface RunResult {
  /** Why the module could not be imported, if it could not. */
  loadError: string | null;
  invocations: Invocation[];
  /** Process warnings (`MaxListenersExceededWarning`, ...). */
  warnings: string[];
}

type Callback = (error?: unknown, result?: unknown) => void;
type Handler = (event: unknown, context: Record<string, unknown>, callback: Callback) => unknown;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What keeps the event loop busy: resource names with their counts. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

async function eventLoopEmptied(baseline: Map<string, number>, deadline: number): Promise<void> {
  for (;;) {
    const busy = [...activeResources()].some(([name, count]) => count > (baseline.get(name) ?? 0));
    if (!busy) return;
    if (Date.now() > deadline) throw new Error('the event loop never emptied');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function invokeOnce(handler: Handler, event: unknown, spec: RunSpec, baseline: Map<string, number>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const deadline = Date.now() + spec.timeoutMs;
    const context: Record<string, unknown> = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'lambda-hygiene-check',
      awsRequestId: `request-${Math.random().toString(36).slice(2)}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    const settle = (error: unknown, result?: unknown) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    };
    const callback: Callback = (error, result) => {
      if (!spec.waitForEmptyEventLoop || context.callbackWaitsForEmptyEventLoop === false) {
        settle(error, result);
        return;
      }
      eventLoopEmptied(baseline, deadline).then(
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

async function main(specFile: string): Promise<void> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as RunSpec;
  const result: RunResult = { loadError: null, invocations: [], warnings: [] };
  process.on('warning', (warning) => result.warnings.push(`${warning.name}: ${warning.message}`));
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(spec.module).href)) as Record<string, unknown>;
  } catch (error) {
    result.loadError = describe(error);
    writeFileSync(spec.out, JSON.stringify(result));
    return;
  }
  const handler = (module[spec.handler] ?? (module.default as Record<string, unknown> | undefined)?.[spec.handler]) as Handler;
  const baseline = activeResources();
  for (let index = 0; index < spec.invocations; index++) {
    const started = performance.now();
    let value: unknown = null;
    let error: string | null = null;
    try {
      value = (await invokeOnce(handler, spec.events[index % spec.events.length], spec, baseline)) ?? null;
    } catch (caught) {
      error = describe(caught);
    }
    result.invocations.push({ ms: performance.now() - started, result: value, error });
  }
  writeFileSync(spec.out, JSON.stringify(result));
}

main(process.argv[2]!).then(
  // Like an environment that is frozen and discarded: what the handler left open does not hold the process.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${describe(error)}\n`);
    process.exit(1);
  },
);
