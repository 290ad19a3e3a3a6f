import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

let cachedLogger;
const getLogger = () =>
  (cachedLogger ??= new Logger({ serviceName: 'audit-handler' }));

export const handler = middy()
  .use(injectLambdaContext(new Logger({ serviceName: 'audit' })))
  .handler(async (event) => {
    const logger = getLogger();
    logger.info('received', { detailType: event['detail-type'] });
    return { ok: true };
  });
