import { PublishBatchCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SQSEvent } from 'aws-lambda';

let cachedSnsClient: SNSClient | undefined;
const getSnsClient = (): SNSClient =>
  (cachedSnsClient ??= new SNSClient({
    region: process.env.AWS_REGION,
  }));

export const handler = async (event: SQSEvent): Promise<void> => {
  const sns = getSnsClient();
  await sns.send(
    new PublishBatchCommand({
      TopicArn: process.env.TOPIC_ARN,
      PublishBatchRequestEntries: event.Records.map((record) => ({ Id: record.messageId, Message: record.body })),
    }),
  );
};
