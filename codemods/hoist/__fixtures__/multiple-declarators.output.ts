import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { S3Event } from 'aws-lambda';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({}));

let cachedSnsClient: SNSClient | undefined;
const getSnsClient = (): SNSClient =>
  (cachedSnsClient ??= new SNSClient({}));

export const handler = async (event: S3Event): Promise<void> => {
  const s3 = getS3Client(), sns = getSnsClient();
  for (const record of event.Records) {
    const head = await s3.send(new HeadObjectCommand({ Bucket: record.s3.bucket.name, Key: record.s3.object.key }));
    if ((head.ContentLength ?? 0) > 5_000_000) {
      await sns.send(new PublishCommand({ TopicArn: process.env.ALERTS_TOPIC_ARN, Message: record.s3.object.key }));
    }
  }
};
