import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const settings: { region?: string; maxAttempts: number } = { maxAttempts: 3 };

export const handler = async (event: { region: string; id: string }) => {
  settings.region = event.region;
  const ddb = new DynamoDBClient(settings);
  const { Item } = await ddb.send(new GetItemCommand({ TableName: 'items', Key: { id: { S: event.id } } }));
  return Item;
};
