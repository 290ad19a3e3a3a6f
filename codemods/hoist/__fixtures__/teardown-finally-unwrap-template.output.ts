import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Pool } from 'pg';

let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));

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
