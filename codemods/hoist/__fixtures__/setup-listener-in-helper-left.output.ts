import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

function watch(pool: Pool): Pool {
  pool.on('error', (error) => console.error('idle client error', error));
  return pool;
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  watch(pool);
  for (const record of event.Records) {
    await pool.query('INSERT INTO inbox (body) VALUES ($1)', [record.body]);
  }
};
