import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';

function makeClient(region: string): S3Client {
  return new S3Client({ region });
}

export const handler = async (event: SQSEvent): Promise<void> => {
  const s3 = makeClient('eu-central-1');
  for (const record of event.Records) {
    await s3.send(new PutObjectCommand({ Bucket: process.env.ARCHIVE_BUCKET, Key: record.messageId, Body: record.body }));
  }
};
