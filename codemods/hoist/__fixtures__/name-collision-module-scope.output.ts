import { CopyObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({ region: process.env.AWS_REGION }));

// Replication bucket lives in us-east-1.
const s3Client = new S3Client({ region: 'us-east-1' });

export const handler = async (event: S3Event): Promise<void> => {
  const local = getS3Client();
  for (const record of event.Records) {
    const source = `${record.s3.bucket.name}/${record.s3.object.key}`;
    await s3Client.send(new CopyObjectCommand({ Bucket: process.env.REPLICA_BUCKET, Key: record.s3.object.key, CopySource: source }));
    await local.send(new CopyObjectCommand({ Bucket: process.env.ARCHIVE_BUCKET, Key: record.s3.object.key, CopySource: source }));
  }
};
