import * as Sqs from '@aws-sdk/client-sqs';
import type { ScheduledEvent } from 'aws-lambda';

let cachedSqsClient: Sqs.SQSClient | undefined;
const getSqsClient = (): Sqs.SQSClient =>
  (cachedSqsClient ??= new Sqs.SQSClient({}));

export const handler = async (_event: ScheduledEvent): Promise<number> => {
  const sqs = getSqsClient();
  const { Attributes } = await sqs.send(
    new Sqs.GetQueueAttributesCommand({ QueueUrl: process.env.QUEUE_URL, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
};
