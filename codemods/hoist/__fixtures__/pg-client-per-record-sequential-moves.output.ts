import type { SQSEvent } from 'aws-lambda';
import { Client } from 'pg';

let cachedClient: Promise<Client> | undefined;
const getClient = (): Promise<Client> =>
  (cachedClient ??= (async () => {
    const created = new Client({ connectionString: process.env.DATABASE_URL });
    await created.connect();
    return created;
  })().catch((error: unknown) => {
    cachedClient = undefined;
    throw error;
  }));

export const handler = async (event: SQSEvent) => {
  const failures: Array<{ itemIdentifier: string }> = [];
  for (const record of event.Records) {
    const client = await getClient();
    try {
      await client.query('BEGIN');
      const { id, amount } = JSON.parse(record.body) as { id: string; amount: number };
      await client.query('INSERT INTO payments (id, amount) VALUES ($1, $2)', [id, amount]);
      await client.query('COMMIT');
    } catch {
      await client.query('ROLLBACK');
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
