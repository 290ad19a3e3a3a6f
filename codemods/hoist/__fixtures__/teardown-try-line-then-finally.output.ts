import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL }));

export const handler = async (_event: ScheduledEvent) => {
  const pool = getPool();
  { await pool.query('DELETE FROM sessions WHERE expires_at < now()');
  }
};
