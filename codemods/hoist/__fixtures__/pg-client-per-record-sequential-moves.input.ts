import type { SQSEvent } from 'aws-lambda';
import { Client } from 'pg';

export const handler = async (event: SQSEvent) => {
  const failures: Array<{ itemIdentifier: string }> = [];
  for (const record of event.Records) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      const { id, amount } = JSON.parse(record.body) as { id: string; amount: number };
      await client.query('INSERT INTO payments (id, amount) VALUES ($1, $2)', [id, amount]);
      await client.query('COMMIT');
    } catch {
      await client.query('ROLLBACK');
      failures.push({ itemIdentifier: record.messageId });
    } finally {
      await client.end();
    }
  }
  return { batchItemFailures: failures };
};
