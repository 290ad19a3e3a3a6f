const { Pool } = require('pg');

exports.handler = (event, context, callback) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  pool.query('SELECT $1::int + 1 AS next', [event.n], (error, result) => {
    pool.end();
    callback(error, result && result.rows[0]);
  });
};
