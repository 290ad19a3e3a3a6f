import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

const table = process.env.AUDIT_TABLE ?? 'audit';

export const handler = async (event: ScheduledEvent) => {
  console.log(`archiving ${table} for ${event.time}`);
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    const table = `${process.env.AUDIT_TABLE ?? 'audit'}_archive`;
    await pool.query(`INSERT INTO ${table} (at) VALUES (now())`);
  } finally {
    await pool.end();
  }
  return table;
};
