import pg = require('pg');
import type { SQSEvent } from 'aws-lambda';

async function handler(event: SQSEvent): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  for (const record of event.Records) {
    await pool.query('INSERT INTO audit_log (payload) VALUES ($1)', [record.body]);
  }
  await pool.end();
}

export = { handler };
