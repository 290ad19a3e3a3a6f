import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Pool } from 'pg';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

export const handler = async (event: APIGatewayProxyEventV2) => {
  const pool = getPool();
  const { rows } = await pool.query(
    `SELECT id, title
         FROM posts
        WHERE author_id = $1`,
    [event.pathParameters?.authorId],
  );
  return { statusCode: 200, body: JSON.stringify(rows) };
};
