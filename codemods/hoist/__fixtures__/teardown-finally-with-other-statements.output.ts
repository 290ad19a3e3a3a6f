import type { ScheduledEvent } from 'aws-lambda';
import knex from 'knex';

let cachedDb: ReturnType<typeof knex> | undefined;
const getDb = (): ReturnType<typeof knex> =>
  (cachedDb ??= knex({ client: 'pg', connection: process.env.DATABASE_URL }));

export const handler = async (event: ScheduledEvent): Promise<number> => {
  const db = getDb();
  const started = Date.now();
  try {
    return await db('sessions').where('expires_at', '<', event.time).delete();
  } finally {
    console.log(`cleanup took ${Date.now() - started} ms`);
  }
};
