import type { SQSEvent } from 'aws-lambda';
import { Pool } from '@neondatabase/serverless';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.NEON_URL });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

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
