import { ruleTester } from '../tests/rule-tester.js';
import rule from './no-per-invocation-client.js';

const commonjs = { parserOptions: { sourceType: 'script' } } as const;

ruleTester.run('no-per-invocation-client', rule, {
  valid: [
    {
      name: 'client at module scope; commands created per invocation are not clients',
      code: `
        import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

        const client = new DynamoDBClient({ region: process.env.AWS_REGION });

        export const handler = async (event: { id: string }) => {
          return client.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: event.id } } }));
        };
      `,
    },
    {
      name: 'a module with no handler is not Lambda code',
      code: `
        import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

        export async function listBuckets() {
          const s3 = new S3Client({});
          return s3.send(new ListBucketsCommand({}));
        }

        export const createQueueClient = () => new S3Client({ region: 'eu-west-1' });
      `,
    },
    {
      name: 'an exported function the handler never calls',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        const s3 = new S3Client({});

        export const handler = async () => s3.config.region();

        export async function seedBuckets() {
          const admin = new S3Client({ maxAttempts: 10 });
          return admin;
        }
      `,
    },
    {
      name: '??= on a module-level variable inside the handler',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let ddb: DynamoDBClient | undefined;

        export const handler = async () => {
          ddb ??= new DynamoDBClient({});
          return ddb.config.region();
        };
      `,
    },
    {
      name: '||= on a module-level variable inside the handler',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        let sqs: SQSClient | undefined;

        export async function handler() {
          sqs ||= new SQSClient({ region: process.env.AWS_REGION });
          return sqs;
        }
      `,
    },
    {
      name: 'if (!x) x = new X() inside the handler, braced and unbraced',
      code: `
        import { SNSClient } from '@aws-sdk/client-sns';
        import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

        let sns: SNSClient | null = null;
        let events: EventBridgeClient | undefined;

        export const handler = async () => {
          if (!sns) sns = new SNSClient({});
          if (events === undefined) {
            events = new EventBridgeClient({});
          }
          return [sns, events];
        };
      `,
    },
    {
      name: 'x || (x = new X()) and x ?? (x = new X()) in helpers',
      code: `
        import { KinesisClient } from '@aws-sdk/client-kinesis';
        import { FirehoseClient } from '@aws-sdk/client-firehose';

        let kinesis: KinesisClient | undefined;
        let firehose: FirehoseClient | undefined;

        function getKinesis() {
          return kinesis || (kinesis = new KinesisClient({}));
        }
        const getFirehose = () => firehose ?? (firehose = new FirehoseClient({}));

        export const handler = async () => [getKinesis(), getFirehose()];
      `,
    },
    {
      name: 'memoising getter function (the shape of the fix)',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
        import type { S3Event } from 'aws-lambda';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({ region: process.env.AWS_REGION }));

        export const handler = async (event: S3Event) => {
          const ddb = getDynamoDBClient();
          return ddb;
        };
      `,
    },
    {
      name: 'lazy getter and this.x ??= on a module-level instance',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        class Clients {
          private s3Client?: S3Client;
          private secretsClient?: SecretsManagerClient;

          get s3(): S3Client {
            return (this.s3Client ??= new S3Client({}));
          }

          secrets(): SecretsManagerClient {
            if (!this.secretsClient) {
              this.secretsClient = new SecretsManagerClient({});
            }
            return this.secretsClient;
          }
        }

        const clients = new Clients();

        export const handler = async () => [clients.s3, clients.secrets()];
      `,
    },
    {
      name: 'memo function with if (!x) { x = ... }',
      code: `
        import { Client } from '@opensearch-project/opensearch';

        let search: Client | undefined;

        function getSearch(): Client {
          if (!search) {
            search = new Client({ node: process.env.OPENSEARCH_URL });
          }
          return search;
        }

        export const handler = async (event: { q: string }) => getSearch().search({ q: event.q });
      `,
    },
    {
      name: 'module-level Map cache keyed by region',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        const clients = new Map<string, S3Client>();

        const clientFor = (region: string): S3Client => {
          if (!clients.has(region)) clients.set(region, new S3Client({ region }));
          return clients.get(region)!;
        };

        export const handler = async (event: { region: string }) => clientFor(event.region);
      `,
    },
    {
      name: 'request-scoped credentials cached in a module-level Map keyed by tenant',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';

        const sts = new STSClient({});
        const tenantClients = new Map<string, S3Client>();

        export const handler = async (event: { tenantId: string; roleArn: string }) => {
          if (!tenantClients.has(event.tenantId)) {
            const { Credentials } = await sts.send(
              new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: event.tenantId }),
            );
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
    },
    {
      name: 'module-scope factory called once',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { SQSClient } from '@aws-sdk/client-sqs';

        function createClients() {
          return { s3: new S3Client({}), sqs: new SQSClient({}) };
        }
        const makeS3 = () => new S3Client({ region: 'us-east-1' });

        const clients = createClients();
        const usEast = makeS3();

        export const handler = async () => [clients, usEast];
      `,
    },
    {
      name: 'factory handler: the body of makeHandler runs once, at module scope',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        function makeHandler(deps: { table: string }) {
          const ddb = new DynamoDBClient({});
          return async (event: { id: string }) => ({ ddb, table: deps.table, id: event.id });
        }

        export const handler = makeHandler({ table: 'users' });
      `,
    },
    {
      name: 'a local class that happens to be called S3Client',
      code: `
        class S3Client {
          constructor(readonly options: object) {}
        }

        export const handler = async () => {
          const s3 = new S3Client({});
          return s3;
        };
      `,
    },
    {
      name: 'a class imported from the project, not from the SDK',
      code: `
        import { S3Client } from './lib/s3-client.js';
        import { DynamoDBClient } from '../shared/dynamo';

        export const handler = async () => [new S3Client({}), new DynamoDBClient()];
      `,
    },
    {
      name: 'a parameter shadowing the imported name',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        const s3 = new S3Client({});

        function build(S3Client: new (options: object) => unknown) {
          return new S3Client({});
        }

        export const handler = async () => {
          const Stub = class {};
          return [s3, build(Stub)];
        };
      `,
    },
    {
      name: 're-export of a handler from another module',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export { handler } from './handler.js';

        export function createS3() {
          return new S3Client({});
        }
      `,
    },
    {
      name: 'export * from another module',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        export * from './handlers/index.js';

        export const queueClient = () => new SQSClient({});
      `,
    },
    {
      name: 'top-level await, then a client at module scope',
      code: `
        import Stripe from 'stripe';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        const secret = await getSecret('stripe-api-key');
        const stripe = new Stripe(secret as string);

        export const handler = async (event: { customerId: string }) =>
          stripe.customers.retrieve(event.customerId);
      `,
    },
    {
      name: 'a database pool is not reported by the client rule',
      code: `
        import { Pool } from 'pg';
        import { PrismaClient } from '@prisma/client';

        export const handler = async () => {
          const pool = new Pool({ connectionString: process.env.DATABASE_URL });
          const prisma = new PrismaClient();
          return [pool, prisma];
        };
      `,
    },
    {
      name: 'an untyped default export is not a handler',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export default async function (event: { bucket: string }) {
          const s3 = new S3Client({});
          return { s3, bucket: event.bucket };
        }
      `,
    },
    {
      name: 'an export named main is not a handler without settings',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export const main = async () => {
          const s3 = new S3Client({});
          return s3;
        };
      `,
    },
    {
      name: 'commands, exceptions and lib-dynamodb commands are not clients',
      code: `
        import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
        import { DynamoDBClient, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
        import { S3ServiceException } from '@aws-sdk/client-s3';

        const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));

        export const handler = async (event: { id: string }) => {
          const item = await doc.send(new GetCommand({ TableName: 't', Key: { id: event.id } }));
          await doc.send(new PutCommand({ TableName: 't', Item: { id: event.id } }));
          if (!item.Item) throw new ConditionalCheckFailedException({ message: 'missing', $metadata: {} });
          return new S3ServiceException({ name: 'x', $fault: 'client', $metadata: {} });
        };
      `,
    },
    {
      name: 'AWS SDK v2 configuration classes are not clients',
      code: `
        import AWS from 'aws-sdk';

        const s3 = new AWS.S3();

        export const handler = async () => {
          const config = new AWS.Config({ region: 'eu-west-1' });
          const endpoint = new AWS.Endpoint('http://localhost:4566');
          const credentials = new AWS.SharedIniFileCredentials({ profile: 'dev' });
          const chain = new AWS.CredentialProviderChain();
          return [s3, config, endpoint, credentials, chain];
        };
      `,
    },
    {
      name: 'CommonJS: require at module scope, exports.handler',
      code: `
        const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
        const AWS = require('aws-sdk');

        const s3 = new S3Client({});
        const sqs = new AWS.SQS({ apiVersion: '2012-11-05' });

        exports.handler = async function (event) {
          return [await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key })), sqs];
        };
      `,
      languageOptions: commonjs,
    },
    {
      name: 'additionalResources with kind pool is routed to the pool rule',
      code: `
        import { Warehouse } from '@acme/warehouse';

        export const handler = async () => {
          const warehouse = new Warehouse({ url: process.env.WAREHOUSE_URL });
          return warehouse;
        };
      `,
      options: [{ additionalResources: [{ module: '@acme/warehouse', export: 'Warehouse', kind: 'pool' }] }],
    },
    {
      name: 'Powertools class handler with module-scope utilities',
      code: `
        import { Logger } from '@aws-lambda-powertools/logger';
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import { Metrics } from '@aws-lambda-powertools/metrics';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import type { Context } from 'aws-lambda';

        const logger = new Logger({ serviceName: 'orders' });
        const tracer = new Tracer({ serviceName: 'orders' });
        const metrics = new Metrics({ namespace: 'shop' });

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          @metrics.logMetrics()
          public async handler(_event: unknown, _context: Context): Promise<void> {
            logger.info('hello');
          }
        }

        const handlerClass = new Lambda();
        export const handler = handlerClass.handler.bind(handlerClass);
      `,
    },
    {
      name: 'TSX: module-scope client, handler rendering JSX',
      code: `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import { renderToString } from 'react-dom/server';
        import type { APIGatewayProxyEvent } from 'aws-lambda';

        const s3 = new S3Client({});

        const Page = ({ title }: { title: string }) => <main><h1>{title}</h1></main>;

        export const handler = async (event: APIGatewayProxyEvent) => {
          const html = renderToString(<Page title={event.path} />);
          await s3?.send(new PutObjectCommand({ Bucket: 'pages', Key: event.path, Body: html }));
          return { statusCode: 200, body: html };
        };
      `,
      filename: 'file.tsx',
    },
    {
      name: 'middy handler using module-scope clients',
      code: `
        import middy from '@middy/core';
        import httpJsonBodyParser from '@middy/http-json-body-parser';
        import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';

        const sqs = new SQSClient({});

        const baseHandler = async (event: { body: { message: string } }) => {
          await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.body.message }));
        };

        export const handler = middy(baseHandler).use(httpJsonBodyParser());
      `,
    },
    {
      name: 'a lazy getter reached through a per-record loop is still lazy',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';
        import type { SQSEvent } from 'aws-lambda';

        let cachedSqs: SQSClient | undefined;
        const getSqs = () => (cachedSqs ??= new SQSClient({}));

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            await getSqs().config.region();
            console.log(record.messageId);
          }
        };
      `,
    },
    {
      name: 'a factory makeHandler that receives its clients from module scope',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
        import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

        const makeHandler = ({ doc }: { doc: DynamoDBDocumentClient }) =>
          async (event: { id: string }) => doc.send({ id: event.id } as never);

        export const handler = makeHandler({
          doc: DynamoDBDocumentClient.from(new DynamoDBClient({})),
        });
      `,
    },
    {
      name: 'a type named SQSHandler that does not come from aws-lambda',
      code: `
        import type { SQSHandler } from './types.js';
        import { SNSClient } from '@aws-sdk/client-sns';

        export const consume: SQSHandler = async () => {
          const sns = new SNSClient({});
          return sns;
        };
      `,
    },
    {
      name: 'a client in a handler-shaped function that is not exported',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { SNSClient } from '@aws-sdk/client-sns';

        const sns = new SNSClient({});

        async function notExported(event: SQSEvent) {
          const local = new SNSClient({});
          return [local, sns, event];
        }

        export const handler = async () => sns;
      `,
    },
    {
      name: 'issue 8: s3 = s3 ?? new S3Client() is a lazy singleton',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        let s3: S3Client | undefined;

        export const handler = async () => {
          s3 = s3 ?? new S3Client({});
          return s3.config.region();
        };
      `,
    },
    {
      name: 'issue 8: s3 = s3 || new S3Client() is a lazy singleton',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        let s3: S3Client | undefined;

        export const handler = async () => {
          s3 = s3 || new S3Client({});
          return s3.config.region();
        };
      `,
    },
    {
      name: 'issue 8: an exception class of an SDK client package is not a client',
      code: `
        import { NoSuchKey, S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        const s3 = new S3Client({});

        export const handler = async (event: { key: string }) => {
          const object = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
          if (!object.Body) throw new NoSuchKey({ message: event.key, $metadata: {} });
          const error = new NoSuchKey({ message: 'unused', $metadata: {} });
          return error.name;
        };
      `,
    },
    {
      name: 'issue 8: a method called on an imported object does not run a local method of the same name',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { pool } from './db.js';

        class Report {
          query() {
            const s3 = new S3Client({});
            return s3;
          }
        }

        export const report = new Report();

        export const handler = async () => pool.query('select 1');
      `,
    },
  ],
  invalid: [
    {
      name: 'a helper injected through the handler factory\'s parameters is followed to the argument',
      code: `
        import { RekognitionClient, DetectLabelsCommand } from '@aws-sdk/client-rekognition';
        import type { S3Event } from 'aws-lambda';

        const detectLabels = async (bucket: string, key: string) => {
          const client = new RekognitionClient({});
          return client.send(new DetectLabelsCommand({ Image: { S3Object: { Bucket: bucket, Name: key } } }));
        };

        const makeHandler = ({ detect }: { detect: typeof detectLabels }) => async (event: S3Event) => {
          for (const record of event.Records) {
            await detect(record.s3.bucket.name, record.s3.object.key);
          }
        };

        export const handler = makeHandler({ detect: detectLabels });
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 26,
          data: { resource: 'RekognitionClient', handler: 'handler', via: ' (via `detectLabels`, for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'RekognitionClient' },
              output: `
        import { RekognitionClient, DetectLabelsCommand } from '@aws-sdk/client-rekognition';
        import type { S3Event } from 'aws-lambda';

        let cachedRekognitionClient: RekognitionClient | undefined;
        const getRekognitionClient = (): RekognitionClient =>
          (cachedRekognitionClient ??= new RekognitionClient({}));

        const detectLabels = async (bucket: string, key: string) => {
          const client = getRekognitionClient();
          return client.send(new DetectLabelsCommand({ Image: { S3Object: { Bucket: bucket, Name: key } } }));
        };

        const makeHandler = ({ detect }: { detect: typeof detectLabels }) => async (event: S3Event) => {
          for (const record of event.Records) {
            await detect(record.s3.bucket.name, record.s3.object.key);
          }
        };

        export const handler = makeHandler({ detect: detectLabels });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an SDK instrumented by X-Ray (captureAWS(require(...))) is still the SDK',
      code: `
        const AWSXRay = require('aws-xray-sdk-core');
        const AWS = AWSXRay.captureAWS(require('aws-sdk'));

        exports.handler = async (event) => {
          const s3 = new AWS.S3();
          return s3.getObject({ Bucket: process.env.BUCKET, Key: event.key }).promise();
        };
      `,
      filename: 'handler.js',
      languageOptions: { parserOptions: { sourceType: 'script' } },
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 22,
          data: { resource: 'AWS.S3', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AWS.S3' },
              output: `
        const AWSXRay = require('aws-xray-sdk-core');
        const AWS = AWSXRay.captureAWS(require('aws-sdk'));

        let cachedS3;
        const getS3 = () =>
          (cachedS3 ??= new AWS.S3());

        exports.handler = async (event) => {
          const s3 = getS3();
          return s3.getObject({ Bucket: process.env.BUCKET, Key: event.key }).promise();
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- handler export forms
    {
      name: 'export const handler = async arrow',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        export const handler = async (event: { id: string }) => {
          const ddb = new DynamoDBClient({});
          return ddb;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 45,
          data: { resource: 'DynamoDBClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        export const handler = async (event: { id: string }) => {
          const ddb = getDynamoDBClient();
          return ddb;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export async function handler, region from process.env',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export async function handler() {
          const s3 = new S3Client({ region: process.env.AWS_REGION });
          return s3;
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({ region: process.env.AWS_REGION }));

        export async function handler() {
          const s3 = getS3Client();
          return s3;
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export const lambdaHandler (a default handler name)',
      code: `
        import { SFNClient } from '@aws-sdk/client-sfn';

        export const lambdaHandler = async () => {
          return new SFNClient({}).config;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 18,
          data: { resource: 'SFNClient', handler: 'lambdaHandler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SFNClient' },
              output: `
        import { SFNClient } from '@aws-sdk/client-sfn';

        let cachedSfnClient: SFNClient | undefined;
        const getSfnClient = (): SFNClient =>
          (cachedSfnClient ??= new SFNClient({}));

        export const lambdaHandler = async () => {
          return getSfnClient().config;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export { main as handler }',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        async function main() {
          const sqs = new SQSClient({});
          return sqs;
        }

        export { main as handler };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'SQSClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        async function main() {
          const sqs = getSqsClient();
          return sqs;
        }

        export { main as handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export default of a const typed Handler',
      code: `
        import type { Handler } from 'aws-lambda';
        import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

        const main: Handler = async () => {
          const events = new EventBridgeClient({});
          return events;
        };

        export default main;
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'EventBridgeClient', handler: 'default', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'EventBridgeClient' },
              output: `
        import type { Handler } from 'aws-lambda';
        import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

        let cachedEventBridgeClient: EventBridgeClient | undefined;
        const getEventBridgeClient = (): EventBridgeClient =>
          (cachedEventBridgeClient ??= new EventBridgeClient({}));

        const main: Handler = async () => {
          const events = getEventBridgeClient();
          return events;
        };

        export default main;
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export default function with an S3Event parameter',
      code: `
        import type { S3Event } from 'aws-lambda';
        import { RekognitionClient } from '@aws-sdk/client-rekognition';

        export default async function (event: S3Event) {
          const rekognition = new RekognitionClient({});
          return { rekognition, records: event.Records.length };
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 31,
          data: { resource: 'RekognitionClient', handler: 'default', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'RekognitionClient' },
              output: `
        import type { S3Event } from 'aws-lambda';
        import { RekognitionClient } from '@aws-sdk/client-rekognition';

        let cachedRekognitionClient: RekognitionClient | undefined;
        const getRekognitionClient = (): RekognitionClient =>
          (cachedRekognitionClient ??= new RekognitionClient({}));

        export default async function (event: S3Event) {
          const rekognition = getRekognitionClient();
          return { rekognition, records: event.Records.length };
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
        const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

        exports.handler = async function (event) {
          const sqs = new SQSClient({});
          await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'x' }));
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'SQSClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

        let cachedSqsClient: InstanceType<typeof SQSClient> | undefined;
        const getSqsClient = (): InstanceType<typeof SQSClient> =>
          (cachedSqsClient ??= new SQSClient({}));

        exports.handler = async function (event) {
          const sqs = getSqsClient();
          await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'x' }));
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'module.exports.handler with AWS SDK v2 required whole',
      code: `
        const AWS = require('aws-sdk');

        module.exports.handler = async (event) => {
          const s3 = new AWS.S3({ signatureVersion: 'v4' });
          return s3.getObject({ Bucket: 'b', Key: 'k' }).promise();
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          data: { resource: 'AWS.S3', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AWS.S3' },
              output: `
        const AWS = require('aws-sdk');

        let cachedS3: InstanceType<typeof AWS.S3> | undefined;
        const getS3 = (): InstanceType<typeof AWS.S3> =>
          (cachedS3 ??= new AWS.S3({ signatureVersion: 'v4' }));

        module.exports.handler = async (event) => {
          const s3 = getS3();
          return s3.getObject({ Bucket: 'b', Key: 'k' }).promise();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'module.exports = { handler } with a function declaration',
      code: `
        const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

        async function handler(event) {
          const sns = new SNSClient({});
          return sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: 'hi' }));
        }

        module.exports = { handler };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'SNSClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

        let cachedSnsClient: InstanceType<typeof SNSClient> | undefined;
        const getSnsClient = (): InstanceType<typeof SNSClient> =>
          (cachedSnsClient ??= new SNSClient({}));

        async function handler(event) {
          const sns = getSnsClient();
          return sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: 'hi' }));
        }

        module.exports = { handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'module.exports = { handler: fn }',
      code: `
        const AWS = require('aws-sdk');

        module.exports = {
          handler: async () => {
            const docClient = new AWS.DynamoDB.DocumentClient();
            return docClient;
          },
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 31,
          data: { resource: 'AWS.DynamoDB.DocumentClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AWS.DynamoDB.DocumentClient' },
              output: `
        const AWS = require('aws-sdk');

        let cachedDocumentClient: InstanceType<typeof AWS.DynamoDB.DocumentClient> | undefined;
        const getDocumentClient = (): InstanceType<typeof AWS.DynamoDB.DocumentClient> =>
          (cachedDocumentClient ??= new AWS.DynamoDB.DocumentClient());

        module.exports = {
          handler: async () => {
            const docClient = getDocumentClient();
            return docClient;
          },
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'TS import = require and export = { handler }',
      code: `
        import AWS = require('aws-sdk');

        const handler = async () => {
          const kinesis = new AWS.Kinesis();
          return kinesis;
        };

        export = { handler };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 27,
          data: { resource: 'AWS.Kinesis', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AWS.Kinesis' },
              output: `
        import AWS = require('aws-sdk');

        let cachedKinesis: AWS.Kinesis | undefined;
        const getKinesis = (): AWS.Kinesis =>
          (cachedKinesis ??= new AWS.Kinesis());

        const handler = async () => {
          const kinesis = getKinesis();
          return kinesis;
        };

        export = { handler };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'SQSHandler type under another exported name',
      code: `
        import type { SQSHandler } from 'aws-lambda';
        import { SNSClient } from '@aws-sdk/client-sns';

        export const processQueue: SQSHandler = async (event) => {
          const sns = new SNSClient({});
          console.log(event.Records.length, sns);
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 23,
          data: { resource: 'SNSClient', handler: 'processQueue', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import type { SQSHandler } from 'aws-lambda';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        export const processQueue: SQSHandler = async (event) => {
          const sns = getSnsClient();
          console.log(event.Records.length, sns);
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'APIGatewayProxyHandler with Stripe',
      code: `
        import type { APIGatewayProxyHandler } from 'aws-lambda';
        import Stripe from 'stripe';

        export const createCheckout: APIGatewayProxyHandler = async () => {
          const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });
          const session = await stripe.checkout.sessions.create({ mode: 'payment' });
          return { statusCode: 200, body: session.url ?? '' };
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Stripe', handler: 'createCheckout', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Stripe' },
              output: `
        import type { APIGatewayProxyHandler } from 'aws-lambda';
        import Stripe from 'stripe';

        let cachedStripe: Stripe | undefined;
        const getStripe = (): Stripe =>
          (cachedStripe ??= new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' }));

        export const createCheckout: APIGatewayProxyHandler = async () => {
          const stripe = getStripe();
          const session = await stripe.checkout.sessions.create({ mode: 'payment' });
          return { statusCode: 200, body: session.url ?? '' };
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'satisfies Handler under another name',
      code: `
        import type { Handler } from 'aws-lambda';
        import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

        export const onSchedule = (async () => {
          const cloudwatch = new CloudWatchClient({});
          return cloudwatch;
        }) satisfies Handler;
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 30,
          data: { resource: 'CloudWatchClient', handler: 'onSchedule', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'CloudWatchClient' },
              output: `
        import type { Handler } from 'aws-lambda';
        import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

        let cachedCloudWatchClient: CloudWatchClient | undefined;
        const getCloudWatchClient = (): CloudWatchClient =>
          (cachedCloudWatchClient ??= new CloudWatchClient({}));

        export const onSchedule = (async () => {
          const cloudwatch = getCloudWatchClient();
          return cloudwatch;
        }) satisfies Handler;
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'export default ... satisfies Handler',
      code: `
        import type { Handler } from 'aws-lambda';
        import { LambdaClient } from '@aws-sdk/client-lambda';

        export default (async () => {
          const lambda = new LambdaClient({});
          return lambda;
        }) satisfies Handler;
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'LambdaClient', handler: 'default', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'LambdaClient' },
              output: `
        import type { Handler } from 'aws-lambda';
        import { LambdaClient } from '@aws-sdk/client-lambda';

        let cachedLambdaClient: LambdaClient | undefined;
        const getLambdaClient = (): LambdaClient =>
          (cachedLambdaClient ??= new LambdaClient({}));

        export default (async () => {
          const lambda = getLambdaClient();
          return lambda;
        }) satisfies Handler;
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'first parameter typed S3Event under another name',
      code: `
        import type { S3Event } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        export async function onUpload(event: S3Event): Promise<void> {
          const s3 = new S3Client({});
          console.log(event.Records[0]?.s3.object.key, s3);
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 22,
          data: { resource: 'S3Client', handler: 'onUpload', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import type { S3Event } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export async function onUpload(event: S3Event): Promise<void> {
          const s3 = getS3Client();
          console.log(event.Records[0]?.s3.object.key, s3);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'second parameter typed Context, Powertools Logger',
      code: `
        import type { Context } from 'aws-lambda';
        import { Logger } from '@aws-lambda-powertools/logger';

        export const run = async (input: unknown, context: Context) => {
          const logger = new Logger({ serviceName: 'run' });
          logger.info('start', { input, requestId: context.awsRequestId });
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Logger', handler: 'run', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Logger' },
              output: `
        import type { Context } from 'aws-lambda';
        import { Logger } from '@aws-lambda-powertools/logger';

        let cachedLogger: Logger | undefined;
        const getLogger = (): Logger =>
          (cachedLogger ??= new Logger({ serviceName: 'run' }));

        export const run = async (input: unknown, context: Context) => {
          const logger = getLogger();
          logger.info('start', { input, requestId: context.awsRequestId });
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'as Handler and a non-null assertion on the exported function',
      code: `
        import type { Handler } from 'aws-lambda';
        import { SSMClient } from '@aws-sdk/client-ssm';

        const main = async () => {
          const ssm = new SSMClient({});
          return ssm;
        };

        export const handler = main! as Handler;
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 23,
          data: { resource: 'SSMClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SSMClient' },
              output: `
        import type { Handler } from 'aws-lambda';
        import { SSMClient } from '@aws-sdk/client-ssm';

        let cachedSsmClient: SSMClient | undefined;
        const getSsmClient = (): SSMClient =>
          (cachedSsmClient ??= new SSMClient({}));

        const main = async () => {
          const ssm = getSsmClient();
          return ssm;
        };

        export const handler = main! as Handler;
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- wrappers
    {
      name: 'middy(fn).use(a).use(b)',
      code: `
        import middy from '@middy/core';
        import httpErrorHandler from '@middy/http-error-handler';
        import httpJsonBodyParser from '@middy/http-json-body-parser';
        import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        const baseHandler = async () => {
          const secrets = new SecretsManagerClient({});
          return secrets;
        };

        export const handler = middy(baseHandler).use(httpJsonBodyParser()).use(httpErrorHandler());
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 27,
          data: { resource: 'SecretsManagerClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SecretsManagerClient' },
              output: `
        import middy from '@middy/core';
        import httpErrorHandler from '@middy/http-error-handler';
        import httpJsonBodyParser from '@middy/http-json-body-parser';
        import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

        let cachedSecretsManagerClient: SecretsManagerClient | undefined;
        const getSecretsManagerClient = (): SecretsManagerClient =>
          (cachedSecretsManagerClient ??= new SecretsManagerClient({}));

        const baseHandler = async () => {
          const secrets = getSecretsManagerClient();
          return secrets;
        };

        export const handler = middy(baseHandler).use(httpJsonBodyParser()).use(httpErrorHandler());
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'middy().use(x).handler(fn)',
      code: `
        import middy from '@middy/core';
        import cors from '@middy/http-cors';
        import { SSMClient } from '@aws-sdk/client-ssm';

        export const handler = middy()
          .use(cors())
          .handler(async () => {
            const ssm = new SSMClient({});
            return ssm;
          });
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 9,
          column: 25,
          data: { resource: 'SSMClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SSMClient' },
              output: `
        import middy from '@middy/core';
        import cors from '@middy/http-cors';
        import { SSMClient } from '@aws-sdk/client-ssm';

        let cachedSsmClient: SSMClient | undefined;
        const getSsmClient = (): SSMClient =>
          (cachedSsmClient ??= new SSMClient({}));

        export const handler = middy()
          .use(cors())
          .handler(async () => {
            const ssm = getSsmClient();
            return ssm;
          });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'awslambda.streamifyResponse',
      code: `
        import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

        export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
          const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });
          responseStream.write(String(bedrock));
          responseStream.end();
        });
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 27,
          data: { resource: 'BedrockRuntimeClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'BedrockRuntimeClient' },
              output: `
        import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';

        let cachedBedrockRuntimeClient: BedrockRuntimeClient | undefined;
        const getBedrockRuntimeClient = (): BedrockRuntimeClient =>
          (cachedBedrockRuntimeClient ??= new BedrockRuntimeClient({ region: 'us-east-1' }));

        export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
          const bedrock = getBedrockRuntimeClient();
          responseStream.write(String(bedrock));
          responseStream.end();
        });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'any call with exactly one function argument (Sentry.wrapHandler, withAuth(fn, opts))',
      code: `
        import * as Sentry from '@sentry/aws-serverless';
        import OpenAI from 'openai';
        import { withAuth } from './auth.js';

        export const handler = Sentry.wrapHandler(async () => {
          const openai = new OpenAI();
          return openai;
        });

        export const lambdaHandler = withAuth(
          async () => {
            const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
            return openai;
          },
          { roles: ['admin'] },
        );
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 26,
          data: { resource: 'OpenAI', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'OpenAI' },
              output: `
        import * as Sentry from '@sentry/aws-serverless';
        import OpenAI from 'openai';
        import { withAuth } from './auth.js';

        let cachedOpenAI: OpenAI | undefined;
        const getOpenAI = (): OpenAI =>
          (cachedOpenAI ??= new OpenAI());

        export const handler = Sentry.wrapHandler(async () => {
          const openai = getOpenAI();
          return openai;
        });

        export const lambdaHandler = withAuth(
          async () => {
            const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
            return openai;
          },
          { roles: ['admin'] },
        );
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 13,
          column: 28,
          data: { resource: 'OpenAI', handler: 'lambdaHandler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'OpenAI' },
              output: `
        import * as Sentry from '@sentry/aws-serverless';
        import OpenAI from 'openai';
        import { withAuth } from './auth.js';

        let cachedOpenAI: OpenAI | undefined;
        const getOpenAI = (): OpenAI =>
          (cachedOpenAI ??= new OpenAI({ apiKey: process.env.OPENAI_API_KEY }));

        export const handler = Sentry.wrapHandler(async () => {
          const openai = new OpenAI();
          return openai;
        });

        export const lambdaHandler = withAuth(
          async () => {
            const openai = getOpenAI();
            return openai;
          },
          { roles: ['admin'] },
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
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        function makeHandler(deps: { table: string }) {
          return async (event: { id: string }) => {
            const ddb = new DynamoDBClient({});
            return { ddb, table: deps.table, id: event.id };
          };
        }

        export const handler = makeHandler({ table: 'users' });
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 25,
          data: { resource: 'DynamoDBClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        function makeHandler(deps: { table: string }) {
          return async (event: { id: string }) => {
            const ddb = getDynamoDBClient();
            return { ddb, table: deps.table, id: event.id };
          };
        }

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
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { S3Client } from '@aws-sdk/client-s3';

        const tracer = new Tracer();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          public async handler(_event: unknown, _context: unknown): Promise<void> {
            const s3 = new S3Client({});
            tracer.putAnnotation('region', String(s3.config.region));
          }
        }

        const handlerClass = new Lambda();
        export const handler = handlerClass.handler.bind(handlerClass);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 11,
          column: 24,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        const tracer = new Tracer();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          public async handler(_event: unknown, _context: unknown): Promise<void> {
            const s3 = getS3Client();
            tracer.putAnnotation('region', String(s3.config.region));
          }
        }

        const handlerClass = new Lambda();
        export const handler = handlerClass.handler.bind(handlerClass);
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
        import { DynamoDBClient as Ddb } from '@aws-sdk/client-dynamodb';

        export const handler = async () => {
          const ddb = new Ddb({ region: 'eu-west-1' });
          return ddb;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'Ddb', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Ddb' },
              output: `
        import { DynamoDBClient as Ddb } from '@aws-sdk/client-dynamodb';

        let cachedDdb: Ddb | undefined;
        const getDdb = (): Ddb =>
          (cachedDdb ??= new Ddb({ region: 'eu-west-1' }));

        export const handler = async () => {
          const ddb = getDdb();
          return ddb;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import',
      code: `
        import * as sqs from '@aws-sdk/client-sqs';

        export const handler = async () => {
          const client = new sqs.SQSClient({});
          return client.send(new sqs.SendMessageCommand({ QueueUrl: 'q', MessageBody: 'b' }));
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 26,
          data: { resource: 'sqs.SQSClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'sqs.SQSClient' },
              output: `
        import * as sqs from '@aws-sdk/client-sqs';

        let cachedSqsClient: sqs.SQSClient | undefined;
        const getSqsClient = (): sqs.SQSClient =>
          (cachedSqsClient ??= new sqs.SQSClient({}));

        export const handler = async () => {
          const client = getSqsClient();
          return client.send(new sqs.SendMessageCommand({ QueueUrl: 'q', MessageBody: 'b' }));
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'default import of an aws-sdk v2 client module',
      code: `
        import DynamoDB from 'aws-sdk/clients/dynamodb';
        import S3 from 'aws-sdk/clients/s3';

        export const handler = async () => {
          const docClient = new DynamoDB.DocumentClient();
          const s3 = new S3();
          return [docClient, s3];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 29,
          data: { resource: 'DynamoDB.DocumentClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDB.DocumentClient' },
              output: `
        import DynamoDB from 'aws-sdk/clients/dynamodb';
        import S3 from 'aws-sdk/clients/s3';

        let cachedDocumentClient: InstanceType<typeof DynamoDB.DocumentClient> | undefined;
        const getDocumentClient = (): InstanceType<typeof DynamoDB.DocumentClient> =>
          (cachedDocumentClient ??= new DynamoDB.DocumentClient());

        export const handler = async () => {
          const docClient = getDocumentClient();
          const s3 = new S3();
          return [docClient, s3];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 22,
          data: { resource: 'S3', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3' },
              output: `
        import DynamoDB from 'aws-sdk/clients/dynamodb';
        import S3 from 'aws-sdk/clients/s3';

        let cachedS3: S3 | undefined;
        const getS3 = (): S3 =>
          (cachedS3 ??= new S3());

        export const handler = async () => {
          const docClient = new DynamoDB.DocumentClient();
          const s3 = getS3();
          return [docClient, s3];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: "member require: require('@aws-sdk/client-s3').S3Client",
      code: `
        const S3Client = require('@aws-sdk/client-s3').S3Client;

        exports.handler = async () => {
          const s3 = new S3Client({});
          return s3;
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        const S3Client = require('@aws-sdk/client-s3').S3Client;

        let cachedS3Client: InstanceType<typeof S3Client> | undefined;
        const getS3Client = (): InstanceType<typeof S3Client> =>
          (cachedS3Client ??= new S3Client({}));

        exports.handler = async () => {
          const s3 = getS3Client();
          return s3;
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
          const { S3Client } = await import('@aws-sdk/client-s3');
          const sdk = await import('@aws-sdk/client-sns');
          const s3 = new S3Client({});
          const sns = new sdk.SNSClient({});
          return [s3, sns];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [],
        },
        {
          messageId: 'perInvocation',
          line: 6,
          column: 23,
          data: { resource: 'sdk.SNSClient', handler: 'handler', via: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'aggregated v3 client and DynamoDBDocument.from around it',
      code: `
        import { DynamoDB } from '@aws-sdk/client-dynamodb';
        import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';

        export const handler = async () => {
          const doc = DynamoDBDocument.from(new DynamoDB({}));
          return doc;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 23,
          data: { resource: 'DynamoDBDocument', handler: 'handler', via: '' },
          suggestions: [],
        },
        {
          messageId: 'perInvocation',
          line: 6,
          column: 45,
          data: { resource: 'DynamoDB', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDB' },
              output: `
        import { DynamoDB } from '@aws-sdk/client-dynamodb';
        import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb';

        let cachedDynamoDB: DynamoDB | undefined;
        const getDynamoDB = (): DynamoDB =>
          (cachedDynamoDB ??= new DynamoDB({}));

        export const handler = async () => {
          const doc = DynamoDBDocument.from(getDynamoDB());
          return doc;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'DynamoDBClient and DynamoDBDocumentClient.from(client): one report each',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
        import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

        export const handler = async (event: { id: string }) => {
          const client = new DynamoDBClient({});
          const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
          return doc.send(new GetCommand({ TableName: 'users', Key: { id: event.id } }));
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'DynamoDBClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
        import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        export const handler = async (event: { id: string }) => {
          const client = getDynamoDBClient();
          const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
          return doc.send(new GetCommand({ TableName: 'users', Key: { id: event.id } }));
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 112,
          data: { resource: 'DynamoDBDocumentClient', handler: 'handler', via: '' },
          suggestions: [],
        },
      ],
    },
    // ---------------------------------------------------------------- syntax
    {
      name: 'optional chaining on the client, new (AWS?.S3)()',
      code: `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import AWS from 'aws-sdk';

        export const handler = async (event: { key?: string }) => {
          const s3 = new S3Client({});
          await s3?.send(new PutObjectCommand({ Bucket: 'b', Key: event?.key ?? 'k' }));
          const legacy = new (AWS?.S3)();
          return legacy;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 22,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import AWS from 'aws-sdk';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const handler = async (event: { key?: string }) => {
          const s3 = getS3Client();
          await s3?.send(new PutObjectCommand({ Bucket: 'b', Key: event?.key ?? 'k' }));
          const legacy = new (AWS?.S3)();
          return legacy;
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 8,
          column: 26,
          // The getter's type drops the optional chaining: `AWS?.S3` is not a type.
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AWS.S3' },
              output: `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import AWS from 'aws-sdk';

        let cachedS3: InstanceType<typeof AWS.S3> | undefined;
        const getS3 = (): InstanceType<typeof AWS.S3> =>
          (cachedS3 ??= new (AWS?.S3)());

        export const handler = async (event: { key?: string }) => {
          const s3 = new S3Client({});
          await s3?.send(new PutObjectCommand({ Bucket: 'b', Key: event?.key ?? 'k' }));
          const legacy = getS3();
          return legacy;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'generic type arguments on the constructor',
      code: `
        import { Client } from '@elastic/elasticsearch';

        interface Doc { id: string }

        export const handler = async () => {
          const es = new Client<Doc>({ node: process.env.ES_URL! });
          return es;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 22,
          data: { resource: 'Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import { Client } from '@elastic/elasticsearch';

        let cachedClient: Client<Doc> | undefined;
        const getClient = (): Client<Doc> =>
          (cachedClient ??= new Client<Doc>({ node: process.env.ES_URL! }));

        interface Doc { id: string }

        export const handler = async () => {
          const es = getClient();
          return es;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'TSX handler rendering JSX creates a client',
      code: `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import { renderToString } from 'react-dom/server';
        import type { APIGatewayProxyEvent } from 'aws-lambda';

        export const handler = async (event: APIGatewayProxyEvent) => {
          const s3 = new S3Client({});
          const html = renderToString(<main className="page">{event.path}</main>);
          await s3.send(new PutObjectCommand({ Bucket: 'pages', Key: 'index.html', Body: html }));
          return { statusCode: 200, body: html };
        };
      `,
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 22,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
        import { renderToString } from 'react-dom/server';
        import type { APIGatewayProxyEvent } from 'aws-lambda';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const handler = async (event: APIGatewayProxyEvent) => {
          const s3 = getS3Client();
          const html = renderToString(<main className="page">{event.path}</main>);
          await s3.send(new PutObjectCommand({ Bucket: 'pages', Key: 'index.html', Body: html }));
          return { statusCode: 200, body: html };
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
        import { KinesisClient } from '@aws-sdk/client-kinesis';

        export const handler = async () => {
          return new Promise((resolve) => {
            setTimeout(() => {
              resolve(new KinesisClient({}));
            }, 10);
          });
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 23,
          data: { resource: 'KinesisClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'KinesisClient' },
              output: `
        import { KinesisClient } from '@aws-sdk/client-kinesis';

        let cachedKinesisClient: KinesisClient | undefined;
        const getKinesisClient = (): KinesisClient =>
          (cachedKinesisClient ??= new KinesisClient({}));

        export const handler = async () => {
          return new Promise((resolve) => {
            setTimeout(() => {
              resolve(getKinesisClient());
            }, 10);
          });
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a module-scope value awaited at top level is module-stable',
      code: `
        import Stripe from 'stripe';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        const secret = (await getSecret('stripe')) as string;

        export const handler = async () => {
          const stripe = new Stripe(secret);
          return stripe;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 26,
          data: { resource: 'Stripe', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Stripe' },
              output: `
        import Stripe from 'stripe';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        let cachedStripe: Stripe | undefined;
        const getStripe = (): Stripe =>
          (cachedStripe ??= new Stripe(secret));

        const secret = (await getSecret('stripe')) as string;

        export const handler = async () => {
          const stripe = getStripe();
          return stripe;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'Powertools Tracer and Metrics, Slack WebClient, Anthropic',
      code: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
        import { WebClient } from '@slack/web-api';
        import Anthropic from '@anthropic-ai/sdk';

        export const handler = async () => {
          const tracer = new Tracer({ serviceName: 'notify' });
          const metrics = new Metrics({ namespace: 'notify' });
          const slack = new WebClient(process.env.SLACK_TOKEN);
          const anthropic = new Anthropic();
          metrics.addMetric('sent', MetricUnit.Count, 1);
          return [tracer, slack, anthropic];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 26,
          data: { resource: 'Tracer', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Tracer' },
              output: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
        import { WebClient } from '@slack/web-api';
        import Anthropic from '@anthropic-ai/sdk';

        let cachedTracer: Tracer | undefined;
        const getTracer = (): Tracer =>
          (cachedTracer ??= new Tracer({ serviceName: 'notify' }));

        export const handler = async () => {
          const tracer = getTracer();
          const metrics = new Metrics({ namespace: 'notify' });
          const slack = new WebClient(process.env.SLACK_TOKEN);
          const anthropic = new Anthropic();
          metrics.addMetric('sent', MetricUnit.Count, 1);
          return [tracer, slack, anthropic];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 9,
          column: 27,
          data: { resource: 'Metrics', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Metrics' },
              output: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
        import { WebClient } from '@slack/web-api';
        import Anthropic from '@anthropic-ai/sdk';

        let cachedMetrics: Metrics | undefined;
        const getMetrics = (): Metrics =>
          (cachedMetrics ??= new Metrics({ namespace: 'notify' }));

        export const handler = async () => {
          const tracer = new Tracer({ serviceName: 'notify' });
          const metrics = getMetrics();
          const slack = new WebClient(process.env.SLACK_TOKEN);
          const anthropic = new Anthropic();
          metrics.addMetric('sent', MetricUnit.Count, 1);
          return [tracer, slack, anthropic];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 10,
          column: 25,
          data: { resource: 'WebClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'WebClient' },
              output: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
        import { WebClient } from '@slack/web-api';
        import Anthropic from '@anthropic-ai/sdk';

        let cachedWebClient: WebClient | undefined;
        const getWebClient = (): WebClient =>
          (cachedWebClient ??= new WebClient(process.env.SLACK_TOKEN));

        export const handler = async () => {
          const tracer = new Tracer({ serviceName: 'notify' });
          const metrics = new Metrics({ namespace: 'notify' });
          const slack = getWebClient();
          const anthropic = new Anthropic();
          metrics.addMetric('sent', MetricUnit.Count, 1);
          return [tracer, slack, anthropic];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 11,
          column: 29,
          data: { resource: 'Anthropic', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Anthropic' },
              output: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
        import { WebClient } from '@slack/web-api';
        import Anthropic from '@anthropic-ai/sdk';

        let cachedAnthropic: Anthropic | undefined;
        const getAnthropic = (): Anthropic =>
          (cachedAnthropic ??= new Anthropic());

        export const handler = async () => {
          const tracer = new Tracer({ serviceName: 'notify' });
          const metrics = new Metrics({ namespace: 'notify' });
          const slack = new WebClient(process.env.SLACK_TOKEN);
          const anthropic = getAnthropic();
          metrics.addMetric('sent', MetricUnit.Count, 1);
          return [tracer, slack, anthropic];
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'Stripe called without new, OpenSearch Client',
      code: `
        import Stripe from 'stripe';
        import { Client } from '@opensearch-project/opensearch';

        export const handler = async () => {
          const stripe = Stripe(process.env.STRIPE_KEY!);
          const search = new Client({ node: process.env.OPENSEARCH_URL });
          return [stripe, search];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'Stripe', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Stripe' },
              output: `
        import Stripe from 'stripe';
        import { Client } from '@opensearch-project/opensearch';

        let cachedStripe: Stripe | undefined;
        const getStripe = (): Stripe =>
          (cachedStripe ??= Stripe(process.env.STRIPE_KEY!));

        export const handler = async () => {
          const stripe = getStripe();
          const search = new Client({ node: process.env.OPENSEARCH_URL });
          return [stripe, search];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 26,
          data: { resource: 'Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import Stripe from 'stripe';
        import { Client } from '@opensearch-project/opensearch';

        let cachedClient: Client | undefined;
        const getClient = (): Client =>
          (cachedClient ??= new Client({ node: process.env.OPENSEARCH_URL }));

        export const handler = async () => {
          const stripe = Stripe(process.env.STRIPE_KEY!);
          const search = getClient();
          return [stripe, search];
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
        import { S3Client } from '@aws-sdk/client-s3';

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const s3 = new S3Client({});
            console.log(record.body, s3);
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 24,
          data: { resource: 'S3Client', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const s3 = getS3Client();
            console.log(record.body, s3);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'classic for loop and while loop',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';
        import { SNSClient } from '@aws-sdk/client-sns';

        export const handler = async (event: { items: string[] }) => {
          for (let i = 0; i < event.items.length; i++) {
            const sqs = new SQSClient({});
            console.log(sqs);
          }
          let remaining = 3;
          while (remaining-- > 0) {
            const sns = new SNSClient({});
            console.log(sns);
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 25,
          data: { resource: 'SQSClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        export const handler = async (event: { items: string[] }) => {
          for (let i = 0; i < event.items.length; i++) {
            const sqs = getSqsClient();
            console.log(sqs);
          }
          let remaining = 3;
          while (remaining-- > 0) {
            const sns = new SNSClient({});
            console.log(sns);
          }
        };
      `,
            },
          ],
        },
        {
          messageId: 'perRecord',
          line: 12,
          column: 25,
          data: { resource: 'SNSClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        export const handler = async (event: { items: string[] }) => {
          for (let i = 0; i < event.items.length; i++) {
            const sqs = new SQSClient({});
            console.log(sqs);
          }
          let remaining = 3;
          while (remaining-- > 0) {
            const sns = getSnsClient();
            console.log(sns);
          }
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
        import type { KinesisStreamEvent } from 'aws-lambda';
        import { FirehoseClient } from '@aws-sdk/client-firehose';

        export const handler = async (event: KinesisStreamEvent) => {
          event.Records.forEach((record) => {
            const firehose = new FirehoseClient({});
            console.log(record.kinesis.data, firehose);
          });
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 30,
          data: { resource: 'FirehoseClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'FirehoseClient' },
              output: `
        import type { KinesisStreamEvent } from 'aws-lambda';
        import { FirehoseClient } from '@aws-sdk/client-firehose';

        let cachedFirehoseClient: FirehoseClient | undefined;
        const getFirehoseClient = (): FirehoseClient =>
          (cachedFirehoseClient ??= new FirehoseClient({}));

        export const handler = async (event: KinesisStreamEvent) => {
          event.Records.forEach((record) => {
            const firehose = getFirehoseClient();
            console.log(record.kinesis.data, firehose);
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
        import type { S3Event } from 'aws-lambda';
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        export const handler = async (event: S3Event) => {
          await Promise.all(
            event.Records.map(async (record) => {
              const s3 = new S3Client({ region: process.env.AWS_REGION });
              return s3.send(new GetObjectCommand({ Bucket: record.s3.bucket.name, Key: record.s3.object.key }));
            }),
          );
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 8,
          column: 26,
          data: { resource: 'S3Client', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import type { S3Event } from 'aws-lambda';
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({ region: process.env.AWS_REGION }));

        export const handler = async (event: S3Event) => {
          await Promise.all(
            event.Records.map(async (record) => {
              const s3 = getS3Client();
              return s3.send(new GetObjectCommand({ Bucket: record.s3.bucket.name, Key: record.s3.object.key }));
            }),
          );
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- helpers
    {
      name: 'helper function declaration',
      code: `
        import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

        async function loadUser(id: string) {
          const ddb = new DynamoDBClient({});
          return ddb.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: id } } }));
        }

        export const handler = async (event: { userId: string }) => loadUser(event.userId);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'DynamoDBClient', handler: 'handler', via: ' (via `loadUser`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        async function loadUser(id: string) {
          const ddb = getDynamoDBClient();
          return ddb.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: id } } }));
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
        import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

        const fetchSecret = async () => {
          const client = new SecretsManagerClient({});
          return client.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ID }));
        };
        const loadConfig = async () => ({ secret: await fetchSecret() });

        export const handler = async () => {
          const config = await loadConfig();
          return config;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 26,
          data: {
            resource: 'SecretsManagerClient',
            handler: 'handler',
            via: ' (via `loadConfig` → `fetchSecret`)',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SecretsManagerClient' },
              output: `
        import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

        let cachedSecretsManagerClient: SecretsManagerClient | undefined;
        const getSecretsManagerClient = (): SecretsManagerClient =>
          (cachedSecretsManagerClient ??= new SecretsManagerClient({}));

        const fetchSecret = async () => {
          const client = getSecretsManagerClient();
          return client.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ID }));
        };
        const loadConfig = async () => ({ secret: await fetchSecret() });

        export const handler = async () => {
          const config = await loadConfig();
          return config;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'class methods through this.method() on a module-level instance',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        class UserService {
          async load(id: string) {
            return this.fetch(id);
          }

          private async fetch(id: string) {
            const ddb = new DynamoDBClient({});
            return { ddb, id };
          }
        }

        const service = new UserService();

        export const handler = async (event: { id: string }) => service.load(event.id);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 10,
          column: 25,
          data: {
            resource: 'DynamoDBClient',
            handler: 'handler',
            via: ' (via `UserService.load` → `UserService.fetch`)',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        class UserService {
          async load(id: string) {
            return this.fetch(id);
          }

          private async fetch(id: string) {
            const ddb = getDynamoDBClient();
            return { ddb, id };
          }
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
      name: 'obj.method() where obj = new LocalClass() in the handler',
      code: `
        import { Client } from '@opensearch-project/opensearch';

        class IndexStore {
          async put(doc: { id: string }) {
            const client = new Client({ node: process.env.OPENSEARCH_URL });
            return client.index({ index: 'docs', id: doc.id, body: doc });
          }
        }

        export const handler = async (event: { doc: { id: string } }) => {
          const store = new IndexStore();
          await store.put(event.doc);
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 28,
          data: { resource: 'Client', handler: 'handler', via: ' (via `IndexStore.put`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import { Client } from '@opensearch-project/opensearch';

        let cachedClient: Client | undefined;
        const getClient = (): Client =>
          (cachedClient ??= new Client({ node: process.env.OPENSEARCH_URL }));

        class IndexStore {
          async put(doc: { id: string }) {
            const client = getClient();
            return client.index({ index: 'docs', id: doc.id, body: doc });
          }
        }

        export const handler = async (event: { doc: { id: string } }) => {
          const store = new IndexStore();
          await store.put(event.doc);
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
        import { S3Client } from '@aws-sdk/client-s3';

        class Clients {
          static s3() {
            return new S3Client({});
          }
        }

        export const handler = async () => Clients.s3();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 20,
          data: { resource: 'S3Client', handler: 'handler', via: ' (via `Clients.s3`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        class Clients {
          static s3() {
            return getS3Client();
          }
        }

        export const handler = async () => Clients.s3();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'object-literal method',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        const queue = {
          client() {
            return new SQSClient({});
          },
        };

        export const handler = async () => queue.client();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 20,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        const queue = {
          client() {
            return getSqsClient();
          },
        };

        export const handler = async () => queue.client();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'constructor reached by new Class()',
      code: `
        import { Client } from '@opensearch-project/opensearch';

        class IndexStore {
          private readonly client: Client;

          constructor() {
            this.client = new Client({ node: process.env.OPENSEARCH_URL });
          }
        }

        export const handler = async () => {
          const store = new IndexStore();
          return store;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 27,
          data: { resource: 'Client', handler: 'handler', via: ' (via `new IndexStore`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import { Client } from '@opensearch-project/opensearch';

        let cachedClient: Client | undefined;
        const getClient = (): Client =>
          (cachedClient ??= new Client({ node: process.env.OPENSEARCH_URL }));

        class IndexStore {
          private readonly client: Client;

          constructor() {
            this.client = getClient();
          }
        }

        export const handler = async () => {
          const store = new IndexStore();
          return store;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'class field initialiser reached by new Class()',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        class OrderRepository {
          private readonly ddb = new DynamoDBClient({});

          save(order: unknown) {
            return { ddb: this.ddb, order };
          }
        }

        export const handler = async (event: { order: unknown }) => new OrderRepository().save(event.order);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 34,
          data: { resource: 'DynamoDBClient', handler: 'handler', via: ' (via `new OrderRepository`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        class OrderRepository {
          private readonly ddb = getDynamoDBClient();

          save(order: unknown) {
            return { ddb: this.ddb, order };
          }
        }

        export const handler = async (event: { order: unknown }) => new OrderRepository().save(event.order);
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
        import { Client } from '@opensearch-project/opensearch';

        class IndexStore {
          client = new Client({ node: process.env.OPENSEARCH_URL });
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const store = new IndexStore();
            await store.client.index({ index: 'docs', body: record.body });
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 20,
          data: {
            resource: 'Client',
            handler: 'handler',
            via: ' (via `new IndexStore`, for every record)',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { Client } from '@opensearch-project/opensearch';

        let cachedClient: Client | undefined;
        const getClient = (): Client =>
          (cachedClient ??= new Client({ node: process.env.OPENSEARCH_URL }));

        class IndexStore {
          client = getClient();
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const store = new IndexStore();
            await store.client.index({ index: 'docs', body: record.body });
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'records.map(processRecord) → IndexStore.put, for every record',
      code: `
        import type { SQSEvent, SQSRecord } from 'aws-lambda';
        import { Client } from '@opensearch-project/opensearch';

        class IndexStore {
          async put(body: string) {
            const client = new Client({ node: process.env.OPENSEARCH_URL });
            return client.index({ index: 'docs', body });
          }
        }

        async function processRecord(record: SQSRecord) {
          const store = new IndexStore();
          return store.put(record.body);
        }

        export const handler = async (event: SQSEvent) => {
          await Promise.all(event.Records.map(processRecord));
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 7,
          column: 28,
          data: {
            resource: 'Client',
            handler: 'handler',
            via: ' (via `processRecord` → `IndexStore.put`, for every record)',
          },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Client' },
              output: `
        import type { SQSEvent, SQSRecord } from 'aws-lambda';
        import { Client } from '@opensearch-project/opensearch';

        let cachedClient: Client | undefined;
        const getClient = (): Client =>
          (cachedClient ??= new Client({ node: process.env.OPENSEARCH_URL }));

        class IndexStore {
          async put(body: string) {
            const client = getClient();
            return client.index({ index: 'docs', body });
          }
        }

        async function processRecord(record: SQSRecord) {
          const store = new IndexStore();
          return store.put(record.body);
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
      name: 'decorated helper method reached through this',
      code: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { SQSClient } from '@aws-sdk/client-sqs';

        const tracer = new Tracer();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          public async handler(event: { body: string }): Promise<void> {
            await this.forward(event.body);
          }

          @tracer.captureMethod()
          private async forward(body: string) {
            const sqs = new SQSClient({});
            return { sqs, body };
          }
        }

        const lambda = new Lambda();
        export const handler = lambda.handler.bind(lambda);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 16,
          column: 25,
          data: { resource: 'SQSClient', handler: 'handler', via: ' (via `Lambda.forward`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { Tracer } from '@aws-lambda-powertools/tracer';
        import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        const tracer = new Tracer();

        class Lambda implements LambdaInterface {
          @tracer.captureLambdaHandler()
          public async handler(event: { body: string }): Promise<void> {
            await this.forward(event.body);
          }

          @tracer.captureMethod()
          private async forward(body: string) {
            const sqs = getSqsClient();
            return { sqs, body };
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
    {
      name: 'mutually recursive helpers: no hang, one report',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        function walk(depth: number): unknown {
          if (depth > 0) return visit(depth - 1);
          return new S3Client({});
        }

        function visit(depth: number): unknown {
          return walk(depth);
        }

        export const handler = async () => walk(3);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 18,
          data: { resource: 'S3Client', handler: 'handler', via: ' (via `walk`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        function walk(depth: number): unknown {
          if (depth > 0) return visit(depth - 1);
          return getS3Client();
        }

        function visit(depth: number): unknown {
          return walk(depth);
        }

        export const handler = async () => walk(3);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'self-recursive helper and a cycle back into the site',
      code: `
        import { SNSClient } from '@aws-sdk/client-sns';

        function retry(attempt: number): unknown {
          const sns = new SNSClient({});
          return attempt < 3 ? retry(attempt + 1) : sns;
        }

        function first() {
          return second();
        }
        function second(): unknown {
          return Math.random() > 0.5 ? first() : retry(0);
        }

        export const handler = async () => first();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 23,
          data: { resource: 'SNSClient', handler: 'handler', via: ' (via `first` → `second` → `retry`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        function retry(attempt: number): unknown {
          const sns = getSnsClient();
          return attempt < 3 ? retry(attempt + 1) : sns;
        }

        function first() {
          return second();
        }
        function second(): unknown {
          return Math.random() > 0.5 ? first() : retry(0);
        }

        export const handler = async () => first();
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
        import { S3Client } from '@aws-sdk/client-s3';

        export const handler = async () => {
          let s3: S3Client | undefined;
          s3 ??= new S3Client({});
          return s3;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 18,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const handler = async () => {
          let s3: S3Client | undefined;
          s3 ??= getS3Client();
          return s3;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'if (!x) x = new X() on a variable declared inside the handler',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        export async function handler() {
          let sqs: SQSClient | undefined;
          if (!sqs) {
            sqs = new SQSClient({});
          }
          return sqs;
        }
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 19,
          data: { resource: 'SQSClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        export async function handler() {
          let sqs: SQSClient | undefined;
          if (!sqs) {
            sqs = getSqsClient();
          }
          return sqs;
        }
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- request dependence
    {
      name: 'region from event',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export const handler = async (event: { region: string }) => {
          const s3 = new S3Client({ region: event.region });
          return s3;
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 22, suggestions: [] }],
    },
    {
      name: 'service name from context',
      code: `
        import type { Context } from 'aws-lambda';
        import { Logger } from '@aws-lambda-powertools/logger';

        export const handler = async (event: unknown, context: Context) => {
          const logger = new Logger({ serviceName: context.functionName });
          logger.info('event', { event });
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 6, column: 26, suggestions: [] }],
    },
    {
      name: 'destructured event parameter and destructured fields',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
        import { SQSClient } from '@aws-sdk/client-sqs';

        export const handler = async ({ region }: { region: string }, ctx: unknown) => {
          const ddb = new DynamoDBClient({ region });
          return ddb;
        };

        export const lambdaHandler = async (event: { detail: { endpoint: string } }) => {
          const { endpoint } = event.detail;
          const sqs = new SQSClient({ endpoint });
          return sqs;
        };
      `,
      errors: [
        { messageId: 'requestDependent', line: 6, column: 23, suggestions: [] },
        { messageId: 'requestDependent', line: 12, column: 23, suggestions: [] },
      ],
    },
    {
      name: 'STS credentials awaited in the handler',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';

        const sts = new STSClient({});

        export const handler = async () => {
          const { Credentials: creds } = await sts.send(
            new AssumeRoleCommand({ RoleArn: process.env.ROLE_ARN, RoleSessionName: 'reader' }),
          );
          const s3 = new S3Client({
            credentials: {
              accessKeyId: creds!.AccessKeyId!,
              secretAccessKey: creds!.SecretAccessKey!,
              sessionToken: creds!.SessionToken,
            },
          });
          return s3;
        };
      `,
      errors: [{ messageId: 'expiringCredential', line: 11, column: 22, suggestions: [] }],
    },
    {
      name: 'a secret fetched in the handler',
      code: `
        import Stripe from 'stripe';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        export const handler = async () => {
          const apiKey = await getSecret('stripe-api-key');
          const stripe = new Stripe(apiKey as string);
          return stripe;
        };
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 7,
          column: 26,
          data: { resource: 'Stripe', handler: 'handler', via: '', source: 'a secret', reason: '`apiKey` is awaited in `handler`' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Stripe' },
              output: `
        import Stripe from 'stripe';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        let cachedStripe: Promise<Stripe> | undefined;
        const getStripe = (): Promise<Stripe> =>
          (cachedStripe ??= (async () => {
            const apiKey = await getSecret('stripe-api-key');
            return new Stripe(apiKey as string);
          })().catch((error: unknown) => {
            cachedStripe = undefined;
            throw error;
          }));

        export const handler = async () => {
          const stripe = await getStripe();
          return stripe;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'per-record callback parameter (requestDependent wins over perRecord)',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { SQSClient } from '@aws-sdk/client-sqs';

        export const handler = async (event: SQSEvent) => {
          await Promise.all(
            event.Records.map((record) => new SQSClient({ region: record.awsRegion })),
          );
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 7, column: 43, suggestions: [] }],
    },
    {
      name: 'a helper whose parameter comes from the event',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        function clientFor(region: string) {
          return new S3Client({ region });
        }

        export const handler = async (event: { region: string }) => clientFor(event.region);
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 18, suggestions: [] }],
    },
    {
      name: 'module constants, process.env and locals computed from them are not request data',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { SQSClient } from '@aws-sdk/client-sqs';

        const REGION = 'eu-west-1';

        export const handler = async (event: { key: string }) => {
          const region = process.env.AWS_REGION ?? REGION;
          const endpoint = 'https://sqs.' + region + '.amazonaws.com';
          const s3 = new S3Client({ region, maxAttempts: 3 });
          const sqs = new SQSClient({ endpoint });
          return [s3, sqs, event.key];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 10,
          column: 22,
          data: { resource: 'S3Client', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({ region: process.env.AWS_REGION ?? REGION, maxAttempts: 3 }));

        const REGION = 'eu-west-1';

        export const handler = async (event: { key: string }) => {
          const region = process.env.AWS_REGION ?? REGION;
          const endpoint = 'https://sqs.' + region + '.amazonaws.com';
          const s3 = getS3Client();
          const sqs = new SQSClient({ endpoint });
          return [s3, sqs, event.key];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 11,
          column: 23,
          data: { resource: 'SQSClient', handler: 'handler', via: '' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a helper parameter whose call-site argument is a literal',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        function clientFor(region: string) {
          return new S3Client({ region });
        }

        export const handler = async (event: { key: string }) => {
          const s3 = clientFor('eu-west-1');
          return [s3, event.key];
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 18,
          data: { resource: 'S3Client', handler: 'handler', via: ' (via `clientFor`)' },
          suggestions: [],
        },
      ],
    },
    // ---------------------------------------------------------------- more paths and records
    {
      name: 'a helper called inside a for...of loop',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

        async function publish(message: string) {
          const sns = new SNSClient({});
          return sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: message }));
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            await publish(record.body);
          }
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 23,
          data: { resource: 'SNSClient', handler: 'handler', via: ' (via `publish`, for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        async function publish(message: string) {
          const sns = getSnsClient();
          return sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: message }));
        }

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            await publish(record.body);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a loop inside a helper, over a fixed list: not for every record',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        function fanOut(queues: string[]) {
          return queues.map((queueUrl) => ({ queueUrl, client: new SQSClient({}) }));
        }

        export const handler = async () => fanOut(['a', 'b']);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 64,
          data: { resource: 'SQSClient', handler: 'handler', via: ' (via `fanOut`)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        function fanOut(queues: string[]) {
          return queues.map((queueUrl) => ({ queueUrl, client: getSqsClient() }));
        }

        export const handler = async () => fanOut(['a', 'b']);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'reduce, flatMap and filter callbacks',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { KinesisClient } from '@aws-sdk/client-kinesis';
        import { FirehoseClient } from '@aws-sdk/client-firehose';
        import { SNSClient } from '@aws-sdk/client-sns';

        export const handler = async (event: SQSEvent) => {
          const a = event.Records.reduce((acc: unknown[]) => [...acc, new KinesisClient({})], []);
          const b = event.Records.flatMap(() => [new FirehoseClient({})]);
          const c = event.Records.filter(() => Boolean(new SNSClient({})));
          return [a, b, c];
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 8,
          column: 71,
          data: { resource: 'KinesisClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'KinesisClient' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { KinesisClient } from '@aws-sdk/client-kinesis';
        import { FirehoseClient } from '@aws-sdk/client-firehose';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedKinesisClient: KinesisClient | undefined;
        const getKinesisClient = (): KinesisClient =>
          (cachedKinesisClient ??= new KinesisClient({}));

        export const handler = async (event: SQSEvent) => {
          const a = event.Records.reduce((acc: unknown[]) => [...acc, getKinesisClient()], []);
          const b = event.Records.flatMap(() => [new FirehoseClient({})]);
          const c = event.Records.filter(() => Boolean(new SNSClient({})));
          return [a, b, c];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perRecord',
          line: 9,
          column: 50,
          data: { resource: 'FirehoseClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'FirehoseClient' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { KinesisClient } from '@aws-sdk/client-kinesis';
        import { FirehoseClient } from '@aws-sdk/client-firehose';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedFirehoseClient: FirehoseClient | undefined;
        const getFirehoseClient = (): FirehoseClient =>
          (cachedFirehoseClient ??= new FirehoseClient({}));

        export const handler = async (event: SQSEvent) => {
          const a = event.Records.reduce((acc: unknown[]) => [...acc, new KinesisClient({})], []);
          const b = event.Records.flatMap(() => [getFirehoseClient()]);
          const c = event.Records.filter(() => Boolean(new SNSClient({})));
          return [a, b, c];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perRecord',
          line: 10,
          column: 56,
          data: { resource: 'SNSClient', handler: 'handler', via: ' (for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { KinesisClient } from '@aws-sdk/client-kinesis';
        import { FirehoseClient } from '@aws-sdk/client-firehose';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        export const handler = async (event: SQSEvent) => {
          const a = event.Records.reduce((acc: unknown[]) => [...acc, new KinesisClient({})], []);
          const b = event.Records.flatMap(() => [new FirehoseClient({})]);
          const c = event.Records.filter(() => Boolean(getSnsClient()));
          return [a, b, c];
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
        import { SQSClient } from '@aws-sdk/client-sqs';

        export const handler = async (event: SQSEvent) => {
          for (const record of event.Records) {
            const sqs = new SQSClient({ region: record.awsRegion });
            console.log(sqs);
          }
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 7, column: 25, suggestions: [] }],
    },
    {
      name: 'a value awaited along the path, in a helper',
      code: `
        import OpenAI from 'openai';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        async function openaiClient() {
          const apiKey = (await getSecret('openai')) as string;
          return new OpenAI({ apiKey });
        }

        export const handler = async () => (await openaiClient()).models.list();
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 7,
          column: 18,
          data: { resource: 'OpenAI', handler: 'handler', via: ' (via `openaiClient`)', source: 'a secret', reason: '`apiKey` is awaited in `openaiClient`' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'OpenAI' },
              output: `
        import OpenAI from 'openai';
        import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

        let cachedOpenAI: Promise<OpenAI> | undefined;
        const getOpenAI = (): Promise<OpenAI> =>
          (cachedOpenAI ??= (async () => {
            const apiKey = (await getSecret('openai')) as string;
            return new OpenAI({ apiKey });
          })().catch((error: unknown) => {
            cachedOpenAI = undefined;
            throw error;
          }));

        async function openaiClient() {
          return await getOpenAI();
        }

        export const handler = async () => (await openaiClient()).models.list();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'two handlers sharing a helper: one report per site',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        const table = () => new DynamoDBClient({});

        export const handler = async () => table();
        export const lambdaHandler = async () => table();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 4,
          column: 29,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'DynamoDBClient' },
              output: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let cachedDynamoDBClient: DynamoDBClient | undefined;
        const getDynamoDBClient = (): DynamoDBClient =>
          (cachedDynamoDBClient ??= new DynamoDBClient({}));

        const table = () => getDynamoDBClient();

        export const handler = async () => table();
        export const lambdaHandler = async () => table();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'Handler<TEvent, TResult> with type arguments under another name',
      code: `
        import type { APIGatewayProxyEvent, APIGatewayProxyResult, Handler } from 'aws-lambda';
        import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

        export const signUp: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> = async () => {
          const cognito = new CognitoIdentityProviderClient({});
          return { statusCode: 200, body: String(cognito) };
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 27,
          data: { resource: 'CognitoIdentityProviderClient', handler: 'signUp', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'CognitoIdentityProviderClient' },
              output: `
        import type { APIGatewayProxyEvent, APIGatewayProxyResult, Handler } from 'aws-lambda';
        import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

        let cachedCognitoIdentityProviderClient: CognitoIdentityProviderClient | undefined;
        const getCognitoIdentityProviderClient = (): CognitoIdentityProviderClient =>
          (cachedCognitoIdentityProviderClient ??= new CognitoIdentityProviderClient({}));

        export const signUp: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> = async () => {
          const cognito = getCognitoIdentityProviderClient();
          return { statusCode: 200, body: String(cognito) };
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS: exports.handler = middy(fn).use(...)',
      code: `
        const middy = require('@middy/core');
        const { AthenaClient } = require('@aws-sdk/client-athena');

        const baseHandler = async () => {
          const athena = new AthenaClient({});
          return athena;
        };

        exports.handler = middy(baseHandler).use({ before: async () => undefined });
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 26,
          data: { resource: 'AthenaClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AthenaClient' },
              output: `
        const middy = require('@middy/core');
        const { AthenaClient } = require('@aws-sdk/client-athena');

        let cachedAthenaClient: InstanceType<typeof AthenaClient> | undefined;
        const getAthenaClient = (): InstanceType<typeof AthenaClient> =>
          (cachedAthenaClient ??= new AthenaClient({}));

        const baseHandler = async () => {
          const athena = getAthenaClient();
          return athena;
        };

        exports.handler = middy(baseHandler).use({ before: async () => undefined });
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'AWS.DynamoDB.DocumentClient with a nested AWS.DynamoDB service',
      code: `
        import AWS from 'aws-sdk';

        export const handler = async () => {
          const docClient = new AWS.DynamoDB.DocumentClient({ service: new AWS.DynamoDB() });
          return docClient;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 29,
          data: { resource: 'AWS.DynamoDB.DocumentClient', handler: 'handler', via: '' },
          suggestions: [],
        },
        {
          messageId: 'perInvocation',
          line: 5,
          column: 72,
          data: { resource: 'AWS.DynamoDB', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AWS.DynamoDB' },
              output: `
        import AWS from 'aws-sdk';

        let cachedDynamoDB: InstanceType<typeof AWS.DynamoDB> | undefined;
        const getDynamoDB = (): InstanceType<typeof AWS.DynamoDB> =>
          (cachedDynamoDB ??= new AWS.DynamoDB());

        export const handler = async () => {
          const docClient = new AWS.DynamoDB.DocumentClient({ service: getDynamoDB() });
          return docClient;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'request data passed through a local options object',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export const handler = async (event: { region: string }) => {
          const options = { region: event.region, maxAttempts: 3 };
          return new S3Client(options);
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 6, column: 18, suggestions: [] }],
    },
    {
      name: 'a closure declared inside the handler is lexically inside it',
      code: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        export const handler = async () => {
          const makeClient = () => new SQSClient({});
          return makeClient();
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 36,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        export const handler = async () => {
          const makeClient = () => getSqsClient();
          return makeClient();
        };
      `,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- options and settings
    {
      name: 'additionalResources: a custom module and export',
      code: `
        import { AcmeClient } from '@acme/sdk';
        import * as acme from '@acme/sdk';

        export const handler = async () => {
          const a = new AcmeClient({ apiKey: process.env.ACME_KEY });
          const b = acme.AcmeClient.create();
          return [a, b];
        };
      `,
      options: [
        {
          additionalResources: [
            { module: '@acme/sdk', export: 'AcmeClient' },
            { module: '@acme/sdk', export: 'AcmeClient.create', kind: 'client' },
          ],
        },
      ],
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 21,
          data: { resource: 'AcmeClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'AcmeClient' },
              output: `
        import { AcmeClient } from '@acme/sdk';
        import * as acme from '@acme/sdk';

        let cachedAcmeClient: AcmeClient | undefined;
        const getAcmeClient = (): AcmeClient =>
          (cachedAcmeClient ??= new AcmeClient({ apiKey: process.env.ACME_KEY }));

        export const handler = async () => {
          const a = getAcmeClient();
          const b = acme.AcmeClient.create();
          return [a, b];
        };
      `,
            },
          ],
        },
        {
          messageId: 'perInvocation',
          line: 7,
          column: 21,
          data: { resource: 'acme.AcmeClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'acme.AcmeClient' },
              output: `
        import { AcmeClient } from '@acme/sdk';
        import * as acme from '@acme/sdk';

        let cachedB: acme.AcmeClient | undefined;
        const getB = (): acme.AcmeClient =>
          (cachedB ??= acme.AcmeClient.create());

        export const handler = async () => {
          const a = new AcmeClient({ apiKey: process.env.ACME_KEY });
          const b = getB();
          return [a, b];
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
        import { S3Client } from '@aws-sdk/client-s3';

        export const main = async () => {
          const s3 = new S3Client({});
          return s3;
        };
      `,
      settings: { 'lambda-hygiene': { handlerNames: ['main'] } },
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          data: { resource: 'S3Client', handler: 'main', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const main = async () => {
          const s3 = getS3Client();
          return s3;
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
        import { SNSClient } from '@aws-sdk/client-sns';

        const baseHandler = async () => {
          const sns = new SNSClient({});
          return sns;
        };

        export const handler = instrument(baseHandler, (error: unknown) => console.error(error));
      `,
      settings: { 'lambda-hygiene': { wrappers: ['instrument'] } },
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 23,
          data: { resource: 'SNSClient', handler: 'handler', via: '' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import { instrument } from '@acme/observability';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        const baseHandler = async () => {
          const sns = getSnsClient();
          return sns;
        };

        export const handler = instrument(baseHandler, (error: unknown) => console.error(error));
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: a helper called with a stable argument, then with event data, is request-dependent',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        function makeClient(region: string) {
          return new S3Client({ region });
        }

        export const handler = async (event: { region: string }) => {
          makeClient('eu-west-1');
          return makeClient(event.region);
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 18, suggestions: [] }],
    },
    {
      name: 'issue 8: a helper called with event data, then with a stable argument, is request-dependent',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        function makeClient(region: string) {
          return new S3Client({ region });
        }

        export const handler = async (event: { region: string }) => {
          makeClient(event.region);
          return makeClient('eu-west-1');
        };
      `,
      errors: [{ messageId: 'requestDependent', line: 5, column: 18, suggestions: [] }],
    },
    {
      name: 'issue 8: a callback passed by name gets the record',
      code: `
        import type { SQSEvent, SQSRecord } from 'aws-lambda';
        import { SQSClient } from '@aws-sdk/client-sqs';

        function processRecord(record: SQSRecord) {
          const sqs = new SQSClient({ region: record.awsRegion });
          return sqs;
        }

        export const handler = async (event: SQSEvent) => {
          await Promise.all(event.Records.map(processRecord));
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 6,
          column: 23,
          data: {
            resource: 'SQSClient',
            handler: 'handler',
            via: ' (via `processRecord`, for every record)',
            reason: '`event` is a parameter of `handler`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 8: superclass constructor parameters are the super() arguments, not the new arguments',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        class Store {
          client: S3Client;
          constructor(region: string) {
            this.client = new S3Client({ region });
          }
        }

        class TenantStore extends Store {
          constructor(readonly tenant: string) {
            super('eu-west-1');
          }
        }

        export const handler = async (event: { tenant: string }) => new TenantStore(event.tenant).client;
      `,
      errors: [{ messageId: 'perInvocation', line: 7, column: 27, suggestions: [] }],
    },
    {
      name: 'issue 8: a helper shared by two handlers keeps the second handler’s per-record loop',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { SNSClient } from '@aws-sdk/client-sns';

        function notify() {
          const sns = new SNSClient({});
          return sns;
        }

        export const handler = async () => notify();

        export const lambdaHandler = async (event: SQSEvent) => {
          for (const record of event.Records) notify();
        };
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 23,
          data: { resource: 'SNSClient', handler: 'lambdaHandler', via: ' (via `notify`, for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        function notify() {
          const sns = getSnsClient();
          return sns;
        }

        export const handler = async () => notify();

        export const lambdaHandler = async (event: SQSEvent) => {
          for (const record of event.Records) notify();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: this.client ??= on an instance created on every invocation is not lazy',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        class Service {
          private client: S3Client | undefined;
          getClient() {
            this.client ??= new S3Client({});
            return this.client;
          }
        }

        export const handler = async () => {
          const service = new Service();
          return service.getClient();
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 29,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        class Service {
          private client: S3Client | undefined;
          getClient() {
            this.client ??= getS3Client();
            return this.client;
          }
        }

        export const handler = async () => {
          const service = new Service();
          return service.getClient();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: clients.set(id, new X()) with no lookup is not a cache',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        const clients = new Map<string, S3Client>();

        export const handler = async (event: { id: string }) => {
          clients.set(event.id, new S3Client({}));
          return clients.size;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 7,
          column: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 8: a dedupe guard on request data does not hide the creations after it',
      code: `
        import { SNSClient } from '@aws-sdk/client-sns';

        let lastId: string | undefined;

        export const handler = async (event: { id: string }) => {
          if (event.id === lastId) return;
          const sns = new SNSClient({});
          lastId = event.id;
          return sns;
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 23,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SNSClient' },
              output: `
        import { SNSClient } from '@aws-sdk/client-sns';

        let cachedSnsClient: SNSClient | undefined;
        const getSnsClient = (): SNSClient =>
          (cachedSnsClient ??= new SNSClient({}));

        let lastId: string | undefined;

        export const handler = async (event: { id: string }) => {
          if (event.id === lastId) return;
          const sns = getSnsClient();
          lastId = event.id;
          return sns;
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: module.exports.hello = async (event) => … (the Serverless Framework template) is a handler',
      code: `
        const { S3Client } = require('@aws-sdk/client-s3');

        module.exports.hello = async (event) => {
          const s3 = new S3Client({});
          return { statusCode: 200, body: JSON.stringify(await s3.config.region()) };
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        const { S3Client } = require('@aws-sdk/client-s3');

        let cachedS3Client: InstanceType<typeof S3Client> | undefined;
        const getS3Client = (): InstanceType<typeof S3Client> =>
          (cachedS3Client ??= new S3Client({}));

        module.exports.hello = async (event) => {
          const s3 = getS3Client();
          return { statusCode: 200, body: JSON.stringify(await s3.config.region()) };
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: s3 ||= new S3Client() inside a loop runs once per invocation, not for every record',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        export const handler = async (event: SQSEvent) => {
          let s3: S3Client | undefined;
          for (const record of event.Records) {
            s3 ||= new S3Client({});
            console.log(record.body, s3);
          }
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 8,
          column: 20,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const handler = async (event: SQSEvent) => {
          let s3: S3Client | undefined;
          for (const record of event.Records) {
            s3 ||= getS3Client();
            console.log(record.body, s3);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: exports.getClient() called from the handler',
      code: `
        const { S3Client } = require('@aws-sdk/client-s3');

        exports.getClient = () => new S3Client({});

        exports.handler = async () => {
          const s3 = exports.getClient();
          return s3.config.region();
        };
      `,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'perInvocation',
          line: 4,
          column: 35,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        const { S3Client } = require('@aws-sdk/client-s3');

        let cachedS3Client: InstanceType<typeof S3Client> | undefined;
        const getS3Client = (): InstanceType<typeof S3Client> =>
          (cachedS3Client ??= new S3Client({}));

        exports.getClient = () => getS3Client();

        exports.handler = async () => {
          const s3 = exports.getClient();
          return s3.config.region();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: a helper called through .call(null, key)',
      code: `
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        async function fetchObject(key: string) {
          const s3 = new S3Client({});
          return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
        }

        export const handler = async (event: { key: string }) => fetchObject.call(null, event.key);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        async function fetchObject(key: string) {
          const s3 = getS3Client();
          return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
        }

        export const handler = async (event: { key: string }) => fetchObject.call(null, event.key);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: a helper called through .apply(null, [key])',
      code: `
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        async function fetchObject(key: string) {
          const s3 = new S3Client({});
          return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
        }

        export const handler = async (event: { key: string }) => fetchObject.apply(null, [event.key]);
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 5,
          column: 22,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        async function fetchObject(key: string) {
          const s3 = getS3Client();
          return s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
        }

        export const handler = async (event: { key: string }) => fetchObject.apply(null, [event.key]);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: an object-literal getter that builds a client',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        const services = {
          get s3() {
            return new S3Client({});
          },
        };

        export const handler = async () => services.s3.config.region();
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 20,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        const services = {
          get s3() {
            return getS3Client();
          },
        };

        export const handler = async () => services.s3.config.region();
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 9: a write from the event into a local configuration object before the construction',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        export const handler = async (event: { region: string }) => {
          const config: { region?: string; endpoint?: string } = {};
          config.endpoint = 'http://localhost:4566';
          Object.assign(config, { region: event.region });
          return new DynamoDBClient(config);
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 8,
          column: 18,
          data: {
            resource: 'DynamoDBClient',
            handler: 'handler',
            via: '',
            reason: '`event` is a parameter of `handler`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: a module-level settings object written from the event in the handler',
      code: `
        import { SNSClient } from '@aws-sdk/client-sns';

        const settings = { region: 'eu-west-1' };

        export const handler = async (event: { region: string }) => {
          settings.region = event.region;
          return new SNSClient(settings);
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 8,
          column: 18,
          data: {
            resource: 'SNSClient',
            handler: 'handler',
            via: '',
            reason: '`settings.region` is written from request data in `handler`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: a module let assigned by a helper the handler runs',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        let tenantRegion: string | undefined;

        function remember(event: { region: string }) {
          tenantRegion = event.region;
        }

        export const handler = async (event: { region: string }) => {
          remember(event);
          return new S3Client({ region: tenantRegion });
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 12,
          column: 18,
          data: {
            resource: 'S3Client',
            handler: 'handler',
            via: '',
            reason: '`tenantRegion` is written from request data in `remember`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: a per-request store (AsyncLocalStorage#getStore())',
      code: `
        import { AsyncLocalStorage } from 'node:async_hooks';
        import { SQSClient } from '@aws-sdk/client-sqs';

        const requestContext = new AsyncLocalStorage<{ region: string }>();

        export const handler = async () => new SQSClient({ region: requestContext.getStore()?.region });
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 7,
          column: 44,
          data: {
            resource: 'SQSClient',
            handler: 'handler',
            via: '',
            reason: '`requestContext.getStore()` is the per-request store read in `handler`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: AWS.config.update({ region: event.region }) before an SDK v2 client',
      code: `
        import AWS from 'aws-sdk';

        export const handler = async (event: { region: string }) => {
          AWS.config.update({ region: event.region });
          return new AWS.S3();
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 6,
          column: 18,
          data: { resource: 'AWS.S3', handler: 'handler', via: '', reason: '`AWS.config` is written from request data in `handler`' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: process.env.AWS_REGION = event.region before a client that reads it',
      code: `
        import { S3Client } from '@aws-sdk/client-s3';

        export const handler = async (event: { region: string }) => {
          process.env.AWS_REGION = event.region;
          return new S3Client({});
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 6,
          column: 18,
          data: {
            resource: 'S3Client',
            handler: 'handler',
            via: '',
            reason: '`process.env.AWS_REGION` is written from request data in `handler`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 9: a getter reading module state the handler changes',
      code: `
        import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

        let currentRegion = 'eu-west-1';
        const config = {
          get region() {
            return currentRegion;
          },
        };

        export const handler = async (event: { region: string }) => {
          currentRegion = event.region;
          return new DynamoDBClient(config);
        };
      `,
      errors: [
        {
          messageId: 'requestDependent',
          line: 13,
          column: 18,
          data: {
            resource: 'DynamoDBClient',
            handler: 'handler',
            via: '',
            reason: '`currentRegion` is written from request data in `handler`',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'issue 10: a parameter fetched from SSM with a constant name',
      code: `
        import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
        import Stripe from 'stripe';

        const ssm = new SSMClient({});

        export const handler = async () => {
          const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/stripe/key', WithDecryption: true }));
          return new Stripe(Parameter!.Value!);
        };
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 9,
          column: 18,
          data: { resource: 'Stripe', handler: 'handler', via: '', source: 'a parameter', reason: '`Parameter` is awaited in `handler`' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Stripe' },
              output: `
        import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';
        import Stripe from 'stripe';

        let cachedStripe: Promise<Stripe> | undefined;
        const getStripe = (): Promise<Stripe> =>
          (cachedStripe ??= (async () => {
            const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/stripe/key', WithDecryption: true }));
            return new Stripe(Parameter!.Value!);
          })().catch((error: unknown) => {
            cachedStripe = undefined;
            throw error;
          }));

        const ssm = new SSMClient({});

        export const handler = async () => {
          return await getStripe();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 10: a secret fetched through the Parameters and Secrets Lambda extension',
      code: `
        import Stripe from 'stripe';

        export const handler = async () => {
          const response = await fetch(\`http://localhost:2773/secretsmanager/get?secretId=\${process.env.SECRET_ID}\`, {
            headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN! },
          });
          const { SecretString } = await response.json();
          return new Stripe(SecretString);
        };
      `,
      errors: [
        {
          messageId: 'perInvocationInit',
          line: 9,
          column: 18,
          data: { resource: 'Stripe', handler: 'handler', via: '', source: 'a secret', reason: '`SecretString` is awaited in `handler`' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'Stripe' },
              output: `
        import Stripe from 'stripe';

        let cachedStripe: Promise<Stripe> | undefined;
        const getStripe = (): Promise<Stripe> =>
          (cachedStripe ??= (async () => {
            const response = await fetch(\`http://localhost:2773/secretsmanager/get?secretId=\${process.env.SECRET_ID}\`, {
              headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN! },
            });
            const { SecretString } = await response.json();
            return new Stripe(SecretString);
          })().catch((error: unknown) => {
            cachedStripe = undefined;
            throw error;
          }));

        export const handler = async () => {
          return await getStripe();
        };
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 10: a loop over the event records inside a helper is for every record',
      code: `
        import type { SQSEvent } from 'aws-lambda';
        import { SQSClient } from '@aws-sdk/client-sqs';

        function fanOut(records: SQSEvent['Records']) {
          return records.map((record) => ({ record, client: new SQSClient({}) }));
        }

        export const handler = async (event: SQSEvent) => fanOut(event.Records);
      `,
      errors: [
        {
          messageId: 'perRecord',
          line: 6,
          column: 61,
          data: { resource: 'SQSClient', handler: 'handler', via: ' (via `fanOut`, for every record)' },
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'SQSClient' },
              output: `
        import type { SQSEvent } from 'aws-lambda';
        import { SQSClient } from '@aws-sdk/client-sqs';

        let cachedSqsClient: SQSClient | undefined;
        const getSqsClient = (): SQSClient =>
          (cachedSqsClient ??= new SQSClient({}));

        function fanOut(records: SQSEvent['Records']) {
          return records.map((record) => ({ record, client: getSqsClient() }));
        }

        export const handler = async (event: SQSEvent) => fanOut(event.Records);
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'issue 8: every handler type aws-lambda exports counts, not only names ending in Handler',
      code: `
        import type { APIGatewayProxyHandlerV2WithJWTAuthorizer } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        export const api: APIGatewayProxyHandlerV2WithJWTAuthorizer = async (request) => {
          const s3 = new S3Client({});
          return { statusCode: 200, body: String(await s3.config.region()) + request.rawPath };
        };
      `,
      errors: [
        {
          messageId: 'perInvocation',
          line: 6,
          column: 22,
          suggestions: [
            {
              messageId: 'hoist',
              data: { resource: 'S3Client' },
              output: `
        import type { APIGatewayProxyHandlerV2WithJWTAuthorizer } from 'aws-lambda';
        import { S3Client } from '@aws-sdk/client-s3';

        let cachedS3Client: S3Client | undefined;
        const getS3Client = (): S3Client =>
          (cachedS3Client ??= new S3Client({}));

        export const api: APIGatewayProxyHandlerV2WithJWTAuthorizer = async (request) => {
          const s3 = getS3Client();
          return { statusCode: 200, body: String(await s3.config.region()) + request.rawPath };
        };
      `,
            },
          ],
        },
      ],
    },
  ],
});
