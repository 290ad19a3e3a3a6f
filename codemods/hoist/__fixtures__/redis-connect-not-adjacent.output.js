const { createClient } = require('redis');

// Its errors are logged: an `error` event nobody listens to ends the process. It reconnects by itself.
let cachedRedis;
const getRedis = () =>
  (cachedRedis ??= (async () => {
    const created = createClient({ url: process.env.REDIS_URL });
    await created.connect();
    created.on('error', (error) => console.error(error));
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
