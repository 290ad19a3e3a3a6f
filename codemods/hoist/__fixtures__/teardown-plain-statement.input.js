const { Pool } = require('pg');

exports.handler = async (event) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const { rows } = await pool.query('SELECT * FROM coupons WHERE code = $1', [event.code]);
  await pool.end(); // release the connection
  return rows[0] ?? null;
};
