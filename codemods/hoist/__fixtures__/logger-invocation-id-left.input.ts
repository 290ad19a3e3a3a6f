import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export const handler = async (event: SQSEvent): Promise<void> => {
  const logger = new Logger({ serviceName: 'inbox', persistentLogAttributes: { invocationId: randomUUID() } });
  logger.info('received', { records: event.Records.length });
};
