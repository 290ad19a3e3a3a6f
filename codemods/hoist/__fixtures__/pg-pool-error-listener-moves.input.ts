import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (event: SQSEvent): Promise<void> => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pool.on('error', (error) => console.error('idle client error', error));
  await Promise.all(event.Records.map((record) => pool.query('INSERT INTO inbox (body) VALUES ($1)', [record.body])));
  await pool.end();
};
