// Secrets, parameters and credentials, as data (issue 10 §3, §4). Kept apart from the resource catalogue
// (core/catalog.ts): these are not resources to hoist but values a resource is built from, and what the
// analysis and the rules need to know about them is different.
//
// - SECRET_FETCHES: calls that fetch a secret or a parameter from a store. With an id that does not come
//   from the request, the value is request-independent (issue 10 §1) and, fetched on every invocation
//   without a cache, reported by `no-per-invocation-secret-fetch`.
// - EXPIRING_CREDENTIALS: values that stop working after a while (an RDS IAM token, STS session
//   credentials). One in the configuration of a resource that outlives the invocation is reported by
//   `no-frozen-auth-token`, and the fix never hoists such a construction as it is.
// - REFRESHING_CREDENTIAL_PROVIDERS: what to use instead: providers the SDK calls again before expiry.
// - PASSWORD_HOOKS: how each driver takes a credential that is computed when it connects, so that a token
//   can be fetched per physical connection instead of frozen.
// - SHUTDOWN_EVENTS: process events in which closing a shared resource is right.
//
// Module and export patterns follow the catalogue's: `*` matches any run of characters in a module and
// within one segment of an export path; `default` is the module itself. docs/resources.md explains each.

/** Where a secret or a parameter is kept. */
export type SecretStore = 'secrets-manager' | 'ssm-parameter-store' | 'appconfig';

/** Where the id of the fetched secret is: an argument, or a property of an argument's object. */
export interface SecretIdLocation {
  argument: number;
  /** `SecretId` of `{ SecretId }`; absent when the argument itself is the id (`getSecret(name)`). */
  property?: string;
}

/** A cache that makes repeated fetches cheap: how long a value is kept by default and how to change it. */
export interface FetchCache {
  /** Seconds a fetched value is served from the cache; `Infinity` for a value kept for the process. */
  defaultSeconds: number;
  /** The call's option that sets it (`maxAge`), if any. */
  option?: string;
  /** The environment variable that sets it, if any. */
  env?: string;
}

interface SecretFetchBase {
  store: SecretStore;
  id: SecretIdLocation;
  /** Set for fetches through a helper that caches across invocations: these are fine per invocation. */
  cache?: FetchCache;
}

/**
 * How a fetch is written:
 * - `command`: an AWS SDK v3 command sent by a client, `client.send(new GetSecretValueCommand(input))`;
 * - `method`: a method of a client instance, `new SecretsManager().getSecretValue(input)` (SDK v3's
 *   aggregated clients, SDK v2, whose result may be `.promise()`d or passed to a callback);
 * - `call`: a function of the module, `getSecret(name)`;
 * - `url`: an HTTP GET to a local endpoint, `fetch('http://localhost:2773/secretsmanager/get?secretId=…')`.
 */
export type SecretFetch =
  | (SecretFetchBase & { form: 'command'; module: string; export: string })
  | (SecretFetchBase & { form: 'method'; module: string; export: string; method: string })
  | (SecretFetchBase & { form: 'call'; module: string; export: string })
  | (SecretFetchBase & { form: 'url'; url: RegExp; idParameter: string });

const POWERTOOLS_CACHE: FetchCache = { defaultSeconds: 5, option: 'maxAge', env: 'POWERTOOLS_PARAMETERS_MAX_AGE' };
const FIRST_ARGUMENT: SecretIdLocation = { argument: 0 };

