import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import mysql from 'mysql2/promise';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const connection = (await mysql.createConnection(process.env.DATABASE_URL!)) as mysql.Connection;
  const [rows] = await connection.query('SELECT id, name FROM products WHERE category = ?', [event.pathParameters?.category]);
  await connection.end();
  return { statusCode: 200, body: JSON.stringify(rows) };
};
