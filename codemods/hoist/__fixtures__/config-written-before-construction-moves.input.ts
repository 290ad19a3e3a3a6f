import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';

export const handler = async (_event: ScheduledEvent) => {
  const config: DynamoDBClientConfig = { maxAttempts: 2 };
  if (process.env.STAGE === 'local') config.endpoint = process.env.LOCAL_DYNAMODB_URL;
  const ddb = new DynamoDBClient(config);
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}));
  return TableNames;
};
