import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import knex from 'knex';

let cachedDb: ReturnType<typeof knex<Order>> | undefined;
const getDb = (): ReturnType<typeof knex<Order>> =>
  (cachedDb ??= knex<Order>({ client: 'pg', connection: process.env.DATABASE_URL! }));

interface Order {
  id: string;
  total: number;
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  const db = getDb();
  const order = await db.select('id', 'total').from<Order>('orders').where('id', event.pathParameters?.id ?? '').first();
  return { statusCode: order ? 200 : 404, body: JSON.stringify(order ?? null) };
};
