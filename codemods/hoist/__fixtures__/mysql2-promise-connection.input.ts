import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import mysql from 'mysql2/promise';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const connection = await mysql.createConnection({ uri: process.env.DATABASE_URL, connectTimeout: 2000 });
  try {
    const [rows] = await connection.execute('SELECT id, name FROM products WHERE category = ?', [
      event.queryStringParameters?.category ?? 'all',
    ]);
    return { statusCode: 200, body: JSON.stringify(rows) };
  } finally {
    await connection.end();
  }
};
