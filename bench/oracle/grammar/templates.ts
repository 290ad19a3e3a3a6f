// Whole shapes around one resource, most of them the 13 cases of issue 9: state that piles up on a
// shared instance (middleware, listeners, hooks, logger keys), control flow and scoping the codemod must
// keep (a connect inside the user's try, a shadowing const in an unwrapped try, a one-line try),
// declarations it must keep whole, names and positions it must not break, and values that must differ
// per invocation. Each has a few variants; `variant` picks one (modulo their number).
import type { Template, TemplateSite } from './case.js';
import { block, emptyFragment, indent } from './fragment.js';
import type { Fragment, SiteContext, SiteNeeds } from './fragment.js';

export const TEMPLATE_NEEDS: Readonly<Record<Template, SiteNeeds>> = {
  'middleware-per-invocation': {},
  'listener-per-invocation': {},
  'append-keys': {},
  'prisma-hooks': {},
  'connect-in-try-503': { dbDownFirst: true },
  'per-record-transactions': {},
  'callback-teardown': { exclusive: true, callback: true },
  'finally-shadowing-const': {},
  'one-line-try': {},
  'multiple-declarators': {},
  'getter-named-local': { once: true },
  'module-code-before-require': { once: true },
  'jsdoc-type-no-imports': { exclusive: true, javascript: true, once: true },
  'random-uuid-logger': {},
  'mysql-connection-cast': { typescript: true },
  'await-using': { typescript: true },
};

type Renderer = (variant: number, ctx: SiteContext, fragment: Fragment) => void;

const S3 = { module: '@aws-sdk/client-s3', named: ['S3Client', 'GetObjectCommand'] };
const DYNAMODB = { module: '@aws-sdk/client-dynamodb', named: ['DynamoDBClient', 'GetItemCommand'] };
const PG_POOL = { module: 'pg', named: ['Pool'] };
const PG_CLIENT = { module: 'pg', named: ['Client'] };
const REDIS = { module: 'redis', named: ['createClient'] };
const LOGGER = { module: '@aws-lambda-powertools/logger', named: ['Logger'] };

