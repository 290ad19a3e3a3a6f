import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (_event: ScheduledEvent) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try { await pool.query('DELETE FROM sessions WHERE expires_at < now()');
  } finally {
    await pool.end();
  }
};
