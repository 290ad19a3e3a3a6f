import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

let cachedDynamoDBClient;
const getDynamoDBClient = () =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

let cachedDocClient;
const getDocClient = () =>
  (cachedDocClient ??= DynamoDBDocumentClient.from(getDynamoDBClient(), {
    marshallOptions: { removeUndefinedValues: true },
  }));

export const handler = async (event) => {
  const docClient = getDocClient();
  await docClient.send(new PutCommand({ TableName: process.env.EVENTS_TABLE, Item: event.detail }));
};
