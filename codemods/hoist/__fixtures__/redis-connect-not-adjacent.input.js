const { createClient } = require('redis');

exports.handler = async (event) => {
  const redis = createClient({ url: process.env.REDIS_URL });
  const key = `rate:${event.requestContext.identity.sourceIp}`;
  await redis.connect();
  const hits = await redis.incr(key);
  if (hits === 1) await redis.expire(key, 60);
  return { statusCode: hits > 100 ? 429 : 200 };
};
