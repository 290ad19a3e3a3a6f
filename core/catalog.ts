import type { ResourceEntry, ResourceKind, UserResource } from './types.js';

// The expensive resources, as data. docs/resources.md describes each family; a test checks that every
// module named here appears there. Construction of each of these sets up sockets, agents, TLS sessions,
// credential resolution or a pool: work that should happen once per execution environment.

// AWS SDK v2 classes that are configuration or plumbing, not service clients.
const AWS_SDK_V2_NOT_CLIENTS = [
  'Config',
  'Endpoint',
  'Request',
  'Response',
  'HttpRequest',
  'HttpResponse',
  'Service',
  'SequentialExecutor',
  'EventListeners',
  'ParamValidator',
  '*Credentials',
  'CredentialProviderChain',
];
const SQL_TEARDOWN = ['end', 'destroy'];

// What may move, per family: set-up calls that pile up on a shared instance (they move into the
// initialiser when their arguments are stable), calls that keep per-request state on it, and whether it
// is one connection that concurrent work of one invocation cannot share (docs/resources.md).
/** Node's EventEmitter: a listener registered per invocation is one more listener every time. */
export const LISTENERS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];
/** The AWS SDK v3 middleware stack: `add` with a `name` throws "Duplicate middleware name" the second time. */
const SDK_V3_SETUP = ['middlewareStack.add', 'middlewareStack.addRelativeTo', 'middlewareStack.use'];
const SDK_V3 = { teardown: ['destroy'], setup: SDK_V3_SETUP };
/** Powertools Logger keys and attributes outlive the call that sets them. */
const LOGGER_STATE = ['appendKeys', 'appendPersistentKeys', 'addPersistentLogAttributes', 'setPersistentLogAttributes'];
const SEQUELIZE_HOOKS = ['addHook', 'beforeConnect', 'afterConnect', 'beforeDisconnect', 'afterDisconnect', 'beforeQuery', 'afterQuery'];
const EMITTER = { setup: LISTENERS };
const SQL_POOL = { teardown: SQL_TEARDOWN, setup: LISTENERS };
const SQL_CONNECTION = { teardown: SQL_TEARDOWN, setup: LISTENERS, singleConnection: true };

