import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Pool } from 'pg';

class OrderRepository {
  private readonly db: Pool;

  constructor(db: Pool) {
    this.db = db;
  }

  async byCustomer(customerId: string): Promise<unknown[]> {
    const { rows } = await this.db.query('SELECT id, total FROM orders WHERE customer_id = $1', [customerId]);
    return rows;
  }

  close(): Promise<void> {
    return this.db.end();
  }
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  const repository = new OrderRepository(new Pool({ connectionString: process.env.DATABASE_URL, max: 1 }));
  try {
    const orders = await repository.byCustomer(event.pathParameters?.customerId ?? '');
    return { statusCode: 200, body: JSON.stringify(orders) };
  } finally {
    await repository.close();
  }
};
