import { ruleTester } from '../tests/rule-tester.js';
import rule from './no-reused-resource-teardown.js';

const commonjs = { parserOptions: { sourceType: 'script' } } as const;

ruleTester.run('no-reused-resource-teardown', rule, {
  valid: [
    {
      name: 'closing what the same invocation created (no-per-invocation-pool reports the creation instead)',
      code: `
        import { Pool } from 'pg';

        export const handler = async () => {
          const pool = new Pool({ connectionString: process.env.DATABASE_URL });
          try {
            return await pool.query('select 1');
          } finally {
            await pool.end();
          }
        };
      `,
    },
    {
      name: 'closing a module-scope pool in a SIGTERM handler',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool({ connectionString: process.env.DATABASE_URL });

        process.on('SIGTERM', async () => {
          await pool.end();
          process.exit(0);
        });

        export const handler = async () => pool.query('select 1');
      `,
    },
    {
      name: 'closing in beforeExit, SIGINT and exit hooks, with once and a named function',
      code: `
        import { MongoClient } from 'mongodb';
        import Redis from 'ioredis';
        import knex from 'knex';

        const mongo = new MongoClient(process.env.MONGODB_URI!);
        const redis = new Redis(process.env.REDIS_URL!);
        const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

        async function shutdown() {
          await mongo.close();
          await db.destroy();
        }

        process.once('beforeExit', shutdown);
        process.on('SIGINT', () => redis.quit());
        process.on('exit', () => redis.disconnect());

        export const handler = async () => [await mongo.db().command({ ping: 1 }), await redis.ping(), await db.raw('select 1')];
      `,
    },
    {
      name: 'an exported cleanup function that no handler calls (used by tests or scripts)',
      code: `
        import { Pool } from 'pg';

        export const pool = new Pool();

        export async function closePool() {
          await pool.end();
        }

        export const handler = async () => pool.query('select 1');
      `,
    },
    {
      name: 'a module without a handler is not Lambda code',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool();

        export async function migrate() {
          await pool.query('create table if not exists t (id int)');
          await pool.end();
        }
      `,
    },
    {
      name: 'serverless-mysql: end() is its per-invocation call, not teardown',
      code: `
        import serverlessMysql from 'serverless-mysql';

        const mysql = serverlessMysql({ config: { host: process.env.DB_HOST, database: 'app' } });

        export const handler = async () => {
          const rows = await mysql.query('SELECT 1');
          await mysql.end();
          return rows;
        };
      `,
    },
    {
      name: 'end() and close() of things that are not catalogued resources',
      code: `
        import { createWriteStream } from 'node:fs';
        import { Pool } from 'pg';

        const pool = new Pool();
        const log = createWriteStream('/tmp/audit.log', { flags: 'a' });

        export const handler = async (event: { id: string }) => {
          const client = await pool.connect();
          try {
            await client.query('select $1::text', [event.id]);
          } finally {
            client.release();
          }
          const stream = createWriteStream('/tmp/' + event.id);
          stream.end('done');
          log.write(event.id);
          return { end: () => 'not a resource' }.end();
        };
      `,
    },
    {
      name: 'a resource that a per-invocation factory returns is closed by the invocation that made it',
      code: `
        import { Client } from 'pg';

        function connect() {
          return new Client({ connectionString: process.env.DATABASE_URL });
        }

        export const handler = async () => {
          const client = connect();
          await client.connect();
          try {
            return await client.query('select 1');
          } finally {
            await client.end();
          }
        };
      `,
    },
    {
      name: 'a module-level variable given a new connection on every invocation holds what this invocation made',
      code: `
        const mysql = require('mysql2');

        let connection;

        exports.handler = async () => {
          connection = mysql.createConnection({ host: process.env.DB_HOST });
          const [rows] = await connection.promise().query('SELECT 1');
          connection.end();
          return rows;
        };
      `,
      languageOptions: commonjs,
    },
    {
      name: 'a local variable that shadows the module-scope pool',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool();

        export const handler = async () => {
          const result = await pool.query('select 1');
          {
            const pool = { end: async () => undefined };
            await pool.end();
          }
          return result;
        };
      `,
    },
  ],
  invalid: [
    {
      name: 'a module-scope pg Pool ended in the handler (the try/finally is unwrapped)',
      code: `
        import { Pool } from 'pg';

        const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });

        export const handler = async (event: { sku: string }) => {
          try {
            return await pool.query('select * from stock where sku = $1', [event.sku]);
          } finally {
            await pool.end();
          }
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 29,
          data: { call: 'pool.end()', resource: 'Pool', handler: 'handler', lifetime: 'created at module scope', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'pool.end()' },
              output: `
        import { Pool } from 'pg';

        const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });

        export const handler = async (event: { sku: string }) => {
          return await pool.query('select * from stock where sku = $1', [event.sku]);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a lazily created PrismaClient disconnected through the getter result',
      code: `
        import { PrismaClient } from '@prisma/client';

        let prisma: PrismaClient | undefined;
        const getPrisma = (): PrismaClient => (prisma ??= new PrismaClient());

        export const handler = async () => {
          const db = getPrisma();
          const users = await db.user.findMany();
          await db.$disconnect();
          return users;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 10,
          column: 17,
          data: { call: 'db.$disconnect()', resource: 'PrismaClient', handler: 'handler', lifetime: 'created lazily and cached', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'db.$disconnect()' },
              output: `
        import { PrismaClient } from '@prisma/client';

        let prisma: PrismaClient | undefined;
        const getPrisma = (): PrismaClient => (prisma ??= new PrismaClient());

        export const handler = async () => {
          const db = getPrisma();
          const users = await db.user.findMany();
          return users;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a ??= singleton in the handler, quit at the end (ioredis)',
      code: `
        import Redis from 'ioredis';

        let redis: Redis | undefined;

        export const handler = async (event: { key: string }) => {
          redis ??= new Redis(process.env.REDIS_URL!);
          const value = await redis.get(event.key);
          await redis.quit();
          return value;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 9,
          column: 17,
          data: { call: 'redis.quit()', resource: 'Redis', handler: 'handler', lifetime: 'created lazily and cached', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'redis.quit()' },
              output: `
        import Redis from 'ioredis';

        let redis: Redis | undefined;

        export const handler = async (event: { key: string }) => {
          redis ??= new Redis(process.env.REDIS_URL!);
          const value = await redis.get(event.key);
          return value;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an if (!x) memo with an async getter, closed by the handler (mongodb)',
      code: `
        import { MongoClient } from 'mongodb';

        let cached: MongoClient | null = null;

        async function getClient(): Promise<MongoClient> {
          if (!cached) {
            cached = await MongoClient.connect(process.env.MONGODB_URI!);
          }
          return cached;
        }

        export const handler = async () => {
          const client = await getClient();
          const count = await client.db('shop').collection('orders').countDocuments();
          await client.close();
          return count;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 16,
          column: 17,
          data: { call: 'client.close()', resource: 'MongoClient', handler: 'handler', lifetime: 'created lazily and cached', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'client.close()' },
              output: `
        import { MongoClient } from 'mongodb';

        let cached: MongoClient | null = null;

        async function getClient(): Promise<MongoClient> {
          if (!cached) {
            cached = await MongoClient.connect(process.env.MONGODB_URI!);
          }
          return cached;
        }

        export const handler = async () => {
          const client = await getClient();
          const count = await client.db('shop').collection('orders').countDocuments();
          return count;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'teardown in a helper the handler calls names the path',
      code: `
        import knex from 'knex';

        const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

        async function finish(): Promise<void> {
          await db.destroy();
        }

        export const handler = async () => {
          const rows = await db('orders').select('id');
          await finish();
          return rows;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 7,
          column: 17,
          data: { call: 'db.destroy()', resource: 'knex', handler: 'handler', lifetime: 'created at module scope', via: ' (via `finish`)' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'db.destroy()' },
              output: `
        import knex from 'knex';

        const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

        async function finish(): Promise<void> {
        }

        export const handler = async () => {
          const rows = await db('orders').select('id');
          await finish();
          return rows;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS: a module-scope mysql2 pool ended after the query',
      code: `
        const mysql = require('mysql2/promise');

        const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 1 });

        exports.handler = async (event) => {
          const [rows] = await pool.query('SELECT * FROM items WHERE id = ?', [event.id]);
          await pool.end();
          return rows;
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 8,
          column: 17,
          data: { call: 'pool.end()', resource: 'mysql.createPool', handler: 'handler', lifetime: 'created at module scope', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'pool.end()' },
              output: `
        const mysql = require('mysql2/promise');

        const pool = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 1 });

        exports.handler = async (event) => {
          const [rows] = await pool.query('SELECT * FROM items WHERE id = ?', [event.id]);
          return rows;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a pool cached per tenant in a module-scope Map, ended after use',
      code: `
        import { Pool } from 'pg';

        const pools = new Map<string, Pool>();

        function poolFor(tenant: string): Pool {
          if (!pools.has(tenant)) pools.set(tenant, new Pool({ database: tenant }));
          return pools.get(tenant)!;
        }

        export const handler = async (event: { tenant: string }) => {
          const pool = poolFor(event.tenant);
          const { rows } = await pool.query('select count(*) from orders');
          await pool.end();
          return rows;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 14,
          column: 17,
          data: { call: 'pool.end()', resource: 'Pool', handler: 'handler', lifetime: 'cached in a module-scope collection', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'pool.end()' },
              output: `
        import { Pool } from 'pg';

        const pools = new Map<string, Pool>();

        function poolFor(tenant: string): Pool {
          if (!pools.has(tenant)) pools.set(tenant, new Pool({ database: tenant }));
          return pools.get(tenant)!;
        }

        export const handler = async (event: { tenant: string }) => {
          const pool = poolFor(event.tenant);
          const { rows } = await pool.query('select count(*) from orders');
          return rows;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an AWS SDK v3 client at module scope destroyed by the handler',
      code: `
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        const s3 = new S3Client({});

        export const handler = async (event: { key: string }) => {
          const object = await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: event.key }));
          s3.destroy();
          return object.ContentLength;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 8,
          column: 11,
          data: { call: 's3.destroy()', resource: 'S3Client', handler: 'handler', lifetime: 'created at module scope', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 's3.destroy()' },
              output: `
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        const s3 = new S3Client({});

        export const handler = async (event: { key: string }) => {
          const object = await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: event.key }));
          return object.ContentLength;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'callback form whose callback carries on: reported, but no suggestion (removing it would drop the callback)',
      code: `
        const mysql = require('mysql');

        const pool = mysql.createPool({ host: process.env.DB_HOST, connectionLimit: 1 });

        exports.handler = (event, context, callback) => {
          pool.query('SELECT 1 AS ok', (error, rows) => {
            pool.end(() => callback(error, rows));
          });
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'reusedTeardown', line: 8, column: 13, suggestions: [] }],
    },
    {
      name: 'closing the same module-scope client twice in one handler: two reports',
      code: `
        import { createClient } from 'redis';

        const redis = createClient({ url: process.env.REDIS_URL });
        const ready = redis.connect();

        export const handler = async (event: { key: string }) => {
          await ready;
          if (!event.key) {
            await redis.quit();
            return null;
          }
          const value = await redis.get(event.key);
          await redis.disconnect();
          return value;
        };
      `,
      errors: [
        {
          messageId: 'reusedTeardown',
          line: 10,
          data: { call: 'redis.quit()', resource: 'createClient', handler: 'handler', lifetime: 'created at module scope', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'redis.quit()' },
              output: `
        import { createClient } from 'redis';

        const redis = createClient({ url: process.env.REDIS_URL });
        const ready = redis.connect();

        export const handler = async (event: { key: string }) => {
          await ready;
          if (!event.key) {
            return null;
          }
          const value = await redis.get(event.key);
          await redis.disconnect();
          return value;
        };
      `,
            },
          ],
        },
        {
          messageId: 'reusedTeardown',
          line: 14,
          data: { call: 'redis.disconnect()', resource: 'createClient', handler: 'handler', lifetime: 'created at module scope', via: '' },
          suggestions: [
            {
              messageId: 'removeTeardown',
              data: { call: 'redis.disconnect()' },
              output: `
        import { createClient } from 'redis';

        const redis = createClient({ url: process.env.REDIS_URL });
        const ready = redis.connect();

        export const handler = async (event: { key: string }) => {
          await ready;
          if (!event.key) {
            await redis.quit();
            return null;
          }
          const value = await redis.get(event.key);
          return value;
        };
      `,
            },
          ],
        },
      ],
    },
  ],
});