const clients: ResourceEntry[] = [
  // AWS SDK v3: `new DynamoDBClient(...)`, and the aggregated `new DynamoDB(...)`, whose name is the package's
  // service (`{service}`: `client-cloudwatch-logs` → `CloudWatchLogs`). Everything else a client package
  // exports is a command, an exception (`NoSuchKey`), an enum or a paginator.
  { module: '@aws-sdk/client-*', export: '*Client', kind: 'client', form: 'new', ...SDK_V3 },
  { module: '@aws-sdk/client-*', export: '{service}', kind: 'client', form: 'new', ...SDK_V3 },
  { module: '@aws-sdk/lib-dynamodb', export: 'DynamoDBDocumentClient.from', kind: 'client', form: 'call', ...SDK_V3 },
  { module: '@aws-sdk/lib-dynamodb', export: 'DynamoDBDocument.from', kind: 'client', form: 'call', ...SDK_V3 },
  // AWS SDK v2.
  { module: 'aws-sdk', export: '*', kind: 'client', form: 'new', except: AWS_SDK_V2_NOT_CLIENTS },
  { module: 'aws-sdk', export: 'DynamoDB.DocumentClient', kind: 'client', form: 'new' },
  { module: 'aws-sdk/clients/*', export: 'default', kind: 'client', form: 'new' },
  { module: 'aws-sdk/clients/dynamodb', export: 'DocumentClient', kind: 'client', form: 'new' },
  // Powertools for AWS Lambda.
  { module: '@aws-lambda-powertools/logger', export: 'Logger', kind: 'client', form: 'new', requestState: LOGGER_STATE },
  { module: '@aws-lambda-powertools/tracer', export: 'Tracer', kind: 'client', form: 'new' },
  { module: '@aws-lambda-powertools/metrics', export: 'Metrics', kind: 'client', form: 'new', requestState: ['setDefaultDimensions'] },
  // HTTP-API SDKs whose construction sets up agents.
  { module: 'stripe', export: 'default', kind: 'client', form: 'any', ...EMITTER },
  { module: 'stripe', export: 'Stripe', kind: 'client', form: 'any', ...EMITTER },
  { module: 'openai', export: 'default', kind: 'client', form: 'new' },
  { module: 'openai', export: 'OpenAI', kind: 'client', form: 'new' },
  { module: 'openai', export: 'AzureOpenAI', kind: 'client', form: 'new' },
  { module: '@anthropic-ai/sdk', export: 'default', kind: 'client', form: 'new' },
  { module: '@anthropic-ai/sdk', export: 'Anthropic', kind: 'client', form: 'new' },
  { module: '@opensearch-project/opensearch', export: 'Client', kind: 'client', form: 'new', teardown: ['close'], ...EMITTER },
  { module: '@elastic/elasticsearch', export: 'Client', kind: 'client', form: 'new', teardown: ['close'], ...EMITTER },
  { module: '@slack/web-api', export: 'WebClient', kind: 'client', form: 'new', ...EMITTER },
  // AWS SDK utilities that resolve credentials and derive signing keys per construction (issue 10 §5).
  { module: '@aws-sdk/rds-signer', export: 'Signer', kind: 'client', form: 'new' },
  { module: 'aws-sdk', export: 'RDS.Signer', kind: 'client', form: 'new' },
  { module: '@aws-sdk/dsql-signer', export: 'DsqlSigner', kind: 'client', form: 'new' },
  { module: '@smithy/signature-v4', export: 'SignatureV4', kind: 'client', form: 'new' },
  { module: '@aws-sdk/signature-v4', export: 'SignatureV4', kind: 'client', form: 'new' },
  // Powertools parameter providers: each builds its SDK client and holds the time-to-live cache.
  { module: '@aws-lambda-powertools/parameters/secrets', export: 'SecretsProvider', kind: 'client', form: 'new' },
  { module: '@aws-lambda-powertools/parameters/ssm', export: 'SSMProvider', kind: 'client', form: 'new' },
  { module: '@aws-lambda-powertools/parameters/appconfig', export: 'AppConfigProvider', kind: 'client', form: 'new' },
  { module: '@aws-lambda-powertools/parameters/dynamodb', export: 'DynamoDBProvider', kind: 'client', form: 'new' },
  // HTTP agents and connection pools: keep-alive sockets and TLS sessions live in the instance.
  { module: 'https', export: 'Agent', kind: 'client', form: 'any', teardown: ['destroy'], ...EMITTER },
  { module: 'node:https', export: 'Agent', kind: 'client', form: 'any', teardown: ['destroy'], ...EMITTER },
  { module: 'http', export: 'Agent', kind: 'client', form: 'any', teardown: ['destroy'], ...EMITTER },
  { module: 'node:http', export: 'Agent', kind: 'client', form: 'any', teardown: ['destroy'], ...EMITTER },
  { module: 'undici', export: 'Agent', kind: 'client', form: 'new', teardown: ['close', 'destroy'], ...EMITTER },
  { module: 'undici', export: 'Pool', kind: 'client', form: 'new', teardown: ['close', 'destroy'], ...EMITTER },
  { module: 'undici', export: 'BalancedPool', kind: 'client', form: 'new', teardown: ['close', 'destroy'], ...EMITTER },
  { module: 'undici', export: 'Client', kind: 'client', form: 'new', teardown: ['close', 'destroy'], ...EMITTER },
  // API SDKs with an agent, a credential cache or a one-per-process rule of their own.
  { module: 'twilio', export: 'default', kind: 'client', form: 'any' },
  { module: 'twilio', export: 'Twilio', kind: 'client', form: 'any' },
  { module: 'firebase-admin', export: 'initializeApp', kind: 'client', form: 'call', teardown: ['delete'] },
  { module: 'firebase-admin/app', export: 'initializeApp', kind: 'client', form: 'call', teardown: ['delete'] },
  { module: '@octokit/rest', export: 'Octokit', kind: 'client', form: 'new' },
  { module: '@octokit/core', export: 'Octokit', kind: 'client', form: 'new' },
  { module: 'octokit', export: 'Octokit', kind: 'client', form: 'new' },
  { module: 'octokit', export: 'App', kind: 'client', form: 'new' },
  { module: '@octokit/app', export: 'App', kind: 'client', form: 'new' },
  { module: 'aws-jwt-verify', export: 'CognitoJwtVerifier.create', kind: 'client', form: 'call' },
  { module: 'aws-jwt-verify', export: 'JwtVerifier.create', kind: 'client', form: 'call' },
  { module: 'aws-jwt-verify', export: 'JwtRsaVerifier.create', kind: 'client', form: 'call' },
  { module: 'jwks-rsa', export: 'default', kind: 'client', form: 'any' },
  { module: 'jwks-rsa', export: 'JwksClient', kind: 'client', form: 'new' },
  { module: '@launchdarkly/node-server-sdk', export: 'init', kind: 'client', form: 'call', teardown: ['close'] },
  { module: 'launchdarkly-node-server-sdk', export: 'init', kind: 'client', form: 'call', teardown: ['close'] },
];

