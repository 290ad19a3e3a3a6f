import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

export const handler = middy()
  .use(injectLambdaContext(new Logger({ serviceName: 'audit' })))
  .handler(async (event) => {
    const logger = new Logger({ serviceName: 'audit-handler' });
    logger.info('received', { detailType: event['detail-type'] });
    return { ok: true };
  });
