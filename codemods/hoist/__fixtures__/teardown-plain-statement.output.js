const { Pool } = require('pg');

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool;
const getPool = () =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    created.on('error', (error) => console.error(error));
    return created;
  })());

exports.handler = async (event) => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT * FROM coupons WHERE code = $1', [event.code]);
  return rows[0] ?? null;
};
