// The expensive resources a generated handler uses, each as real code writes it: its imports, how it is
// constructed (with constant configuration or configuration taken from the request), how it is connected
// and closed, and a few typical calls. The names and calls follow the libraries' own documentation.
import type { Random } from './random.js';
import { cast, type Imports, type Names, type Style } from './source.js';

export interface ResourceRecipe {
  id: string;
  /** Base name of the local that holds it. */
  variable: string;
  /** The TypeScript type of the local, for `let x: T | undefined` in lazy singletons. */
  type: string;
  /** Adds the imports its construction needs; returns the constructing expression. */
  construct(imports: Imports, config: string): string;
  /** Configuration from constants and the environment. */
  configs: readonly string[];
  /** Configuration taken from `source`, an object derived from the request. */
  requestConfig(source: string): string;
  /** The constructing expression is a promise (`await mysql.createConnection(...)`). */
  async?: boolean;
  connect?: (local: string) => string;
  teardown?: (local: string) => string;
  /** Statements that use the resource with `id` (an expression) as the key. */
  use(local: string, id: string, context: UseContext): string[];
}

export interface UseContext {
  imports: Imports;
  names: Names;
  random: Random;
  style: Style;
}

/** A `construct` for `new Name(config)`, with `Name` imported by name or as the module's default export. */
function constructNew(module: string, name: string, { defaultImport = false, omitEmptyConfig = false } = {}): ResourceRecipe['construct'] {
  return (imports, config) => {
    let local = name;
    if (defaultImport) local = imports.default(module, name);
    else imports.named(module, name);
    return `new ${local}(${omitEmptyConfig && config === '{}' ? '' : config})`;
  };
}

/** An AWS SDK v3 client with a few of its commands; `call` writes the command's input. */
function sdkV3(
  id: string,
  module: string,
  client: string,
  variable: string,
  commands: Array<[command: string, input: (id: string) => string, result: string]>,
): ResourceRecipe {
  return {
    id,
    variable,
    type: client,
    construct: constructNew(module, client),
    configs: ['{}', '{}', '{ region: process.env.AWS_REGION }', '{ maxAttempts: 3 }'],
    requestConfig: (source) => `{ region: ${source}.region }`,
    use(local, key, { imports, names, random }) {
      const [command, input, result] = random.pick(commands);
      imports.named(module, command);
      const name = names.unique(result);
      return [`const ${name} = await ${local}.send(new ${command}(${input(key)}));`, `console.log('${command} done', ${name}.$metadata?.httpStatusCode);`];
    },
  };
}

const dynamodb = sdkV3('dynamodb', '@aws-sdk/client-dynamodb', 'DynamoDBClient', 'dynamodb', [
  ['GetItemCommand', (id) => `{ TableName: process.env.TABLE_NAME, Key: { pk: { S: String(${id}) } } }`, 'item'],
  ['PutItemCommand', (id) => `{ TableName: process.env.TABLE_NAME, Item: { pk: { S: String(${id}) }, updatedAt: { S: new Date().toISOString() } } }`, 'written'],
  ['QueryCommand', (id) => `{ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: String(${id}) } } }`, 'page'],
]);

const documentClient: ResourceRecipe = {
  id: 'document-client',
  variable: 'ddb',
  type: 'DynamoDBDocumentClient',
  construct(imports, config) {
    imports.named('@aws-sdk/client-dynamodb', 'DynamoDBClient');
    imports.named('@aws-sdk/lib-dynamodb', 'DynamoDBDocumentClient');
    return `DynamoDBDocumentClient.from(new DynamoDBClient(${config}))`;
  },
  configs: ['{}', '{ region: process.env.AWS_REGION }'],
  requestConfig: (source) => `{ region: ${source}.region }`,
  use(local, key, { imports, names, random }) {
    const [command, input] = random.pick([
      ['GetCommand', `{ TableName: process.env.TABLE_NAME, Key: { id: ${key} } }`],
      ['PutCommand', `{ TableName: process.env.TABLE_NAME, Item: { id: ${key}, status: 'RECEIVED', createdAt: Date.now() } }`],
      ['UpdateCommand', `{ TableName: process.env.TABLE_NAME, Key: { id: ${key} }, UpdateExpression: 'SET #s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'DONE' } }`],
      ['QueryCommand', `{ TableName: process.env.TABLE_NAME, IndexName: 'byOwner', KeyConditionExpression: 'ownerId = :o', ExpressionAttributeValues: { ':o': ${key} } }`],
    ] as const);
    imports.named('@aws-sdk/lib-dynamodb', command);
    const name = names.unique('output');
    return [`const ${name} = await ${local}.send(new ${command}(${input}));`];
  },
};

