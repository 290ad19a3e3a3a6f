// Archiver: stores a gzipped copy of every uploaded object.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';

import { gzipSync } from 'node:zlib';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({}));

/** Entry point configured in template.yaml. */
export const handler = async (event: S3Event): Promise<void> => {
  // One client for the whole batch.
  const s3 = getS3Client(); // reused below

  for (const record of event.Records) {
    const { bucket, object } = record.s3;
    const original = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: object.key }));

    /* archives live next to the original */
    const body = gzipSync(await original.Body!.transformToByteArray());
    await s3.send(new PutObjectCommand({ Bucket: bucket.name, Key: `archive/${object.key}.gz`, Body: body }));
  }
};
