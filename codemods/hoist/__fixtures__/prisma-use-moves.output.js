const { PrismaClient } = require('@prisma/client');

let cachedPrismaClient;
const getPrismaClient = () =>
  (cachedPrismaClient ??= (() => {
    const created = new PrismaClient();
    created.$use(async (params, next) => {
      const started = Date.now();
      const result = await next(params);
      console.log(`${params.model}.${params.action} took ${Date.now() - started} ms`);
      return result;
    });
    return created;
  })());

exports.handler = async (event) => {
  const prisma = getPrismaClient();
  const users = await prisma.user.findMany({ where: { team: event.pathParameters.team } });
  return { statusCode: 200, body: JSON.stringify(users) };
};
