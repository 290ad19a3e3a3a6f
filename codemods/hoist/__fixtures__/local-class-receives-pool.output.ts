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

class OrderRepository {
  constructor(private readonly db: Pool) {}

  async byCustomer(customerId: string): Promise<unknown[]> {
    const { rows } = await this.db.query('SELECT id, total FROM orders WHERE customer_id = $1', [customerId]);
    return rows;
  }
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  const pool = getPool();
  const orders = await new OrderRepository(pool).byCustomer(event.pathParameters?.customerId ?? '');
  return { statusCode: 200, body: JSON.stringify(orders) };
};
