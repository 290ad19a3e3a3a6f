import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import mysql from 'mysql2/promise';

// A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
// next invocation opens a new one. Its errors are logged: an `error` event nobody listens to ends the process.
let cachedConnection: ReturnType<typeof mysql.createConnection> | undefined;
const getConnection = (): ReturnType<typeof mysql.createConnection> =>
  (cachedConnection ??= (async () => {
    const created = await mysql.createConnection(process.env.DATABASE_URL!);
    const connected = cachedConnection;
    const forget = (error?: unknown) => {
      if (error) console.error(error);
      if (cachedConnection === connected) cachedConnection = undefined;
    };
    created.on('error', forget).on('end', forget);
    return created;
  })().catch((error: unknown) => {
    cachedConnection = undefined;
    throw error;
  }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const connection = (await getConnection()) as mysql.Connection;
  const [rows] = await connection.query('SELECT id, name FROM products WHERE category = ?', [event.pathParameters?.category]);
  return { statusCode: 200, body: JSON.stringify(rows) };
};
