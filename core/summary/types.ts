import type { HandlerRecognition, RequestDependence, ResourceEntry } from '../types.js';

// A module's summary: what the solver needs to know about one module, free of AST nodes, plain JSON
// (it survives `JSON.parse(JSON.stringify(summary))`), cached by file and content hash. Functions,
// classes and creations are numbered; everything else refers to them by number. Dependence is written
// in terms the module alone can state (`stable`, `request` with its reason, `init`, a parameter, module
// state) and filled in by the solver at each call.

/** Bumped whenever the shape changes, so that a cache written by another version is not read. */
export const SUMMARY_VERSION = 2;

/** Source offsets `[start, end)`, as ESTree ranges. */
export type Range = [number, number];

/** Line (1-based) and column (0-based) of a node's start, as ESTree `loc.start`. */
export interface Position {
  line: number;
  column: number;
}

/** A parameter of a function of this module, as read at one place (`input` is the name read there). */
export interface ParamRef {
  fn: number;
  index: number;
  input: string;
}

/**
 * What a value was built from, fetched per invocation with request-independent inputs: a secret or a
 * parameter fetched with a constant or environment id, or any other awaited value.
 */
export interface InitReason {
  /** The name of the value in the source (`secret`, `apiKey`), or the awaited expression. */
  input: string;
  source: InitSource;
  /** The function (or handler) that awaits it, for the message. */
  in: string;
  /** The file of `fetch` and `chain` (`''` when the caller gave none). */
  file: string;
  /** The awaited expression: `await sm.send(new GetSecretValueCommand(...))`. */
  fetch: Range;
  /** The statements from the fetch to the construction's inputs, in source order (the init chain). */
  chain: Range[];
}

/**
 * What kind of value an init chain fetches. `credential`: credentials that expire (STS, an RDS IAM token),
 * which the solver reports as request-like (never frozen into a reused resource) unless request data
 * reaches the site anyway.
 */
export type InitSource = 'secret' | 'parameter' | 'value' | 'credential';

/**
 * What a value depends on. The empty object is `stable` (the same on every invocation: literals,
 * imports, module constants, `process.env`). `request` wins over everything: the value derives from the
 * handler's event or context. `init`: built from something awaited per invocation with stable inputs.
 * `params`: as the caller's arguments do (filled in at each call). `state`: as module or instance state
 * does, whose writes the solver collects over every function it visits.
 */
export interface Dependence {
  request?: RequestDependence;
  init?: InitReason;
  params?: ParamRef[];
  /** Keys of module state read: `var:settings`, `this:3.region`, `env:AWS_REGION`, `aws-sdk:config`. */
  state?: string[];
}

/**
 * How often a site runs within one run of its function: `always` (a `while` loop), or once per element
 * of what `over` iterates (a `for...of`, `records.map(...)`): per record only when that depends on more
 * than constants (an input-sized collection), not over a fixed literal list.
 */
export interface Repeat {
  always?: boolean;
  over?: Dependence;
}

/**
 * Where a cache that makes a site lazy lives: `module` (module scope, a global, a class static): once per
 * execution environment; `this`: once per instance; `{ frame }`: once per run of that function (lazy only
 * when that function does not itself run per invocation, such as a factory's closure).
 */
export type CacheScope = 'module' | 'this' | { frame: number };

/** A target a function assigns that outlives it (`pool`, `Db.instance`, `this.client`), by its text. */
export interface CacheAssignment {
  target: string;
  scope: CacheScope;
}

/** What a call runs, as far as the module can say: one of its functions, or something imported. */
export type Callee =
  | { fn: number }
  | {
      /** The import specifier, as written (`./db`, `@acme/db`). */
      import: string;
      /** The export path (`['getDb']`; `[]` is the default export). */
      path: string[];
      /** A method called on the imported value's instance (`new Store().put()`, `db.query()`). */
      member?: string;
      instance?: boolean;
    };

/** How a call edge enters its callee. */
export type EdgeKind =
  | 'call' // `f()`, `obj.m()`, `f.call(...)`: a hop on the path
  | 'new' // `new C()`: runs the class's field initialisers and constructor
  | 'get' // a read that runs a getter
  | 'super' // `super(...)`: the superclass's constructor, no hop
  | 'nested'; // a named function nested in a running one: runs with it (no hop, no arguments)

/** One call (or `new`, getter read, nested function) from a function to another. */
export interface CallEdge {
  kind: EdgeKind;
  target: Callee;
  /** What each argument depends on; `forward` passes the caller's own parameters (an implicit `super(...args)`). */
  args: Dependence[] | 'forward';
  repeat?: Repeat;
  /** Caches guarding the call (`pool ??= createPool()`): the callee runs once per cache lifetime. */
  caches?: CacheScope[];
  /** Caches tested by an `if` or early return around the call: lazy when the callee assigns one (`if (!pool) await init()`). */
  guardTests?: string[];
  /** For a method call, what `this` is: a module-level instance, one made here, the caller's `this`, or unknown. */
  receiver?: 'module' | 'fresh' | 'this' | 'unknown';
  range: Range;
}

