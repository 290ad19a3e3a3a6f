const { Client } = require('pg');

exports.handler = (event, context, callback) => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  client.connect((connectError) => {
    if (connectError) return callback(connectError);
    client.query('SELECT id FROM jobs WHERE status = $1', ['queued'], (error, result) => {
      client.end();
      callback(error, result && result.rows);
    });
  });
};
