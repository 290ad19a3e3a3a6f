import type { EventBridgeEvent } from 'aws-lambda';
import { Client } from 'pg';

export const handler = async (event: EventBridgeEvent<'UserDeleted', { userId: string }>): Promise<void> => {
  const client = new Client({
    connectionString: process.env.DATABASE_URL,
    statement_timeout: 5000,
  });
  await client.connect();
  await client.query('DELETE FROM sessions WHERE user_id = $1', [event.detail.userId]);
  await client.end();
};