// `onError` was checked against each library: pg's Pool and node-redis emit `error` with nobody listening
// when a connection drops, and recover once something listens; mysql2's and mysql's pools, ioredis,
// MongoClient and mongoose listen themselves. A single connection (`singleConnection`) is dead for good
// once it fails: see `whenConnectionFails`.
const pools: ResourceEntry[] = [
  { module: 'pg', export: 'Pool', kind: 'pool', form: 'new', teardown: ['end'], setup: LISTENERS, onError: 'log' },
  { module: 'pg', export: 'Client', kind: 'pool', form: 'new', connect: 'connect', teardown: ['end'], setup: LISTENERS, singleConnection: true },
  { module: 'pg-pool', export: 'default', kind: 'pool', form: 'new', teardown: ['end'], setup: LISTENERS, onError: 'log' },
  { module: 'postgres', export: 'default', kind: 'pool', form: 'call', teardown: ['end'] },
  { module: 'mysql2', export: 'createPool', kind: 'pool', form: 'call', ...SQL_POOL },
  // The callback APIs connect explicitly (`connection.connect(callback)`), which a singleton must not repeat.
  { module: 'mysql2', export: 'createConnection', kind: 'pool', form: 'call', connect: 'connect', ...SQL_CONNECTION },
  { module: 'mysql2/promise', export: 'createPool', kind: 'pool', form: 'call', ...SQL_POOL },
  { module: 'mysql2/promise', export: 'createConnection', kind: 'pool', form: 'call', async: true, ...SQL_CONNECTION },
  { module: 'mysql', export: 'createPool', kind: 'pool', form: 'call', ...SQL_POOL },
  { module: 'mysql', export: 'createConnection', kind: 'pool', form: 'call', connect: 'connect', ...SQL_CONNECTION },
  { module: 'mongodb', export: 'MongoClient', kind: 'pool', form: 'new', connect: 'connect', teardown: ['close'], setup: LISTENERS },
  { module: 'mongodb', export: 'MongoClient.connect', kind: 'pool', form: 'call', async: true, teardown: ['close'], setup: LISTENERS },
  // `mongoose.connect()` connects the module's default connection: the module object is the resource.
  {
    module: 'mongoose',
    export: 'connect',
    kind: 'pool',
    form: 'call',
    async: true,
    teardown: ['disconnect', 'connection.close', 'connection.destroy'],
    setup: ['plugin', 'connection.on', 'connection.once'],
  },
  { module: 'mongoose', export: 'createConnection', kind: 'pool', form: 'call', teardown: ['close', 'destroy'], setup: [...LISTENERS, 'plugin', 'model'] },
  { module: 'ioredis', export: 'default', kind: 'pool', form: 'new', teardown: ['quit', 'disconnect'], setup: [...LISTENERS, 'defineCommand'] },
  { module: 'ioredis', export: 'Redis', kind: 'pool', form: 'new', teardown: ['quit', 'disconnect'], setup: [...LISTENERS, 'defineCommand'] },
  { module: 'ioredis', export: 'Cluster', kind: 'pool', form: 'new', teardown: ['quit', 'disconnect'], setup: [...LISTENERS, 'defineCommand'] },
  { module: 'redis', export: 'createClient', kind: 'pool', form: 'call', connect: 'connect', teardown: ['quit', 'disconnect', 'close', 'destroy'], setup: LISTENERS, onError: 'log' },
  { module: 'redis', export: 'createCluster', kind: 'pool', form: 'call', connect: 'connect', teardown: ['quit', 'disconnect', 'close', 'destroy'], setup: LISTENERS, onError: 'log' },
  { module: '@prisma/client', export: 'PrismaClient', kind: 'pool', form: 'new', teardown: ['$disconnect'], setup: ['$use', '$on'] },
  { module: 'knex', export: 'default', kind: 'pool', form: 'call', teardown: ['destroy'], setup: LISTENERS },
  { module: 'knex', export: 'knex', kind: 'pool', form: 'call', teardown: ['destroy'], setup: LISTENERS },
  { module: 'sequelize', export: 'Sequelize', kind: 'pool', form: 'new', teardown: ['close'], setup: SEQUELIZE_HOOKS },
  { module: 'sequelize', export: 'default', kind: 'pool', form: 'new', teardown: ['close'], setup: SEQUELIZE_HOOKS },
  { module: 'typeorm', export: 'DataSource', kind: 'pool', form: 'new', connect: 'initialize', teardown: ['destroy'] },
  { module: '@neondatabase/serverless', export: 'Pool', kind: 'pool', form: 'new', teardown: ['end'], setup: LISTENERS, onError: 'log' },
  { module: '@neondatabase/serverless', export: 'Client', kind: 'pool', form: 'new', connect: 'connect', teardown: ['end'], setup: LISTENERS, singleConnection: true },
  // serverless-mysql manages its connection across invocations: `end()` is its per-invocation call (it
  // closes only when too many connections are open), so only `quit()` closes it.
  { module: 'serverless-mysql', export: 'default', kind: 'pool', form: 'call', teardown: ['quit'] },
  // libSQL / Turso: a `libsql://` URL opens a WebSocket stream at construction.
  { module: '@libsql/client', export: 'createClient', kind: 'pool', form: 'call', teardown: ['close'] },
];

