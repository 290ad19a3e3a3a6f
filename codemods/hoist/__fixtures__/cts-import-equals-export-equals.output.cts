import pg = require('pg');
import type { SQSEvent } from 'aws-lambda';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: pg.Pool | undefined;
const getPool = (): pg.Pool =>
  (cachedPool ??= (() => {
    const created = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

async function handler(event: SQSEvent): Promise<void> {
  const pool = getPool();
  for (const record of event.Records) {
    await pool.query('INSERT INTO audit_log (payload) VALUES ($1)', [record.body]);
  }
}

export = { handler };
