import { describe, expect, it } from 'vitest';
import { LAMBDA_HANDLER_TYPES } from '../core/lambda-handler-types.js';
import { deriveLambdaHandlerTypes } from './support/lambda-handler-types.js';

describe('LAMBDA_HANDLER_TYPES', () => {
  it('lists every handler type the installed @types/aws-lambda exports', async () => {
    expect([...LAMBDA_HANDLER_TYPES].sort()).toEqual(await deriveLambdaHandlerTypes());
  });

  it('includes the families whose names do not end in Handler', () => {
    expect(LAMBDA_HANDLER_TYPES).toContain('APIGatewayProxyHandlerV2WithJWTAuthorizer');
    expect(LAMBDA_HANDLER_TYPES).toContain('APIGatewayRequestSimpleAuthorizerHandlerV2WithContext');
    expect(LAMBDA_HANDLER_TYPES).toContain('LambdaFunctionURLHandlerWithIAMAuthorizer');
  });
});