/**
 * Functions known to receive a resource and use it without closing it or changing its set-up: a
 * resource handed to any other code the analysis cannot see stays where it is (docs/resources.md).
 */
export const CONSUMERS: ReadonlyArray<{ module: string; export: string }> = [
  { module: '@aws-sdk/s3-request-presigner', export: 'getSignedUrl' },
  { module: '@aws-sdk/s3-presigned-post', export: 'createPresignedPost' },
  { module: '@aws-sdk/lib-storage', export: 'Upload' },
  { module: '@aws-sdk/client-*', export: 'paginate*' },
  { module: '@aws-sdk/client-*', export: 'waitUntil*' },
  { module: '@aws-sdk/client-*', export: 'waitFor*' },
  { module: '@aws-sdk/lib-dynamodb', export: 'paginate*' },
];

/** Does the module path (`[]` for the module itself) name a known consumer? */
export function isConsumer(module: string, path: readonly string[]): boolean {
  const exportPath = path.length === 0 ? 'default' : path.join('.');
  return CONSUMERS.some(
    (consumer) => globToRegExp(consumer.module, false).test(module) && globToRegExp(consumer.export, true).test(exportPath),
  );
}

/**
 * What a reused instance needs when its connection fails (docs/resources.md, "When a connection drops"):
 * `log` the `error` event of a pool that recovers by itself (unheard, it ends the process); `forget` a
 * single connection on `error` and `end`, so that the next invocation makes a new one.
 */
export function whenConnectionFails(entry: ResourceEntry): 'log' | 'forget' | undefined {
  return entry.singleConnection ? 'forget' : entry.onError;
}

/**
 * The events the singleton's own listeners handle, per `whenConnectionFails`: `error` in both cases; a
 * single connection is forgotten on `end` too (pg's `Client` and mysql2's connection emit it when the
 * connection closes, by `end()` or by the server, and also after a failed connect).
 */
export const FAILURE_EVENTS = { log: ['error'], forget: ['error', 'end'] } as const;

/** The built-in catalogue, clients first. */
export const CATALOGUE: readonly ResourceEntry[] = [...clients, ...pools].map((entry) => ({
  ...entry,
  source: 'catalogue' as const,
}));

/** The catalogue with a user's entries added (from the rules' `additionalResources` option). */
const extendedCatalogues = new Map<string, readonly ResourceEntry[]>();

