import type { ScheduledEvent } from 'aws-lambda';
import knex from 'knex';

export const handler = async (event: ScheduledEvent): Promise<number> => {
  const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
  const started = Date.now();
  try {
    return await db('sessions').where('expires_at', '<', event.time).delete();
  } finally {
    await db.destroy();
    console.log(`cleanup took ${Date.now() - started} ms`);
  }
};
