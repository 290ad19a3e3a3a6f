const { Pool } = require('pg');

let cachedPool;
const getPool = () =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

exports.handler = async (event) => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT * FROM coupons WHERE code = $1', [event.code]);
  return rows[0] ?? null;
};
