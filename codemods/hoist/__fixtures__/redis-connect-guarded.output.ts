import type { SQSEvent } from 'aws-lambda';
import { createClient } from 'redis';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedClient: ReturnType<typeof createClient> | undefined;
const getClient = (): ReturnType<typeof createClient> =>
  (cachedClient ??= (() => {
    const created: ReturnType<typeof createClient> = createClient({ url: process.env.REDIS_URL });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

export const handler = async (event: SQSEvent): Promise<void> => {
  const client = getClient();
  if (!client.isOpen) {
    await client.connect();
  }
  for (const record of event.Records) {
    await client.lPush('jobs', record.body);
  }
};
