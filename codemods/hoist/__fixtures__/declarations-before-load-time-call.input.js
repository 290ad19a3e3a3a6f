const { Logger } = require('@aws-lambda-powertools/logger');

function log(message) {
  const logger = new Logger({ serviceName: 'orders' });
  logger.info(message);
}

log('cold start');

const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

exports.handler = async (event) => {
  log(`forwarding ${event.Records.length} records`);
  const sqs = new SQSClient({});
  for (const record of event.Records) {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: record.body }));
  }
};
