import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

const table = process.env.AUDIT_TABLE ?? 'audit';

export const handler = async (event: ScheduledEvent) => {
  console.log(`archiving ${table} for ${event.time}`);
  const pool = getPool();
  {
    const table = `${process.env.AUDIT_TABLE ?? 'audit'}_archive`;
    await pool.query(`INSERT INTO ${table} (at) VALUES (now())`);
  }
  return table;
};
