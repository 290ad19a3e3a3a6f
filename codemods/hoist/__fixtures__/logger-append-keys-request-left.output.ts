import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const logger = new Logger({ serviceName: 'orders' });
  const userId = event.requestContext.authorizer?.claims?.sub as string | undefined;
  if (userId) logger.appendKeys({ userId });
  logger.info('listing orders');
  return { statusCode: 200, body: '[]' };
};
