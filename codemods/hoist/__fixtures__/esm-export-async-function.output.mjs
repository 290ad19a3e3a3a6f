import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';

let cachedSqsClient;
const getSqsClient = () =>
  (cachedSqsClient ??= new SQSClient({ region: process.env.AWS_REGION }));

export async function handler(event) {
  const sqs = getSqsClient();
  const order = JSON.parse(event.body);
  await sqs.send(
    new SendMessageCommand({ QueueUrl: process.env.ORDERS_QUEUE_URL, MessageBody: JSON.stringify(order) }),
  );
  return { statusCode: 202 };
}
