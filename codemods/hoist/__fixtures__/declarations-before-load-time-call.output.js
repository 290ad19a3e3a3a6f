const { Logger } = require('@aws-lambda-powertools/logger');

let cachedLogger;
const getLogger = () =>
  (cachedLogger ??= new Logger({ serviceName: 'orders' }));

let cachedSqsClient;
const getSqsClient = () =>
  (cachedSqsClient ??= new SQSClient({}));

function log(message) {
  const logger = getLogger();
  logger.info(message);
}

log('cold start');

const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

exports.handler = async (event) => {
  log(`forwarding ${event.Records.length} records`);
  const sqs = getSqsClient();
  for (const record of event.Records) {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: record.body }));
  }
};
