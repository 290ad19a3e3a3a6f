import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

let logger;
const getLogger = () =>
  (logger ??= new Logger({ serviceName: 'audit-handler' }));

export const handler = middy()
  .use(injectLambdaContext(new Logger({ serviceName: 'audit' })))
  .handler(async (event) => {
    const logger = getLogger();
    logger.info('received', { detailType: event['detail-type'] });
    return { ok: true };
  });
