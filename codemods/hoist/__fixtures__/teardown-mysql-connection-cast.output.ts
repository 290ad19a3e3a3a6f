import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import mysql from 'mysql2/promise';

let cachedConnection: ReturnType<typeof mysql.createConnection> | undefined;
const getConnection = (): ReturnType<typeof mysql.createConnection> =>
  (cachedConnection ??= mysql.createConnection(process.env.DATABASE_URL!).catch((error: unknown) => {
    cachedConnection = undefined;
    throw error;
  }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const connection = (await getConnection()) as mysql.Connection;
  const [rows] = await connection.query('SELECT id, name FROM products WHERE category = ?', [event.pathParameters?.category]);
  return { statusCode: 200, body: JSON.stringify(rows) };
};
