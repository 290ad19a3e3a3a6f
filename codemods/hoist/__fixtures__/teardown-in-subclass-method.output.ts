import type { APIGatewayProxyEvent } from 'aws-lambda';
import { Pool } from 'pg';

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedPool: Pool | undefined;
const getPool = (): Pool =>
  (cachedPool ??= (() => {
    const created = new Pool({ connectionString: process.env.DATABASE_URL });
    created.on('error', (error: unknown) => console.error(error));
    return created;
  })());

abstract class Repository {
  protected readonly pool: Pool;

  constructor() {
    this.pool = getPool();
  }
}

class OrderRepository extends Repository {
  async find(id: string): Promise<unknown[]> {
    const { rows } = await this.pool.query('SELECT * FROM orders WHERE id = $1', [id]);
    return rows;
  }
}

export const handler = async (event: APIGatewayProxyEvent) => {
  const orders = await new OrderRepository().find(event.pathParameters?.id ?? '');
  return { statusCode: 200, body: JSON.stringify(orders) };
};
