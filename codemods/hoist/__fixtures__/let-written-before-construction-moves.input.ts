import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';

export const handler = async (_event: ScheduledEvent) => {
  let region = 'us-east-1';
  if (process.env.AWS_REGION) region = process.env.AWS_REGION;
  const s3 = new S3Client({ region });
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
  return Buckets.length;
};
