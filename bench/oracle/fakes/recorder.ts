// The instrument inside the child: one recorder per job, which every fake instance of that job reports
// to. It knows the current phase (0 = import, i = invocation i), captures the line of the generated module
// that constructs each resource (from the stack, source-mapped for TypeScript), and tracks what is open.
import type { CallCategory, CallRecord, ConstructionRecord } from '../protocol.js';

/** What a fake package exports (its stub re-exports it under the real names). */
export type FakeModule = Record<string, unknown>;

/** Something that keeps the event loop busy while open: a pool with idle clients, a connection. */
export type OpenHandle = object;

export class JobRecorder {
  phase = 0;
  /** New database connections are refused (the current invocation's `dbDown`). */
  dbDown = false;
  readonly constructions: ConstructionRecord[] = [];
  readonly calls: Array<CallRecord & { phase: number }> = [];
  readonly open = new Set<OpenHandle>();
  /** Committed rows of every fake database of this job, by table. */
  readonly tables = new Map<string, string[]>();
  /** Set when the job is over: a late callback of a finished job must not write into the next one. */
  closed = false;

  constructor(readonly dir: string) {}

  construct(label: string): ConstructionRecord {
    const record: ConstructionRecord = { label, line: this.callerLine(), phase: this.phase, failed: false };
    if (!this.closed) this.constructions.push(record);
    return record;
  }

  /** A call on a fake; `emitter` is the instance it was made on when that emits events. */
  call(label: string, method: string, category: CallCategory, args: readonly unknown[], state: unknown, emitter?: FakeEmitter): void {
    if (this.closed) return;
    this.calls.push({
      phase: this.phase,
      category,
      call: `${label}.${method}(${args.map((arg) => summarise(arg)).join(', ')})`,
      state: summarise(state),
      ...(emitter ? { listeners: emitter.listenerCounts(), builtAt: emitter.construction?.line ?? null } : {}),
    });
  }

  /** The first stack frame in the generated module (not in its node_modules): the construction site. */
  private callerLine(): number | null {
    const stack = new Error().stack ?? '';
    for (const frame of stack.split('\n').slice(1)) {
      const at = frame.indexOf(this.dir);
      if (at < 0 || frame.includes('/node_modules/')) continue;
      const match = /:(\d+):\d+\)?\s*$/.exec(frame);
      if (match) return Number(match[1]);
    }
    return null;
  }
}

/** A stable, readable text for a value: functions and fake instances by kind, no cycles, sorted keys. */
export function summarise(value: unknown, depth = 0): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'fn';
  if (typeof value === 'symbol') return value.toString();
  if (depth > 4) return '…';
  if (Array.isArray(value)) return `[${value.map((item) => summarise(item, depth + 1)).join(',')}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const kind = (value as { [FAKE_KIND]?: string })[FAKE_KIND];
  if (kind) return `<${kind}>`;
  const prefix = value.constructor && value.constructor !== Object ? `${value.constructor.name} ` : '';
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${summarise((value as Record<string, unknown>)[key], depth + 1)}`);
  return `${prefix}{${entries.join(',')}}`;
}

/** Marks fake instances, so that a result or an argument holding one shows its kind, not its insides. */
export const FAKE_KIND = Symbol('oracle.fakeKind');

/**
 * A minimal EventEmitter whose registrations are recorded as `setup` calls, and whose listener counts are
 * part of every use (node's own emitter would warn only past ten listeners). `construction` is the
 * instance's own construction record: a use says which line built the instance it was made on.
 */
export class FakeEmitter {
  protected readonly listeners = new Map<string, Array<(...args: unknown[]) => unknown>>();
  construction: ConstructionRecord | undefined;

  constructor(
    protected readonly recorder: JobRecorder,
    readonly label: string,
  ) {}

  on(event: string, listener: (...args: unknown[]) => unknown): this {
    this.recorder.call(this.label, 'on', 'setup', [event, listener], this.listenerCounts());
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: (...args: unknown[]) => unknown): this {
    return this.on(event, listener);
  }

  addListener(event: string, listener: (...args: unknown[]) => unknown): this {
    return this.on(event, listener);
  }

  off(event: string, listener: (...args: unknown[]) => unknown): this {
    this.recorder.call(this.label, 'off', 'setup', [event, listener], this.listenerCounts());
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener));
    return this;
  }

  removeListener(event: string, listener: (...args: unknown[]) => unknown): this {
    return this.off(event, listener);
  }

  removeAllListeners(event?: string): this {
    if (event === undefined) this.listeners.clear();
    else this.listeners.delete(event);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** As node's emitter: an `error` nobody listens to is thrown. */
  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(event) ?? [];
    if (event === 'error' && listeners.length === 0) throw args[0];
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }

  /** `end` once the connection is closed: a round trip later, as the libraries emit it from the socket's `close`. */
  protected emitEnd(): void {
    setImmediate(() => {
      if (!this.recorder.closed) this.emit('end');
    });
  }

  listenerCounts(): Record<string, number> {
    return Object.fromEntries([...this.listeners].filter(([, list]) => list.length > 0).map(([event, list]) => [event, list.length]));
  }
}

/** Lets other promises of the same invocation run first, as a round trip to a server would. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A primitive-only view of a configuration object (what the service sees of it). */
export function configView(config: unknown): unknown {
  if (config === undefined || config === null || typeof config !== 'object') return config;
  const view: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    view[key] = typeof value === 'object' && value !== null ? configView(value) : value;
  }
  return view;
}

/** An error with the name a library gives it (`ClientClosedError`, `MongoNotConnectedError`). */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export function refused(port: number): Error {
  const error = new Error(`connect ECONNREFUSED 127.0.0.1:${port}`) as Error & { code: string };
  error.code = 'ECONNREFUSED';
  return error;
}