const RENDERERS: Readonly<Record<Template, Renderer>> = {
  'middleware-per-invocation'(variant, ctx, fragment) {
    const dynamo = variant >= 2;
    const client = ctx.name(dynamo ? 'dynamo' : 's3');
    const out = ctx.name(dynamo ? 'dynamoResult' : 's3Result');
    fragment.imports.push(dynamo ? DYNAMODB : S3);
    const add = block(`${client}.middlewareStack.add(`, [
      block(`(next${ctx.type('any')}) => async (args${ctx.type('any')}) => {`, ["args.request.headers['x-trace'] = 'on';", 'return next(args);'], '},'),
      "{ name: 'addTraceHeader', step: 'build' },",
    ], ');');
    const inHelper = variant % 2 === 1;
    const helper = ctx.name('addTracing');
    if (inHelper) fragment.helpers.push(block(`function ${helper}(${client}${ctx.type(dynamo ? 'DynamoDBClient' : 'S3Client')}) {`, [add]));
    fragment.body.push(
      `const ${client} = ${ctx.mark(dynamo ? 'new DynamoDBClient({})' : 'new S3Client({})')};`,
      inHelper ? `${helper}(${client});` : add,
      dynamo
        ? `const ${out} = await ${client}.send(new GetItemCommand({ TableName: 'items', Key: { pk: { S: event.key } } }));`
        : `const ${out} = await ${client}.send(new GetObjectCommand({ Bucket: 'assets', Key: event.key }));`,
    );
    fragment.result = out;
  },

  'listener-per-invocation'(variant, ctx, fragment) {
    const redis = variant >= 2;
    const inHelper = variant % 2 === 1;
    const resource = ctx.name(redis ? 'redis' : 'pool');
    const out = ctx.name(redis ? 'redisResult' : 'poolResult');
    const helper = ctx.name(redis ? 'watchRedis' : 'watchPool');
    fragment.imports.push(redis ? REDIS : PG_POOL);
    const listen = `${resource}.on('error', (error${ctx.type('Error')}) => console.error('${redis ? 'redis' : 'idle client'} error', error.message));`;
    if (inHelper) fragment.helpers.push(block(`function ${helper}(${resource}${ctx.type(redis ? 'ReturnType<typeof createClient>' : 'Pool')}) {`, [listen]));
    fragment.body.push(
      `const ${resource} = ${ctx.mark(redis ? 'createClient({ url: process.env.REDIS_URL })' : 'new Pool({ host: process.env.PGHOST })')};`,
      inHelper ? `${helper}(${resource});` : listen,
      ...(redis
        ? [`await ${resource}.connect();`, `const ${out} = await ${resource}.get(event.key);`, `await ${resource}.quit();`]
        : [`const ${out} = (await ${resource}.query('SELECT $1::text AS v', [event.key])).rows;`, `await ${resource}.end();`]),
    );
    fragment.result = out;
  },

  'append-keys'(variant, ctx, fragment) {
    const logger = ctx.name('logger');
    fragment.imports.push(LOGGER);
    const state = [
      'if (event.userId) ' + `${logger}.appendKeys({ userId: event.userId });`,
      `${logger}.appendKeys({ userId: event.userId ?? 'anonymous' });`,
      `${logger}.addContext(context);`,
      `${logger}.appendKeys({ userId: event.userId ?? 'anonymous' });`,
    ][variant % 4]!;
    fragment.body.push(
      `const ${logger} = ${ctx.mark("new Logger({ serviceName: 'orders' })")};`,
      state,
      `${logger}.info('handled', { key: event.key });`,
      ...(variant % 4 === 3 ? [`${logger}.resetKeys();`] : []),
    );
  },

  'prisma-hooks'(variant, ctx, fragment) {
    const prisma = ctx.name('prisma');
    const out = ctx.name('prismaResult');
    const helper = ctx.name('instrument');
    fragment.imports.push({ module: '@prisma/client', named: ['PrismaClient'] });
    const use = `${prisma}.$use(async (params${ctx.type('any')}, next${ctx.type('any')}) => next(params));`;
    const on = `${prisma}.$on('query', (queryEvent${ctx.type('any')}) => console.debug('query', queryEvent.query));`;
    const hooks = [[use], [on], [use, on], [`${helper}(${prisma});`]][variant % 4]!;
    if (variant % 4 === 3) fragment.helpers.push(block(`function ${helper}(${prisma}${ctx.type('PrismaClient')}) {`, [use]));
    fragment.body.push(
      `const ${prisma} = ${ctx.mark(variant % 4 === 0 || variant % 4 === 3 ? 'new PrismaClient()' : "new PrismaClient({ log: [{ emit: 'event', level: 'query' }] })")};`,
      ...hooks,
      `const ${out} = await ${prisma}.item.findMany({ where: { key: event.key } });`,
      `await ${prisma}.$disconnect();`,
    );
    fragment.result = out;
  },

  'connect-in-try-503'(variant, ctx, fragment) {
    const kind = (['pg', 'redis', 'mongodb', 'pg'] as const)[variant % 4]!;
    const client = ctx.name(kind === 'redis' ? 'redis' : kind === 'mongodb' ? 'mongo' : 'client');
    const out = ctx.name(`${client}Result`);
    if (kind === 'pg') fragment.imports.push(PG_CLIENT);
    else if (kind === 'redis') fragment.imports.push(REDIS);
    else fragment.imports.push({ module: 'mongodb', named: ['MongoClient'] });
    const create = { pg: 'new Client({ host: process.env.PGHOST })', redis: 'createClient({ url: process.env.REDIS_URL })', mongodb: `new MongoClient(${ctx.nonNull('process.env.MONGODB_URI')})` }[kind];
    const use = {
      pg: `(await ${client}.query('SELECT $1::text AS v', [event.key])).rows`,
      redis: `await ${client}.get(event.key)`,
      mongodb: `await ${client}.db('app').collection('items').findOne({ key: event.key })`,
    }[kind];
    const close = { pg: `await ${client}.end();`, redis: `await ${client}.quit();`, mongodb: `await ${client}.close();` }[kind];
    const handlerCatch = variant % 4 === 3 ? `} catch (error) {\n  console.error('database unavailable', ${ctx.loose('error')}.message);\n  return { statusCode: 503 };\n}` : '} catch {\n  return { statusCode: 503 };\n}';
    fragment.body.push(`const ${client} = ${ctx.mark(create)};`, block('try {', [`await ${client}.connect();`], handlerCatch), `const ${out} = ${use};`, close);
    fragment.result = out;
  },

  'per-record-transactions'(variant, ctx, fragment) {
    const out = ctx.name('saved');
    fragment.result = out;
    const insert = (client: string) => [
      `await ${client}.query('BEGIN');`,
      `await ${client}.query('INSERT INTO items (body) VALUES ($1)', [record.body]);`,
      `await ${client}.query('COMMIT');`,
    ];
    if (variant % 4 === 1) {
      // A pool per invocation, a pooled client per record: sharing the pool is safe.
      const pool = ctx.name('pool');
      fragment.imports.push(PG_POOL);
      fragment.body.push(
        `const ${pool} = ${ctx.mark('new Pool({ host: process.env.PGHOST })')};`,
        `const ${ctx.name('outcomes')} = await Promise.allSettled(`,
        ...indent([
          block('event.Records.map(async (record) => {', [
            `const client = await ${pool}.connect();`,
            block('try {', insert('client'), "} catch (error) {\n  await client.query('ROLLBACK');\n  throw error;\n} finally {\n  client.release();\n}"),
          ], '}),'),
        ]),
        ');',
        `await ${pool}.end();`,
        `const ${out} = ${ctx.name('outcomes')}.map((outcome) => outcome.status);`,
      );
      return;
    }
    if (variant % 4 === 2) {
      // A mysql2 connection per record, the same transaction on each.
      fragment.imports.push({ module: 'mysql2/promise', default: 'mysql' });
      fragment.body.push(
        `const ${ctx.name('outcomes')} = await Promise.allSettled(`,
        ...indent([
          block('event.Records.map(async (record) => {', [
            `const connection = await ${ctx.mark('mysql.createConnection({ host: process.env.MYSQL_HOST })')};`,
            block('try {', [
              "await connection.query('BEGIN');",
              "await connection.query('INSERT INTO items (body) VALUES (?)', [record.body]);",
              "await connection.query('COMMIT');",
            ], "} catch (error) {\n  await connection.query('ROLLBACK');\n  throw error;\n} finally {\n  await connection.end();\n}"),
          ], '}),'),
        ]),
        ');',
        `const ${out} = ${ctx.name('outcomes')}.map((outcome) => outcome.status);`,
      );
      return;
    }
    fragment.imports.push(PG_CLIENT);
    const perRecord = [
      `const client = ${ctx.mark('new Client({ host: process.env.PGHOST })')};`,
      'await client.connect();',
    ];
    if (variant % 4 === 3) {
      // One record at a time: a shared connection would see the same statements in the same order.
      fragment.body.push(
        `const ${out}${ctx.type('string[]')} = [];`,
        block('for (const record of event.Records) {', [
          ...perRecord,
          block('try {', [...insert('client'), `${out}.push('fulfilled');`], `} catch {\n  await client.query('ROLLBACK');\n  ${out}.push('rejected');\n} finally {\n  await client.end();\n}`),
        ]),
      );
      return;
    }
    fragment.body.push(
      `const ${ctx.name('outcomes')} = await Promise.allSettled(`,
      ...indent([
        block('event.Records.map(async (record) => {', [
          ...perRecord,
          block('try {', insert('client'), "} catch (error) {\n  await client.query('ROLLBACK');\n  throw error;\n} finally {\n  await client.end();\n}"),
        ], '}),'),
      ]),
      ');',
      `const ${out} = ${ctx.name('outcomes')}.map((outcome) => outcome.status);`,
    );
  },

  'callback-teardown'(variant, ctx, fragment) {
    const mysql = variant % 4 === 3;
    fragment.imports.push(mysql ? { module: 'mysql2/promise', default: 'mysql' } : PG_POOL);
    const pool = 'pool';
    const query = mysql ? `${pool}.query('SELECT ? AS v', [event.key])` : `${pool}.query('SELECT $1::text AS v', [event.key])`;
    const rows = mysql ? 'result[0]' : 'result.rows';
    const end = variant % 4 === 2 ? `${pool}.end().then(() => callback(null, { rows: ${rows} }));` : `${pool}.end();\ncallback(null, { rows: ${rows} });`;
    fragment.callbackBody = [
      ...(variant % 4 === 1 ? ['context.callbackWaitsForEmptyEventLoop = false;'] : []),
      `const ${pool} = ${ctx.mark(mysql ? 'mysql.createPool({ host: process.env.MYSQL_HOST })' : 'new Pool({ host: process.env.PGHOST })')};`,
      block(`${query}.then(`, [
        block(`(result${ctx.type('any')}) => {`, end.split('\n'), '},'),
        `(error${ctx.type('Error')}) => callback(error),`,
      ], ');'),
    ];
  },

  'finally-shadowing-const'(variant, ctx, fragment) {
    const table = ctx.name('table');
    const pool = ctx.name('pool');
    const out = ctx.name('shadowResult');
    fragment.imports.push(PG_POOL);
    fragment.top.push(`const ${table} = 'items';`);
    const tail = variant % 2 === 1 ? `} catch (error) {\n  console.error('query failed', ${ctx.loose('error')}.message);\n  throw error;\n} finally {\n  await ${pool}.end();\n}` : `} finally {\n  await ${pool}.end();\n}`;
    fragment.body.push(
      `const ${ctx.name('label')} = ${table};`,
      `const ${pool} = ${ctx.mark('new Pool({ host: process.env.PGHOST })')};`,
      `let ${ctx.name('bodies')}${ctx.type('string[]')} = [];`,
      block('try {', [
        `const ${table} = 'archive';`,
        `const { rows } = await ${pool}.query(\`SELECT body FROM \${${table}}\`);`,
        `${ctx.name('bodies')} = rows.map((row${ctx.type('any')}) => row.body);`,
      ], tail),
      `const ${out} = { label: ${ctx.name('label')}, bodies: ${ctx.name('bodies')} };`,
    );
    fragment.result = out;
  },

  'one-line-try'(variant, ctx, fragment) {
    const pool = ctx.name('pool');
    const rows = ctx.name('rows');
    fragment.imports.push(PG_POOL);
    const tries = [
      `try { ({ rows: ${rows} } = await ${pool}.query('SELECT 1 AS ok')); } finally { await ${pool}.end(); }`,
      `try { const result = await ${pool}.query('SELECT 1 AS ok');\n  ${rows} = result.rows;\n} finally {\n  await ${pool}.end();\n}`,
      `try { ${rows} = (await ${pool}.query('SELECT 1 AS ok')).rows; }\nfinally { await ${pool}.end(); }`,
      `try {\n  ${rows} = (await ${pool}.query('SELECT 1 AS ok')).rows;\n} finally { await ${pool}.end(); }`,
    ];
    fragment.body.push(`const ${pool} = ${ctx.mark('new Pool({ host: process.env.PGHOST })')};`, `let ${rows}${ctx.type('unknown[]')} = [];`, tries[variant % 4]!);
    fragment.result = rows;
  },

  'multiple-declarators'(variant, ctx, fragment) {
    switch (variant % 4) {
      case 0: {
        const [dynamo, doc, out] = [ctx.name('dynamo'), ctx.name('documentClient'), ctx.name('documentResult')];
        fragment.imports.push(DYNAMODB, { module: '@aws-sdk/lib-dynamodb', named: ['DynamoDBDocumentClient', 'GetCommand'] });
        fragment.body.push(
          `const ${dynamo} = ${ctx.mark('new DynamoDBClient({})')}, ${doc} = ${ctx.mark(`DynamoDBDocumentClient.from(${dynamo})`)};`,
          `const ${out} = await ${doc}.send(new GetCommand({ TableName: 'items', Key: { pk: event.key } }));`,
        );
        fragment.result = out;
        return;
      }
      case 1: {
        const [s3, bucket, out] = [ctx.name('s3'), ctx.name('bucket'), ctx.name('s3Result')];
        fragment.imports.push(S3);
        fragment.body.push(
          `const ${s3} = ${ctx.mark('new S3Client({})')}, ${bucket} = 'assets';`,
          `const ${out} = await ${s3}.send(new GetObjectCommand({ Bucket: ${bucket}, Key: event.key }));`,
        );
        fragment.result = out;
        return;
      }
      case 2: {
        const [pool, started, out] = [ctx.name('pool'), ctx.name('started'), ctx.name('poolResult')];
        fragment.imports.push(PG_POOL);
        fragment.body.push(
          `const ${started} = 1, ${pool} = ${ctx.mark('new Pool({ host: process.env.PGHOST })')};`,
          `const ${out} = { started: ${started}, rows: (await ${pool}.query('SELECT $1::text AS v', [event.key])).rows };`,
          `await ${pool}.end();`,
        );
        fragment.result = out;
        return;
      }
      default: {
        const [logger, count] = [ctx.name('logger'), ctx.name('count')];
        fragment.imports.push(LOGGER);
        fragment.body.push(
          `let ${logger} = ${ctx.mark("new Logger({ serviceName: 'orders' })")}, ${count} = 0;`,
          `${count} += 1;`,
          `${logger}.info('handled', { key: event.key, count: ${count} });`,
        );
        fragment.result = count;
      }
    }
  },

  'getter-named-local'(variant, ctx, fragment) {
    const pg = variant % 4 >= 2;
    const out = ctx.name('namedResult');
    if (pg) {
      fragment.imports.push(PG_POOL);
      const local = 'function getPool() {\n  return ' + ctx.mark('new Pool({ host: process.env.PGHOST })') + ';\n}';
      if (variant % 2 === 0) fragment.helpers.push(local);
      fragment.body.push(
        ...(variant % 2 === 1 ? [local] : []),
        `const ${ctx.name('pool')} = ${ctx.mark("new Pool({ host: 'db.internal' })")};`,
        `const ${ctx.name('replica')} = getPool();`,
        `const ${out} = [(await ${ctx.name('pool')}.query('SELECT 1 AS ok')).rows, (await ${ctx.name('replica')}.query('SELECT 1 AS ok')).rows];`,
        `await ${ctx.name('pool')}.end();`,
        `await ${ctx.name('replica')}.end();`,
      );
    } else {
      fragment.imports.push(S3);
      const local = `const getS3Client = () => ${ctx.mark("new S3Client({ region: 'eu-west-1' })")};`;
      if (variant % 2 === 0) fragment.helpers.push(local);
      fragment.body.push(
        ...(variant % 2 === 1 ? [local] : []),
        `const ${ctx.name('s3')} = ${ctx.mark('new S3Client({})')};`,
        `const ${ctx.name('archive')} = getS3Client();`,
        `const ${out} = [`,
        `  await ${ctx.name('s3')}.send(new GetObjectCommand({ Bucket: 'assets', Key: event.key })),`,
        `  await ${ctx.name('archive')}.send(new GetObjectCommand({ Bucket: 'archive', Key: event.key })),`,
        '];',
      );
    }
    fragment.result = out;
  },

  'module-code-before-require'(variant, ctx, fragment) {
    const makeClient = ctx.name('makeClient');
    const fallback = ctx.name('defaultClient');
    const logger = ctx.name('logger');
    const out = ctx.name('s3Result');
    fragment.imports.push(S3, { ...LOGGER, late: true });
    fragment.top.push(block(`function ${makeClient}() {`, [`return ${ctx.mark('new S3Client({})')};`]), `const ${fallback} = ${makeClient}();`);
    fragment.lateTop.push(`const ${logger} = ${ctx.mark("new Logger({ serviceName: 'orders' })")};`);
    const client = variant % 2 === 1 ? `(event.key ? ${makeClient}() : ${fallback})` : `${makeClient}()`;
    fragment.body.push(
      `const ${ctx.name('s3')} = ${client};`,
      `const ${out} = await ${ctx.name('s3')}.send(new GetObjectCommand({ Bucket: 'assets', Key: event.key }));`,
      `${logger}.info('handled', { key: event.key });`,
    );
    fragment.result = out;
  },

  'jsdoc-type-no-imports'(variant, ctx, fragment) {
    // No import before the first statement, which a JSDoc comment types: in CommonJS the SDK is required
    // inline in the handler, or (both module systems) at the bottom of the file, as legacy functions do.
    fragment.header = ['// @ts-check'];
    const inline = ctx.commonjs && variant % 2 === 0;
    if (inline) {
      fragment.top.push('/** @type {string} */', "const BUCKET = process.env.BUCKET_NAME ?? 'assets';");
      fragment.body.push(
        "const { GetObjectCommand } = require('@aws-sdk/client-s3');",
        `const s3 = ${ctx.mark("new (require('@aws-sdk/client-s3').S3Client)({})")};`,
        'const s3Result = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: event.key }));',
      );
    } else {
      fragment.handlerComment = "/** @type {import('aws-lambda').Handler} */";
      fragment.trailer = [ctx.commonjs ? "const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');" : "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';"];
      fragment.body.push(
        `const s3 = ${ctx.mark('new S3Client({})')};`,
        "const s3Result = await s3.send(new GetObjectCommand({ Bucket: 'assets', Key: event.key }));",
      );
    }
    fragment.result = 's3Result';
  },

  'random-uuid-logger'(variant, ctx, fragment) {
    const logger = ctx.name('logger');
    fragment.imports.push(LOGGER, { module: 'node:crypto', named: ['randomUUID'] });
    const attributes = variant % 2 === 0 ? 'persistentLogAttributes: { invocationId: randomUUID() }' : 'persistentKeys: { invocationId: randomUUID() }';
    fragment.body.push(`const ${logger} = ${ctx.mark(`new Logger({ serviceName: 'orders', ${attributes} })`)};`, `${logger}.info('handled', { key: event.key });`);
  },

  'mysql-connection-cast'(variant, ctx, fragment) {
    const connection = ctx.name('connection');
    const out = ctx.name('connectionResult');
    fragment.imports.push({ module: 'mysql2/promise', namespace: 'mysql' });
    fragment.body.push(
      `const ${connection} = (await ${ctx.mark('mysql.createConnection({ host: process.env.MYSQL_HOST })')}) as mysql.Connection;`,
      `const ${out} = (await ${connection}.query('SELECT ? AS v', [event.key]))[0];`,
      variant % 2 === 0 ? `await ${connection}.end();` : `${connection}.end();`,
    );
    fragment.result = out;
  },

  'await-using'(variant, ctx, fragment) {
    const mongo = ctx.name('mongo');
    const out = ctx.name('mongoResult');
    fragment.imports.push({ module: 'mongodb', named: ['MongoClient'] });
    fragment.body.push(
      `await using ${mongo} = ${ctx.mark(`new MongoClient(${ctx.nonNull('process.env.MONGODB_URI')})`)};`,
      ...(variant % 2 === 1 ? [`await ${mongo}.connect();`] : []),
      `const ${out} = await ${mongo}.db('app').collection('items').findOne({ key: event.key });`,
    );
    fragment.result = out;
  },
};

export function renderTemplateSite(site: TemplateSite, ctx: SiteContext): Fragment {
  const fragment = emptyFragment();
  RENDERERS[site.template](site.variant, ctx, fragment);
  fragment.tags.push(`template:${site.template}`, `template:${site.template}#${variantOf(site)}`);
  return fragment;
}

/** The variants each template has, so that tags name the variant actually rendered. */
const VARIANTS: Readonly<Record<Template, number>> = {
  'middleware-per-invocation': 4,
  'listener-per-invocation': 4,
  'append-keys': 4,
  'prisma-hooks': 4,
  'connect-in-try-503': 4,
  'per-record-transactions': 4,
  'callback-teardown': 4,
  'finally-shadowing-const': 2,
  'one-line-try': 4,
  'multiple-declarators': 4,
  'getter-named-local': 4,
  'module-code-before-require': 2,
  'jsdoc-type-no-imports': 2,
  'random-uuid-logger': 2,
  'mysql-connection-cast': 2,
  'await-using': 2,
};

function variantOf(site: TemplateSite): number {
  return site.variant % VARIANTS[site.template];
}
