import type { TSESTree } from '@typescript-eslint/types';
import type { ModuleSummary } from './summary/types.js';

/** A node that has its own body and runs when called: where an invocation can spend time. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/**
 * A piece of code that runs as one unit when something calls it: a function, or a class (its
 * constructor together with its instance field initialisers, which `new` runs).
 */
export type CodeUnit = FunctionNode | TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What a catalogued resource is: an API client, or a database pool or connection. */
export type ResourceKind = 'client' | 'pool';

/** How the resource is created: `new X()`, `X()` (or `X.from()`), or either. */
export type CreationForm = 'new' | 'call' | 'any';

/** One entry of the catalogue of expensive resources (see `core/catalog.ts`, `docs/resources.md`). */
export interface ResourceEntry {
  /** The module the name must come from; `*` matches any run of characters (`@aws-sdk/client-*`). */
  module: string;
  /**
   * The path inside the module, dotted: `Pool`, `MongoClient.connect`, `DynamoDB.DocumentClient`;
   * `default` is the module itself (`import knex from 'knex'`, `require('knex')`). `*` matches within
   * one segment.
   */
  export: string;
  kind: ResourceKind;
  form: CreationForm;
  /** Export names that match `export` but are not resources (`*Command` in an SDK client package). */
  except?: readonly string[];
  /** The creation returns a promise (`MongoClient.connect`, mysql2/promise `createConnection`). */
  async?: boolean;
  /** A method that must be awaited after creation before use (`client.connect()` for pg `Client`). */
  connect?: string;
  /**
   * Methods that close the resource (`end`, `destroy`, `quit`, ...), dotted for a method reached
   * through a property (`connection.close` on the mongoose module): removed when it is hoisted, and a
   * reason to leave the site where the plan cannot remove them (a helper that closes it). Calling
   * `[Symbol.dispose]()` / `[Symbol.asyncDispose]()` and declaring it with `using` close every resource.
   */
  teardown?: readonly string[];
  /**
   * A pool (or a client with its own reconnection) that emits `error` when a connection drops, which
   * ends the process when nothing listens: the singleton logs the event (`whenConnectionFails`).
   */
  onError?: 'log';
  /**
   * Calls that set the instance up and pile up when repeated (listeners, middleware, hooks, plugins):
   * `on`, `middlewareStack.add`, `$use`, `addHook`. With stable arguments, in the block that creates
   * the resource, they move into the singleton's initialiser and run once; anywhere else, or with
   * arguments computed in the invocation, the site stays.
   */
  setup?: readonly string[];
  /**
   * Calls that change state the instance keeps from one call to the next, per request (Powertools
   * Logger `appendKeys`, persistent attributes): with stable arguments they stay where they are (the
   * same state is set again), with anything else the shared instance would carry one request's state
   * into the next, so the site stays. Assigning a property of the instance (`client.config.x = ...`)
   * counts the same way for every resource.
   */
  requestState?: readonly string[];
  /**
   * One connection, not a pool: work that one invocation runs concurrently (a transaction per record
   * inside `Promise.all(records.map(...))`) cannot share it, so a site that may run concurrently stays.
   */
  singleConnection?: boolean;
  /** Where the entry came from: the built-in catalogue, or a user's rule option. */
  source?: 'catalogue' | 'option';
}

/** A resource a user adds through the rules' `additionalResources` option. */
export interface UserResource {
  module: string;
  export: string;
  kind?: ResourceKind;
}

/** Shared settings, read from `settings['lambda-hygiene']`. */
export interface LambdaHygieneSettings {
  /** Exported names that are Lambda handlers (default `handler`, `lambdaHandler`). */
  handlerNames?: readonly string[];
  /** Extra wrapper function names whose function argument is the handler (besides `middy`, ...). */
  wrappers?: readonly string[];
  /** Project mode: `true`, or where the project is and which infrastructure-as-code files declare handlers. */
  project?: boolean | { root?: string; iac?: readonly string[] };
}

