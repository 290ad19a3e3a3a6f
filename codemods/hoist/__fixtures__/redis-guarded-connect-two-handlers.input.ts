import type { SQSEvent } from 'aws-lambda';
import { createClient } from 'redis';

export const handler = async (event: SQSEvent): Promise<void> => {
  const client = createClient({ url: process.env.REDIS_URL });
  if (!client.isOpen) {
    await client.connect();
  }
  for (const record of event.Records) {
    await client.lPush('jobs', record.body);
  }
};

export const lambdaHandler = async (event: SQSEvent): Promise<void> => {
  const client = createClient({ url: process.env.REDIS_URL });
  if (!client.isOpen) {
    await client.connect();
  }
  for (const record of event.Records) {
    await client.sAdd('seen', record.messageId);
  }
};
