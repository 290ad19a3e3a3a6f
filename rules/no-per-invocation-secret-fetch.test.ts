import { ruleTester } from '../tests/rule-tester.js';
import rule from './no-per-invocation-secret-fetch.js';

const commonjs = { parserOptions: { sourceType: 'script' } } as const;

ruleTester.run('no-per-invocation-secret-fetch', rule, {
  valid: [
    {
      name: 'fetched once at module scope (top-level await)',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});
        const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ID }));

        export const handler = async () => secret.SecretString?.length;
      `,
    },
    {
      name: 'fetched in a cached initialiser (the shape of the fix)',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
        import { Client } from 'pg';

        const secrets = new SecretsManagerClient({});

        let client: Promise<Client> | undefined;
        const getClient = (): Promise<Client> =>
          (client ??= (async () => {
            const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ID }));
            const created = new Client({ connectionString: secret.SecretString });
            await created.connect();
            return created;
          })().catch((error: unknown) => {
            client = undefined;
            throw error;
          }));

        export const handler = async () => (await getClient()).query('select 1');
      `,
    },
    {
      name: 'a value cached in a module-level variable under a guard, by hand',
      code: `
        import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

        const ssm = new SSMClient({});
        let apiKey: string | undefined;

        async function getApiKey(): Promise<string> {
          if (!apiKey) {
            const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/shop/api-key', WithDecryption: true }));
            apiKey = Parameter!.Value!;
          }
          return apiKey;
        }

        export const handler = async () => getApiKey();
      `,
    },
    {
      name: 'a time-to-live cache by hand',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});
        let cached: { value: string; at: number } | undefined;

        export const handler = async () => {
          if (!cached || Date.now() - cached.at > 300_000) {
            const secret = await secrets.send(new GetSecretValueCommand({ SecretId: 'prod/webhook-signing-key' }));
            cached = { value: secret.SecretString!, at: Date.now() };
          }
          return cached.value.length;
        };
      `,
    },
    {
      name: 'secrets cached in a module-level Map by name',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});
        const values = new Map<string, string>();

        async function secretValue(id: string): Promise<string> {
          if (!values.has(id)) {
            const secret = await secrets.send(new GetSecretValueCommand({ SecretId: id }));
            values.set(id, secret.SecretString!);
          }
          return values.get(id)!;
        }

        export const handler = async () => secretValue('prod/db');
      `,
    },
    {
      name: 'Powertools getSecret / getParameter / getAppConfig (a time-to-live cache, 5 seconds or maxAge)',
      code: `
        import { getAppConfig } from '@aws-lambda-powertools/parameters/appconfig';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
        import { getParameter } from '@aws-lambda-powertools/parameters/ssm';

        export const handler = async () => {
          const secret = await getSecret(process.env.DB_SECRET_ID!, { transform: 'json', maxAge: 300 });
          const flag = await getParameter('/shop/feature-flag');
          const config = await getAppConfig('settings', { application: 'shop', environment: 'prod' });
          return [secret, flag, config];
        };
      `,
    },
    {
      name: 'a Powertools provider created once, used per invocation',
      code: `
        import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';

        const provider = new SecretsProvider();

        export const handler = async () => provider.get('prod/api-key', { maxAge: 60 });
      `,
    },
    {
      name: 'the Parameters and Secrets Lambda Extension (a local cache, 300 seconds by default)',
      code: `
        export const handler = async () => {
          const response = await fetch(
            'http://localhost:2773/secretsmanager/get?secretId=' + encodeURIComponent(process.env.DB_SECRET_ID!),
            { headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN! } },
          );
          const { SecretString } = (await response.json()) as { SecretString: string };
          const parameter = await fetch(\`http://localhost:\${process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? 2773}/systemsmanager/parameters/get?name=%2Fshop%2Fkey\`, {
            headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN! },
          });
          return [SecretString, await parameter.json()];
        };
      `,
    },
    {
      name: 'a secret id from the request is request data (no-per-invocation-pool reports what is built from it)',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});

        export const handler = async (event: { tenantId: string }) => {
          const secret = await secrets.send(new GetSecretValueCommand({ SecretId: \`tenants/\${event.tenantId}/db\` }));
          return secret.SecretString;
        };
      `,
    },
    {
      name: 'a fetch in a function that no handler calls',
      code: `
        import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

        const ssm = new SSMClient({});

        export async function printParameter() {
          console.log(await ssm.send(new GetParameterCommand({ Name: '/shop/key' })));
        }

        export const handler = async () => 'ok';
      `,
    },
    {
      name: 'commands that fetch no secret',
      code: `
        import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
        import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

        const s3 = new S3Client({});
        const ssm = new SSMClient({});

        export const handler = async () => {
          await ssm.send(new PutParameterCommand({ Name: '/shop/last-run', Value: new Date().toISOString(), Overwrite: true }));
          return s3.send(new GetObjectCommand({ Bucket: 'config', Key: 'settings.json' }));
        };
      `,
    },
    {
      name: 'a module without a handler is not Lambda code',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});

        export async function readSecret() {
          return secrets.send(new GetSecretValueCommand({ SecretId: 'prod/db' }));
        }
      `,
    },
    {
      name: 'middy secrets middleware caches for the process',
      code: `
        import middy from '@middy/core';
        import secretsManager from '@middy/secrets-manager';

        const baseHandler = async (_event: unknown, context: { dbSecret?: unknown }) => context.dbSecret;

        export const handler = middy(baseHandler).use(
          secretsManager({ fetchData: { dbSecret: process.env.DB_SECRET_ID! }, setToContext: true }),
        );
      `,
    },
  ],
  invalid: [
    {
      name: 'GetSecretValueCommand with an id from the environment, sent in the handler',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});

        export const handler = async () => {
          const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ID }));
          return JSON.parse(secret.SecretString!);
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 32,
          endLine: 7,
          endColumn: 111,
          data: { fetch: 'GetSecretValueCommand', id: 'process.env.DB_SECRET_ID', handler: 'handler', via: '' },
        },
      ],
    },
    {
      name: 'a command built once at module scope and sent on every invocation',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});
        const getDatabaseSecret = new GetSecretValueCommand({ SecretId: 'prod/orders/db' });

        export const handler = async () => {
          const secret = await secrets.send(getDatabaseSecret);
          return secret.SecretString;
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 8, column: 32, data: { fetch: 'GetSecretValueCommand', id: "'prod/orders/db'", handler: 'handler', via: '' } }],
    },
    {
      name: 'SSM GetParameterCommand with a module constant as its name',
      code: `
        import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

        const ssm = new SSMClient({});
        const STRIPE_KEY = '/shop/stripe-key';

        export const handler = async () => {
          const { Parameter } = await ssm.send(new GetParameterCommand({ Name: STRIPE_KEY, WithDecryption: true }));
          return Parameter?.Value;
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 8, column: 39, data: { fetch: 'GetParameterCommand', id: 'STRIPE_KEY', handler: 'handler', via: '' } }],
    },
    {
      name: 'GetParametersByPathCommand in a helper the handler calls names the path',
      code: `
        import { GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';

        const ssm = new SSMClient({});

        async function loadSettings(): Promise<Record<string, string>> {
          const { Parameters = [] } = await ssm.send(new GetParametersByPathCommand({ Path: '/shop/settings/', Recursive: true }));
          return Object.fromEntries(Parameters.map((parameter) => [parameter.Name!, parameter.Value!]));
        }

        export const handler = async () => {
          const settings = await loadSettings();
          return settings.currency;
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 7, data: { fetch: 'GetParametersByPathCommand', id: "'/shop/settings/'", handler: 'handler', via: ' (via `loadSettings`)' } }],
    },
    {
      name: 'the aggregated v3 client: secretsManager.getSecretValue()',
      code: `
        import { SecretsManager } from '@aws-sdk/client-secrets-manager';

        const secretsManager = new SecretsManager({});

        export const handler = async () => {
          const { SecretString } = await secretsManager.getSecretValue({ SecretId: process.env.DB_SECRET_ARN });
          return SecretString;
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 7, column: 42, data: { fetch: 'getSecretValue', id: 'process.env.DB_SECRET_ARN', handler: 'handler', via: '' } }],
    },
    {
      name: 'AWS SDK v2 in CommonJS, with .promise()',
      code: `
        const AWS = require('aws-sdk');

        const secretsManager = new AWS.SecretsManager();
        const ssm = new AWS.SSM();

        exports.handler = async () => {
          const data = await secretsManager.getSecretValue({ SecretId: process.env.SECRET_NAME }).promise();
          const parameter = await ssm.getParameter({ Name: '/app/url' }).promise();
          return [JSON.parse(data.SecretString), parameter.Parameter.Value];
        };
      `,
      languageOptions: commonjs,
      errors: [
        { messageId: 'perInvocation', line: 8, column: 30, data: { fetch: 'getSecretValue', id: 'process.env.SECRET_NAME', handler: 'handler', via: '' } },
        { messageId: 'perInvocation', line: 9, column: 35, data: { fetch: 'getParameter', id: "'/app/url'", handler: 'handler', via: '' } },
      ],
    },
    {
      name: 'AWS SDK v2 with a callback, client from aws-sdk/clients/secretsmanager',
      code: `
        const SecretsManager = require('aws-sdk/clients/secretsmanager');

        const client = new SecretsManager({ region: process.env.AWS_REGION });

        exports.handler = (event, context, callback) => {
          client.getSecretValue({ SecretId: 'prod/api' }, (error, data) => {
            if (error) return callback(error);
            callback(null, { length: data.SecretString.length });
          });
        };
      `,
      languageOptions: commonjs,
      errors: [{ messageId: 'perInvocation', line: 7, column: 11 }],
    },
    {
      name: 'the same secret fetched for every record',
      code: `
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
        import type { SQSEvent } from 'aws-lambda';

        const secrets = new SecretsManagerClient({});

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const secret = await secrets.send(new GetSecretValueCommand({ SecretId: 'prod/webhook-key' }));
            console.log(record.messageId, secret.SecretString?.length);
          }
        };
      `,
      errors: [{ messageId: 'perRecord', line: 9, column: 34, data: { fetch: 'GetSecretValueCommand', id: "'prod/webhook-key'", handler: 'handler', via: ' (for every record)' } }],
    },
    {
      name: 'AppConfig Data: a configuration session started on every invocation',
      code: `
        import { AppConfigDataClient, GetLatestConfigurationCommand, StartConfigurationSessionCommand } from '@aws-sdk/client-appconfigdata';

        const appConfig = new AppConfigDataClient({});

        export const handler = async () => {
          const session = await appConfig.send(
            new StartConfigurationSessionCommand({
              ApplicationIdentifier: 'shop',
              EnvironmentIdentifier: 'prod',
              ConfigurationProfileIdentifier: 'flags',
            }),
          );
          const latest = await appConfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: session.InitialConfigurationToken }));
          return new TextDecoder().decode(latest.Configuration);
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 7, column: 33, data: { fetch: 'StartConfigurationSessionCommand', id: "'flags'", handler: 'handler', via: '' } }],
    },
    {
      name: 'Powertools getSecret with forceFetch bypasses its cache',
      code: `
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        export const handler = async () => {
          const key = await getSecret('prod/api-key', { forceFetch: true });
          return key;
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 5, column: 29, data: { fetch: 'getSecret', id: "'prod/api-key'", handler: 'handler', via: '' } }],
    },
    {
      name: 'a Powertools provider built per invocation has an empty cache every time',
      code: `
        import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';

        export const handler = async () => {
          const provider = new SSMProvider();
          return provider.get('/shop/currency');
        };
      `,
      errors: [{ messageId: 'perInvocation', line: 6, column: 18, data: { fetch: 'get', id: "'/shop/currency'", handler: 'handler', via: '' } }],
    },
    {
      name: 'a secret fetched in the handler of a middy-wrapped function',
      code: `
        import middy from '@middy/core';
        import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const secrets = new SecretsManagerClient({});

        const baseHandler = async () => {
          const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.API_SECRET }));
          return SecretString?.length;
        };

        export const handler = middy(baseHandler);
      `,
      errors: [{ messageId: 'perInvocation', line: 8, column: 42 }],
    },
  ],
});
