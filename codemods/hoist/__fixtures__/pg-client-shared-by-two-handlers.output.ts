import type { SQSEvent } from 'aws-lambda';
import { Client } from 'pg';

// A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
// next invocation opens a new one. Its errors are logged: an `error` event nobody listens to ends the process.
let cachedClient: Promise<Client> | undefined;
const getClient = (): Promise<Client> =>
  (cachedClient ??= (async () => {
    const created = new Client({ connectionString: process.env.DATABASE_URL });
    await created.connect();
    const connected = cachedClient;
    const forget = (error?: unknown) => {
      if (error) console.error(error);
      if (cachedClient === connected) cachedClient = undefined;
    };
    created.on('error', forget).on('end', forget);
    return created;
  })().catch((error: unknown) => {
    cachedClient = undefined;
    throw error;
  }));

export const recordPayments = async (event: SQSEvent): Promise<void> => {
  const client = await getClient();
  for (const record of event.Records) {
    await client.query('INSERT INTO payments (body) VALUES ($1)', [record.body]);
  }
};

export const recordRefunds = async (event: SQSEvent): Promise<void> => {
  const client = await getClient();
  for (const record of event.Records) {
    await client.query('INSERT INTO refunds (body) VALUES ($1)', [record.body]);
  }
};
