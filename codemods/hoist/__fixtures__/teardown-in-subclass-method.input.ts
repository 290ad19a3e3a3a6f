import type { APIGatewayProxyEvent } from 'aws-lambda';
import { Pool } from 'pg';

abstract class Repository {
  protected readonly pool: Pool;

  constructor() {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL });
  }
}

class OrderRepository extends Repository {
  async find(id: string): Promise<unknown[]> {
    const { rows } = await this.pool.query('SELECT * FROM orders WHERE id = $1', [id]);
    await this.pool.end();
    return rows;
  }
}

export const handler = async (event: APIGatewayProxyEvent) => {
  const orders = await new OrderRepository().find(event.pathParameters?.id ?? '');
  return { statusCode: 200, body: JSON.stringify(orders) };
};
