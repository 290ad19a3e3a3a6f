import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

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
