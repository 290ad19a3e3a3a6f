import pg from 'pg';

export const handler = async (event) => {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('UPDATE jobs SET done = true WHERE id = $1', [event.jobId]);
  return pool.end();
};
