// The resources a generated site can create, one per fake: how to import, create, connect, use and close
// each, and what its configuration looks like (the field a request could change, a literal, the
// environment variable, a value from the request, a value from the context).

export const RESOURCE_IDS = [
  's3',
  'dynamodb',
  'document-client',
  'pg-pool',
  'pg-client',
  'mysql-pool',
  'mysql-connection',
  'redis',
  'logger',
  'prisma',
  'mongodb',
  'mongoose',
] as const;
export type ResourceId = (typeof RESOURCE_IDS)[number];

export interface ImportNeed {
  module: string;
  named?: string[];
  default?: string;
  /** `import * as name` (ESM); `const name = require(...)` (CommonJS). */
  namespace?: string;
  /** `import type { ... }`: erased, never a runtime dependency. */
  typeOnly?: boolean;
  /** Placed after the module's first statements (a `require` that follows module code). */
  late?: boolean;
}

export interface ResourceSpec {
  id: ResourceId;
  imports: ImportNeed[];
  /** The base name of a variable holding it. */
  variable: string;
  /** Its TypeScript type, for declarations the generator writes. */
  type: string;
  /** The creating expression, given the configuration argument (without `await`). */
  create(argument: string): string;
  /** The creation returns a promise (`await mysql.createConnection()`, `await mongoose.connect()`). */
  asyncCreate: boolean;
  /** The statement that connects a created instance, when the resource needs one. */
  connect?(variable: string): string;
  /** An expression (awaited where needed) that uses it with a per-request key. */
  use(variable: string, key: string): string;
  /** The statement that closes it, when it has one. */
  teardown?(variable: string): string;
  /** The method `teardown` calls, for indirect teardown (`resource.end()` inside a helper). */
  teardownMethod?: string;
  /** The configuration is one string (a URI), not an object. */
  stringArgument: boolean;
  /** The configuration field a request could change. */
  field: string;
  literal: string;
  /** The environment variable that holds the stable value. */
  envName: string;
  /** A value derived from request data, given the expression of the event. */
  fromEvent(event: string): string;
  /** A configuration that carries a per-invocation id (from the context, or `randomUUID()`). */
  withInvocationId(id: string): string;
}

type Family = Pick<ResourceSpec, 'stringArgument' | 'field' | 'literal' | 'envName' | 'fromEvent' | 'withInvocationId'>;

/** What the resources of one library family share: their configuration, and how they are used. */
const AWS_CONFIG: Family = {
  stringArgument: false,
  field: 'region',
  literal: `'eu-west-1'`,
  envName: 'AWS_REGION',
  fromEvent: (event) => `${event}.region`,
  withInvocationId: (id) => `{ region: 'eu-west-1', customUserAgent: ${id} }`,
};
const PG_CONFIG: Family = {
  stringArgument: false,
  field: 'host',
  literal: `'db.internal'`,
  envName: 'PGHOST',
  fromEvent: (event) => `\`\${${event}.tenant}.db.internal\``,
  withInvocationId: (id) => `{ host: 'db.internal', application_name: ${id} }`,
};
const MYSQL_CONFIG: Family = {
  stringArgument: false,
  field: 'host',
  literal: `'mysql.internal'`,
  envName: 'MYSQL_HOST',
  fromEvent: (event) => `\`\${${event}.tenant}.mysql.internal\``,
  withInvocationId: (id) => `{ host: 'mysql.internal', database: ${id} }`,
};
const MONGO_CONFIG: Family = {
  stringArgument: true,
  field: 'uri',
  literal: `'mongodb://mongo.internal:27017/app'`,
  envName: 'MONGODB_URI',
  fromEvent: (event) => `\`mongodb://\${${event}.tenant}.mongo.internal:27017/app\``,
  withInvocationId: (id) => `\`mongodb://mongo.internal:27017/app?appName=\${${id}}\``,
};

const sdkUse = (command: string, input: (key: string) => string) => (variable: string, key: string) =>
  `await ${variable}.send(new ${command}(${input(key)}))`;
const destroy = { teardown: (variable: string) => `${variable}.destroy();`, teardownMethod: 'destroy' };
const end = { teardown: (variable: string) => `await ${variable}.end();`, teardownMethod: 'end' };
const pgUse = (variable: string, key: string) => `(await ${variable}.query('SELECT $1::text AS v', [${key}])).rows`;
const mysqlUse = (variable: string, key: string) => `(await ${variable}.query('SELECT ? AS v', [${key}]))[0]`;

