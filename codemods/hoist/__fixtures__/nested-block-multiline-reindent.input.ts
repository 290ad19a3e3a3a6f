import type { SQSEvent } from 'aws-lambda';
import knex from 'knex';

export const handler = async (event: SQSEvent): Promise<void> => {
  for (const record of event.Records) {
    if (record.attributes.ApproximateReceiveCount === '1') {
      const db = knex({
        client: 'mysql2',
        connection: process.env.DATABASE_URL,
        pool: { min: 0, max: 1 },
      });
      await db('deliveries').insert({ message_id: record.messageId });
    }
  }
};
