import { PrismaClient } from '@prisma/client';
import type { SQSHandler } from 'aws-lambda';

let cachedPrismaClient: PrismaClient | undefined;
const getPrismaClient = (): PrismaClient =>
  (cachedPrismaClient ??= new PrismaClient());

export const handler: SQSHandler = async (event) => {
  const prisma = getPrismaClient();
  await prisma.auditEntry.createMany({
    data: event.Records.map((record) => ({ messageId: record.messageId, payload: record.body })),
  });
};
