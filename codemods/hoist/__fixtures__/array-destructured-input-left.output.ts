import type { ScheduledEvent } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (_event: ScheduledEvent) => {
  const [host, port] = (process.env.DB_ADDRESS ?? 'localhost:5432').split(':');
  const pool = new Pool({ host, port: Number(port), database: 'reports' });
  const { rows } = await pool.query('SELECT count(*) AS n FROM reports');
  return rows[0];
};
