import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Pool } from 'pg';

class OrderRepository {
  constructor(private readonly db: Pool) {}

  async byCustomer(customerId: string): Promise<unknown[]> {
    const { rows } = await this.db.query('SELECT id, total FROM orders WHERE customer_id = $1', [customerId]);
    return rows;
  }
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  try {
    const orders = await new OrderRepository(pool).byCustomer(event.pathParameters?.customerId ?? '');
    return { statusCode: 200, body: JSON.stringify(orders) };
  } finally {
    await pool.end();
  }
};
