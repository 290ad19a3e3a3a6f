import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import mysql from 'mysql2/promise';

let cachedConnection: ReturnType<typeof mysql.createConnection> | undefined;
const getConnection = (): ReturnType<typeof mysql.createConnection> =>
  (cachedConnection ??= mysql.createConnection({ uri: process.env.DATABASE_URL, connectTimeout: 2000 }).catch((error: unknown) => {
    cachedConnection = undefined;
    throw error;
  }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const connection = await getConnection();
  const [rows] = await connection.execute('SELECT id, name FROM products WHERE category = ?', [
    event.queryStringParameters?.category ?? 'all',
  ]);
  return { statusCode: 200, body: JSON.stringify(rows) };
};
