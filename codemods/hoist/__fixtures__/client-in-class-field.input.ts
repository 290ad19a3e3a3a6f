import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

class RetryQueue {
  private readonly sqs = new SQSClient({ maxAttempts: 10 });

  async push(body: string): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: process.env.RETRY_QUEUE_URL, MessageBody: body }));
  }
}

export const handler = async (event: APIGatewayProxyEventV2) => {
  await new RetryQueue().push(event.body ?? '');
  return { statusCode: 202 };
};
