const { PrismaClient } = require('@prisma/client');

exports.handler = async (event) => {
  const prisma = new PrismaClient();
  prisma.$use(async (params, next) => {
    const started = Date.now();
    const result = await next(params);
    console.log(`${params.model}.${params.action} took ${Date.now() - started} ms`);
    return result;
  });
  const users = await prisma.user.findMany({ where: { team: event.pathParameters.team } });
  return { statusCode: 200, body: JSON.stringify(users) };
};