export interface AnalysisOptions {
  settings?: LambdaHygieneSettings;
  additionalResources?: readonly UserResource[];
}

/** How a handler was recognised. */
export type HandlerRecognition =
  | 'export' // `export const handler = ...`, `export function handler`, `export { main as handler }`
  | 'commonjs' // `exports.handler = ...`, `module.exports = { handler }`
  | 'typed' // typed with a type from `aws-lambda` under any exported name
  | 'wrapper' // `middy(fn)`, `streamifyResponse(fn)`, ...
  | 'factory' // `export const handler = makeHandler(deps)`: the function `makeHandler` returns
  | 'class-method'; // `instance.handler.bind(instance)`

/** A place where an invocation enters the module. */
export interface Handler {
  /** The exported name (`handler`, `default`, ...). */
  name: string;
  /** The function that runs per invocation. */
  fn: FunctionNode;
  how: HandlerRecognition;
  /** The export that makes it a handler. */
  exportNode: TSESTree.Node;
  /**
   * For a handler a local factory returns (`makeHandler({ detect })`): the factory and the call, so that
   * what the handler calls through the factory's parameters can be followed to the arguments.
   */
  factory?: { fn: FunctionNode; call: TSESTree.CallExpression };
  /** Middleware hooks of a middy chain (`before`, `after`, `onError`): they run per invocation too. */
  middlewares?: FunctionNode[];
  /** A class-method handler bound to a module-level instance: `this` outlives the invocation. */
  instance?: 'module';
}

/** Why a site's inputs depend on the request, so that it must not be shared across invocations. */
export interface RequestDependence {
  /** The source text of the input that carries request data (`event`, `creds`, `record`). */
  input: string;
  why:
    | 'handler-parameter' // the handler's event or context
    | 'awaited' // expiring credentials awaited per invocation (STS, an RDS IAM token): never frozen into a reused resource
    | 'callback-parameter' // a parameter of a callback the code cannot follow
    | 'caught' // an error caught per invocation
    | 'module-state' // module or instance state written from request data per invocation
    | 'request-store'; // a per-request store: `AsyncLocalStorage#getStore()`
  /** The handler or function involved, for the message. */
  in: string;
}

/**
 * A site built from a value fetched on every invocation with request-independent inputs (a secret or a
 * parameter read with a constant or environment id, or another awaited value): per invocation, and
 * movable only together with its init chain.
 */
export interface InitDependence {
  /** The name of the fetched value (`secret`, `apiKey`), or the awaited expression. */
  input: string;
  source: 'secret' | 'parameter' | 'value';
  /** The handler or function that awaits it. */
  in: string;
  /** The awaited expression: `await sm.send(new GetSecretValueCommand(...))`. */
  fetch: TSESTree.Node;
  /** The statements from the fetch to the construction's inputs (fetch, parse, ...), in source order. */
  chain: TSESTree.Node[];
}

/**
 * A write to one of a construction's inputs before it: a local configuration object given a property,
 * `Object.assign`, a module object written in the handler, `process.env.X = ...`, `AWS.config.update(...)`.
 */
export interface InputWrite {
  node: TSESTree.Node;
  /** What is written, as written: `config.endpoint`, `settings`, `process.env.AWS_REGION`, `AWS.config`. */
  target: string;
  kind: 'assign' | 'property' | 'object-assign' | 'call' | 'env' | 'config';
  /** What the written value depends on. */
  dependence: 'stable' | 'init' | 'request';
}

/** One creation of a catalogued resource. */
export interface CreationSite {
  /** The creating expression: the report range (`new X(...)`, `X.from(...)`, `connect(...)`). */
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  entry: ResourceEntry;
  /** What the user wrote for the resource (`DynamoDBClient`, `AWS.S3`, `mysql.createPool`). */
  resource: string;
  /** The module the resource was resolved to. */
  module: string;
}

