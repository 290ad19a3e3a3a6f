const { Pool } = require('pg');
const { migrate } = require('./migrations');

exports.handler = async (event) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await migrate(pool);
  for (const record of event.Records) {
    await pool.query('INSERT INTO inbox (body) VALUES ($1)', [record.body]);
  }
};