const s3 = sdkV3('s3', '@aws-sdk/client-s3', 'S3Client', 's3', [
  ['GetObjectCommand', (id) => `{ Bucket: process.env.BUCKET_NAME, Key: \`objects/\${${id}}.json\` }`, 'object'],
  ['PutObjectCommand', (id) => `{ Bucket: process.env.BUCKET_NAME, Key: \`reports/\${${id}}.json\`, Body: JSON.stringify({ id: ${id} }), ContentType: 'application/json' }`, 'upload'],
  ['HeadObjectCommand', (id) => `{ Bucket: process.env.BUCKET_NAME, Key: String(${id}) }`, 'head'],
]);
const sqs = sdkV3('sqs', '@aws-sdk/client-sqs', 'SQSClient', 'sqs', [
  ['SendMessageCommand', (id) => `{ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ id: ${id} }) }`, 'sent'],
  ['DeleteMessageCommand', (id) => `{ QueueUrl: process.env.QUEUE_URL, ReceiptHandle: String(${id}) }`, 'deleted'],
]);
const sns = sdkV3('sns', '@aws-sdk/client-sns', 'SNSClient', 'sns', [
  ['PublishCommand', (id) => `{ TopicArn: process.env.TOPIC_ARN, Message: JSON.stringify({ id: ${id} }), Subject: 'update' }`, 'published'],
]);
const eventBridge = sdkV3('eventbridge', '@aws-sdk/client-eventbridge', 'EventBridgeClient', 'eventBridge', [
  ['PutEventsCommand', (id) => `{ Entries: [{ Source: 'app.orders', DetailType: 'OrderChanged', Detail: JSON.stringify({ id: ${id} }), EventBusName: process.env.EVENT_BUS_NAME }] }`, 'putEvents'],
]);
const secrets = sdkV3('secrets', '@aws-sdk/client-secrets-manager', 'SecretsManagerClient', 'secretsManager', [
  ['GetSecretValueCommand', () => `{ SecretId: process.env.SECRET_ARN }`, 'secret'],
]);
const ssm = sdkV3('ssm', '@aws-sdk/client-ssm', 'SSMClient', 'ssm', [
  ['GetParameterCommand', () => `{ Name: process.env.PARAMETER_NAME, WithDecryption: true }`, 'parameter'],
]);
const sfn = sdkV3('sfn', '@aws-sdk/client-sfn', 'SFNClient', 'stepFunctions', [
  ['StartExecutionCommand', (id) => `{ stateMachineArn: process.env.STATE_MACHINE_ARN, name: \`run-\${${id}}\`, input: JSON.stringify({ id: ${id} }) }`, 'execution'],
]);
const lambda = sdkV3('lambda', '@aws-sdk/client-lambda', 'LambdaClient', 'lambda', [
  ['InvokeCommand', (id) => `{ FunctionName: process.env.WORKER_FUNCTION, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify({ id: ${id} })) }`, 'invocation'],
]);
const kinesis = sdkV3('kinesis', '@aws-sdk/client-kinesis', 'KinesisClient', 'kinesis', [
  ['PutRecordCommand', (id) => `{ StreamName: process.env.STREAM_NAME, PartitionKey: String(${id}), Data: Buffer.from(JSON.stringify({ id: ${id} })) }`, 'putRecord'],
]);

