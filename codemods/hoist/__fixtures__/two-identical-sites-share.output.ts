import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({ region: process.env.AWS_REGION }));

async function readCounter(id: string) {
  const ddb = getDynamoDBClient();
  const { Item } = await ddb.send(new GetItemCommand({ TableName: 'counters', Key: { id: { S: id } } }));
  return Number(Item?.value?.N ?? 0);
}

async function writeCounter(id: string, value: number) {
  const ddb = getDynamoDBClient();
  await ddb.send(new PutItemCommand({ TableName: 'counters', Item: { id: { S: id }, value: { N: String(value) } } }));
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  const id = event.pathParameters!.id!;
  await writeCounter(id, (await readCounter(id)) + 1);
  return { statusCode: 204 };
};
