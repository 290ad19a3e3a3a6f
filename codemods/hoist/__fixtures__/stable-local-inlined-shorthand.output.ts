import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SNSEvent } from 'aws-lambda';

let cachedSqsClient: SQSClient | undefined;
const getSqsClient = (): SQSClient =>
  (cachedSqsClient ??= new SQSClient({ region: process.env.AWS_REGION }));

export const handler = async (event: SNSEvent): Promise<void> => {
  const sqs = getSqsClient();
  for (const record of event.Records) {
    await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: record.Sns.Message }));
  }
};
