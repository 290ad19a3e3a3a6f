import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    const { rows } = await pool.query(
      `SELECT id, title
         FROM posts
        WHERE author_id = $1`,
      [event.pathParameters?.authorId],
    );
    return { statusCode: 200, body: JSON.stringify(rows) };
  } finally {
    await pool.end();
  }
};
