import type { SQSEvent } from 'aws-lambda';
import { createClient } from 'redis';

let cachedClient: ReturnType<typeof createClient> | undefined;
const getClient = (): ReturnType<typeof createClient> =>
  (cachedClient ??= createClient({ url: process.env.REDIS_URL }));

export const handler = async (event: SQSEvent): Promise<void> => {
  const client = getClient();
  if (!client.isOpen) {
    await client.connect();
  }
  for (const record of event.Records) {
    await client.lPush('jobs', record.body);
  }
};
