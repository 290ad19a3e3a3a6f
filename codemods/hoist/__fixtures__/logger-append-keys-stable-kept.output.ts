import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

let cachedLogger: Logger | undefined;
const getLogger = (): Logger =>
  (cachedLogger ??= new Logger({ serviceName: 'orders' }));

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const logger = getLogger();
  logger.appendKeys({ stage: process.env.STAGE ?? 'dev' });
  logger.info('listing orders', { path: event.path });
  return { statusCode: 200, body: '[]' };
};
