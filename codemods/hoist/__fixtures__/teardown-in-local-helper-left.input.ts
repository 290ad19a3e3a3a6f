import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

async function drain(pool: Pool): Promise<void> {
  console.log(`closing ${pool.totalCount} connections`);
  await pool.end();
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    for (const record of event.Records) {
      await pool.query('INSERT INTO inbox (body) VALUES ($1)', [record.body]);
    }
  } finally {
    await drain(pool);
  }
};
