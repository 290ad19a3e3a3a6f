// What the oracle's parent process and its child (child.ts) exchange: a job is one generated module
// (the original, or the codemod's output) imported once and invoked a few times; its result is what the
// instrumented fake libraries observed, phase by phase (phase 0 is the import, phase i the i-th invocation).

/** One invocation of a job: the event, and whether the database refuses connections meanwhile. */
export interface InvocationSpec {
  /** Which of the oracle's events (`EVENTS`): invocations with the same id get equal events. */
  eventId: string;
  event: unknown;
  /** New connections to a database (pg, mysql2, redis, MongoDB) are refused during this invocation. */
  dbDown: boolean;
}

export interface JobSpec {
  id: number;
  /** The job's own folder: its module and a node_modules of fake packages. */
  dir: string;
  /** The runnable module (JavaScript, `.mjs` or `.cjs`). */
  file: string;
  format: 'esm' | 'cjs';
  /** The export that is the handler (`handler`, `default`, `hello`). */
  exportName: string;
  invocations: InvocationSpec[];
  /** A Lambda-like timeout for one invocation (only a handler that never settles reaches it). */
  timeoutMs: number;
}

/** How a call on a fake changes the resource's life, which decides whether the codemod may drop it. */
export type CallCategory =
  /** Opens a connection that the constructor did not (`client.connect()`, `dataSource.initialize()`). */
  | 'connect'
  /** Closes the resource (`end`, `destroy`, `quit`, `close`, `disconnect`, `$disconnect`, async dispose). */
  | 'teardown'
  /** Configures the instance for later calls (`on`, `once`, `middlewareStack.add`, `$use`, `$on`). */
  | 'setup'
  /** Everything else: what the handler does with the resource, and what it prints. */
  | 'use';

export interface CallRecord {
  category: CallCategory;
  /** `S3Client.send(GetObjectCommand {"Bucket":"assets","Key":"k1"})` */
  call: string;
  /**
   * What the instance looked like when it was called: its configuration, listeners, middleware, the
   * keys a logger adds. Part of the call: a listener added per invocation to a shared pool shows in
   * `listeners`.
   */
  state: string;
  /** For an instance that emits events (pg, mysql2, node-redis): how many listeners each event has. */
  listeners?: Record<string, number>;
  /** For such an instance: the line of the generated module that constructed it. */
  builtAt?: number | null;
}

export interface ConstructionRecord {
  /** The resource as the rules name it, last segment (`S3Client`, `createPool`, `connect`). */
  label: string;
  /** The line of the generated module that constructed it (source-mapped for TypeScript); null if none. */
  line: number | null;
  phase: number;
  /** Its initialisation failed (a refused connect): a retry that builds it again is not a repeat. */
  failed: boolean;
}

export interface PhaseObservation {
  /** `Name: message` of what the import (phase 0) or the invocation threw; null when it succeeded. */
  error: string | null;
  /** The invocation's result, normalised to JSON (undefined for the import). */
  result?: unknown;
  calls: CallRecord[];
  constructions: ConstructionRecord[];
  /** Rows committed in the fake databases after the phase, by table. */
  db: Record<string, string[]>;
  /**
   * For a handler that answered through its callback: whether the response waits for open handles
   * (`context.callbackWaitsForEmptyEventLoop` still true and a pool or connection left open). Null for
   * promise-returning handlers, where Lambda does not wait.
   */
  waitsForOpenHandles: boolean | null;
  /** Unhandled rejections and uncaught exceptions during the phase (Lambda fails the invocation on them). */
  unhandled: string[];
}

export interface JobResult {
  id: number;
  phases: PhaseObservation[];
  /** The job did not finish (an endless loop): the child was killed. */
  timedOut?: boolean;
}

export type ParentToChild = { type: 'job'; job: JobSpec };
export type ChildToParent = { type: 'ready' } | { type: 'result'; result: JobResult };
