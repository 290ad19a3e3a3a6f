import type { SQSEvent } from 'aws-lambda';
import { Client } from 'pg';

export const handler = async (event: SQSEvent) => {
  const results = await Promise.allSettled(
    event.Records.map(async (record) => {
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        await client.query('BEGIN');
        const { id, amount } = JSON.parse(record.body) as { id: string; amount: number };
        await client.query('INSERT INTO payments (id, amount) VALUES ($1, $2)', [id, amount]);
        await client.query('UPDATE balances SET total = total + $1', [amount]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        await client.end();
      }
    }),
  );
  return { batchItemFailures: results.flatMap((result, index) => (result.status === 'rejected' ? [{ itemIdentifier: event.Records[index]!.messageId }] : [])) };
};
