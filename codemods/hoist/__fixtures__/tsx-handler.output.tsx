import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { renderToString } from 'react-dom/server';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

function ProfilePage({ name }: { name: string }) {
  return <h1>Hello, {name}</h1>;
}

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const ddb = getDynamoDBClient();
  const { Item } = await ddb.send(new GetItemCommand({ TableName: 'profiles', Key: { id: { S: event.pathParameters!.id! } } }));
  const html = renderToString(<ProfilePage name={Item?.name?.S ?? 'anonymous'} />);
  return { statusCode: 200, headers: { 'content-type': 'text/html' }, body: html };
};
