import pg = require('pg');
import type { SQSEvent } from 'aws-lambda';

let cachedPool: pg.Pool | undefined;
const getPool = (): pg.Pool =>
  (cachedPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

async function handler(event: SQSEvent): Promise<void> {
  const pool = getPool();
  for (const record of event.Records) {
    await pool.query('INSERT INTO audit_log (payload) VALUES ($1)', [record.body]);
  }
}

export = { handler };