/** AWS SDK v2: `new AWS.S3()` from `aws-sdk`, calls with `.promise()`. */
function sdkV2(id: string, path: string, variable: string, method: string, params: (id: string) => string): ResourceRecipe {
  return {
    id,
    variable,
    type: `AWS.${path}`,
    construct(imports, config) {
      const AWS = imports.default('aws-sdk', 'AWS');
      return `new ${AWS}.${path}(${config === '{}' ? '' : config})`;
    },
    configs: ['{}', '{}', "{ apiVersion: '2012-08-10' }", '{ region: process.env.AWS_REGION }'],
    requestConfig: (source) => `{ region: ${source}.region }`,
    use(local, key, { names }) {
      const name = names.unique('response');
      return [`const ${name} = await ${local}.${method}(${params(key)}).promise();`];
    },
  };
}

const v2DocumentClient = sdkV2('v2-document-client', 'DynamoDB.DocumentClient', 'docClient', 'get', (id) => `{ TableName: process.env.TABLE_NAME, Key: { id: ${id} } }`);
const v2S3 = sdkV2('v2-s3', 'S3', 's3', 'getObject', (id) => `{ Bucket: process.env.BUCKET, Key: String(${id}) }`);
const v2Sqs = sdkV2('v2-sqs', 'SQS', 'sqs', 'sendMessage', (id) => `{ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ id: ${id} }) }`);
const v2Sns = sdkV2('v2-sns', 'SNS', 'sns', 'publish', (id) => `{ TopicArn: process.env.TOPIC_ARN, Message: String(${id}) }`);

const pgPool: ResourceRecipe = {
  id: 'pg-pool',
  variable: 'pool',
  type: 'Pool',
  construct: constructNew('pg', 'Pool'),
  configs: ['{ connectionString: process.env.DATABASE_URL, max: 1 }', '{ host: process.env.PGHOST, database: process.env.PGDATABASE, max: 2, idleTimeoutMillis: 1000 }'],
  requestConfig: (source) => `{ connectionString: ${source}.databaseUrl }`,
  use(local, key, { names, random }) {
    const name = names.unique('rows');
    const sql = random.pick(['SELECT * FROM orders WHERE id = $1', 'SELECT id, email FROM users WHERE tenant_id = $1 LIMIT 50', "UPDATE jobs SET status = 'done' WHERE id = $1"]);
    return [`const { ${name === 'rows' ? name : `rows: ${name}`} } = await ${local}.query(\`${sql}\`, [${key}]);`];
  },
};

const pgClient: ResourceRecipe = {
  id: 'pg-client',
  variable: 'client',
  type: 'Client',
  construct: constructNew('pg', 'Client'),
  configs: ['{ connectionString: process.env.DATABASE_URL }'],
  requestConfig: (source) => `{ connectionString: ${source}.databaseUrl }`,
  connect: (local) => `await ${local}.connect();`,
  teardown: (local) => `await ${local}.end();`,
  use(local, key, { names }) {
    const name = names.unique('result');
    return [`const ${name} = await ${local}.query('SELECT * FROM events WHERE aggregate_id = $1 ORDER BY version', [${key}]);`];
  },
};

const mysqlPool: ResourceRecipe = {
  id: 'mysql2-pool',
  variable: 'pool',
  type: 'ReturnType<typeof mysql.createPool>',
  construct(imports, config) {
    const mysql = imports.default('mysql2/promise', 'mysql');
    return `${mysql}.createPool(${config})`;
  },
  configs: ['{ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD, database: process.env.DB_NAME, connectionLimit: 1 }'],
  requestConfig: (source) => `{ host: ${source}.host, database: ${source}.database }`,
  use(local, key, { names }) {
    const name = names.unique('rows');
    return [`const [${name}] = await ${local}.execute('SELECT * FROM products WHERE sku = ?', [${key}]);`];
  },
};

const mysqlConnection: ResourceRecipe = {
  ...mysqlPool,
  id: 'mysql2-connection',
  variable: 'connection',
  type: 'Awaited<ReturnType<typeof mysql.createConnection>>',
  async: true,
  construct(imports, config) {
    const mysql = imports.default('mysql2/promise', 'mysql');
    return `${mysql}.createConnection(${config})`;
  },
  configs: ['process.env.DATABASE_URL', '{ host: process.env.DB_HOST, user: process.env.DB_USER, database: process.env.DB_NAME }'],
  teardown: (local) => `await ${local}.end();`,
};

