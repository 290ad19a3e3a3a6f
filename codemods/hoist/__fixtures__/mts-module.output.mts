import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DynamoDBStreamEvent } from 'aws-lambda';

let cachedEventBridgeClient: EventBridgeClient | undefined;
const getEventBridgeClient = (): EventBridgeClient =>
  (cachedEventBridgeClient ??= new EventBridgeClient({}));

export async function handler(event: DynamoDBStreamEvent): Promise<void> {
  const eventBridge = getEventBridgeClient();
  const Entries = event.Records.map((record) => ({
    Source: 'orders.stream',
    DetailType: record.eventName ?? 'UNKNOWN',
    Detail: JSON.stringify(record.dynamodb?.NewImage ?? {}),
  }));
  await eventBridge.send(new PutEventsCommand({ Entries }));
}