/** Secrets Manager, SSM Parameter Store and AppConfig, through each client a handler may use. */
export const SECRET_FETCHES: readonly SecretFetch[] = [
  // AWS SDK v3, modular commands.
  { store: 'secrets-manager', form: 'command', module: '@aws-sdk/client-secrets-manager', export: 'GetSecretValueCommand', id: { argument: 0, property: 'SecretId' } },
  { store: 'secrets-manager', form: 'command', module: '@aws-sdk/client-secrets-manager', export: 'BatchGetSecretValueCommand', id: { argument: 0, property: 'SecretIdList' } },
  { store: 'ssm-parameter-store', form: 'command', module: '@aws-sdk/client-ssm', export: 'GetParameterCommand', id: { argument: 0, property: 'Name' } },
  { store: 'ssm-parameter-store', form: 'command', module: '@aws-sdk/client-ssm', export: 'GetParametersCommand', id: { argument: 0, property: 'Names' } },
  { store: 'ssm-parameter-store', form: 'command', module: '@aws-sdk/client-ssm', export: 'GetParametersByPathCommand', id: { argument: 0, property: 'Path' } },
  { store: 'appconfig', form: 'command', module: '@aws-sdk/client-appconfigdata', export: 'StartConfigurationSessionCommand', id: { argument: 0, property: 'ConfigurationProfileIdentifier' } },
  { store: 'appconfig', form: 'command', module: '@aws-sdk/client-appconfig', export: 'GetConfigurationCommand', id: { argument: 0, property: 'Configuration' } },
  // AWS SDK v3, aggregated clients.
  { store: 'secrets-manager', form: 'method', module: '@aws-sdk/client-secrets-manager', export: 'SecretsManager', method: 'getSecretValue', id: { argument: 0, property: 'SecretId' } },
  { store: 'ssm-parameter-store', form: 'method', module: '@aws-sdk/client-ssm', export: 'SSM', method: 'getParameter', id: { argument: 0, property: 'Name' } },
  { store: 'ssm-parameter-store', form: 'method', module: '@aws-sdk/client-ssm', export: 'SSM', method: 'getParameters', id: { argument: 0, property: 'Names' } },
  { store: 'ssm-parameter-store', form: 'method', module: '@aws-sdk/client-ssm', export: 'SSM', method: 'getParametersByPath', id: { argument: 0, property: 'Path' } },
  // AWS SDK v2.
  { store: 'secrets-manager', form: 'method', module: 'aws-sdk', export: 'SecretsManager', method: 'getSecretValue', id: { argument: 0, property: 'SecretId' } },
  { store: 'secrets-manager', form: 'method', module: 'aws-sdk/clients/secretsmanager', export: 'default', method: 'getSecretValue', id: { argument: 0, property: 'SecretId' } },
  { store: 'ssm-parameter-store', form: 'method', module: 'aws-sdk', export: 'SSM', method: 'getParameter', id: { argument: 0, property: 'Name' } },
  { store: 'ssm-parameter-store', form: 'method', module: 'aws-sdk', export: 'SSM', method: 'getParameters', id: { argument: 0, property: 'Names' } },
  { store: 'ssm-parameter-store', form: 'method', module: 'aws-sdk', export: 'SSM', method: 'getParametersByPath', id: { argument: 0, property: 'Path' } },
  { store: 'ssm-parameter-store', form: 'method', module: 'aws-sdk/clients/ssm', export: 'default', method: 'getParameter', id: { argument: 0, property: 'Name' } },
  { store: 'ssm-parameter-store', form: 'method', module: 'aws-sdk/clients/ssm', export: 'default', method: 'getParameters', id: { argument: 0, property: 'Names' } },
  { store: 'ssm-parameter-store', form: 'method', module: 'aws-sdk/clients/ssm', export: 'default', method: 'getParametersByPath', id: { argument: 0, property: 'Path' } },
  { store: 'appconfig', form: 'method', module: 'aws-sdk', export: 'AppConfig', method: 'getConfiguration', id: { argument: 0, property: 'Configuration' } },
  // Powertools for AWS Lambda, Parameters utility: a module-level provider with a time-to-live cache.
  { store: 'secrets-manager', form: 'call', module: '@aws-lambda-powertools/parameters/secrets', export: 'getSecret', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'ssm-parameter-store', form: 'call', module: '@aws-lambda-powertools/parameters/ssm', export: 'getParameter', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'ssm-parameter-store', form: 'call', module: '@aws-lambda-powertools/parameters/ssm', export: 'getParameters', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'ssm-parameter-store', form: 'call', module: '@aws-lambda-powertools/parameters/ssm', export: 'getParametersByName', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'appconfig', form: 'call', module: '@aws-lambda-powertools/parameters/appconfig', export: 'getAppConfig', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  // A provider's `get` caches in the provider: fine when the provider outlives the invocation, which
  // `no-per-invocation-client` checks (the providers are in the catalogue).
  { store: 'secrets-manager', form: 'method', module: '@aws-lambda-powertools/parameters/secrets', export: 'SecretsProvider', method: 'get', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'ssm-parameter-store', form: 'method', module: '@aws-lambda-powertools/parameters/ssm', export: 'SSMProvider', method: 'get', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'ssm-parameter-store', form: 'method', module: '@aws-lambda-powertools/parameters/ssm', export: 'SSMProvider', method: 'getMultiple', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  { store: 'appconfig', form: 'method', module: '@aws-lambda-powertools/parameters/appconfig', export: 'AppConfigProvider', method: 'get', id: FIRST_ARGUMENT, cache: POWERTOOLS_CACHE },
  // The AWS Parameters and Secrets Lambda Extension: a local HTTP endpoint (port 2773 unless
  // PARAMETERS_SECRETS_EXTENSION_HTTP_PORT says otherwise) with a cache of 300 seconds by default.
  {
    store: 'secrets-manager',
    form: 'url',
    url: /^(?:https?:\/\/(?:localhost|127\.0\.0\.1|0)(?::[^/]+)?|0)\/secretsmanager\/get\?/,
    idParameter: 'secretId',
    id: FIRST_ARGUMENT,
    cache: { defaultSeconds: 300, env: 'SECRETS_MANAGER_TTL' },
  },
  {
    store: 'ssm-parameter-store',
    form: 'url',
    url: /^(?:https?:\/\/(?:localhost|127\.0\.0\.1|0)(?::[^/]+)?|0)\/systemsmanager\/parameters\/get\/?\?/,
    idParameter: 'name',
    id: FIRST_ARGUMENT,
    cache: { defaultSeconds: 300, env: 'SSM_PARAMETER_STORE_TTL' },
  },
  // The AWS AppConfig Lambda extension (port 2772), which polls and caches (45 seconds by default).
  {
    store: 'appconfig',
    form: 'url',
    url: /^(?:https?:\/\/(?:localhost|127\.0\.0\.1|0)(?::[^/]+)?|0)\/applications\/[^/]+\/environments\/[^/]+\/configurations\//,
    idParameter: '',
    id: FIRST_ARGUMENT,
    cache: { defaultSeconds: 45, env: 'AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS' },
  },
];

/**
 * Middleware that fetches secrets and parameters before the handler and caches them (middy's
 * `cacheExpiry`, kept for the process by default). A handler wrapped with one of these gets its values from
 * `context` or the event: nothing to report.
 */
export const CACHING_MIDDLEWARE: readonly string[] = [
  '@middy/secrets-manager',
  '@middy/ssm',
  '@middy/appconfig',
  '@middy/rds-signer',
  '@middy/sts',
];

/** A value that stops working after a while. */
export interface ExpiringCredential {
  /** What makes it: a method of an instance (`Signer#getAuthToken`) or an SDK v3 command. */
  form: 'method' | 'command';
  module: string;
  /** The class whose instance has the method, or the command. */
  export: string;
  method?: string;
  /**
   * Where in the result the expiring value is: absent for the result itself (a token string),
   * `Credentials` for STS.
   */
  field?: string;
  /** How long it is valid by default, in seconds. */
  lifetimeSeconds: number;
  /** What it is, for messages: "an RDS IAM authentication token (valid 15 minutes)". */
  describe: string;
}

const RDS_TOKEN = 'an RDS IAM authentication token (valid 15 minutes)';
const DSQL_TOKEN = 'an Aurora DSQL authentication token (valid 15 minutes by default)';
const STS_CREDENTIALS = 'temporary STS credentials (valid 1 hour by default)';

export const EXPIRING_CREDENTIALS: readonly ExpiringCredential[] = [
  { form: 'method', module: '@aws-sdk/rds-signer', export: 'Signer', method: 'getAuthToken', lifetimeSeconds: 900, describe: RDS_TOKEN },
  { form: 'method', module: 'aws-sdk', export: 'RDS.Signer', method: 'getAuthToken', lifetimeSeconds: 900, describe: RDS_TOKEN },
  { form: 'method', module: '@aws-sdk/dsql-signer', export: 'DsqlSigner', method: 'getDbConnectAuthToken', lifetimeSeconds: 900, describe: DSQL_TOKEN },
  { form: 'method', module: '@aws-sdk/dsql-signer', export: 'DsqlSigner', method: 'getDbConnectAdminAuthToken', lifetimeSeconds: 900, describe: DSQL_TOKEN },
  ...['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetSessionToken', 'GetFederationToken'].flatMap(
    (operation): ExpiringCredential[] => {
      const method = operation[0]!.toLowerCase() + operation.slice(1);
      const lifetimeSeconds = operation === 'GetSessionToken' || operation === 'GetFederationToken' ? 43_200 : 3_600;
      const describe = lifetimeSeconds === 3_600 ? STS_CREDENTIALS : 'temporary STS credentials (valid 12 hours by default)';
      return [
        { form: 'command', module: '@aws-sdk/client-sts', export: `${operation}Command`, field: 'Credentials', lifetimeSeconds, describe },
        { form: 'method', module: '@aws-sdk/client-sts', export: 'STS', method, field: 'Credentials', lifetimeSeconds, describe },
        { form: 'method', module: 'aws-sdk', export: 'STS', method, field: 'Credentials', lifetimeSeconds, describe },
      ];
    },
  ),
  {
    form: 'method',
    module: '@aws-sdk/client-cognito-identity',
    export: 'CognitoIdentity',
    method: 'getCredentialsForIdentity',
    field: 'Credentials',
    lifetimeSeconds: 3_600,
    describe: 'temporary Cognito identity credentials (valid 1 hour)',
  },
  {
    form: 'command',
    module: '@aws-sdk/client-cognito-identity',
    export: 'GetCredentialsForIdentityCommand',
    field: 'Credentials',
    lifetimeSeconds: 3_600,
    describe: 'temporary Cognito identity credentials (valid 1 hour)',
  },
];

/**
 * Credential providers that the SDK calls again shortly before the credentials expire: the safe way to
 * give a long-lived client temporary credentials, and what `no-frozen-auth-token` recommends.
 */
export const REFRESHING_CREDENTIAL_PROVIDERS: readonly { module: string; export: string }[] = [
  { module: '@aws-sdk/credential-providers', export: 'fromTemporaryCredentials' },
  { module: '@aws-sdk/credential-providers', export: 'fromNodeProviderChain' },
  { module: '@aws-sdk/credential-providers', export: 'fromWebToken' },
  { module: '@aws-sdk/credential-providers', export: 'fromTokenFile' },
  { module: '@aws-sdk/credential-providers', export: 'fromCognitoIdentity' },
  { module: '@aws-sdk/credential-providers', export: 'fromCognitoIdentityPool' },
  { module: '@aws-sdk/credential-providers', export: 'fromContainerMetadata' },
  { module: '@aws-sdk/credential-providers', export: 'fromInstanceMetadata' },
  { module: '@aws-sdk/credential-provider-node', export: 'defaultProvider' },
  { module: 'aws-sdk', export: 'ChainableTemporaryCredentials' },
  { module: 'aws-sdk', export: 'TemporaryCredentials' },
  { module: 'aws-sdk', export: 'WebIdentityCredentials' },
  { module: 'aws-sdk', export: 'CognitoIdentityCredentials' },
];

/**
 * How a driver takes a credential computed when it connects:
 * - `function`: the option accepts `() => string | Promise<string>`, called for each new connection;
 * - `connection-function`: the whole connection configuration may be an async function, with an
 *   `expirationChecker` that tells the pool when to call it again (knex);
 * - `hook`: a hook before each connection may set the password (Sequelize `hooks.beforeConnect`);
 * - `auth-plugin`: an authentication plugin computes it (mysql2 `authPlugins.mysql_clear_password`,
 *   which is how RDS IAM authentication reaches MySQL).
 */
export type PasswordHookShape = 'function' | 'connection-function' | 'hook' | 'auth-plugin';

export interface PasswordHook {
  /** The resource, as its catalogue entry names it. */
  module: string;
  export: string;
  /** The configuration property the fix or the user writes (`password`, `hooks.beforeConnect`). */
  option: string;
  shape: PasswordHookShape;
  /**
   * The codemod and the quick fix write the hook themselves (`password: () => signer.getAuthToken()`);
   * otherwise the site stays, with the reason `expiring-credential`, and the docs show the pattern.
   */
  automatic: boolean;
  /** The pattern, as a user would write it with an RDS `Signer` named `signer`. */
  example: string;
}

const PASSWORD_FUNCTION = 'password: () => signer.getAuthToken()';

export const PASSWORD_HOOKS: readonly PasswordHook[] = [
  // node-postgres calls a password function for every new connection (pg/lib/client.js), and a Pool
  // passes it to each client it opens: a token is made per physical connection, never reused stale.
  { module: 'pg', export: 'Pool', option: 'password', shape: 'function', automatic: true, example: PASSWORD_FUNCTION },
  { module: 'pg', export: 'Client', option: 'password', shape: 'function', automatic: true, example: PASSWORD_FUNCTION },
  { module: 'pg-pool', export: 'default', option: 'password', shape: 'function', automatic: true, example: PASSWORD_FUNCTION },
  // The Neon driver keeps node-postgres's configuration, password function included.
  { module: '@neondatabase/serverless', export: 'Pool', option: 'password', shape: 'function', automatic: true, example: PASSWORD_FUNCTION },
  { module: '@neondatabase/serverless', export: 'Client', option: 'password', shape: 'function', automatic: true, example: PASSWORD_FUNCTION },
  // Postgres.js evaluates `pass` (alias `password`) when it authenticates each connection.
  { module: 'postgres', export: 'default', option: 'password', shape: 'function', automatic: true, example: PASSWORD_FUNCTION },
  // TypeORM accepts a password function for PostgreSQL only, so it depends on the `type` option.
  { module: 'typeorm', export: 'DataSource', option: 'password', shape: 'function', automatic: false, example: `type: 'postgres', ${PASSWORD_FUNCTION}` },
  {
    module: 'knex',
    export: 'default',
    option: 'connection',
    shape: 'connection-function',
    automatic: false,
    example:
      'connection: async () => ({ host, user, database, password: await signer.getAuthToken(), expirationChecker: () => Date.now() > madeAt + 10 * 60_000 })',
  },
  {
    module: 'knex',
    export: 'knex',
    option: 'connection',
    shape: 'connection-function',
    automatic: false,
    example:
      'connection: async () => ({ host, user, database, password: await signer.getAuthToken(), expirationChecker: () => Date.now() > madeAt + 10 * 60_000 })',
  },
  ...['Sequelize', 'default'].map(
    (name): PasswordHook => ({
      module: 'sequelize',
      export: name,
      option: 'hooks.beforeConnect',
      shape: 'hook',
      automatic: false,
      example: 'hooks: { beforeConnect: async (config) => { config.password = await signer.getAuthToken(); } }',
    }),
  ),
  ...['mysql2', 'mysql2/promise'].flatMap((module) =>
    ['createPool', 'createConnection'].map(
      (name): PasswordHook => ({
        module,
        export: name,
        option: 'authPlugins',
        shape: 'auth-plugin',
        automatic: false,
        example: "authPlugins: { mysql_clear_password: () => () => signer.getAuthToken() }",
      }),
    ),
  ),
];

/**
 * Drivers with no way to compute a password per connection: a resource built with an expiring token must
 * be rebuilt before the token expires, or reach the database another way (Prisma through a driver adapter
 * on a `pg` Pool with a password function; mysqljs through mysql2).
 */
export const NO_PASSWORD_HOOK: readonly { module: string; export: string; instead: string }[] = [
  { module: '@prisma/client', export: 'PrismaClient', instead: "a driver adapter (@prisma/adapter-pg) on a pg Pool with `password: () => signer.getAuthToken()`" },
  { module: 'mysql', export: 'createPool', instead: 'mysql2 with `authPlugins.mysql_clear_password`' },
  { module: 'mysql', export: 'createConnection', instead: 'mysql2 with `authPlugins.mysql_clear_password`' },
  { module: 'serverless-mysql', export: 'default', instead: "serverless-mysql's `library: require('mysql2')` with `authPlugins` in its config" },
];

/**
 * Process events in which closing a shared resource is right: the environment is shutting down. Lambda
 * sends SIGTERM to the runtime before it shuts an environment down when an extension is registered.
 */
export const SHUTDOWN_EVENTS: readonly string[] = ['SIGTERM', 'SIGINT', 'beforeExit', 'exit'];

// Look-ups over the data above, for the analysis: each takes what the import resolution gives (the module
// a name comes from and the property path inside it, `[]` for the module itself) and answers from the data.

/** Where a value comes from: a module and the property path inside it (`[]` is the module itself). */
export interface ModulePath {
  module: string;
  path: readonly string[];
}

const exportPathOf = (ref: ModulePath): string => (ref.path.length === 0 ? 'default' : ref.path.join('.'));

const named = (ref: ModulePath, module: string, exportPath: string): boolean =>
  ref.module === module && exportPathOf(ref) === exportPath;

/** The fetch a command names (`new GetSecretValueCommand(input)`, sent with `client.send()`). */
export function secretFetchCommand(command: ModulePath): SecretFetch | undefined {
  return SECRET_FETCHES.find((fetch) => fetch.form === 'command' && named(command, fetch.module, fetch.export));
}

/** The fetch a function of a module makes (`getSecret(name)` of Powertools). */
export function secretFetchCall(callee: ModulePath): SecretFetch | undefined {
  return SECRET_FETCHES.find((fetch) => fetch.form === 'call' && named(callee, fetch.module, fetch.export));
}

/** The fetch a method makes on an instance of `instanceOf` (`new SecretsManager().getSecretValue(input)`). */
export function secretFetchMethod(instanceOf: ModulePath, method: string): SecretFetch | undefined {
  return SECRET_FETCHES.find(
    (fetch) => fetch.form === 'method' && fetch.method === method && named(instanceOf, fetch.module, fetch.export),
  );
}

/**
 * The fetch a method of that name makes when the receiver cannot be resolved (a client passed in, a
 * getter's result): the SDK's own names (`getSecretValue`, `getParameter`), not a caching provider's `get`.
 */
export function secretFetchByMethod(method: string): SecretFetch | undefined {
  return SECRET_FETCHES.find((fetch) => fetch.form === 'method' && fetch.method === method && fetch.cache === undefined);
}

/**
 * The fetch an HTTP GET to a local extension makes, from the URL's static text: a template literal's or a
 * concatenation's expressions replaced by anything that is not `/` or `?` (`${port}` → `0`).
 */
export function secretFetchUrl(staticUrl: string): SecretFetch | undefined {
  return SECRET_FETCHES.find((fetch) => fetch.form === 'url' && fetch.url.test(staticUrl));
}

/**
 * Whether a fetch goes past its helper's cache: Powertools' `forceFetch: true`. `options` is the literal
 * value of each property of the options argument that the analysis could read.
 */
export function bypassesCache(fetch: SecretFetch, options: ReadonlyMap<string, unknown>): boolean {
  return fetch.cache !== undefined && fetch.cache.option === 'maxAge' && options.get('forceFetch') === true;
}

/** The expiring credential a command's result holds (`AssumeRoleCommand` → `Credentials`). */
export function expiringCredentialCommand(command: ModulePath): ExpiringCredential | undefined {
  return EXPIRING_CREDENTIALS.find((credential) => credential.form === 'command' && named(command, credential.module, credential.export));
}

/** The expiring credential a method returns on an instance of `instanceOf` (`Signer#getAuthToken`). */
export function expiringCredentialMethod(instanceOf: ModulePath, method: string): ExpiringCredential | undefined {
  return EXPIRING_CREDENTIALS.find(
    (credential) => credential.form === 'method' && credential.method === method && named(instanceOf, credential.module, credential.export),
  );
}

/**
 * The expiring credential a method of that name returns, when the receiver cannot be resolved (a signer
 * returned by a getter): `getAuthToken` is the RDS signer's.
 */
export function expiringCredentialByMethod(method: string): ExpiringCredential | undefined {
  const named = EXPIRING_CREDENTIALS.filter((credential) => credential.form === 'method' && credential.method === method);
  return named.find((credential) => credential.module !== 'aws-sdk') ?? named[0];
}

/** A credential provider that refreshes itself (`fromTemporaryCredentials`): the safe value for `credentials`. */
export function isRefreshingCredentialProvider(callee: ModulePath): boolean {
  return REFRESHING_CREDENTIAL_PROVIDERS.some((provider) => named(callee, provider.module, provider.export));
}

/** How a resource (by its catalogue entry's module and export) takes a password computed per connection. */
export function passwordHookFor(resource: { module: string; export: string }): PasswordHook | undefined {
  return PASSWORD_HOOKS.find((hook) => hook.module === resource.module && hook.export === resource.export);
}

/** What to use instead for a resource with no password hook at all (Prisma, mysqljs, serverless-mysql). */
export function noPasswordHookAdvice(resource: { module: string; export: string }): string | undefined {
  return NO_PASSWORD_HOOK.find((entry) => entry.module === resource.module && entry.export === resource.export)?.instead;
}

/** A middy middleware that fetches and caches secrets or parameters for the handler. */
export function isCachingMiddleware(module: string): boolean {
  return CACHING_MIDDLEWARE.includes(module);
}

/** `process.on(event, …)` for an event in which closing shared resources is right. */
export function isShutdownEvent(event: string): boolean {
  return SHUTDOWN_EVENTS.includes(event);
}
