const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { Pool } = require('pg');

const ddb = new DynamoDBClient({});
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });

exports.handler = async (event) => {
  const { rows } = await pool.query('SELECT now() AS ts');
  await ddb.send(new PutItemCommand({ TableName: 'heartbeats', Item: { id: { S: event.id }, ts: { S: String(rows[0].ts) } } }));
};
