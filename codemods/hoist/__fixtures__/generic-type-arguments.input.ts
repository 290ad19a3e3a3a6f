import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import knex from 'knex';

interface Order {
  id: string;
  total: number;
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  const db = knex<Order>({ client: 'pg', connection: process.env.DATABASE_URL! });
  const order = await db.select('id', 'total').from<Order>('orders').where('id', event.pathParameters?.id ?? '').first();
  return { statusCode: order ? 200 : 404, body: JSON.stringify(order ?? null) };
};