export function catalogueWith(
  additions: readonly UserResource[] | undefined,
  defaultKind: ResourceKind,
): readonly ResourceEntry[] {
  if (!additions?.length) return CATALOGUE;
  // The same options give the same catalogue object, so that its compiled patterns are reused per file.
  const key = JSON.stringify([additions, defaultKind]);
  let extended = extendedCatalogues.get(key);
  if (!extended) {
    extended = extend(additions, defaultKind);
    extendedCatalogues.set(key, extended);
  }
  return extended;
}

function extend(additions: readonly UserResource[], defaultKind: ResourceKind): readonly ResourceEntry[] {
  return [
    ...CATALOGUE,
    ...additions.map((add) => ({
      module: add.module,
      export: add.export,
      kind: add.kind ?? defaultKind,
      form: 'any' as const,
      // Nothing is known of a user's resource but that it may be an EventEmitter.
      setup: LISTENERS,
      source: 'option' as const,
    })),
  ];
}

/** An entry with its patterns compiled. */
interface CompiledEntry {
  entry: ResourceEntry;
  module: RegExp;
  export: RegExp;
  except: RegExp[];
  /** The export is `{service}`: the part of the module name the module's `*` matched, without dashes, in any case. */
  service: boolean;
}

/** A catalogue indexed by module: exact module names in a map, the few patterns (`@aws-sdk/client-*`) apart. */
interface CompiledCatalogue {
  byModule: Map<string, CompiledEntry[]>;
  patterns: CompiledEntry[];
}

const compiledCatalogues = new WeakMap<readonly ResourceEntry[], CompiledCatalogue>();

/** `*` matches any run of characters (captured); with `segment`, a run without dots. */
function globToRegExp(glob: string, segment: boolean): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join(segment ? '([^.]*)' : '(.*)');
  return new RegExp(`^${body}$`);
}

const SERVICE = '{service}';

function compile(catalogue: readonly ResourceEntry[]): CompiledCatalogue {
  let compiled = compiledCatalogues.get(catalogue);
  if (!compiled) {
    compiled = { byModule: new Map(), patterns: [] };
    for (const entry of catalogue) {
      const item = {
        entry,
        module: globToRegExp(entry.module, false),
        export: globToRegExp(entry.export, true),
        except: (entry.except ?? []).map((except) => globToRegExp(except, true)),
        service: entry.export === SERVICE,
      };
      if (entry.module.includes('*')) compiled.patterns.push(item);
      else compiled.byModule.set(entry.module, [...(compiled.byModule.get(entry.module) ?? []), item]);
    }
    compiledCatalogues.set(catalogue, compiled);
  }
  return compiled;
}

/** The entries whose module pattern matches, in catalogue order within each group. */
function entriesFor(catalogue: readonly ResourceEntry[], module: string): CompiledEntry[] {
  const { byModule, patterns } = compile(catalogue);
  const exact = byModule.get(module) ?? [];
  const matching = patterns.filter((compiled) => compiled.module.test(module));
  return matching.length === 0 ? exact : [...exact, ...matching];
}

/** Does this module specifier name a module that holds resources? */
export function isCatalogueModule(catalogue: readonly ResourceEntry[], module: string): boolean {
  return entriesFor(catalogue, module).length > 0;
}

/**
 * The entry that a creation matches: `form` is how it was created, `module` where its callee comes
 * from, and `path` the property path inside the module (`[]` for the module itself).
 */
export function matchResource(
  catalogue: readonly ResourceEntry[],
  module: string,
  path: readonly string[],
  form: 'new' | 'call',
): ResourceEntry | undefined {
  const exportPath = path.length === 0 ? 'default' : path.join('.');
  return entriesFor(catalogue, module).find(
    (compiled) =>
      (compiled.entry.form === 'any' || compiled.entry.form === form) &&
      (compiled.service ? isServiceName(compiled, module, exportPath) : compiled.export.test(exportPath)) &&
      !compiled.except.some((except) => except.test(exportPath)),
  )?.entry;
}

function isServiceName(compiled: CompiledEntry, module: string, exportPath: string): boolean {
  const service = compiled.module.exec(module)?.[1];
  return service !== undefined && service.replaceAll('-', '').toLowerCase() === exportPath.toLowerCase();
}
