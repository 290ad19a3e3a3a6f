const { Pool } = require('pg');

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool;
const getPool = () =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    created.on('error', (error) => console.error(error));
    return created;
  })());

exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  const pool = getPool();
  pool.query('SELECT $1::int + 1 AS next', [event.n], (error, result) => {
    callback(error, result && result.rows[0]);
  });
};
