const { Pool } = require('pg');

let cachedPool;
const getPool = () =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

exports.handler = async (event) => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT * FROM plans WHERE id = $1', [event.planId]);
  // Jest reuses the pool between tests; close it everywhere else.
  return rows[0] ?? null;
};
