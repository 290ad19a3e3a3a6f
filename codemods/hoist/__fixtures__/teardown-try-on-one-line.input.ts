import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (_event: ScheduledEvent) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  let rows: Array<{ n: number }> = [];
  try { ({ rows } = await pool.query('SELECT count(*)::int AS n FROM jobs')); } finally { await pool.end(); }
  return rows[0]?.n ?? 0;
};
