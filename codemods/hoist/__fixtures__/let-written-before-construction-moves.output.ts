import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= (() => {
    let region = 'us-east-1';
    if (process.env.AWS_REGION) region = process.env.AWS_REGION;
    return new S3Client({ region });
  })());

export const handler = async (_event: ScheduledEvent) => {
  const s3 = getS3Client();
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
  return Buckets.length;
};
