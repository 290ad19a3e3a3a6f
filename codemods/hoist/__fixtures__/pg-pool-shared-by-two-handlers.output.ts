import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { Pool } from 'pg';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT id, total FROM orders WHERE customer_id = $1', [event.pathParameters?.customerId]);
  return { statusCode: 200, body: JSON.stringify(rows) };
};

export const lambdaHandler = async (): Promise<APIGatewayProxyResultV2> => {
  const pool = getPool();
  const { rows } = await pool.query('SELECT count(*) AS n FROM orders');
  return { statusCode: 200, body: JSON.stringify(rows[0]) };
};
