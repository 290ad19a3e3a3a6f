import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({}));

let cachedDocClient: DynamoDBDocumentClient | undefined;
const getDocClient = (): DynamoDBDocumentClient =>
  (cachedDocClient ??= DynamoDBDocumentClient.from(getDynamoDBClient()));

export const handler = async (_event: ScheduledEvent) => {
  const client = getDynamoDBClient();
  const docClient = getDocClient();
  const { Table } = await client.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME }));
  const { Items } = await docClient.send(new ScanCommand({ TableName: Table!.TableName, Limit: 25 }));
  return Items ?? [];
};
