import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({}));

let cachedSqsClient: SQSClient | undefined;
const getSqsClient = (): SQSClient =>
  (cachedSqsClient ??= new SQSClient({}));

export const handler = async (event: S3Event): Promise<void> => {
  const s3 = getS3Client();
  const sqs = getSqsClient();
  for (const { s3: { bucket, object } } of event.Records) {
    const { ContentType } = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: object.key }));
    await sqs.send(
      new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ key: object.key, ContentType }) }),
    );
  }
};
