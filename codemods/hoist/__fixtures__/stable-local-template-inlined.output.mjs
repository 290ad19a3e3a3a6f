import Redis from 'ioredis';

let cachedRedis;
const getRedis = () =>
  (cachedRedis ??= new Redis(`redis://${process.env.REDIS_HOST}:${process.env.REDIS_PORT ?? 6379}/0`, { maxRetriesPerRequest: 2 }));

export const handler = async (event) => {
  const redis = getRedis();
  const count = await redis.pfcount(`visitors:${event.pageId}`);
  return { count };
};
