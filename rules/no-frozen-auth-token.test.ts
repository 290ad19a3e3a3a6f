import { ruleTester } from '../tests/rule-tester.js';
import rule from './no-frozen-auth-token.js';

const commonjs = { parserOptions: { sourceType: 'script' } } as const;

const RDS_TOKEN = 'an RDS IAM authentication token (valid 15 minutes)';
const STS_CREDENTIALS = 'temporary STS credentials (valid 1 hour by default)';

ruleTester.run('no-frozen-auth-token', rule, {
  valid: [
    {
      name: 'a password function: node-postgres asks for a token per connection',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        const pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: () => signer.getAuthToken(), ssl: true });

        export const handler = async () => pool.query('select 1');
      `,
    },
    {
      name: 'a token made per invocation for a connection made per invocation (no-per-invocation-pool reports it)',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Client } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });

        export const handler = async () => {
          const client = new Client({ host: process.env.DB_HOST, user: 'app', password: await signer.getAuthToken(), ssl: true });
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
      name: 'a refreshing credential provider for a long-lived AWS client',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

        const s3 = new S3Client({
          credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.ROLE_ARN!, RoleSessionName: 'reader' } }),
        });

        export const handler = async () => s3.config.region();
      `,
    },
    {
      name: 'a password from Secrets Manager does not expire (it may rotate: no-per-invocation-secret-fetch covers fetching it)',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
        import { Pool } from 'pg';

        const secrets = new SecretsManagerClient({});
        const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ID }));
        const pool = new Pool({ connectionString: SecretString });

        export const handler = async () => pool.query('select 1');
      `,
    },
    {
      name: "the drivers' own hooks: knex connection function, Sequelize beforeConnect, mysql2 auth plugin, Postgres.js pass",
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import knex from 'knex';
        import mysql from 'mysql2/promise';
        import postgres from 'postgres';
        import { Sequelize } from 'sequelize';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });

        const db = knex({
          client: 'pg',
          connection: async () => {
            const madeAt = Date.now();
            return {
              host: process.env.DB_HOST,
              user: 'app',
              password: await signer.getAuthToken(),
              expirationChecker: () => Date.now() > madeAt + 10 * 60_000,
            };
          },
        });
        const sequelize = new Sequelize('app', 'app', undefined, {
          dialect: 'postgres',
          hooks: {
            beforeConnect: async (config) => {
              (config as { password?: string }).password = await signer.getAuthToken();
            },
          },
        });
        const pool = mysql.createPool({
          host: process.env.DB_HOST,
          user: 'app',
          authPlugins: { mysql_clear_password: () => () => signer.getAuthToken() },
        });
        const sql = postgres({ host: process.env.DB_HOST, username: 'app', pass: () => signer.getAuthToken() });

        export const handler = async () => [db, sequelize, pool, sql];
      `,
    },
    {
      name: 'a token used for one request, not kept in a resource',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });

        export const handler = async () => {
          const token = await signer.getAuthToken();
          return { length: token.length };
        };
      `,
    },
    {
      name: 'per-tenant clients cached with refreshing credentials (fixture request-scoped-credentials-cached)',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

        const tenantClients = new Map<string, S3Client>();

        function getTenantClient(roleArn: string): S3Client {
          if (!tenantClients.has(roleArn)) {
            tenantClients.set(roleArn, new S3Client({ credentials: fromTemporaryCredentials({ params: { RoleArn: roleArn } }) }));
          }
          return tenantClients.get(roleArn)!;
        }

        export const handler = async (event: { roleArn: string }) => getTenantClient(event.roleArn);
      `,
    },
    {
      name: 'a module without a handler is not Lambda code',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        const signer = new Signer({ hostname: 'db', port: 5432, username: 'admin' });
        export const pool = new Pool({ host: 'db', user: 'admin', password: await signer.getAuthToken() });
      `,
    },
  ],
  invalid: [
    {
      name: 'a token awaited at module scope, frozen into a pg Pool: the fix passes a function',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        const token = await signer.getAuthToken();
        const pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: token, ssl: true });

        export const handler = async () => pool.query('select 1');
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 7,
          column: 83,
          endLine: 7,
          endColumn: 88,
          data: {
            resource: 'Pool',
            lifetime: 'created at module scope',
            option: 'password',
            credential: RDS_TOKEN,
            advice: 'Pass a function that makes a token for each new connection: `password: () => signer.getAuthToken()`.',
          },
          suggestions: [
            {
              messageId: 'passFunction',
              data: { option: 'password', value: '() => signer.getAuthToken()' },
              output: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        const pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: () => signer.getAuthToken(), ssl: true });

        export const handler = async () => pool.query('select 1');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a token awaited inline in a lazily created pg Client',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Client } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        let client: Promise<Client> | undefined;

        const getClient = (): Promise<Client> =>
          (client ??= (async () => {
            const created = new Client({ host: process.env.DB_HOST, user: 'app', password: await signer.getAuthToken() });
            await created.connect();
            return created;
          })());

        export const handler = async () => (await getClient()).query('select 1');
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 10,
          column: 92,
          data: {
            resource: 'Client',
            lifetime: 'created lazily and cached',
            option: 'password',
            credential: RDS_TOKEN,
            advice: 'Pass a function that makes a token for each new connection: `password: () => signer.getAuthToken()`.',
          },
          suggestions: [
            {
              messageId: 'passFunction',
              data: { option: 'password', value: '() => signer.getAuthToken()' },
              output: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Client } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        let client: Promise<Client> | undefined;

        const getClient = (): Promise<Client> =>
          (client ??= (async () => {
            const created = new Client({ host: process.env.DB_HOST, user: 'app', password: () => signer.getAuthToken() });
            await created.connect();
            return created;
          })());

        export const handler = async () => (await getClient()).query('select 1');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a token in an if (!pool) memo, through a local variable used nowhere else',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        let pool: Pool | undefined;

        async function getPool(): Promise<Pool> {
          if (!pool) {
            const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
            const token = await signer.getAuthToken();
            pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: token, max: 1 });
          }
          return pool;
        }

        export const handler = async () => (await getPool()).query('select 1');
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 11,
          data: {
            resource: 'Pool',
            lifetime: 'created lazily and cached',
            option: 'password',
            credential: RDS_TOKEN,
            advice: 'Pass a function that makes a token for each new connection: `password: () => signer.getAuthToken()`.',
          },
          suggestions: [
            {
              messageId: 'passFunction',
              data: { option: 'password', value: '() => signer.getAuthToken()' },
              output: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        let pool: Pool | undefined;

        async function getPool(): Promise<Pool> {
          if (!pool) {
            const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
            pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: () => signer.getAuthToken(), max: 1 });
          }
          return pool;
        }

        export const handler = async () => (await getPool()).query('select 1');
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql2 takes no password function: reported with the auth plugin pattern, no suggestion',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import mysql from 'mysql2/promise';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 3306, username: 'app' });
        const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'app', password: await signer.getAuthToken(), enableCleartextPlugin: true });

        export const handler = async () => pool.query('select 1');
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 6,
          data: {
            resource: 'mysql.createPool',
            lifetime: 'created at module scope',
            option: 'password',
            credential: RDS_TOKEN,
            advice:
              'mysql2 takes the password as a string only: compute it per connection with `authPlugins: { mysql_clear_password: () => () => signer.getAuthToken() }`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a token inside a connection string is frozen too (no suggestion: a string cannot be a function)',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Pool } from 'pg';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        const token = await signer.getAuthToken();
        const pool = new Pool({ connectionString: \`postgres://app:\${encodeURIComponent(token)}@\${process.env.DB_HOST}:5432/app\` });

        export const handler = async () => pool.query('select 1');
      `,
      errors: [{ messageId: 'frozenToken', line: 7, suggestions: [] }],
    },
    {
      name: 'SDK v2 RDS.Signer, synchronous getAuthToken, in CommonJS',
      code: `
        const AWS = require('aws-sdk');
        const { Pool } = require('pg');

        const signer = new AWS.RDS.Signer({ region: process.env.AWS_REGION, hostname: process.env.DB_HOST, port: 5432, username: 'app' });
        const pool = new Pool({ host: process.env.DB_HOST, user: 'app', password: signer.getAuthToken({}) });

        exports.handler = async () => pool.query('select 1');
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'frozenToken',
          line: 6,
          data: {
            resource: 'Pool',
            lifetime: 'created at module scope',
            option: 'password',
            credential: RDS_TOKEN,
            advice: 'Pass a function that makes a token for each new connection: `password: () => signer.getAuthToken()`.',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'AssumeRole credentials frozen into a module-scope S3Client',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

        const sts = new STSClient({});
        const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'exporter' }));
        const s3 = new S3Client({
          credentials: {
            accessKeyId: Credentials!.AccessKeyId!,
            secretAccessKey: Credentials!.SecretAccessKey!,
            sessionToken: Credentials!.SessionToken,
          },
        });

        export const handler = async () => s3.config.region();
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 8,
          data: {
            resource: 'S3Client',
            lifetime: 'created at module scope',
            option: 'credentials',
            credential: STS_CREDENTIALS,
            advice:
              'Give the client a credential provider that refreshes itself: `credentials: fromTemporaryCredentials({ params: { RoleArn, RoleSessionName } })` from @aws-sdk/credential-providers.',
          },
        },
      ],
    },
    {
      name: 'per-tenant clients cached in a Map with raw AssumeRole credentials expire after an hour',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';

        const sts = new STSClient({});
        const tenantClients = new Map<string, S3Client>();

        export const handler = async (event: { tenantId: string; roleArn: string }) => {
          if (!tenantClients.has(event.tenantId)) {
            const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: event.tenantId }));
            tenantClients.set(
              event.tenantId,
              new S3Client({
                credentials: {
                  accessKeyId: Credentials!.AccessKeyId!,
                  secretAccessKey: Credentials!.SecretAccessKey!,
                  sessionToken: Credentials!.SessionToken,
                },
              }),
            );
          }
          return tenantClients.get(event.tenantId);
        };
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 14,
          data: {
            resource: 'S3Client',
            lifetime: 'cached in a module-scope collection',
            option: 'credentials',
            credential: STS_CREDENTIALS,
            advice:
              'Give the client a credential provider that refreshes itself: `credentials: fromTemporaryCredentials({ params: { RoleArn, RoleSessionName } })` from @aws-sdk/credential-providers.',
          },
        },
      ],
    },
    {
      name: 'Sequelize with a frozen token: the beforeConnect hook is the advice',
      code: `
        import { Signer } from '@aws-sdk/rds-signer';
        import { Sequelize } from 'sequelize';

        const signer = new Signer({ hostname: process.env.DB_HOST!, port: 5432, username: 'app' });
        let sequelize: Sequelize | undefined;

        export const handler = async () => {
          sequelize ??= new Sequelize('app', 'app', await signer.getAuthToken(), { host: process.env.DB_HOST, dialect: 'postgres' });
          return sequelize.query('select 1');
        };
      `,
      errors: [
        {
          messageId: 'frozenToken',
          line: 9,
          data: {
            resource: 'Sequelize',
            lifetime: 'created lazily and cached',
            option: 'password',
            credential: RDS_TOKEN,
            advice:
              'Sequelize takes the password as a string only: set it before each connection with `hooks: { beforeConnect: async (config) => { config.password = await signer.getAuthToken(); } }`.',
          },
          suggestions: [],
        },
      ],
    },
  ],
});
