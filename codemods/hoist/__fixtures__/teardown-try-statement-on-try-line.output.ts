import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL }));

export const handler = async (_event: ScheduledEvent) => {
  const pool = getPool();
  { const { rows } = await pool.query('SELECT count(*)::int AS n FROM jobs');
    return rows[0]?.n ?? 0;
  }
};
