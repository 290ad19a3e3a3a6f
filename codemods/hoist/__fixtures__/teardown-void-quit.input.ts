import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Redis } from 'ioredis';

export const handler = async (event: APIGatewayProxyEventV2) => {
  const redis = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const cached = await redis.get(`page:${event.rawPath}`);
  void redis.quit();
  return cached ? { statusCode: 200, body: cached } : { statusCode: 404 };
};
