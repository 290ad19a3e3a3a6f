import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    created.on('error', (error) => console.error('idle client error', error));
    return created;
  })());

export const handler = async (event: SQSEvent): Promise<void> => {
  const pool = getPool();
  await Promise.all(event.Records.map((record) => pool.query('INSERT INTO inbox (body) VALUES ($1)', [record.body])));
};
