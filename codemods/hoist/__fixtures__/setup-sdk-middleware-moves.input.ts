import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import type { BuildMiddleware } from '@smithy/types';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

/** Tags every request with the function's name, for the proxy's access log. */
const tagRequests: BuildMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => (args) => {
  const request = args.request as { headers?: Record<string, string> };
  if (request.headers) request.headers['x-caller'] = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local';
  return next(args);
};

export const handler = async (_event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const ddb = new DynamoDBClient({});
  ddb.middlewareStack.add(tagRequests, { step: 'build', name: 'tagRequests' });
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}));
  return { statusCode: 200, body: JSON.stringify(TableNames) };
};
