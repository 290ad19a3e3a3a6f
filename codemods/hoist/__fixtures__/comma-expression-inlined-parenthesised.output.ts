import { S3Client, HeadBucketCommand } from '@aws-sdk/client-s3';
import type { ScheduledEvent } from 'aws-lambda';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({ region: (console.debug('region from the environment'), process.env.BUCKET_REGION) }));

export const handler = async (_event: ScheduledEvent) => {
  const s3 = getS3Client();
  await s3.send(new HeadBucketCommand({ Bucket: process.env.BUCKET }));
};
