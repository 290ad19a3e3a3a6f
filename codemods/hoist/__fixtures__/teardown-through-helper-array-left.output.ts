import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

async function closeAll(pools: Pool[]): Promise<void> {
  await Promise.all(pools.map((pool) => pool.end()));
}

export const handler = async (_event: ScheduledEvent): Promise<number> => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rowCount } = await pool.query('DELETE FROM sessions WHERE expires_at < now()');
    return rowCount ?? 0;
  } finally {
    await closeAll([pool]);
  }
};
