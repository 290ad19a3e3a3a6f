import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= new DynamoDBClient({ region: process.env.AWS_REGION, maxAttempts: 3 }));

export const handler = async (event: ScheduledEvent) => {
  const region = process.env.AWS_REGION;
  const tableName = process.env.TABLE_NAME;
  const ddb = getDynamoDBClient();
  const { Count } = await ddb.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }));
  console.log(JSON.stringify({ region, tableName, count: Count, at: event.time }));
};
