import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

let cachedSqsClient: SQSClient | undefined;
const getSqsClient = (): SQSClient =>
  (cachedSqsClient ??= new SQSClient({ maxAttempts: 10 }));

class RetryQueue {
  private readonly sqs = getSqsClient();

  async push(body: string): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: process.env.RETRY_QUEUE_URL, MessageBody: body }));
  }
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  await new RetryQueue().push(event.body ?? '');
  return { statusCode: 202 };
};