const ioredis: ResourceRecipe = {
  id: 'ioredis',
  variable: 'redis',
  type: 'Redis',
  construct: constructNew('ioredis', 'Redis', { defaultImport: true }),
  configs: ['process.env.REDIS_URL', '{ host: process.env.REDIS_HOST, port: 6379, lazyConnect: true }'],
  requestConfig: (source) => `${source}.redisUrl`,
  teardown: (local) => `await ${local}.quit();`,
  use(local, key, { names, random }) {
    if (random.chance(0.5)) {
      const name = names.unique('cached');
      return [`const ${name} = await ${local}.get(\`cache:\${${key}}\`);`];
    }
    return [`await ${local}.set(\`seen:\${${key}}\`, '1', 'EX', 3600);`];
  },
};

const nodeRedis: ResourceRecipe = {
  id: 'redis',
  variable: 'redisClient',
  type: 'ReturnType<typeof createClient>',
  construct(imports, config) {
    imports.named('redis', 'createClient');
    return `createClient(${config})`;
  },
  configs: ['{ url: process.env.REDIS_URL }'],
  requestConfig: (source) => `{ url: ${source}.redisUrl }`,
  connect: (local) => `await ${local}.connect();`,
  teardown: (local) => `await ${local}.quit();`,
  use(local, key, { names }) {
    const name = names.unique('count');
    return [`const ${name} = await ${local}.incr(\`hits:\${${key}}\`);`];
  },
};

const mongo: ResourceRecipe = {
  id: 'mongodb',
  variable: 'mongoClient',
  type: 'MongoClient',
  construct: constructNew('mongodb', 'MongoClient'),
  configs: ['process.env.MONGODB_URI', 'process.env.MONGODB_URI, { maxPoolSize: 1 }'],
  requestConfig: (source) => `${source}.mongoUri`,
  connect: (local) => `await ${local}.connect();`,
  teardown: (local) => `await ${local}.close();`,
  use(local, key, { names }) {
    const name = names.unique('doc');
    return [`const ${name} = await ${local}.db('app').collection('profiles').findOne({ _id: ${key} });`];
  },
};

const prisma: ResourceRecipe = {
  id: 'prisma',
  variable: 'prisma',
  type: 'PrismaClient',
  construct: constructNew('@prisma/client', 'PrismaClient', { omitEmptyConfig: true }),
  configs: ['{}', "{ log: ['warn', 'error'] }"],
  requestConfig: (source) => `{ datasources: { db: { url: ${source}.databaseUrl } } }`,
  teardown: (local) => `await ${local}.$disconnect();`,
  use(local, key, { names }) {
    const name = names.unique('user');
    return [`const ${name} = await ${local}.user.findUnique({ where: { id: String(${key}) }, include: { orders: true } });`];
  },
};

const knex: ResourceRecipe = {
  id: 'knex',
  variable: 'db',
  type: 'ReturnType<typeof knex>',
  construct(imports, config) {
    const knexName = imports.default('knex', 'knex');
    return `${knexName}(${config})`;
  },
  configs: ["{ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 1 } }"],
  requestConfig: (source) => `{ client: 'pg', connection: ${source}.databaseUrl }`,
  teardown: (local) => `await ${local}.destroy();`,
  use(local, key, { names }) {
    const name = names.unique('records');
    return [`const ${name} = await ${local}('invoices').where({ customer_id: ${key} }).orderBy('created_at', 'desc').limit(20);`];
  },
};

/** Powertools utilities: built once at module scope in the documentation, sometimes per invocation. */
function powertools(id: string, module: string, name: string, variable: string, uses: Array<(local: string, key: string) => string>): ResourceRecipe {
  return {
    id,
    variable,
    type: name,
    construct: constructNew(module, name),
    configs: ["{ serviceName: 'orders' }", "{ serviceName: process.env.SERVICE_NAME }"],
    requestConfig: (source) => `{ serviceName: ${source}.service }`,
    use: (local, key, { random }) => [random.pick(uses)(local, key)],
  };
}

