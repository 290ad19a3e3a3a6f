const { Pool } = require('pg');

let cachedPool;
const getPool = () =>
  (cachedPool ??= (() => {
    const options = { connectionString: process.env.DATABASE_URL, max: 1 };
    Object.assign(options, process.env.PGSSL === 'off' ? {} : { ssl: { rejectUnauthorized: true } });
    return new Pool(options);
  })());

exports.handler = async (event) => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT id, total FROM orders WHERE customer_id = $1', [event.customerId]);
  return rows;
};
