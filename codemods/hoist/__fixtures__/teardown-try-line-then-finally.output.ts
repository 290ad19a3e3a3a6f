import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

let pool: Pool | undefined;
const getPool = (): Pool =>
  (pool ??= new Pool({ connectionString: process.env.DATABASE_URL }));

export const handler = async (_event: ScheduledEvent) => {
  const pool = getPool();
  { await pool.query('DELETE FROM sessions WHERE expires_at < now()');
  }
};