const logger = powertools('powertools-logger', '@aws-lambda-powertools/logger', 'Logger', 'logger', [
  (local, key) => `${local}.info('processing', { id: ${key} });`,
  (local, key) => `${local}.appendKeys({ requestKey: ${key} });`,
]);
const tracer = powertools('powertools-tracer', '@aws-lambda-powertools/tracer', 'Tracer', 'tracer', [(local, key) => `${local}.putAnnotation('key', String(${key}));`]);
const metrics: ResourceRecipe = {
  ...powertools('powertools-metrics', '@aws-lambda-powertools/metrics', 'Metrics', 'metrics', []),
  configs: ["{ namespace: 'Shop', serviceName: 'orders' }"],
  use(local, _key, { imports }) {
    imports.named('@aws-lambda-powertools/metrics', 'MetricUnit');
    return [`${local}.addMetric('processed', MetricUnit.Count, 1);`, `${local}.publishStoredMetrics();`];
  },
};

const stripe: ResourceRecipe = {
  id: 'stripe',
  variable: 'stripe',
  type: 'Stripe',
  construct: constructNew('stripe', 'Stripe', { defaultImport: true }),
  configs: ['process.env.STRIPE_SECRET_KEY', "process.env.STRIPE_SECRET_KEY, { maxNetworkRetries: 2 }"],
  requestConfig: (source) => `${source}.apiKey`,
  use(local, key, { names, style }) {
    const name = names.unique('session');
    return [`const ${name} = await ${local}.checkout.sessions.retrieve(${cast(style, `String(${key})`, 'string')});`];
  },
};

const openai: ResourceRecipe = {
  id: 'openai',
  variable: 'openai',
  type: 'OpenAI',
  construct: constructNew('openai', 'OpenAI', { defaultImport: true }),
  configs: ['{ apiKey: process.env.OPENAI_API_KEY }', '{}'],
  requestConfig: (source) => `{ apiKey: ${source}.apiKey }`,
  use(local, key, { names }) {
    const name = names.unique('completion');
    return [`const ${name} = await ${local}.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Summarise \${${key}}\` }] });`];
  },
};

/** What a generated file may use, with how often real Lambda code uses it (a rough weight). */
export const RESOURCES: ReadonlyArray<{ recipe: ResourceRecipe; weight: number }> = [
  { recipe: documentClient, weight: 14 },
  { recipe: dynamodb, weight: 6 },
  { recipe: s3, weight: 10 },
  { recipe: sqs, weight: 6 },
  { recipe: sns, weight: 4 },
  { recipe: eventBridge, weight: 4 },
  { recipe: secrets, weight: 4 },
  { recipe: ssm, weight: 3 },
  { recipe: sfn, weight: 2 },
  { recipe: lambda, weight: 2 },
  { recipe: kinesis, weight: 2 },
  { recipe: v2DocumentClient, weight: 5 },
  { recipe: v2S3, weight: 4 },
  { recipe: v2Sqs, weight: 2 },
  { recipe: v2Sns, weight: 2 },
  { recipe: pgPool, weight: 4 },
  { recipe: pgClient, weight: 2 },
  { recipe: mysqlPool, weight: 2 },
  { recipe: mysqlConnection, weight: 1 },
  { recipe: ioredis, weight: 2 },
  { recipe: nodeRedis, weight: 1 },
  { recipe: mongo, weight: 2 },
  { recipe: prisma, weight: 2 },
  { recipe: knex, weight: 1 },
  { recipe: logger, weight: 5 },
  { recipe: tracer, weight: 2 },
  { recipe: metrics, weight: 2 },
  { recipe: stripe, weight: 1 },
  { recipe: openai, weight: 1 },
];

export function pickResources(random: Random, count: number): ResourceRecipe[] {
  const chosen: ResourceRecipe[] = [];
  const total = RESOURCES.reduce((sum, entry) => sum + entry.weight, 0);
  for (let attempts = 0; chosen.length < count && attempts < 50; attempts++) {
    let roll = random.next() * total;
    const entry = RESOURCES.find((candidate) => (roll -= candidate.weight) < 0) ?? RESOURCES[0]!;
    if (!chosen.some((recipe) => recipe.variable === entry.recipe.variable)) chosen.push(entry.recipe);
  }
  return chosen;
}
