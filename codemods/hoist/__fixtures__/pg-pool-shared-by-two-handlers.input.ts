import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { Pool } from 'pg';

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query('SELECT id, total FROM orders WHERE customer_id = $1', [event.pathParameters?.customerId]);
    return { statusCode: 200, body: JSON.stringify(rows) };
  } finally {
    await pool.end();
  }
};

export const lambdaHandler = async (): Promise<APIGatewayProxyResultV2> => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query('SELECT count(*) AS n FROM orders');
    return { statusCode: 200, body: JSON.stringify(rows[0]) };
  } finally {
    await pool.end();
  }
};
