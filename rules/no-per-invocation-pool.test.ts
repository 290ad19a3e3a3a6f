import { ruleTester } from '../tests/rule-tester.js';
import rule from './no-per-invocation-pool.js';

const commonjs = { parserOptions: { sourceType: 'script' } } as const;

ruleTester.run('no-per-invocation-pool', rule, {
  valid: [
    {
      name: 'a memo function that returns early once a flag it sets is true (mongoose connect guard)',
      code: `
        const mongoose = require('mongoose');

        let isConnected = false;
        async function connectToDatabase() {
          if (isConnected) return;
          await mongoose.connect(process.env.MONGODB_URI);
          isConnected = true;
        }

        exports.handler = async () => {
          await connectToDatabase();
          return mongoose.connection.readyState;
        };
      `,
    },
    {
      name: 'the slow path after an early return on the cached pool runs once',
      code: `
        import { Pool } from 'pg';

        let pool: Pool | undefined;
        async function getPool(): Promise<Pool> {
          if (pool) return pool;
          const password = await loadPassword();
          pool = new Pool({ connectionString: process.env.DATABASE_URL, password });
          return pool;
        }
        declare function loadPassword(): Promise<string>;

        export const handler = async () => (await getPool()).query('select 1');
      `,
    },
    {
      name: 'pool at module scope, connections checked out per invocation',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });

        export const handler = async (event: { id: string }) => {
          const client = await pool.connect();
          try {
            return await client.query('select * from users where id = $1', [event.id]);
          } finally {
            client.release();
          }
        };
      `,
    },
    {
      name: 'a module with no handler is not Lambda code',
      code: `
        import mysql from 'mysql2/promise';
        import { PrismaClient } from '@prisma/client';

        export async function migrate() {
          const connection = await mysql.createConnection({ uri: process.env.DATABASE_URL });
          await connection.end();
        }

        export const makePrisma = () => new PrismaClient();
      `,
    },
    {
      name: 'an exported function the handler never calls',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool();

        export const handler = async () => pool.query('select 1');

        export async function seed() {
          const admin = new Pool({ max: 10 });
          await admin.query('insert into users values (1)');
          await admin.end();
        }
      `,
    },
    {
      name: '??= on a module-level variable inside the handler',
      code: `
        import { PrismaClient } from '@prisma/client';

        let prisma: PrismaClient | undefined;

        export const handler = async () => {
          prisma ??= new PrismaClient();
          return prisma.user.findMany();
        };
      `,
    },
    {
      name: '||= on a module-level variable',
      code: `
        import knex from 'knex';
        import type { Knex } from 'knex';

        let db: Knex | undefined;

        export async function handler() {
          db ||= knex({ client: 'pg', connection: process.env.DATABASE_URL });
          return db('users').select();
        }
      `,
    },
    {
      name: 'if (!x) { x = createClient(); await x.connect(); } on a module-level variable',
      code: `
        import { createClient } from 'redis';

        let redis: ReturnType<typeof createClient> | undefined;

        export const handler = async (event: { key: string }) => {
          if (!redis) {
            redis = createClient({ url: process.env.REDIS_URL });
            await redis.connect();
          }
          return redis.get(event.key);
        };
      `,
    },
    {
      name: 'x || (x = ...) and x ?? (x = ...) in helpers',
      code: `
        import Redis from 'ioredis';
        import { Sequelize } from 'sequelize';

        let redis: Redis | undefined;
        let sequelize: Sequelize | undefined;

        function getRedis() {
          return redis || (redis = new Redis(process.env.REDIS_URL!));
        }
        const getSequelize = () => sequelize ?? (sequelize = new Sequelize(process.env.DATABASE_URL!));

        export const handler = async () => [getRedis(), getSequelize()];
      `,
    },
    {
      name: 'memoised promise for MongoClient.connect (the shape of the fix)',
      code: `
        import { MongoClient } from 'mongodb';

        let cachedMongoClient: Promise<MongoClient> | undefined;
        const getMongoClient = (): Promise<MongoClient> =>
          (cachedMongoClient ??= MongoClient.connect(process.env.MONGODB_URI!).catch((error: unknown) => {
            cachedMongoClient = undefined;
            throw error;
          }));

        export const handler = async () => {
          const client = await getMongoClient();
          return client.db('app').collection('users').find().toArray();
        };
      `,
    },
    {
      name: 'memoised create-then-connect for pg Client (the shape of the fix)',
      code: `
        import { Client } from 'pg';

        let cachedClient: Promise<Client> | undefined;
        const getClient = (): Promise<Client> =>
          (cachedClient ??= (async () => {
            const created = new Client({ connectionString: process.env.DATABASE_URL });
            await created.connect();
            return created;
          })().catch((error: unknown) => {
            cachedClient = undefined;
            throw error;
          }));

        export const handler = async () => {
          const db = await getClient();
          return db.query('select 1');
        };
      `,
    },
    {
      name: 'this.x ??= and a getter on a module-level instance',
      code: `
        import { DataSource } from 'typeorm';
        import { Pool } from '@neondatabase/serverless';

        class Database {
          private dataSource?: DataSource;
          private neonPool?: Pool;

          source(): DataSource {
            this.dataSource ??= new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
            return this.dataSource;
          }

          get pool(): Pool {
            return (this.neonPool ||= new Pool({ connectionString: process.env.DATABASE_URL }));
          }
        }

        const database = new Database();

        export const handler = async () => [database.source(), database.pool];
      `,
    },
    {
      name: 'module-level Map of pools keyed by tenant',
      code: `
        import { Pool } from 'pg';

        const pools = new Map<string, Pool>();

        export const handler = async (event: { tenantId: string; database: string }) => {
          if (!pools.has(event.tenantId)) {
            pools.set(event.tenantId, new Pool({ database: event.database }));
          }
          return pools.get(event.tenantId)!.query('select 1');
        };
      `,
    },
    {
      name: 'module-scope factories called once',
      code: `
        import postgres from 'postgres';
        import { createPool } from 'mysql2';

        function createDb() {
          return { sql: postgres(process.env.DATABASE_URL!), mysql: createPool({ uri: process.env.MYSQL_URL }) };
        }
        const makeSql = () => postgres({ max: 1 });

        const db = createDb();
        const sql = makeSql();

        export const handler = async () => [db, sql];
      `,
    },
    {
      name: 'factory handler: the body of makeHandler runs once, at module scope',
      code: `
        import { Pool } from 'pg';

        function makeHandler(deps: { table: string }) {
          const pool = new Pool();
          return async (event: { id: string }) => pool.query('select * from ' + deps.table + ' where id = $1', [event.id]);
        }

        export const handler = makeHandler({ table: 'users' });
      `,
    },
    {
      name: 'a local function called createPool and a local class called Pool',
      code: `
        function createPool(size: number) {
          return { size, query: async (sql: string) => sql };
        }

        class Pool {
          query(sql: string) {
            return sql;
          }
        }

        export const handler = async () => {
          const pool = createPool(2);
          const other = new Pool();
          return [pool, other];
        };
      `,
    },
    {
      name: 'a parameter named Pool shadowing the import',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool();

        function withPool(Pool: new () => { query(sql: string): unknown }) {
          return new Pool();
        }

        export const handler = async () => {
          const Fake = class {
            query(sql: string) {
              return sql;
            }
          };
          return [pool, withPool(Fake)];
        };
      `,
    },
    {
      name: 'a class imported from the project, not from a driver',
      code: `
        import { Pool } from './db/pool.js';
        import { createPool } from '../lib/mysql';

        export const handler = async () => [new Pool(), createPool()];
      `,
    },
    {
      name: 're-export of a handler from another module',
      code: `
        import { Pool } from 'pg';

        export { handler } from './handler.js';

        export function createPoolForScripts() {
          return new Pool();
        }
      `,
    },
    {
      name: 'export * from another module',
      code: `
        import { MongoClient } from 'mongodb';

        export * from './handlers.js';

        export const connect = () => MongoClient.connect(process.env.MONGODB_URI!);
      `,
    },
    {
      name: 'top-level await, then a pool at module scope',
      code: `
        import { Pool } from 'pg';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        const password = await getSecret('db-password');
        const pool = new Pool({ password: password as string });

        export const handler = async () => pool.query('select 1');
      `,
    },
    {
      name: 'an SDK client is not reported by the pool rule',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import Stripe from 'stripe';

        export const handler = async () => {
          const s3 = new S3Client({});
          const stripe = new Stripe(process.env.STRIPE_KEY!);
          return [s3, stripe];
        };
      `,
    },
    {
      name: 'an untyped default export is not a handler',
      code: `
        import { Pool } from 'pg';

        export default async function (event: { id: string }) {
          const pool = new Pool();
          return pool.query('select $1', [event.id]);
        }
      `,
    },
    {
      name: 'an export named main is not a handler without settings',
      code: `
        import { PrismaClient } from '@prisma/client';

        export const main = async () => {
          const prisma = new PrismaClient();
          return prisma;
        };
      `,
    },
    {
      name: 'non-resource exports of the drivers (Schema, model, Prisma namespace, DataTypes, neon)',
      code: `
        import mongoose from 'mongoose';
        import { Prisma, PrismaClient } from '@prisma/client';
        import { DataTypes, Sequelize } from 'sequelize';
        import { neon } from '@neondatabase/serverless';

        const prisma = new PrismaClient();
        const sequelize = new Sequelize(process.env.DATABASE_URL!);

        export const handler = async (event: { amount: string }) => {
          const schema = new mongoose.Schema({ name: String });
          const Model = mongoose.model('User', schema);
          const amount = new Prisma.Decimal(event.amount);
          const User = sequelize.define('User', { name: DataTypes.STRING });
          const sql = neon(process.env.DATABASE_URL!);
          return [Model, amount, User, sql, prisma];
        };
      `,
    },
    {
      name: 'TypeORM DataSource at module scope, initialised lazily in the handler',
      code: `
        import { DataSource } from 'typeorm';

        const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });

        export const handler = async () => {
          if (!dataSource.isInitialized) await dataSource.initialize();
          return dataSource.query('select 1');
        };
      `,
    },
    {
      name: 'CommonJS: knex and mysql required and created at module scope',
      code: `
        const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
        const mysql = require('mysql');

        const connection = mysql.createConnection({ host: process.env.DB_HOST });

        module.exports.handler = async (event) => {
          return [await knex('users').where({ id: event.id }), connection];
        };
      `,
      languageOptions: commonjs,
    },
    {
      name: 'additionalResources with kind client is routed to the client rule',
      code: `
        import { Courier } from '@acme/courier';

        export const handler = async () => {
          const courier = new Courier({ token: process.env.COURIER_TOKEN });
          return courier;
        };
      `,
      options: [{ additionalResources: [{ module: '@acme/courier', export: 'Courier', kind: 'client' }] }],
    },
    {
      name: 'Powertools class handler with a module-scope pool',
      code: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { Pool } from 'pg';

        const tracer = new Tracer();
        const pool = new Pool();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          public async handler(_event: unknown, _context: unknown) {
            return pool.query('select 1');
          }
        }

        const instance = new Lambda();
        export const handler = instance.handler.bind(instance);
      `,
    },
    {
      name: 'TSX: module-scope Prisma, handler rendering JSX',
      code: `
        import { PrismaClient } from '@prisma/client';
        import { renderToString } from 'react-dom/server';

        const prisma = new PrismaClient();

        export const handler = async () => {
          const users = await prisma.user.findMany();
          return renderToString(<ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>);
        };
      `,
      filename: 'file.tsx',
    },
    {
      name: 'memo knex getter reached from a per-record loop',
      code: `
        import knex from 'knex';
        import type { Knex } from 'knex';
        import type { SQSEvent } from 'aws-lambda';

        let cachedDb: Knex | undefined;
        const getDb = () => (cachedDb ??= knex({ client: 'pg', connection: process.env.DATABASE_URL }));

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            await getDb()('events').insert({ body: record.body });
          }
        };
      `,
    },
    {
      name: 'middy handler using a module-scope mongoose connection',
      code: `
        import middy from '@middy/core';
        import mongoose from 'mongoose';

        const connection = mongoose.createConnection(process.env.MONGODB_URI!);

        const baseHandler = async () => connection.db?.collection('users').countDocuments();

        export const handler = middy(baseHandler).use({ before: async () => undefined });
      `,
    },
    {
      name: 'memoised create-then-connect for redis createClient (the shape of the fix)',
      code: `
        import { createClient } from 'redis';

        let cachedRedisClient: Promise<ReturnType<typeof createClient>> | undefined;
        const getRedisClient = (): Promise<ReturnType<typeof createClient>> =>
          (cachedRedisClient ??= (async () => {
            const created = createClient({ url: process.env.REDIS_URL });
            await created.connect();
            return created;
          })().catch((error: unknown) => {
            cachedRedisClient = undefined;
            throw error;
          }));

        export const handler = async (event: { key: string }) => {
          const redis = await getRedisClient();
          return redis.get(event.key);
        };
      `,
    },
    {
      name: 'a static field initialiser runs once, when the class is defined',
      code: `
        import { Pool } from 'pg';

        class Repository {
          static pool = new Pool();

          query(sql: string) {
            return Repository.pool.query(sql);
          }
        }

        export const handler = async () => new Repository().query('select 1');
      `,
    },
    {
      name: 'a module-scope IIFE',
      code: `
        import { Pool } from 'pg';

        const pool = (() => new Pool({ max: 1 }))();

        export const handler = async () => pool.query('select 1');
      `,
    },
    {
      name: 'a lazy cache in the closure of a factory, outside the handler',
      code: `
        import { Pool } from 'pg';

        function makeHandler() {
          let pool: Pool | undefined;
          return async () => {
            pool ??= new Pool();
            return pool.query('select 1');
          };
        }

        export const handler = makeHandler();
      `,
    },
    {
      name: 'a SQSHandler type that does not come from aws-lambda',
      code: `
        import type { SQSHandler } from './types.js';
        import { Pool } from 'pg';

        export const consume: SQSHandler = async () => new Pool();
      `,
    },
    {
      name: 'an if whose test mentions a flag assigned in its body',
      code: `
        import { Pool } from 'pg';

        let pool: Pool | undefined;
        let ready = false;

        export const handler = async () => {
          if (!ready) {
            pool = new Pool();
            ready = true;
          }
          return pool!.query('select 1');
        };
      `,
    },
    {
      name: 'issue 8: pool ??= createPool() where createPool builds the pool',
      code: `
        import { Pool } from 'pg';

        let pool: Pool | undefined;

        function createPool() {
          return new Pool({ connectionString: process.env.DATABASE_URL });
        }

        export const handler = async () => {
          pool ??= createPool();
          return pool.query('select 1');
        };
      `,
    },
    {
      name: 'issue 8: a class getInstance() singleton whose static field holds the instance that holds the pool',
      code: `
        import { Pool } from 'pg';

        class Database {
          private static instance: Database | undefined;
          readonly pool = new Pool();

          static getInstance(): Database {
            if (!Database.instance) Database.instance = new Database();
            return Database.instance;
          }
        }

        export const handler = async () => Database.getInstance().pool.query('select 1');
      `,
    },
    {
      name: 'issue 8: a class whose static field holds the pool',
      code: `
        import { Pool } from 'pg';

        class Database {
          private static pool: Pool | undefined;

          static getPool(): Pool {
            this.pool ??= new Pool();
            return this.pool;
          }
        }

        export const handler = async () => Database.getPool().query('select 1');
      `,
    },
    {
      name: 'issue 8: if (!pool) await init() where init sets the module pool',
      code: `
        import { Pool } from 'pg';

        let pool: Pool | undefined;

        async function init() {
          pool = new Pool();
          await pool.query('select 1');
        }

        export const handler = async () => {
          if (!pool) await init();
          return pool!.query('select 1');
        };
      `,
    },
    {
      name: 'issue 8: globalThis.prisma ??= new PrismaClient()',
      code: `
        import { PrismaClient } from '@prisma/client';

        const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

        export const handler = async () => {
          (globalThis as any).prisma ??= new PrismaClient();
          globalForPrisma.prisma ??= new PrismaClient();
          return globalForPrisma.prisma.user.count();
        };
      `,
    },
    {
      name: 'issue 8: if (!global.pgPool) global.pgPool = new Pool()',
      code: `
        const { Pool } = require('pg');

        exports.handler = async () => {
          if (!global.pgPool) global.pgPool = new Pool();
          return global.pgPool.query('select 1');
        };
      `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
    {
      name: 'issue 10: a guard set inside a callback (connect(uri, (err, client) => { cachedDb = ... }))',
      code: `
        const { MongoClient } = require('mongodb');

        let cachedDb = null;

        exports.handler = (event, context, callback) => {
          context.callbackWaitsForEmptyEventLoop = false;
          if (cachedDb == null) {
            MongoClient.connect(process.env.MONGODB_URI, (err, client) => {
              cachedDb = client.db('app');
              callback(null, 'connected');
            });
          } else {
            callback(null, 'reused');
          }
        };
      `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
    },
  ],
  invalid: [
    {
      name: 'an export of any name with Lambda\'s (event, context) signature is a handler',
      code: `
        const mongoose = require('mongoose');

        module.exports.createUser = async (event, context) => {
          context.callbackWaitsForEmptyEventLoop = false;
          await mongoose.connect(process.env.MONGODB_URI);
          const user = await mongoose.model('User').create(JSON.parse(event.body));
          return { statusCode: 201, body: JSON.stringify(user) };
        };
      `,
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 17,
          data: { resource: 'mongoose.connect', handler: 'createUser', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mongoose.connect' },
              output: `
        const mongoose = require('mongoose');

        let cachedConnect: ReturnType<typeof mongoose.connect> | undefined;
        const getConnect = (): ReturnType<typeof mongoose.connect> =>
          (cachedConnect ??= mongoose.connect(process.env.MONGODB_URI).catch((error: unknown) => {
            cachedConnect = undefined;
            throw error;
          }));

        module.exports.createUser = async (event, context) => {
          context.callbackWaitsForEmptyEventLoop = false;
          await getConnect();
          const user = await mongoose.model('User').create(JSON.parse(event.body));
          return { statusCode: 201, body: JSON.stringify(user) };
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- handler export forms
    {
      name: 'export const handler: new Pool, ended in the handler',
      code: `
        import { Pool } from 'pg';

        export const handler = async (event: { id: string }) => {
          const pool = new Pool({ connectionString: process.env.DATABASE_URL });
          try {
            return await pool.query('select * from users where id = $1', [event.id]);
          } finally {
            await pool.end();
          }
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 80,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool({ connectionString: process.env.DATABASE_URL });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async (event: { id: string }) => {
          const pool = getPool();
          return await pool.query('select * from users where id = $1', [event.id]);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export async function handler: pg Client with connect and end',
      code: `
        import { Client } from 'pg';

        export async function handler() {
          const client = new Client({ connectionString: process.env.DATABASE_URL });
          await client.connect();
          const result = await client.query('select now()');
          await client.end();
          return result.rows;
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 26,
          data: { resource: 'Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import { Client } from 'pg';

        // A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
        // next invocation opens a new one. Its errors are logged: an \`error\` event nobody listens to ends the process.
        let cachedClient: Promise<Client> | undefined;
        const getClient = (): Promise<Client> =>
          (cachedClient ??= (async () => {
            const created = new Client({ connectionString: process.env.DATABASE_URL });
            await created.connect();
            const connected = cachedClient;
            const forget = (error?: unknown) => {
              if (error) console.error(error);
              if (cachedClient === connected) cachedClient = undefined;
            };
            created.on('error', forget).on('end', forget);
            return created;
          })().catch((error: unknown) => {
            cachedClient = undefined;
            throw error;
          }));

        export async function handler() {
          const client = await getClient();
          const result = await client.query('select now()');
          return result.rows;
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export const lambdaHandler: pg-pool default export',
      code: `
        import PgPool from 'pg-pool';

        export const lambdaHandler = async () => {
          const pool = new PgPool({ max: 1 });
          return pool;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'PgPool', handler: 'lambdaHandler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PgPool' },
              output: `
        import PgPool from 'pg-pool';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPgPool: PgPool | undefined;
        const getPgPool = (): PgPool =>
          (cachedPgPool ??= (() => {
            const created = new PgPool({ max: 1 });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const lambdaHandler = async () => {
          const pool = getPgPool();
          return pool;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export { main as handler }: postgres()',
      code: `
        import postgres from 'postgres';

        async function main() {
          const sql = postgres(process.env.DATABASE_URL!, { max: 1 });
          const rows = await sql\`select 1\`;
          await sql.end();
          return rows;
        }

        export { main as handler };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'postgres', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'postgres' },
              output: `
        import postgres from 'postgres';

        let cachedSql: ReturnType<typeof postgres> | undefined;
        const getSql = (): ReturnType<typeof postgres> =>
          (cachedSql ??= postgres(process.env.DATABASE_URL!, { max: 1 }));

        async function main() {
          const sql = getSql();
          const rows = await sql\`select 1\`;
          return rows;
        }

        export { main as handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export default of a const typed Handler: mysql2 createPool',
      code: `
        import type { Handler } from 'aws-lambda';
        import mysql from 'mysql2';

        const main: Handler = async () => {
          const pool = mysql.createPool({ uri: process.env.MYSQL_URL });
          return pool;
        };

        export default main;
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 24,
          data: { resource: 'mysql.createPool', handler: 'default', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mysql.createPool' },
              output: `
        import type { Handler } from 'aws-lambda';
        import mysql from 'mysql2';

        let cachedPool: ReturnType<typeof mysql.createPool> | undefined;
        const getPool = (): ReturnType<typeof mysql.createPool> =>
          (cachedPool ??= mysql.createPool({ uri: process.env.MYSQL_URL }));

        const main: Handler = async () => {
          const pool = getPool();
          return pool;
        };

        export default main;
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export default function with an SQSEvent parameter: ioredis',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import Redis from 'ioredis';

        export default async function (event: SQSEvent) {
          const redis = new Redis(process.env.REDIS_URL!);
          await redis.incrby('messages', event.Records.length);
          await redis.quit();
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 25,
          data: { resource: 'Redis', handler: 'default', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Redis' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import Redis from 'ioredis';

        let cachedRedis: Redis | undefined;
        const getRedis = (): Redis =>
          (cachedRedis ??= new Redis(process.env.REDIS_URL!));

        export default async function (event: SQSEvent) {
          const redis = getRedis();
          await redis.incrby('messages', event.Records.length);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'exports.handler with a destructured require',
      code: `
        const { Pool } = require('pg');

        exports.handler = async function (event) {
          const pool = new Pool();
          return pool.query('select $1::text', [event.name]);
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        const { Pool } = require('pg');

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: InstanceType<typeof Pool> | undefined;
        const getPool = (): InstanceType<typeof Pool> =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        exports.handler = async function (event) {
          const pool = getPool();
          return pool.query('select $1::text', [event.name]);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'module.exports.handler with mysql required whole',
      code: `
        const mysql = require('mysql');

        module.exports.handler = async () => {
          const connection = mysql.createConnection({ host: process.env.DB_HOST });
          connection.end();
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 30,
          data: { resource: 'mysql.createConnection', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mysql.createConnection' },
              output: `
        const mysql = require('mysql');

        // A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
        // next invocation opens a new one. Its errors are logged: an \`error\` event nobody listens to ends the process.
        let cachedConnection: ReturnType<typeof mysql.createConnection> | undefined;
        const getConnection = (): ReturnType<typeof mysql.createConnection> =>
          (cachedConnection ??= (() => {
            const created: ReturnType<typeof mysql.createConnection> = mysql.createConnection({ host: process.env.DB_HOST });
            const forget = (error?: unknown) => {
              if (error) console.error(error);
              if (cachedConnection === created) cachedConnection = undefined;
            };
            created.on('error', forget).on('end', forget);
            return created;
          })());

        module.exports.handler = async () => {
          const connection = getConnection();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: "module.exports = { handler } with member require('pg').Pool",
      code: `
        const Pool = require('pg').Pool;

        async function handler() {
          const pool = new Pool();
          return pool.query('select 1');
        }

        module.exports = { handler };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        const Pool = require('pg').Pool;

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: InstanceType<typeof Pool> | undefined;
        const getPool = (): InstanceType<typeof Pool> =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        async function handler() {
          const pool = getPool();
          return pool.query('select 1');
        }

        module.exports = { handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'module.exports = { handler: fn } with knex required whole',
      code: `
        const knex = require('knex');

        module.exports = {
          handler: async (event) => {
            const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
            try {
              return await db('users').where({ id: event.id });
            } finally {
              await db.destroy();
            }
          },
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 24,
          data: { resource: 'knex', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'knex' },
              output: `
        const knex = require('knex');

        let cachedDb: ReturnType<typeof knex> | undefined;
        const getDb = (): ReturnType<typeof knex> =>
          (cachedDb ??= knex({ client: 'pg', connection: process.env.DATABASE_URL }));

        module.exports = {
          handler: async (event) => {
            const db = getDb();
            return await db('users').where({ id: event.id });
          },
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: "require('knex')(config) called in place",
      code: `
        exports.handler = async () => {
          const db = require('knex')({ client: 'mysql2', connection: process.env.DATABASE_URL });
          return db('users');
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'perInvocation', line: 3, column: 22, suggestions: [] }],
    },
    {
      name: 'TS import = require and export = { handler }',
      code: `
        import pg = require('pg');

        const handler = async () => {
          const pool = new pg.Pool();
          return pool;
        };

        export = { handler };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'pg.Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'pg.Pool' },
              output: `
        import pg = require('pg');

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: pg.Pool | undefined;
        const getPool = (): pg.Pool =>
          (cachedPool ??= (() => {
            const created = new pg.Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const handler = async () => {
          const pool = getPool();
          return pool;
        };

        export = { handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'SQSHandler type under another name: mongoose.connect',
      code: `
        import type { SQSHandler } from 'aws-lambda';
        import mongoose from 'mongoose';

        export const consume: SQSHandler = async (event) => {
          await mongoose.connect(process.env.MONGODB_URI!);
          console.log(event.Records.length);
          await mongoose.disconnect();
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 17,
          data: { resource: 'mongoose.connect', handler: 'consume', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mongoose.connect' },
              output: `
        import type { SQSHandler } from 'aws-lambda';
        import mongoose from 'mongoose';

        let cachedConnect: ReturnType<typeof mongoose.connect> | undefined;
        const getConnect = (): ReturnType<typeof mongoose.connect> =>
          (cachedConnect ??= mongoose.connect(process.env.MONGODB_URI!).catch((error: unknown) => {
            cachedConnect = undefined;
            throw error;
          }));

        export const consume: SQSHandler = async (event) => {
          await getConnect();
          console.log(event.Records.length);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'APIGatewayProxyHandler: PrismaClient with $disconnect',
      code: `
        import type { APIGatewayProxyHandler } from 'aws-lambda';
        import { PrismaClient } from '@prisma/client';

        export const getUsers: APIGatewayProxyHandler = async () => {
          const prisma = new PrismaClient();
          const users = await prisma.user.findMany();
          await prisma.$disconnect();
          return { statusCode: 200, body: JSON.stringify(users) };
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'PrismaClient', handler: 'getUsers', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PrismaClient' },
              output: `
        import type { APIGatewayProxyHandler } from 'aws-lambda';
        import { PrismaClient } from '@prisma/client';

        let cachedPrismaClient: PrismaClient | undefined;
        const getPrismaClient = (): PrismaClient =>
          (cachedPrismaClient ??= new PrismaClient());

        export const getUsers: APIGatewayProxyHandler = async () => {
          const prisma = getPrismaClient();
          const users = await prisma.user.findMany();
          return { statusCode: 200, body: JSON.stringify(users) };
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'satisfies Handler: Sequelize',
      code: `
        import type { Handler } from 'aws-lambda';
        import { Sequelize } from 'sequelize';

        export const report = (async () => {
          const sequelize = new Sequelize(process.env.DATABASE_URL!, { logging: false });
          return sequelize.query('select 1');
        }) satisfies Handler;
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 29,
          data: { resource: 'Sequelize', handler: 'report', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Sequelize' },
              output: `
        import type { Handler } from 'aws-lambda';
        import { Sequelize } from 'sequelize';

        let cachedSequelize: Sequelize | undefined;
        const getSequelize = (): Sequelize =>
          (cachedSequelize ??= new Sequelize(process.env.DATABASE_URL!, { logging: false }));

        export const report = (async () => {
          const sequelize = getSequelize();
          return sequelize.query('select 1');
        }) satisfies Handler;
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'first parameter typed S3Event: TypeORM DataSource',
      code: `
        import type { S3Event } from 'aws-lambda';
        import { DataSource } from 'typeorm';

        export async function ingest(event: S3Event) {
          const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
          await dataSource.initialize();
          await dataSource.query('insert into files values ($1)', [event.Records.length]);
          await dataSource.destroy();
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 30,
          data: { resource: 'DataSource', handler: 'ingest', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DataSource' },
              output: `
        import type { S3Event } from 'aws-lambda';
        import { DataSource } from 'typeorm';

        let cachedDataSource: Promise<DataSource> | undefined;
        const getDataSource = (): Promise<DataSource> =>
          (cachedDataSource ??= (async () => {
            const created = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
            await created.initialize();
            return created;
          })().catch((error: unknown) => {
            cachedDataSource = undefined;
            throw error;
          }));

        export async function ingest(event: S3Event) {
          const dataSource = await getDataSource();
          await dataSource.query('insert into files values ($1)', [event.Records.length]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'second parameter typed Context: Neon Pool and Client',
      code: `
        import type { Context } from 'aws-lambda';
        import { Pool, Client } from '@neondatabase/serverless';

        export const sync = async (_input: unknown, _context: Context) => {
          const pool = new Pool({ connectionString: process.env.DATABASE_URL });
          const client = new Client(process.env.DATABASE_URL);
          await client.connect();
          return [pool, client];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 24,
          data: { resource: 'Pool', handler: 'sync', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import type { Context } from 'aws-lambda';
        import { Pool, Client } from '@neondatabase/serverless';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool({ connectionString: process.env.DATABASE_URL });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const sync = async (_input: unknown, _context: Context) => {
          const pool = getPool();
          const client = new Client(process.env.DATABASE_URL);
          await client.connect();
          return [pool, client];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 26,
          data: { resource: 'Client', handler: 'sync', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import type { Context } from 'aws-lambda';
        import { Pool, Client } from '@neondatabase/serverless';

        // A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
        // next invocation opens a new one. Its errors are logged: an \`error\` event nobody listens to ends the process.
        let cachedClient: Promise<Client> | undefined;
        const getClient = (): Promise<Client> =>
          (cachedClient ??= (async () => {
            const created = new Client(process.env.DATABASE_URL);
            await created.connect();
            const connected = cachedClient;
            const forget = (error?: unknown) => {
              if (error) console.error(error);
              if (cachedClient === connected) cachedClient = undefined;
            };
            created.on('error', forget).on('end', forget);
            return created;
          })().catch((error: unknown) => {
            cachedClient = undefined;
            throw error;
          }));

        export const sync = async (_input: unknown, _context: Context) => {
          const pool = new Pool({ connectionString: process.env.DATABASE_URL });
          const client = await getClient();
          return [pool, client];
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- wrappers
    {
      name: 'middy(fn).use(a).use(b): redis createClient',
      code: `
        import middy from '@middy/core';
        import httpJsonBodyParser from '@middy/http-json-body-parser';
        import httpErrorHandler from '@middy/http-error-handler';
        import { createClient } from 'redis';

        const baseHandler = async (event: { body: { key: string } }) => {
          const redis = createClient({ url: process.env.REDIS_URL });
          await redis.connect();
          return redis.get(event.body.key);
        };

        export const handler = middy(baseHandler).use(httpJsonBodyParser()).use(httpErrorHandler());
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 25,
          data: { resource: 'createClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createClient' },
              output: `
        import middy from '@middy/core';
        import httpJsonBodyParser from '@middy/http-json-body-parser';
        import httpErrorHandler from '@middy/http-error-handler';
        import { createClient } from 'redis';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedRedis: Promise<ReturnType<typeof createClient>> | undefined;
        const getRedis = (): Promise<ReturnType<typeof createClient>> =>
          (cachedRedis ??= (async () => {
            const created: ReturnType<typeof createClient> = createClient({ url: process.env.REDIS_URL });
            await created.connect();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })().catch((error: unknown) => {
            cachedRedis = undefined;
            throw error;
          }));

        const baseHandler = async (event: { body: { key: string } }) => {
          const redis = await getRedis();
          return redis.get(event.body.key);
        };

        export const handler = middy(baseHandler).use(httpJsonBodyParser()).use(httpErrorHandler());
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'middy().use(x).handler(fn): MongoClient',
      code: `
        import middy from '@middy/core';
        import cors from '@middy/http-cors';
        import { MongoClient } from 'mongodb';

        export const handler = middy()
          .use(cors())
          .handler(async () => {
            const client = new MongoClient(process.env.MONGODB_URI!);
            await client.connect();
            return client.db().collection('users').countDocuments();
          });
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 9,
          column: 28,
          data: { resource: 'MongoClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'MongoClient' },
              output: `
        import middy from '@middy/core';
        import cors from '@middy/http-cors';
        import { MongoClient } from 'mongodb';

        let cachedMongoClient: Promise<MongoClient> | undefined;
        const getMongoClient = (): Promise<MongoClient> =>
          (cachedMongoClient ??= (async () => {
            const created = new MongoClient(process.env.MONGODB_URI!);
            await created.connect();
            return created;
          })().catch((error: unknown) => {
            cachedMongoClient = undefined;
            throw error;
          }));

        export const handler = middy()
          .use(cors())
          .handler(async () => {
            const client = await getMongoClient();
            return client.db().collection('users').countDocuments();
          });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'awslambda.streamifyResponse: postgres()',
      code: `
        import postgres from 'postgres';

        export const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
          const sql = postgres({ max: 1 });
          responseStream.write(String(await sql\`select 1\`));
          responseStream.end();
        });
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'postgres', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'postgres' },
              output: `
        import postgres from 'postgres';

        let cachedSql: ReturnType<typeof postgres> | undefined;
        const getSql = (): ReturnType<typeof postgres> =>
          (cachedSql ??= postgres({ max: 1 }));

        export const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
          const sql = getSql();
          responseStream.write(String(await sql\`select 1\`));
          responseStream.end();
        });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a wrapper with one function argument and options',
      code: `
        import { withSentry } from './sentry.js';
        import { knex } from 'knex';

        export const handler = withSentry(
          async () => {
            const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
            return db('users');
          },
          { tracesSampleRate: 1 },
        );
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 24,
          data: { resource: 'knex', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'knex' },
              output: `
        import { withSentry } from './sentry.js';
        import { knex } from 'knex';

        let cachedDb: ReturnType<typeof knex> | undefined;
        const getDb = (): ReturnType<typeof knex> =>
          (cachedDb ??= knex({ client: 'pg', connection: process.env.DATABASE_URL }));

        export const handler = withSentry(
          async () => {
            const db = getDb();
            return db('users');
          },
          { tracesSampleRate: 1 },
        );
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'factory makeHandler(deps): the returned function is the handler',
      code: `
        import { Pool } from 'pg';

        const makeHandler = (deps: { table: string }) => async (event: { id: string }) => {
          const pool = new Pool();
          return pool.query('select * from ' + deps.table + ' where id = $1', [event.id]);
        };

        export const handler = makeHandler({ table: 'users' });
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const makeHandler = (deps: { table: string }) => async (event: { id: string }) => {
          const pool = getPool();
          return pool.query('select * from ' + deps.table + ' where id = $1', [event.id]);
        };

        export const handler = makeHandler({ table: 'users' });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'Powertools class handler: handler.bind(instance) with decorators',
      code: `
        import { Logger } from '@aws-lambda-powertools/logger';
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { Pool } from 'pg';

        const logger = new Logger();
        const tracer = new Tracer();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          @logger.injectLambdaContext()
          public async handler(_event: unknown, _context: unknown) {
            const pool = new Pool();
            return pool.query('select 1');
          }
        }

        const lambda = new Lambda();
        export const handler = lambda.handler.bind(lambda);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 14,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Logger } from '@aws-lambda-powertools/logger';
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const logger = new Logger();
        const tracer = new Tracer();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          @logger.injectLambdaContext()
          public async handler(_event: unknown, _context: unknown) {
            const pool = getPool();
            return pool.query('select 1');
          }
        }

        const lambda = new Lambda();
        export const handler = lambda.handler.bind(lambda);
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- import forms
    {
      name: 'aliased named import',
      code: `
        import { Pool as PgPool } from 'pg';

        export const handler = async () => {
          const pool = new PgPool();
          return pool;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'PgPool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PgPool' },
              output: `
        import { Pool as PgPool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPgPool: PgPool | undefined;
        const getPgPool = (): PgPool =>
          (cachedPgPool ??= (() => {
            const created = new PgPool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async () => {
          const pool = getPgPool();
          return pool;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import and default import of pg',
      code: `
        import * as pgNs from 'pg';
        import pg from 'pg';

        export const handler = async () => {
          const pool = new pgNs.Pool();
          const client = new pg.Client();
          return [pool, client];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 24,
          data: { resource: 'pgNs.Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'pgNs.Pool' },
              output: `
        import * as pgNs from 'pg';
        import pg from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: pgNs.Pool | undefined;
        const getPool = (): pgNs.Pool =>
          (cachedPool ??= (() => {
            const created = new pgNs.Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async () => {
          const pool = getPool();
          const client = new pg.Client();
          return [pool, client];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 26,
          data: { resource: 'pg.Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'pg.Client' },
              output: `
        import * as pgNs from 'pg';
        import pg from 'pg';

        // A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
        // next invocation opens a new one. Its errors are logged: an \`error\` event nobody listens to ends the process.
        let cachedClient: InstanceType<typeof pg.Client> | undefined;
        const getClient = (): InstanceType<typeof pg.Client> =>
          (cachedClient ??= (() => {
            const created = new pg.Client();
            const forget = (error?: unknown) => {
              if (error) console.error(error);
              if (cachedClient === created) cachedClient = undefined;
            };
            created.on('error', forget).on('end', forget);
            return created;
          })());

        export const handler = async () => {
          const pool = new pgNs.Pool();
          const client = getClient();
          return [pool, client];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'await import() inside the handler',
      code: `
        export const handler = async () => {
          const { Pool } = await import('pg');
          const mysql = await import('mysql2/promise');
          const pool = new Pool();
          const connection = await mysql.createConnection({ uri: process.env.MYSQL_URL });
          return [pool, connection];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [],
        },
        {
          messageId: 'perInvocation',
          line: 6,
          column: 36,
          data: { resource: 'mysql.createConnection', handler: 'handler', via: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'MongoClient.connect: the report is on the call, not the await',
      code: `
        import { MongoClient } from 'mongodb';

        export const handler = async () => {
          const client = await MongoClient.connect(process.env.MONGODB_URI!);
          try {
            return await client.db('app').collection('users').findOne({});
          } finally {
            await client.close();
          }
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 77,
          data: { resource: 'MongoClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'MongoClient' },
              output: `
        import { MongoClient } from 'mongodb';

        let cachedMongoClient: Promise<MongoClient> | undefined;
        const getMongoClient = (): Promise<MongoClient> =>
          (cachedMongoClient ??= MongoClient.connect(process.env.MONGODB_URI!).catch((error: unknown) => {
            cachedMongoClient = undefined;
            throw error;
          }));

        export const handler = async () => {
          const client = await getMongoClient();
          return await client.db('app').collection('users').findOne({});
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql2/promise createPool and createConnection, named imports',
      code: `
        import { createPool, createConnection } from 'mysql2/promise';

        export const handler = async () => {
          const pool = createPool({ uri: process.env.MYSQL_URL });
          const connection = await createConnection({ uri: process.env.MYSQL_URL });
          return [pool, connection];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'createPool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createPool' },
              output: `
        import { createPool, createConnection } from 'mysql2/promise';

        let cachedPool: ReturnType<typeof createPool> | undefined;
        const getPool = (): ReturnType<typeof createPool> =>
          (cachedPool ??= createPool({ uri: process.env.MYSQL_URL }));

        export const handler = async () => {
          const pool = getPool();
          const connection = await createConnection({ uri: process.env.MYSQL_URL });
          return [pool, connection];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 6,
          column: 36,
          data: { resource: 'createConnection', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createConnection' },
              output: `
        import { createPool, createConnection } from 'mysql2/promise';

        // A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
        // next invocation opens a new one. Its errors are logged: an \`error\` event nobody listens to ends the process.
        let cachedConnection: ReturnType<typeof createConnection> | undefined;
        const getConnection = (): ReturnType<typeof createConnection> =>
          (cachedConnection ??= (async () => {
            const created = await createConnection({ uri: process.env.MYSQL_URL });
            const connected = cachedConnection;
            const forget = (error?: unknown) => {
              if (error) console.error(error);
              if (cachedConnection === connected) cachedConnection = undefined;
            };
            created.on('error', forget).on('end', forget);
            return created;
          })().catch((error: unknown) => {
            cachedConnection = undefined;
            throw error;
          }));

        export const handler = async () => {
          const pool = createPool({ uri: process.env.MYSQL_URL });
          const connection = await getConnection();
          return [pool, connection];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'ioredis Cluster (named and through the default export), redis createCluster',
      code: `
        import Redis, { Cluster } from 'ioredis';
        import { createCluster } from 'redis';

        export const handler = async () => {
          const a = new Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]);
          const b = new Redis.Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]);
          const c = createCluster({ rootNodes: [{ url: process.env.REDIS_URL }] });
          return [a, b, c];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 21,
          data: { resource: 'Cluster', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Cluster' },
              output: `
        import Redis, { Cluster } from 'ioredis';
        import { createCluster } from 'redis';

        let cachedCluster: Cluster | undefined;
        const getCluster = (): Cluster =>
          (cachedCluster ??= new Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]));

        export const handler = async () => {
          const a = getCluster();
          const b = new Redis.Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]);
          const c = createCluster({ rootNodes: [{ url: process.env.REDIS_URL }] });
          return [a, b, c];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 21,
          data: { resource: 'Redis.Cluster', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Redis.Cluster' },
              output: `
        import Redis, { Cluster } from 'ioredis';
        import { createCluster } from 'redis';

        let cachedCluster: InstanceType<typeof Redis.Cluster> | undefined;
        const getCluster = (): InstanceType<typeof Redis.Cluster> =>
          (cachedCluster ??= new Redis.Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]));

        export const handler = async () => {
          const a = new Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]);
          const b = getCluster();
          const c = createCluster({ rootNodes: [{ url: process.env.REDIS_URL }] });
          return [a, b, c];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 8,
          column: 21,
          data: { resource: 'createCluster', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createCluster' },
              output: `
        import Redis, { Cluster } from 'ioredis';
        import { createCluster } from 'redis';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedC: ReturnType<typeof createCluster> | undefined;
        const getC = (): ReturnType<typeof createCluster> =>
          (cachedC ??= (() => {
            const created: ReturnType<typeof createCluster> = createCluster({ rootNodes: [{ url: process.env.REDIS_URL }] });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async () => {
          const a = new Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]);
          const b = new Redis.Cluster([{ host: process.env.REDIS_HOST, port: 6379 }]);
          const c = getC();
          return [a, b, c];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'mongoose createConnection and Sequelize default import',
      code: `
        import mongoose from 'mongoose';
        import Sequelize from 'sequelize';

        export const handler = async () => {
          const connection = mongoose.createConnection(process.env.MONGODB_URI!);
          const sequelize = new Sequelize(process.env.DATABASE_URL!);
          return [connection, sequelize];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 30,
          data: { resource: 'mongoose.createConnection', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mongoose.createConnection' },
              output: `
        import mongoose from 'mongoose';
        import Sequelize from 'sequelize';

        let cachedConnection: ReturnType<typeof mongoose.createConnection> | undefined;
        const getConnection = (): ReturnType<typeof mongoose.createConnection> =>
          (cachedConnection ??= mongoose.createConnection(process.env.MONGODB_URI!));

        export const handler = async () => {
          const connection = getConnection();
          const sequelize = new Sequelize(process.env.DATABASE_URL!);
          return [connection, sequelize];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 29,
          data: { resource: 'Sequelize', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Sequelize' },
              output: `
        import mongoose from 'mongoose';
        import Sequelize from 'sequelize';

        let cachedSequelize: Sequelize | undefined;
        const getSequelize = (): Sequelize =>
          (cachedSequelize ??= new Sequelize(process.env.DATABASE_URL!));

        export const handler = async () => {
          const connection = mongoose.createConnection(process.env.MONGODB_URI!);
          const sequelize = getSequelize();
          return [connection, sequelize];
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- syntax
    {
      name: 'generic type arguments, as and non-null assertions',
      code: `
        import knex from 'knex';
        import { Pool } from 'pg';

        interface User { id: string }

        export const handler = async () => {
          const db = knex<User>({ client: 'pg', connection: process.env.DATABASE_URL! });
          const pool = new Pool({ connectionString: process.env.DATABASE_URL! }) as Pool;
          return [db, pool];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 22,
          data: { resource: 'knex', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'knex' },
              output: `
        import knex from 'knex';
        import { Pool } from 'pg';

        let cachedDb: ReturnType<typeof knex<User>> | undefined;
        const getDb = (): ReturnType<typeof knex<User>> =>
          (cachedDb ??= knex<User>({ client: 'pg', connection: process.env.DATABASE_URL! }));

        interface User { id: string }

        export const handler = async () => {
          const db = getDb();
          const pool = new Pool({ connectionString: process.env.DATABASE_URL! }) as Pool;
          return [db, pool];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 9,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import knex from 'knex';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool({ connectionString: process.env.DATABASE_URL! });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        interface User { id: string }

        export const handler = async () => {
          const db = knex<User>({ client: 'pg', connection: process.env.DATABASE_URL! });
          const pool = getPool() as Pool;
          return [db, pool];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'optional chaining on the resource does not hide the creation',
      code: `
        import { Client } from 'pg';

        export const handler = async (event?: { sql?: string }) => {
          const client = new Client();
          await client?.connect();
          return client?.query(event?.sql ?? 'select 1');
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 26,
          data: { resource: 'Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import { Client } from 'pg';

        // A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
        // next invocation opens a new one. Its errors are logged: an \`error\` event nobody listens to ends the process.
        let cachedClient: Promise<Client> | undefined;
        const getClient = (): Promise<Client> =>
          (cachedClient ??= (async () => {
            const created = new Client();
            await created.connect();
            const connected = cachedClient;
            const forget = (error?: unknown) => {
              if (error) console.error(error);
              if (cachedClient === connected) cachedClient = undefined;
            };
            created.on('error', forget).on('end', forget);
            return created;
          })().catch((error: unknown) => {
            cachedClient = undefined;
            throw error;
          }));

        export const handler = async (event?: { sql?: string }) => {
          const client = await getClient();
          return client?.query(event?.sql ?? 'select 1');
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'TSX handler rendering JSX creates a PrismaClient',
      code: `
        import { PrismaClient } from '@prisma/client';
        import { renderToString } from 'react-dom/server';

        export const handler = async () => {
          const prisma = new PrismaClient();
          const users = await prisma.user.findMany();
          return renderToString(<ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>);
        };
      `,
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'PrismaClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PrismaClient' },
              output: `
        import { PrismaClient } from '@prisma/client';
        import { renderToString } from 'react-dom/server';

        let cachedPrismaClient: PrismaClient | undefined;
        const getPrismaClient = (): PrismaClient =>
          (cachedPrismaClient ??= new PrismaClient());

        export const handler = async () => {
          const prisma = getPrismaClient();
          const users = await prisma.user.findMany();
          return renderToString(<ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'nested callbacks that are not iterations stay perInvocation',
      code: `
        import { Pool } from 'pg';

        export const handler = async () => {
          return Promise.resolve().then(() => {
            const pool = new Pool();
            return pool.query('select 1');
          });
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async () => {
          return Promise.resolve().then(() => {
            const pool = getPool();
            return pool.query('select 1');
          });
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- loops and per-record callbacks
    {
      name: 'for...of over event.Records',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { Pool } from 'pg';

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const pool = new Pool();
            await pool.query('insert into events values ($1)', [record.body]);
            await pool.end();
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const pool = getPool();
            await pool.query('insert into events values ($1)', [record.body]);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'classic for, while and do...while loops',
      code: `
        import postgres from 'postgres';
        import Redis from 'ioredis';
        import { PrismaClient } from '@prisma/client';

        export const handler = async (event: { ids: string[] }) => {
          for (let i = 0; i < event.ids.length; i++) {
            const sql = postgres();
            await sql.end();
          }
          let retries = 3;
          while (retries-- > 0) {
            const redis = new Redis();
            await redis.quit();
          }
          do {
            const prisma = new PrismaClient();
            await prisma.$disconnect();
          } while (Math.random() > 0.5);
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 8,
          column: 25,
          data: { resource: 'postgres', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'postgres' },
              output: `
        import postgres from 'postgres';
        import Redis from 'ioredis';
        import { PrismaClient } from '@prisma/client';

        let cachedSql: ReturnType<typeof postgres> | undefined;
        const getSql = (): ReturnType<typeof postgres> =>
          (cachedSql ??= postgres());

        export const handler = async (event: { ids: string[] }) => {
          for (let i = 0; i < event.ids.length; i++) {
            const sql = getSql();
          }
          let retries = 3;
          while (retries-- > 0) {
            const redis = new Redis();
            await redis.quit();
          }
          do {
            const prisma = new PrismaClient();
            await prisma.$disconnect();
          } while (Math.random() > 0.5);
        };
      `,
            },
          ],
        },
        {
          messageId: 'perRecord',
          line: 13,
          column: 27,
          data: { resource: 'Redis', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Redis' },
              output: `
        import postgres from 'postgres';
        import Redis from 'ioredis';
        import { PrismaClient } from '@prisma/client';

        let cachedRedis: Redis | undefined;
        const getRedis = (): Redis =>
          (cachedRedis ??= new Redis());

        export const handler = async (event: { ids: string[] }) => {
          for (let i = 0; i < event.ids.length; i++) {
            const sql = postgres();
            await sql.end();
          }
          let retries = 3;
          while (retries-- > 0) {
            const redis = getRedis();
          }
          do {
            const prisma = new PrismaClient();
            await prisma.$disconnect();
          } while (Math.random() > 0.5);
        };
      `,
            },
          ],
        },
        {
          messageId: 'perRecord',
          line: 17,
          column: 28,
          data: { resource: 'PrismaClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PrismaClient' },
              output: `
        import postgres from 'postgres';
        import Redis from 'ioredis';
        import { PrismaClient } from '@prisma/client';

        let cachedPrismaClient: PrismaClient | undefined;
        const getPrismaClient = (): PrismaClient =>
          (cachedPrismaClient ??= new PrismaClient());

        export const handler = async (event: { ids: string[] }) => {
          for (let i = 0; i < event.ids.length; i++) {
            const sql = postgres();
            await sql.end();
          }
          let retries = 3;
          while (retries-- > 0) {
            const redis = new Redis();
            await redis.quit();
          }
          do {
            const prisma = getPrismaClient();
          } while (Math.random() > 0.5);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'forEach callback',
      code: `
        import type { DynamoDBStreamEvent } from 'aws-lambda';
        import { MongoClient } from 'mongodb';

        export const handler = async (event: DynamoDBStreamEvent) => {
          event.Records.forEach(async (record) => {
            const client = new MongoClient(process.env.MONGODB_URI!);
            await client.db().collection('changes').insertOne({ id: record.eventID });
          });
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 28,
          data: { resource: 'MongoClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'MongoClient' },
              output: `
        import type { DynamoDBStreamEvent } from 'aws-lambda';
        import { MongoClient } from 'mongodb';

        let cachedMongoClient: MongoClient | undefined;
        const getMongoClient = (): MongoClient =>
          (cachedMongoClient ??= new MongoClient(process.env.MONGODB_URI!));

        export const handler = async (event: DynamoDBStreamEvent) => {
          event.Records.forEach(async (record) => {
            const client = getMongoClient();
            await client.db().collection('changes').insertOne({ id: record.eventID });
          });
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'Promise.all(event.Records.map(async (record) => ...))',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import mysql from 'mysql2/promise';

        export const handler = async (event: SQSEvent) => {
          await Promise.all(
            event.Records.map(async (record) => {
              const connection = await mysql.createConnection({ uri: process.env.MYSQL_URL });
              await connection.execute('insert into events values (?)', [record.body]);
              await connection.end();
            }),
          );
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 8,
          column: 40,
          data: { resource: 'mysql.createConnection', handler: 'handler', via: ' (for every record)' },
          // One connection per record, in records handled concurrently: shared, their statements would
          // interleave (transactions in particular), so the fix keeps it per record and offers no quick fix.
          suggestions: [],
        },
      ],
    },
    // ---------------------------------------------------------------- helpers
    {
      name: 'helper function declaration',
      code: `
        import { Pool } from 'pg';

        async function loadUser(id: string) {
          const pool = new Pool();
          return pool.query('select * from users where id = $1', [id]);
        }

        export const handler = async (event: { userId: string }) => loadUser(event.userId);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `loadUser`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        async function loadUser(id: string) {
          const pool = getPool();
          return pool.query('select * from users where id = $1', [id]);
        }

        export const handler = async (event: { userId: string }) => loadUser(event.userId);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'chain of arrow-const helpers',
      code: `
        import { createClient } from 'redis';

        const connectRedis = async () => {
          const redis = createClient({ url: process.env.REDIS_URL });
          await redis.connect();
          return redis;
        };
        const readCache = async (key: string) => (await connectRedis()).get(key);

        export const handler = async () => readCache('config');
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 25,
          data: { resource: 'createClient', handler: 'handler', via: ' (via `readCache` → `connectRedis`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createClient' },
              output: `
        import { createClient } from 'redis';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedRedis: Promise<ReturnType<typeof createClient>> | undefined;
        const getRedis = (): Promise<ReturnType<typeof createClient>> =>
          (cachedRedis ??= (async () => {
            const created: ReturnType<typeof createClient> = createClient({ url: process.env.REDIS_URL });
            await created.connect();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })().catch((error: unknown) => {
            cachedRedis = undefined;
            throw error;
          }));

        const connectRedis = async () => {
          const redis = await getRedis();
          return redis;
        };
        const readCache = async (key: string) => (await connectRedis()).get(key);

        export const handler = async () => readCache('config');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'class methods through this.method() on a module-level instance',
      code: `
        import { MongoClient } from 'mongodb';

        class UserRepository {
          async find(id: string) {
            const db = await this.connect();
            return db.collection('users').findOne({ id });
          }

          private async connect() {
            const client = await MongoClient.connect(process.env.MONGODB_URI!);
            return client.db('app');
          }
        }

        const users = new UserRepository();

        export const handler = async (event: { id: string }) => users.find(event.id);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 11,
          column: 34,
          data: {
            resource: 'MongoClient',
            handler: 'handler',
            via: ' (via `UserRepository.find` → `UserRepository.connect`)',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'MongoClient' },
              output: `
        import { MongoClient } from 'mongodb';

        let cachedMongoClient: Promise<MongoClient> | undefined;
        const getMongoClient = (): Promise<MongoClient> =>
          (cachedMongoClient ??= MongoClient.connect(process.env.MONGODB_URI!).catch((error: unknown) => {
            cachedMongoClient = undefined;
            throw error;
          }));

        class UserRepository {
          async find(id: string) {
            const db = await this.connect();
            return db.collection('users').findOne({ id });
          }

          private async connect() {
            const client = await getMongoClient();
            return client.db('app');
          }
        }

        const users = new UserRepository();

        export const handler = async (event: { id: string }) => users.find(event.id);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'obj.method() where obj = new LocalClass() in the handler',
      code: `
        import { Pool } from 'pg';

        class Db {
          async query(sql: string) {
            const pool = new Pool();
            return pool.query(sql);
          }
        }

        export const handler = async () => {
          const db = new Db();
          return db.query('select 1');
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `Db.query`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        class Db {
          async query(sql: string) {
            const pool = getPool();
            return pool.query(sql);
          }
        }

        export const handler = async () => {
          const db = new Db();
          return db.query('select 1');
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'static method',
      code: `
        import knex from 'knex';

        class Database {
          static connect() {
            return knex({ client: 'pg', connection: process.env.DATABASE_URL });
          }
        }

        export const handler = async () => Database.connect()('users');
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 20,
          data: { resource: 'knex', handler: 'handler', via: ' (via `Database.connect`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'knex' },
              output: `
        import knex from 'knex';

        let cachedKnex: ReturnType<typeof knex> | undefined;
        const getKnex = (): ReturnType<typeof knex> =>
          (cachedKnex ??= knex({ client: 'pg', connection: process.env.DATABASE_URL }));

        class Database {
          static connect() {
            return getKnex();
          }
        }

        export const handler = async () => Database.connect()('users');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'constructor reached by new Class()',
      code: `
        import { Sequelize } from 'sequelize';

        class Repository {
          private readonly sequelize: Sequelize;

          constructor(url: string) {
            this.sequelize = new Sequelize(url);
          }
        }

        export const handler = async () => new Repository(process.env.DATABASE_URL!);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 30,
          data: { resource: 'Sequelize', handler: 'handler', via: ' (via `new Repository`)' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'class field initialiser reached by new Class()',
      code: `
        import { PrismaClient } from '@prisma/client';

        class UserService {
          private prisma = new PrismaClient();

          list() {
            return this.prisma.user.findMany();
          }
        }

        export const handler = async () => new UserService().list();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 28,
          data: { resource: 'PrismaClient', handler: 'handler', via: ' (via `new UserService`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PrismaClient' },
              output: `
        import { PrismaClient } from '@prisma/client';

        let cachedPrismaClient: PrismaClient | undefined;
        const getPrismaClient = (): PrismaClient =>
          (cachedPrismaClient ??= new PrismaClient());

        class UserService {
          private prisma = getPrismaClient();

          list() {
            return this.prisma.user.findMany();
          }
        }

        export const handler = async () => new UserService().list();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'records.map(processRecord) → Store.save, for every record',
      code: `
        import type { SQSEvent, SQSRecord } from 'aws-lambda';
        import { Pool } from 'pg';

        class Store {
          async save(body: string) {
            const pool = new Pool({ connectionString: process.env.DATABASE_URL });
            await pool.query('insert into events values ($1)', [body]);
            await pool.end();
          }
        }

        async function processRecord(record: SQSRecord) {
          const store = new Store();
          await store.save(record.body);
        }

        export const handler = async (event: SQSEvent) => {
          await Promise.all(event.Records.map(processRecord));
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 26,
          data: {
            resource: 'Pool',
            handler: 'handler',
            via: ' (via `processRecord` → `Store.save`, for every record)',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import type { SQSEvent, SQSRecord } from 'aws-lambda';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool({ connectionString: process.env.DATABASE_URL });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        class Store {
          async save(body: string) {
            const pool = getPool();
            await pool.query('insert into events values ($1)', [body]);
          }
        }

        async function processRecord(record: SQSRecord) {
          const store = new Store();
          await store.save(record.body);
        }

        export const handler = async (event: SQSEvent) => {
          await Promise.all(event.Records.map(processRecord));
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'constructor reached for every record',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { Pool } from 'pg';

        class EventWriter {
          pool = new Pool();
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const writer = new EventWriter();
            await writer.pool.query('insert into events values ($1)', [record.body]);
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 18,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `new EventWriter`, for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        class EventWriter {
          pool = getPool();
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const writer = new EventWriter();
            await writer.pool.query('insert into events values ($1)', [record.body]);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'mutually recursive helpers: no hang, one report',
      code: `
        import { Pool } from 'pg';

        async function withRetry(attempt: number): Promise<unknown> {
          try {
            const pool = new Pool();
            return await pool.query('select 1');
          } catch (error) {
            if (attempt < 3) return retryLater(attempt + 1);
            throw error;
          }
        }

        async function retryLater(attempt: number): Promise<unknown> {
          return withRetry(attempt);
        }

        export const handler = async () => withRetry(0);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `withRetry`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        async function withRetry(attempt: number): Promise<unknown> {
          try {
            const pool = getPool();
            return await pool.query('select 1');
          } catch (error) {
            if (attempt < 3) return retryLater(attempt + 1);
            throw error;
          }
        }

        async function retryLater(attempt: number): Promise<unknown> {
          return withRetry(attempt);
        }

        export const handler = async () => withRetry(0);
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- lazy patterns on a handler-local variable
    {
      name: '??= on a variable declared inside the handler',
      code: `
        import { Pool } from 'pg';

        export const handler = async () => {
          let pool: Pool | undefined;
          pool ??= new Pool();
          return pool.query('select 1');
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 20,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async () => {
          let pool: Pool | undefined;
          pool ??= getPool();
          return pool.query('select 1');
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'if (!x) x = ... on a variable declared inside the handler',
      code: `
        import { createPool } from 'mysql2';

        export async function handler() {
          let pool: ReturnType<typeof createPool> | undefined;
          if (!pool) pool = createPool({ uri: process.env.MYSQL_URL });
          return pool;
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 29,
          data: { resource: 'createPool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createPool' },
              output: `
        import { createPool } from 'mysql2';

        let cachedPool: ReturnType<typeof createPool> | undefined;
        const getPool = (): ReturnType<typeof createPool> =>
          (cachedPool ??= createPool({ uri: process.env.MYSQL_URL }));

        export async function handler() {
          let pool: ReturnType<typeof createPool> | undefined;
          if (!pool) pool = getPool();
          return pool;
        }
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- request dependence
    {
      name: 'connection string from event',
      code: `
        import { Pool } from 'pg';

        export const handler = async (event: { databaseUrl: string }) => {
          const pool = new Pool({ connectionString: event.databaseUrl });
          return pool;
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 24, suggestions: [] }],
    },
    {
      name: 'application name from context',
      code: `
        import type { Context } from 'aws-lambda';
        import { Client } from 'pg';

        export const handler = async (_event: unknown, context: Context) => {
          const client = new Client({ application_name: context.functionName });
          await client.connect();
          return client;
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 6, column: 26, suggestions: [] }],
    },
    {
      name: 'destructured event fields',
      code: `
        import postgres from 'postgres';
        import { MongoClient } from 'mongodb';

        export const handler = async ({ tenant }: { tenant: string }) => {
          const sql = postgres({ database: tenant });
          return sql;
        };

        export const lambdaHandler = async (event: { detail: { uri: string } }) => {
          const { uri } = event.detail;
          const client = new MongoClient(uri);
          return client;
        };
      `,
      errors: [
        { messageId: 'requestDependent', line: 6, column: 23, suggestions: [] },
        { messageId: 'requestDependent', line: 12, column: 26, suggestions: [] },
      ],
    },
    {
      name: 'a secret fetched from Secrets Manager in the handler',
      code: `
        import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
        import mysql from 'mysql2/promise';

        const secrets = new SecretsManagerClient({});

        export const handler = async () => {
          const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
          const { username, password } = JSON.parse(secret.SecretString!);
          const pool = mysql.createPool({ host: process.env.DB_HOST, user: username, password });
          return pool;
        };
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 10,
          column: 24,
          data: {
            resource: 'mysql.createPool',
            handler: 'handler',
            via: '',
            source: 'a secret',
            reason: '`secret` is awaited in `handler`',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mysql.createPool' },
              output: `
        import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
        import mysql from 'mysql2/promise';

        let cachedPool: Promise<ReturnType<typeof mysql.createPool>> | undefined;
        const getPool = (): Promise<ReturnType<typeof mysql.createPool>> =>
          (cachedPool ??= (async () => {
            const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));
            const { username, password } = JSON.parse(secret.SecretString!);
            return mysql.createPool({ host: process.env.DB_HOST, user: username, password });
          })().catch((error: unknown) => {
            cachedPool = undefined;
            throw error;
          }));

        const secrets = new SecretsManagerClient({});

        export const handler = async () => {
          const pool = await getPool();
          return pool;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an IAM auth token a helper returns is an expiring credential, not an init value (mysql2: left, no fix)',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import mysql from 'mysql2/promise';

        async function createAuthToken() {
          const signer = new Signer({ hostname: process.env.DB_HOST!, port: 3306, username: 'app' });
          return signer.getAuthToken();
        }

        export const handler = async () => {
          const token = await createAuthToken();
          const connection = await mysql.createConnection({ host: process.env.DB_HOST, user: 'app', password: token });
          return connection.query('SELECT 1');
        };
      `,
      errors: [{ messageId: 'expiringCredential', line: 12, column: 36, suggestions: [] }],
    },
    {
      name: 'an IAM auth token awaited in the handler',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        export const handler = async () => {
          const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
          const token = await signer.getAuthToken();
          const pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: token, ssl: true });
          return pool;
        };
      `,
      errors: [{ messageId: 'expiringCredential', line: 8, column: 24, suggestions: [] }],
    },
    {
      name: 'per-record callback parameter (requestDependent wins over perRecord)',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import mongoose from 'mongoose';

        export const handler = async (event: SQSEvent) => {
          await Promise.all(
            event.Records.map((record) => mongoose.createConnection(record.body).asPromise()),
          );
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 7, column: 43, suggestions: [] }],
    },
    {
      name: 'a helper whose parameter comes from the event',
      code: `
        import { Pool } from 'pg';

        function poolFor(database: string) {
          return new Pool({ database });
        }

        export const handler = async (event: { database: string }) => poolFor(event.database).query('select 1');
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 18, suggestions: [] }],
    },
    {
      name: 'module constants, process.env and locals computed from them are not request data',
      code: `
        import { Pool } from 'pg';
        import Redis from 'ioredis';

        const DEFAULT_PORT = 5432;

        export const handler = async (event: { id: string }) => {
          const host = process.env.DB_HOST ?? 'localhost';
          const connectionString = 'postgres://' + host + ':' + DEFAULT_PORT + '/app';
          const pool = new Pool({ connectionString, max: 1 });
          const redis = new Redis({ host: process.env.REDIS_HOST, port: 6379 });
          return [pool, redis, event.id];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 10,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [],
        },
        {
          messageId: 'perInvocation',
          line: 11,
          column: 25,
          data: { resource: 'Redis', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Redis' },
              output: `
        import { Pool } from 'pg';
        import Redis from 'ioredis';

        let cachedRedis: Redis | undefined;
        const getRedis = (): Redis =>
          (cachedRedis ??= new Redis({ host: process.env.REDIS_HOST, port: 6379 }));

        const DEFAULT_PORT = 5432;

        export const handler = async (event: { id: string }) => {
          const host = process.env.DB_HOST ?? 'localhost';
          const connectionString = 'postgres://' + host + ':' + DEFAULT_PORT + '/app';
          const pool = new Pool({ connectionString, max: 1 });
          const redis = getRedis();
          return [pool, redis, event.id];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a helper parameter whose call-site argument is a literal',
      code: `
        import { Pool } from 'pg';

        function poolFor(database: string) {
          return new Pool({ database });
        }

        export const handler = async (event: { id: string }) => poolFor('app').query('select $1', [event.id]);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 18,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `poolFor`)' },
          suggestions: [],
        },
      ],
    },
    // ---------------------------------------------------------------- more forms, paths and records
    {
      name: 'module.exports = { async handler() {} } method shorthand',
      code: `
        const { MongoClient } = require('mongodb');

        module.exports = {
          async handler(event) {
            const client = new MongoClient(process.env.MONGODB_URI);
            return client.db().collection('users').findOne({ id: event.id });
          },
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 28,
          data: { resource: 'MongoClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'MongoClient' },
              output: `
        const { MongoClient } = require('mongodb');

        let cachedMongoClient: InstanceType<typeof MongoClient> | undefined;
        const getMongoClient = (): InstanceType<typeof MongoClient> =>
          (cachedMongoClient ??= new MongoClient(process.env.MONGODB_URI));

        module.exports = {
          async handler(event) {
            const client = getMongoClient();
            return client.db().collection('users').findOne({ id: event.id });
          },
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'require() inside the handler and await import() of a default export',
      code: `
        export const handler = async () => {
          const { Pool } = require('pg');
          const { default: postgres } = await import('postgres');
          const pool = new Pool();
          const sql = postgres();
          return [pool, sql];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [],
        },
        {
          messageId: 'perInvocation',
          line: 6,
          column: 23,
          data: { resource: 'postgres', handler: 'handler', via: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'mongoose named connect import',
      code: `
        import { connect, disconnect } from 'mongoose';

        export const handler = async () => {
          const connection = await connect(process.env.MONGODB_URI!);
          await disconnect();
          return connection;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 36,
          data: { resource: 'connect', handler: 'handler', via: '' },
          // `disconnect()` closes the connection the singleton caches: it goes, as `mongoose.disconnect()` does.
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'connect' },
              output: `
        import { connect, disconnect } from 'mongoose';

        let cachedConnect: ReturnType<typeof connect> | undefined;
        const getConnect = (): ReturnType<typeof connect> =>
          (cachedConnect ??= connect(process.env.MONGODB_URI!).catch((error: unknown) => {
            cachedConnect = undefined;
            throw error;
          }));

        export const handler = async () => {
          const connection = await getConnect();
          return connection;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a helper called inside a for...of loop',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { Pool } from 'pg';

        async function save(body: string) {
          const pool = new Pool();
          await pool.query('insert into events values ($1)', [body]);
          await pool.end();
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            await save(record.body);
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `save`, for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        async function save(body: string) {
          const pool = getPool();
          await pool.query('insert into events values ($1)', [body]);
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            await save(record.body);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an iteration over literal data: neither per record nor request data (a fixed list is not input-sized)',
      code: `
        import { Pool } from 'pg';

        export const handler = async () => {
          const pools = ['orders', 'users'].map((database) => new Pool({ database }));
          return pools;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 63,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'reduce and some callbacks',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import Redis from 'ioredis';
        import postgres from 'postgres';

        export const handler = async (event: SQSEvent) => {
          const total = event.Records.reduce((sum) => sum + Number(Boolean(new Redis())), 0);
          const any = event.Records.some(() => Boolean(postgres()));
          return [total, any];
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 76,
          data: { resource: 'Redis', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Redis' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import Redis from 'ioredis';
        import postgres from 'postgres';

        let cachedRedis: Redis | undefined;
        const getRedis = (): Redis =>
          (cachedRedis ??= new Redis());

        export const handler = async (event: SQSEvent) => {
          const total = event.Records.reduce((sum) => sum + Number(Boolean(getRedis())), 0);
          const any = event.Records.some(() => Boolean(postgres()));
          return [total, any];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perRecord',
          line: 8,
          column: 56,
          data: { resource: 'postgres', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'postgres' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import Redis from 'ioredis';
        import postgres from 'postgres';

        let cachedPostgres: ReturnType<typeof postgres> | undefined;
        const getPostgres = (): ReturnType<typeof postgres> =>
          (cachedPostgres ??= postgres());

        export const handler = async (event: SQSEvent) => {
          const total = event.Records.reduce((sum) => sum + Number(Boolean(new Redis())), 0);
          const any = event.Records.some(() => Boolean(getPostgres()));
          return [total, any];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a for...of loop variable from the event is request data',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { MongoClient } from 'mongodb';

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const client = new MongoClient(record.body);
            await client.close();
          }
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 7, column: 28, suggestions: [] }],
    },
    {
      name: 'a value awaited along the path, in a helper',
      code: `
        import { Pool } from 'pg';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        async function connect() {
          const password = (await getSecret('db-password')) as string;
          return new Pool({ password });
        }

        export const handler = async () => (await connect()).query('select 1');
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 7,
          column: 18,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `connect`)', source: 'a secret', reason: '`password` is awaited in `connect`' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Promise<Pool> | undefined;
        const getPool = (): Promise<Pool> =>
          (cachedPool ??= (async () => {
            const password = (await getSecret('db-password')) as string;
            const created = new Pool({ password });
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })().catch((error: unknown) => {
            cachedPool = undefined;
            throw error;
          }));

        async function connect() {
          return await getPool();
        }

        export const handler = async () => (await connect()).query('select 1');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'event data followed through two helpers',
      code: `
        import knex from 'knex';

        function dbFor(connection: string) {
          return knex({ client: 'pg', connection });
        }
        function tenantDb(tenant: { url: string }) {
          return dbFor(tenant.url);
        }

        export const handler = async (event: { tenant: { url: string } }) => tenantDb(event.tenant)('users');
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 18, suggestions: [] }],
    },
    {
      name: 'two handlers sharing a helper: one report per site',
      code: `
        import { PrismaClient } from '@prisma/client';

        const db = () => new PrismaClient();

        export const handler = async () => db().user.count();
        export const lambdaHandler = async () => db().post.count();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 4,
          column: 26,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PrismaClient' },
              output: `
        import { PrismaClient } from '@prisma/client';

        let cachedPrismaClient: PrismaClient | undefined;
        const getPrismaClient = (): PrismaClient =>
          (cachedPrismaClient ??= new PrismaClient());

        const db = () => getPrismaClient();

        export const handler = async () => db().user.count();
        export const lambdaHandler = async () => db().post.count();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'x || (x = ...) on a variable declared inside the handler',
      code: `
        import { Pool } from 'pg';

        export const handler = async () => {
          let pool: Pool | undefined;
          pool || (pool = new Pool());
          return pool;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 27,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        export const handler = async () => {
          let pool: Pool | undefined;
          pool || (pool = getPool());
          return pool;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an unguarded assignment to a module-level variable',
      code: `
        import { Pool } from 'pg';

        let pool: Pool;

        export const handler = async () => {
          pool = new Pool();
          return pool.query('select 1');
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 18,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        let pool: Pool;

        export const handler = async () => {
          pool = getPool();
          return pool.query('select 1');
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'const wrapped = middy(fn); export { wrapped as handler }',
      code: `
        import middy from '@middy/core';
        import { Pool } from 'pg';

        const main = async () => new Pool().query('select 1');
        const wrapped = middy(main);

        export { wrapped as handler };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 34,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import middy from '@middy/core';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const main = async () => getPool().query('select 1');
        const wrapped = middy(main);

        export { wrapped as handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS: exports.handler = a local function',
      code: `
        const { Pool } = require('pg');

        const handler = async () => {
          const pool = new Pool();
          return pool.query('select 1');
        };

        exports.handler = handler;
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        const { Pool } = require('pg');

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: InstanceType<typeof Pool> | undefined;
        const getPool = (): InstanceType<typeof Pool> =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const handler = async () => {
          const pool = getPool();
          return pool.query('select 1');
        };

        exports.handler = handler;
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'for await...of and for...in loops',
      code: `
        import { Pool } from 'pg';
        import { createClient } from 'redis';

        export const handler = async (event: { lines: AsyncIterable<string>; tables: Record<string, string> }) => {
          for await (const line of event.lines) {
            const pool = new Pool();
            await pool.query('select $1', [line]).finally(() => pool.end());
          }
          for (const table in event.tables) {
            const redis = createClient();
            await redis.connect();
            await redis.del(table);
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: ' (for every record)' },
          suggestions: [],
        },
        {
          messageId: 'perRecord',
          line: 11,
          column: 27,
          data: { resource: 'createClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'createClient' },
              output: `
        import { Pool } from 'pg';
        import { createClient } from 'redis';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedRedis: Promise<ReturnType<typeof createClient>> | undefined;
        const getRedis = (): Promise<ReturnType<typeof createClient>> =>
          (cachedRedis ??= (async () => {
            const created: ReturnType<typeof createClient> = createClient();
            await created.connect();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })().catch((error: unknown) => {
            cachedRedis = undefined;
            throw error;
          }));

        export const handler = async (event: { lines: AsyncIterable<string>; tables: Record<string, string> }) => {
          for await (const line of event.lines) {
            const pool = new Pool();
            await pool.query('select $1', [line]).finally(() => pool.end());
          }
          for (const table in event.tables) {
            const redis = await getRedis();
            await redis.del(table);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an inherited constructor reached by new Subclass()',
      code: `
        import { Pool } from 'pg';

        class BaseRepository {
          protected pool: Pool;
          constructor() {
            this.pool = new Pool();
          }
        }

        class UserRepository extends BaseRepository {}

        export const handler = async () => new UserRepository();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 25,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        class BaseRepository {
          protected pool: Pool;
          constructor() {
            this.pool = getPool();
          }
        }

        class UserRepository extends BaseRepository {}

        export const handler = async () => new UserRepository();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an arrow-function class property called as a method',
      code: `
        import { Pool } from 'pg';

        class UserService {
          load = async (id: string) => {
            const pool = new Pool();
            return pool.query('select * from users where id = $1', [id]);
          };
        }

        const service = new UserService();

        export const handler = async (event: { id: string }) => service.load(event.id);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `UserService.load`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        class UserService {
          load = async (id: string) => {
            const pool = getPool();
            return pool.query('select * from users where id = $1', [id]);
          };
        }

        const service = new UserService();

        export const handler = async (event: { id: string }) => service.load(event.id);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a helper that creates a pool and passes it to a callback',
      code: `
        import { Pool } from 'pg';

        async function withPool<T>(fn: (pool: Pool) => Promise<T>): Promise<T> {
          const pool = new Pool();
          try {
            return await fn(pool);
          } finally {
            await pool.end();
          }
        }

        export const handler = async () => withPool((pool) => pool.query('select 1'));
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: ' (via `withPool`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        async function withPool<T>(fn: (pool: Pool) => Promise<T>): Promise<T> {
          const pool = getPool();
          return await fn(pool);
        }

        export const handler = async () => withPool((pool) => pool.query('select 1'));
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- options and settings
    {
      name: 'additionalResources: custom modules, default kind and explicit kind pool',
      code: `
        import { connect } from '@planetscale/database';
        import { Warehouse } from '@acme/warehouse';

        export const handler = async () => {
          const conn = connect({ url: process.env.DATABASE_URL });
          const warehouse = new Warehouse({ url: process.env.WAREHOUSE_URL });
          return [conn, warehouse];
        };
      `,
      options: [
        {
          additionalResources: [
            { module: '@planetscale/database', export: 'connect' },
            { module: '@acme/warehouse', export: 'Warehouse', kind: 'pool' },
          ],
        },
      ],
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 24,
          data: { resource: 'connect', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'connect' },
              output: `
        import { connect } from '@planetscale/database';
        import { Warehouse } from '@acme/warehouse';

        let cachedConn: ReturnType<typeof connect> | undefined;
        const getConn = (): ReturnType<typeof connect> =>
          (cachedConn ??= connect({ url: process.env.DATABASE_URL }));

        export const handler = async () => {
          const conn = getConn();
          const warehouse = new Warehouse({ url: process.env.WAREHOUSE_URL });
          return [conn, warehouse];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 29,
          data: { resource: 'Warehouse', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Warehouse' },
              output: `
        import { connect } from '@planetscale/database';
        import { Warehouse } from '@acme/warehouse';

        let cachedWarehouse: Warehouse | undefined;
        const getWarehouse = (): Warehouse =>
          (cachedWarehouse ??= new Warehouse({ url: process.env.WAREHOUSE_URL }));

        export const handler = async () => {
          const conn = connect({ url: process.env.DATABASE_URL });
          const warehouse = getWarehouse();
          return [conn, warehouse];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'settings.handlerNames makes export const main a handler',
      code: `
        import { PrismaClient } from '@prisma/client';

        export const main = async () => {
          const prisma = new PrismaClient();
          return prisma.user.count();
        };
      `,
      settings: { 'lambda-hygiene': { handlerNames: ['main'] } },
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 26,
          data: { resource: 'PrismaClient', handler: 'main', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'PrismaClient' },
              output: `
        import { PrismaClient } from '@prisma/client';

        let cachedPrismaClient: PrismaClient | undefined;
        const getPrismaClient = (): PrismaClient =>
          (cachedPrismaClient ??= new PrismaClient());

        export const main = async () => {
          const prisma = getPrismaClient();
          return prisma.user.count();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'settings.wrappers names a wrapper that takes more than one function',
      code: `
        import { instrument } from '@acme/observability';
        import { Pool } from 'pg';

        const baseHandler = async () => {
          const pool = new Pool();
          return pool.query('select 1');
        };

        export const handler = instrument(baseHandler, (error: unknown) => console.error(error));
      `,
      settings: { 'lambda-hygiene': { wrappers: ['instrument'] } },
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 24,
          data: { resource: 'Pool', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { instrument } from '@acme/observability';
        import { Pool } from 'pg';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: Pool | undefined;
        const getPool = (): Pool =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const baseHandler = async () => {
          const pool = getPool();
          return pool.query('select 1');
        };

        export const handler = instrument(baseHandler, (error: unknown) => console.error(error));
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: require made by createRequire(import.meta.url)',
      code: `
        import { createRequire } from 'node:module';

        const require = createRequire(import.meta.url);
        const { Pool } = require('pg');

        export const handler = async () => {
          const pool = new Pool();
          return pool.query('select 1');
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 24,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Pool' },
              output: `
        import { createRequire } from 'node:module';

        // Its errors are logged: an \`error\` event nobody listens to ends the process. It reconnects by itself.
        let cachedPool: InstanceType<typeof Pool> | undefined;
        const getPool = (): InstanceType<typeof Pool> =>
          (cachedPool ??= (() => {
            const created = new Pool();
            created.on('error', (error: unknown) => console.error(error));
            return created;
          })());

        const require = createRequire(import.meta.url);
        const { Pool } = require('pg');

        export const handler = async () => {
          const pool = getPool();
          return pool.query('select 1');
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 9: a collection filled per tenant and read back without its key',
      code: `
        import { Pool } from 'pg';

        const tenants = new Map<string, { host: string }>();

        export const handler = async (event: { tenant: string; host: string }) => {
          tenants.set(event.tenant, { host: event.host });
          const [first] = [...tenants.values()];
          return new Pool({ host: first!.host });
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 9,
          column: 18,
          data: { resource: 'Pool', handler: 'handler', via: '', reason: '`tenants` is written from request data in `handler`' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: a module let assigned by a middy middleware',
      code: `
        import middy from '@middy/core';
        import { Pool } from 'pg';

        let tenantUser: string | undefined;

        const main = async () => new Pool({ user: tenantUser });

        export const handler = middy(main).use({
          before: async (request: { event: { user: string } }) => {
            tenantUser = request.event.user;
          },
        });
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 7,
          column: 34,
          data: { resource: 'Pool', handler: 'handler', via: '', reason: '`tenantUser` is written from request data in `before`' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 10: an SDK v2 secret (getSecretValue().promise()) with a constant id',
      code: `
        import AWS from 'aws-sdk';
        import mysql from 'mysql2/promise';

        const secretsManager = new AWS.SecretsManager();

        export const handler = async () => {
          const secret = await secretsManager.getSecretValue({ SecretId: 'db' }).promise();
          return mysql.createPool(JSON.parse(secret.SecretString!));
        };
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 9,
          column: 18,
          data: { resource: 'mysql.createPool', handler: 'handler', via: '', source: 'a secret', reason: '`secret` is awaited in `handler`' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'mysql.createPool' },
              output: `
        import AWS from 'aws-sdk';
        import mysql from 'mysql2/promise';

        let cachedPool: Promise<ReturnType<typeof mysql.createPool>> | undefined;
        const getPool = (): Promise<ReturnType<typeof mysql.createPool>> =>
          (cachedPool ??= (async () => {
            const secret = await secretsManager.getSecretValue({ SecretId: 'db' }).promise();
            return mysql.createPool(JSON.parse(secret.SecretString!));
          })().catch((error: unknown) => {
            cachedPool = undefined;
            throw error;
          }));

        const secretsManager = new AWS.SecretsManager();

        export const handler = async () => {
          return await getPool();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 10: a secret fetched by an id built from the request stays request data',
      code: `
        import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
        import { Client } from 'pg';

        const secrets = new SecretsManagerClient({});

        export const handler = async (event: { tenantId: string }) => {
          const secret = await secrets.send(new GetSecretValueCommand({ SecretId: \`tenant/\${event.tenantId}\` }));
          return new Client(JSON.parse(secret.SecretString!));
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 9,
          column: 18,
          data: { resource: 'Client', handler: 'handler', via: '', reason: '`event` is a parameter of `handler`' },
          suggestions: [],
        },
      ],
    },
  ],
});
