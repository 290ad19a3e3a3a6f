// The Lambda event sources a generated handler serves: the `aws-lambda` types, how a handler reads its
// input, loops over records and answers, as the AWS documentation's examples do.
import { ann, cast, type Style } from './source.js';

export interface EventKind {
  name: string;
  /** Base names for files of this kind. */
  files: readonly string[];
  eventType: string;
  resultType: string;
  /** The `aws-lambda` handler type (`SQSHandler`), for handlers recognised by their type. */
  handlerType: string;
  /** Lines that define `input` (an object derived from the request) and `id` from `event`. */
  prelude(style: Style): string[];
  /** Record events: the per-record item and key, inside `for (const record of event.Records)`. */
  records?: { item(style: Style): string; id: string };
  /** What the handler returns, given the expression of its outcome. */
  result(value: string): string[];
}

const apiPrelude = (style: Style) => [
  `const input = ${cast(style, "JSON.parse(event.body ?? '{}')", 'Record<string, any>')};`,
  'const id = event.pathParameters?.id ?? input.id;',
  'if (!id) {',
  "  return { statusCode: 400, body: JSON.stringify({ message: 'id is required' }) };",
  '}',
];

const recordsPrelude = (style: Style) => [
  `const input${ann(style, ': Record<string, any>')} = { count: event.Records.length, receivedAt: new Date().toISOString() };`,
  'const id = `batch-${Date.now()}`;',
];

export const EVENT_KINDS: readonly EventKind[] = [
  {
    name: 'api',
    files: ['get-order', 'create-user', 'api', 'app', 'update-profile', 'list-items', 'checkout'],
    eventType: 'APIGatewayProxyEvent',
    resultType: 'APIGatewayProxyResult',
    handlerType: 'APIGatewayProxyHandler',
    prelude: apiPrelude,
    result: (value) => ['return {', '  statusCode: 200,', "  headers: { 'Content-Type': 'application/json' },", `  body: JSON.stringify(${value}),`, '};'],
  },
  {
    name: 'api-v2',
    files: ['http-api', 'get-item', 'webhook', 'search', 'routes'],
    eventType: 'APIGatewayProxyEventV2',
    resultType: 'APIGatewayProxyResultV2',
    handlerType: 'APIGatewayProxyHandlerV2',
    prelude: (style) => [...apiPrelude(style), "console.log(event.requestContext.http.method, event.rawPath);"],
    result: (value) => [`return { statusCode: 200, body: JSON.stringify(${value}) };`],
  },
  {
    name: 'sqs',
    files: ['consumer', 'process-queue', 'worker', 'sqs-handler', 'order-processor'],
    eventType: 'SQSEvent',
    resultType: 'SQSBatchResponse',
    handlerType: 'SQSHandler',
    prelude: (style) => [...recordsPrelude(style), `const batchItemFailures${ann(style, ": SQSBatchResponse['batchItemFailures']")} = [];`],
    records: { item: (style) => cast(style, 'JSON.parse(record.body)', 'Record<string, any>'), id: 'item.id ?? record.messageId' },
    result: () => ['return { batchItemFailures };'],
  },
  {
    name: 's3',
    files: ['on-upload', 'thumbnail', 's3-trigger', 'ingest', 'resize'],
    eventType: 'S3Event',
    resultType: 'void',
    handlerType: 'S3Handler',
    prelude: recordsPrelude,
    records: {
      item: () => "({ bucket: record.s3.bucket.name, key: decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' ')), size: record.s3.object.size })",
      id: 'item.key',
    },
    result: (value) => [`console.log('done', JSON.stringify(${value}));`],
  },
  {
    name: 'dynamodb-stream',
    files: ['stream', 'replicate', 'on-change', 'audit-trail'],
    eventType: 'DynamoDBStreamEvent',
    resultType: 'void',
    handlerType: 'DynamoDBStreamHandler',
    prelude: recordsPrelude,
    records: { item: (style) => cast(style, '(record.dynamodb?.NewImage ?? {})', 'Record<string, any>'), id: "record.dynamodb?.Keys?.pk?.S ?? record.eventID" },
    result: (value) => [`console.log('processed', ${value});`],
  },
  {
    name: 'kinesis',
    files: ['kinesis-consumer', 'telemetry', 'clickstream'],
    eventType: 'KinesisStreamEvent',
    resultType: 'void',
    handlerType: 'KinesisStreamHandler',
    prelude: recordsPrelude,
    records: {
      item: (style) => cast(style, "JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'))", 'Record<string, any>'),
      id: 'record.kinesis.partitionKey',
    },
    result: (value) => [`console.log('batch', ${value});`],
  },
  {
    name: 'sns',
    files: ['notify', 'sns-subscriber', 'fanout'],
    eventType: 'SNSEvent',
    resultType: 'void',
    handlerType: 'SNSHandler',
    prelude: recordsPrelude,
    records: { item: (style) => cast(style, 'JSON.parse(record.Sns.Message)', 'Record<string, any>'), id: 'record.Sns.MessageId' },
    result: (value) => [`console.log('notified', ${value});`],
  },
  {
    name: 'eventbridge',
    files: ['on-order-placed', 'rule-target', 'events', 'reconcile'],
    eventType: "EventBridgeEvent<'OrderPlaced', Record<string, any>>",
    resultType: 'void',
    handlerType: "EventBridgeHandler<'OrderPlaced', Record<string, any>, void>",
    prelude: () => ['const input = event.detail;', 'const id = input.orderId ?? event.id;'],
    result: (value) => [`console.log('handled', event['detail-type'], ${value});`],
  },
  {
    name: 'scheduled',
    files: ['nightly-report', 'cleanup', 'cron', 'rotate', 'digest'],
    eventType: 'ScheduledEvent',
    resultType: 'void',
    handlerType: 'ScheduledHandler',
    prelude: (style) => [`const input${ann(style, ': Record<string, any>')} = { time: event.time, region: event.region };`, 'const id = event.id;'],
    result: (value) => [`console.log('scheduled run finished', ${value});`],
  },
  {
    name: 'invoke',
    files: ['index', 'handler', 'main', 'task', 'function'],
    eventType: 'Record<string, any>',
    resultType: 'Record<string, unknown>',
    handlerType: 'Handler',
    prelude: () => ['const input = event;', 'const id = event.id ?? event.requestId;'],
    result: (value) => [`return { ok: true, result: ${value} };`],
  },
];
