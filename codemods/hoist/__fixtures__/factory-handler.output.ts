import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

interface Deps {
  tableName: string;
}

function makeHandler(deps: Deps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const ddb = getDynamoDBClient();
    const { Item } = await ddb.send(
      new GetItemCommand({ TableName: deps.tableName, Key: { pk: { S: event.pathParameters!.id! } } }),
    );
    return Item ? { statusCode: 200, body: JSON.stringify(Item) } : { statusCode: 404 };
  };
}

export const handler = makeHandler({ tableName: process.env.TABLE_NAME! });
