import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({ region: process.env.AWS_REGION }));

let cachedDocuments: DynamoDBDocumentClient | undefined;
const getDocuments = (): DynamoDBDocumentClient =>
  (cachedDocuments ??= DynamoDBDocumentClient.from(getDynamoDBClient()));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const documents = getDocuments();
  const { Item } = await documents.send(new GetCommand({ TableName: process.env.TABLE, Key: { id: event.pathParameters?.id } }));
  return { statusCode: Item ? 200 : 404, body: JSON.stringify(Item ?? {}) };
};
