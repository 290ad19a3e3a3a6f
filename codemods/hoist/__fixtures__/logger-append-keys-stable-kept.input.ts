import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const logger = new Logger({ serviceName: 'orders' });
  logger.appendKeys({ stage: process.env.STAGE ?? 'dev' });
  logger.info('listing orders', { path: event.path });
  return { statusCode: 200, body: '[]' };
};
