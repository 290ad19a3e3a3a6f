import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (_event: ScheduledEvent) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try { const { rows } = await pool.query('SELECT count(*)::int AS n FROM jobs');
    return rows[0]?.n ?? 0;
  } finally {
    await pool.end();
  }
};
