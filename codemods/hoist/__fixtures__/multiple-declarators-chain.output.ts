import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

let cachedDoc: DynamoDBDocumentClient | undefined;
const getDoc = (): DynamoDBDocumentClient =>
  (cachedDoc ??= DynamoDBDocumentClient.from(getDynamoDBClient()));

export const handler = async (event: APIGatewayProxyEventV2) => {
  const doc = getDoc();
  const { Item } = await doc.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id: event.pathParameters?.id } }));
  return { statusCode: Item ? 200 : 404, body: JSON.stringify(Item ?? {}) };
};
