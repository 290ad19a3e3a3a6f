import type { SQSEvent } from 'aws-lambda';
import knex from 'knex';

let cachedDb: ReturnType<typeof knex> | undefined;
const getDb = (): ReturnType<typeof knex> =>
  (cachedDb ??= knex({
    client: 'mysql2',
    connection: process.env.DATABASE_URL,
    pool: { min: 0, max: 1 },
  }));

export const handler = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) {
    if (record.attributes.ApproximateReceiveCount === '1') {
      const db = getDb();
      await db('deliveries').insert({ message_id: record.messageId });
    }
  }
};