/** A write to module or instance state, or to the environment, inside a function. */
export interface StateWrite {
  key: string;
  /** The text of what is written: `settings.region`, `process.env.AWS_REGION`, `AWS.config`. */
  target: string;
  kind: InputWriteKind;
  dependence: Dependence;
  range: Range;
}

export type InputWriteKind = 'assign' | 'property' | 'object-assign' | 'call' | 'env' | 'config';

/** A write to a local input of a construction, before it (`config.endpoint = '...'`). */
export interface LocalWrite {
  target: string;
  kind: InputWriteKind;
  dependence: Dependence;
  range: Range;
}

export interface FunctionSummary {
  id: number;
  /** For messages: `loadUser`, `IndexStore.put`, `new IndexStore`. */
  name: string;
  kind: 'function' | 'method' | 'getter' | 'class';
  /** The function whose variables this one closes over (its lexical parent), if any. */
  parent?: number;
  /** Parameter count (a class: its constructor's). */
  params: number;
  range: Range;
  calls: CallEdge[];
  creations: number[];
  /** Secret and parameter fetches it makes (core/credentials.ts), by number in the module's `fetches`. */
  fetches?: number[];
  /** Calls that close a resource which outlives the invocation, by number in the module's `teardowns`. */
  teardowns?: number[];
  writes: StateWrite[];
  /** What a run of it assigns that may outlive the run: present in a complete summary (`assignsOf` reads it either way). */
  assigns?: CacheAssignment[];
  /** A class's instance methods and getters, by name. */
  methods?: Record<string, number>;
  getters?: Record<string, number>;
  /** A class's static methods, by name. */
  statics?: Record<string, number>;
  /** A class's superclass, when it is one of this module's or (project mode) an import. */
  superClass?: Callee;
}

export interface CreationSummary {
  id: number;
  /** The function that runs it; absent at module scope (runs once). */
  fn?: number;
  entry: ResourceEntry;
  /** What the user wrote (`DynamoDBClient`, `AWS.S3`, `mysql.createPool`). */
  resource: string;
  module: string;
  range: Range;
  start: Position;
  /** What its arguments depend on, with the environment an SDK client reads implicitly. */
  args: Dependence;
  repeat?: Repeat;
  caches?: CacheScope[];
  /** Writes to its local inputs between their creation and the construction. */
  localWrites: LocalWrite[];
}

/** A call that fetches a secret or a parameter (core/credentials.ts): reported when it runs per invocation. */
export interface FetchSummary {
  id: number;
  /** The function that runs it; absent at module scope (runs once). */
  fn?: number;
  /** What the user wrote for the operation (`GetSecretValueCommand`, `getSecretValue`). */
  operation: string;
  /** The id's source text (`process.env.DB_SECRET_ID`), `''` when unknown. */
  idText: string;
  /** Fetched through a helper that caches across invocations (and not told to bypass its cache). */
  cached: boolean;
  range: Range;
  start: Position;
  /** What the id depends on. */
  idDependence: Dependence;
  repeat?: Repeat;
  caches?: CacheScope[];
}

/** A call that closes a catalogued resource which outlives the invocation: reported when it runs per invocation. */
export interface TeardownSummary {
  id: number;
  fn?: number;
  /** `pool.end()`, as written. */
  call: string;
  resource: string;
  lifetime: string;
  range: Range;
  start: Position;
}

/** What an export is, for another module's import of it. */
export type ExportValue =
  | { kind: 'function'; fn: number }
  | { kind: 'object'; members: Array<{ name: string; value: ExportValue }> }
  | { kind: 'instance'; of: Callee }
  /** `export { x } from './y'`, `export * as x from './y'` (`name: '*'`). */
  | { kind: 'reexport'; from: string; name: string }
  /** An imported binding exported again: `import { x } from './y'; export { x }`. */
  | { kind: 'import'; from: string; path: string[] }
  | { kind: 'value' };

export interface ExportSummary {
  name: string;
  value: ExportValue;
  /** The functions that run when Lambda calls this export, unwrapped from middleware and factories. */
  runs?: number[];
}

export interface ImportSummary {
  local: string;
  from: string;
  /** `default`, `*` (namespace) or the imported name. */
  name: string;
}

/** An export recognised as a handler in the code (its name, type, signature or wrapper). */
export interface HandlerSummary {
  name: string;
  fn: number;
  how: HandlerRecognition;
  /** Middleware functions of a middy chain: they run per invocation with the request. */
  middlewares?: number[];
  /** A class-method handler bound to a module-level instance: its `this` outlives the invocation. */
  instance?: 'module';
}

export interface ModuleSummary {
  version: typeof SUMMARY_VERSION;
  file: string;
  /** The content hash the summary was made from, when the caller gave the text. */
  hash?: string;
  exports: ExportSummary[];
  /** `export * from './y'`. */
  starExports: string[];
  imports: ImportSummary[];
  handlers: HandlerSummary[];
  functions: FunctionSummary[];
  creations: CreationSummary[];
  fetches?: FetchSummary[];
  teardowns?: TeardownSummary[];
  /** State keys some function of this module writes (reads of other keys are stable). */
  writtenState: string[];
}
