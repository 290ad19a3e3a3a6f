import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SQSEvent } from 'aws-lambda';

let cachedSnsClient: SNSClient | undefined;
const getSnsClient = (): SNSClient =>
  (cachedSnsClient ??= new SNSClient({ region: process.env.AWS_REGION }));

class Notifier {
  private readonly sns: SNSClient;

  constructor(private readonly topicArn: string) {
    this.sns = getSnsClient();
  }

  async notify(message: string): Promise<void> {
    await this.sns.send(new PublishCommand({ TopicArn: this.topicArn, Message: message }));
  }
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const notifier = new Notifier(process.env.TOPIC_ARN!);
  await Promise.all(event.Records.map((record) => notifier.notify(record.body)));
};