export const RESOURCES: Readonly<Record<ResourceId, ResourceSpec>> = {
  s3: {
    id: 's3',
    imports: [{ module: '@aws-sdk/client-s3', named: ['S3Client', 'GetObjectCommand'] }],
    variable: 's3',
    type: 'S3Client',
    create: (argument) => `new S3Client(${argument})`,
    asyncCreate: false,
    use: sdkUse('GetObjectCommand', (key) => `{ Bucket: 'assets', Key: ${key} }`),
    ...destroy,
    ...AWS_CONFIG,
  },
  dynamodb: {
    id: 'dynamodb',
    imports: [{ module: '@aws-sdk/client-dynamodb', named: ['DynamoDBClient', 'GetItemCommand'] }],
    variable: 'dynamo',
    type: 'DynamoDBClient',
    create: (argument) => `new DynamoDBClient(${argument})`,
    asyncCreate: false,
    use: sdkUse('GetItemCommand', (key) => `{ TableName: 'items', Key: { pk: { S: ${key} } } }`),
    ...destroy,
    ...AWS_CONFIG,
  },
  'document-client': {
    id: 'document-client',
    imports: [
      { module: '@aws-sdk/client-dynamodb', named: ['DynamoDBClient'] },
      { module: '@aws-sdk/lib-dynamodb', named: ['DynamoDBDocumentClient', 'GetCommand'] },
    ],
    variable: 'documentClient',
    type: 'DynamoDBDocumentClient',
    create: (argument) => `DynamoDBDocumentClient.from(new DynamoDBClient(${argument}))`,
    asyncCreate: false,
    use: sdkUse('GetCommand', (key) => `{ TableName: 'items', Key: { pk: ${key} } }`),
    ...destroy,
    ...AWS_CONFIG,
  },
  'pg-pool': {
    id: 'pg-pool',
    imports: [{ module: 'pg', named: ['Pool'] }],
    variable: 'pool',
    type: 'Pool',
    create: (argument) => `new Pool(${argument})`,
    asyncCreate: false,
    use: pgUse,
    ...end,
    ...PG_CONFIG,
  },
  'pg-client': {
    id: 'pg-client',
    imports: [{ module: 'pg', named: ['Client'] }],
    variable: 'client',
    type: 'Client',
    create: (argument) => `new Client(${argument})`,
    asyncCreate: false,
    connect: (variable) => `await ${variable}.connect();`,
    use: pgUse,
    ...end,
    ...PG_CONFIG,
  },
  'mysql-pool': {
    id: 'mysql-pool',
    imports: [{ module: 'mysql2/promise', default: 'mysql' }],
    variable: 'mysqlPool',
    type: 'mysql.Pool',
    create: (argument) => `mysql.createPool(${argument})`,
    asyncCreate: false,
    use: mysqlUse,
    ...end,
    ...MYSQL_CONFIG,
  },
  'mysql-connection': {
    id: 'mysql-connection',
    imports: [{ module: 'mysql2/promise', default: 'mysql' }],
    variable: 'connection',
    type: 'mysql.Connection',
    create: (argument) => `mysql.createConnection(${argument})`,
    asyncCreate: true,
    use: mysqlUse,
    ...end,
    ...MYSQL_CONFIG,
  },
  redis: {
    id: 'redis',
    imports: [{ module: 'redis', named: ['createClient'] }],
    variable: 'redis',
    type: 'ReturnType<typeof createClient>',
    create: (argument) => `createClient(${argument})`,
    asyncCreate: false,
    connect: (variable) => `await ${variable}.connect();`,
    use: (variable, key) => `await ${variable}.get(${key})`,
    teardown: (variable) => `await ${variable}.quit();`,
    teardownMethod: 'quit',
    stringArgument: false,
    field: 'url',
    literal: `'redis://cache.internal:6379'`,
    envName: 'REDIS_URL',
    fromEvent: (event) => `\`redis://\${${event}.tenant}.cache.internal:6379\``,
    withInvocationId: (id) => `{ url: 'redis://cache.internal:6379', name: ${id} }`,
  },
  logger: {
    id: 'logger',
    imports: [{ module: '@aws-lambda-powertools/logger', named: ['Logger'] }],
    variable: 'logger',
    type: 'Logger',
    create: (argument) => `new Logger(${argument})`,
    asyncCreate: false,
    use: (variable, key) => `${variable}.info('handled', { key: ${key} })`,
    stringArgument: false,
    field: 'serviceName',
    literal: `'orders'`,
    envName: 'POWERTOOLS_SERVICE_NAME',
    fromEvent: (event) => `${event}.tenant`,
    withInvocationId: (id) => `{ serviceName: 'orders', persistentLogAttributes: { invocationId: ${id} } }`,
  },
  prisma: {
    id: 'prisma',
    imports: [{ module: '@prisma/client', named: ['PrismaClient'] }],
    variable: 'prisma',
    type: 'PrismaClient',
    create: (argument) => `new PrismaClient(${argument})`,
    asyncCreate: false,
    use: (variable, key) => `await ${variable}.item.findMany({ where: { key: ${key} } })`,
    teardown: (variable) => `await ${variable}.$disconnect();`,
    teardownMethod: '$disconnect',
    stringArgument: false,
    field: 'datasourceUrl',
    literal: `'postgresql://db.internal:5432/app'`,
    envName: 'DATABASE_URL',
    fromEvent: (event) => `\`postgresql://\${${event}.tenant}.db.internal:5432/app\``,
    withInvocationId: (id) => `{ datasourceUrl: \`postgresql://db.internal:5432/app?application_name=\${${id}}\` }`,
  },
  mongodb: {
    id: 'mongodb',
    imports: [{ module: 'mongodb', named: ['MongoClient'] }],
    variable: 'mongo',
    type: 'MongoClient',
    create: (argument) => `new MongoClient(${argument})`,
    asyncCreate: false,
    connect: (variable) => `await ${variable}.connect();`,
    use: (variable, key) => `await ${variable}.db('app').collection('items').findOne({ key: ${key} })`,
    teardown: (variable) => `await ${variable}.close();`,
    teardownMethod: 'close',
    ...MONGO_CONFIG,
  },
  mongoose: {
    id: 'mongoose',
    imports: [{ module: 'mongoose', default: 'mongoose' }],
    variable: 'db',
    type: 'typeof mongoose',
    create: (argument) => `mongoose.connect(${argument})`,
    asyncCreate: true,
    use: (variable, key) => `await ${variable}.connection.collection('items').countDocuments({ key: ${key} })`,
    teardown: () => `await mongoose.disconnect();`,
    teardownMethod: 'disconnect',
    ...MONGO_CONFIG,
  },
};
