const { Pool } = require('pg');

let cachedPool;
const getPool = () =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  const pool = getPool();
  pool.query('SELECT $1::int + 1 AS next', [event.n], (error, result) => {
    callback(error, result && result.rows[0]);
  });
};
