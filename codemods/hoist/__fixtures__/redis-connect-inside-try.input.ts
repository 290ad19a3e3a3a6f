import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createClient } from 'redis';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const client = createClient({ url: process.env.REDIS_URL });
  try {
    await client.connect();
    const value = await client.get(`feature:${event.pathParameters?.name}`);
    return { statusCode: 200, body: value ?? 'off' };
  } finally {
    await client.quit();
  }
};
