const { createClient } = require('redis');

let cachedRedis;
const getRedis = () =>
  (cachedRedis ??= (async () => {
    const created = createClient({ url: process.env.REDIS_URL });
    await created.connect();
    return created;
  })().catch((error) => {
    cachedRedis = undefined;
    throw error;
  }));

exports.handler = async (event) => {
  const key = `rate:${event.requestContext.identity.sourceIp}`;
  const redis = await getRedis();
  const hits = await redis.incr(key);
  if (hits === 1) await redis.expire(key, 60);
  return { statusCode: hits > 100 ? 429 : 200 };
};
