import Redis from 'ioredis';

export const handler = async (event) => {
  const url = `redis://${process.env.REDIS_HOST}:${process.env.REDIS_PORT ?? 6379}/0`;
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  const count = await redis.pfcount(`visitors:${event.pageId}`);
  await redis.quit();
  return { count };
};
