import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import mysql from 'mysql2/promise';

// A single connection: when it fails or ends, it is forgotten (unless a newer one replaced it) and the
// next invocation opens a new one. Its errors are logged: an `error` event nobody listens to ends the process.
let cachedConnection: ReturnType<typeof mysql.createConnection> | undefined;
const getConnection = (): ReturnType<typeof mysql.createConnection> =>
  (cachedConnection ??= (async () => {
    const created = await mysql.createConnection({ uri: process.env.DATABASE_URL, connectTimeout: 2000 });
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
  const connection = await getConnection();
  const [rows] = await connection.execute('SELECT id, name FROM products WHERE category = ?', [
    event.queryStringParameters?.category ?? 'all',
  ]);
  return { statusCode: 200, body: JSON.stringify(rows) };
};
