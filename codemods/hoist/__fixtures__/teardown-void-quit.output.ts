import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Redis } from 'ioredis';

let cachedRedis: Redis | undefined;
const getRedis = (): Redis =>
  (cachedRedis ??= new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 }));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const redis = getRedis();
  const cached = await redis.get(`page:${event.rawPath}`);
  return cached ? { statusCode: 200, body: cached } : { statusCode: 404 };
};
