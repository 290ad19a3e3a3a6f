import { S3Client, HeadBucketCommand } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';

export const handler = async (_event: ScheduledEvent) => {
  const region = (console.debug('region from the environment'), process.env.BUCKET_REGION);
  const s3 = new S3Client({ region });
  await s3.send(new HeadBucketCommand({ Bucket: process.env.BUCKET }));
};
