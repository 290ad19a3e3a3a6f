import { PrismaClient } from '@prisma/client';
import type { SQSHandler } from 'aws-lambda';

export const handler: SQSHandler = async (event) => {
  const prisma = new PrismaClient();
  try {
    await prisma.auditEntry.createMany({
      data: event.Records.map((record) => ({ messageId: record.messageId, payload: record.body })),
    });
  } finally {
    await prisma.$disconnect();
  }
};
