import type { EventBridgeEvent } from 'aws-lambda';
import { Client } from 'pg';

let cachedClient: Promise<Client> | undefined;
const getClient = (): Promise<Client> =>
  (cachedClient ??= (async () => {
    const created = new Client({
      connectionString: process.env.DATABASE_URL,
      statement_timeout: 5000,
    });
    await created.connect();
    return created;
  })().catch((error: unknown) => {
    cachedClient = undefined;
    throw error;
  }));

export const handler = async (event: EventBridgeEvent<'UserDeleted', { userId: string }>): Promise<void> => {
  const client = await getClient();
  await client.query('DELETE FROM sessions WHERE user_id = $1', [event.detail.userId]);
};