/** A creation site that runs on every invocation of a handler. */
export interface PerInvocationSite extends CreationSite {
  handler: Handler;
  /** The functions between the handler and the site, outermost first (`processRecord`, `IndexStore.put`). */
  path: string[];
  /** It runs for every record: inside a loop or a per-record callback, here or along the path. */
  perRecord: boolean;
  /** Set when its inputs depend on the request: it must not be hoisted as is. */
  requestDependence: RequestDependence | undefined;
  /** The creation's number in the module's summary. */
  id: number;
  /** Set (and `requestDependence` not) when it is built from a value fetched on every invocation. */
  initDependence?: InitDependence;
  /** Writes to its inputs between their creation and the construction, with what each carries. */
  inputWrites: InputWrite[];
  /** Every calling context that reaches it; the fields above describe the one reported. */
  reachedFrom: ReachContext[];
  /**
   * Project mode: a site that runs per invocation because of a handler the file alone does not show (in
   * another file, declared only in IaC, or reached through another file). `handler` then stands for the
   * outermost function of this file that runs it.
   */
  origin?: SiteOrigin;
}

/** Where a project-mode site's handler is, and the path to it across files (paths relative to the root). */
export interface SiteOrigin {
  handler: { file: string; export: string; declaredIn: { file: string; line: number } | null };
  /** The functions between the handler and the creation, outermost first, each with its file. */
  path: Array<{ name: string; file: string }>;
  /** The file of the site, relative to the root. */
  file: string;
  /** Why no fix is offered for it, when the fix would not stay in this file. */
  unfixable?: string;
}

/** One calling context in which a creation runs per invocation. */
export interface ReachContext {
  handler: string;
  path: string[];
  perRecord: boolean;
  dependence: 'stable' | 'init' | 'request';
}

/** A secret or parameter fetched on every invocation (core/credentials.ts), by a call that caches nothing. */
export interface PerInvocationFetch {
  /** The fetching call: `client.send(command)`, `sm.getSecretValue(input)`, `getSecret(name, { forceFetch: true })`. */
  node: TSESTree.CallExpression;
  /** What the user wrote for the operation (`GetSecretValueCommand`, `getSecretValue`). */
  operation: string;
  /** How the message names what is fetched (`process.env.DB_SECRET_ID`, `'prod/db'`). */
  id: string;
  handler: Handler;
  path: string[];
  perRecord: boolean;
  /** Set when the id derives from the request: the request's own secret (a tenant's), not a shared one. */
  requestDependence: RequestDependence | undefined;
}

/** A call, run per invocation, that closes a resource which outlives the invocation. */
export interface ReusedTeardown {
  node: TSESTree.CallExpression;
  /** `pool.end()`. */
  call: string;
  resource: string;
  lifetime: string;
  handler: Handler;
  path: string[];
  /** The statement the suggestion removes; absent when the call does more than close (a callback). */
  statement?: TSESTree.ExpressionStatement;
}

/** An expiring credential frozen into the configuration of a resource that outlives the invocation. */
export interface FrozenToken {
  /** The configuration value that holds it. */
  node: TSESTree.Node;
  option: string;
  resource: string;
  lifetime: string;
  /** What it is: `an RDS IAM authentication token (valid 15 minutes)`. */
  credential: string;
  advice: string;
  /** The driver's password function, and the declaration it leaves unused. */
  fix?: { text: string; unused?: TSESTree.VariableDeclaration };
}

export interface ModuleAnalysis {
  handlers: Handler[];
  /** Sites that run per invocation and are not lazily initialised: what the rules report. */
  sites: PerInvocationSite[];
  /** Secret and parameter fetches that run per invocation and are not cached. */
  fetches?: PerInvocationFetch[];
  /** Teardowns of resources that outlive the invocation, run per invocation. */
  teardowns?: ReusedTeardown[];
  /** Expiring credentials in the configuration of resources that outlive the invocation. */
  frozenTokens?: FrozenToken[];
  /**
   * The module's summary, when it has a handler and a creation (what the sites were solved from). The
   * solver filled in only what it read: `completeSummary(summary)` fills in the rest.
   */
  summary?: ModuleSummary;
}
