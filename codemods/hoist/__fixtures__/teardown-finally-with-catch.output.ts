import type { SQSEvent } from 'aws-lambda';
import { Pool } from '@neondatabase/serverless';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= new Pool({ connectionString: process.env.NEON_URL }));

export const handler = async (event: SQSEvent): Promise<void> => {
  const pool = getPool();
  try {
    for (const record of event.Records) {
      await pool.query('INSERT INTO clicks (payload) VALUES ($1)', [record.body]);
    }
  } catch (error) {
    console.error('insert failed', error);
    throw error;
  }
};
