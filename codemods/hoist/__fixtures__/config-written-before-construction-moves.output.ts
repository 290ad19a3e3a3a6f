import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { ScheduledEvent } from 'aws-lambda';

let cachedDynamoDBClient: DynamoDBClient | undefined;
const getDynamoDBClient = (): DynamoDBClient =>
  (cachedDynamoDBClient ??= (() => {
    const config: DynamoDBClientConfig = { maxAttempts: 2 };
    if (process.env.STAGE === 'local') config.endpoint = process.env.LOCAL_DYNAMODB_URL;
    return new DynamoDBClient(config);
  })());

export const handler = async (_event: ScheduledEvent) => {
  const ddb = getDynamoDBClient();
  const { TableNames = [] } = await ddb.send(new ListTablesCommand({}));
  return TableNames;
};
