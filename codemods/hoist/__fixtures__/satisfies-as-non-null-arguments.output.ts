import { HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Handler } from 'aws-lambda';

let cachedS3Client: S3Client | undefined;
const getS3Client = (): S3Client =>
  (cachedS3Client ??= new S3Client({
    region: (process.env as Env).BUCKET_REGION!,
    forcePathStyle: true,
  } satisfies S3ClientConfig));

type Env = { BUCKET_REGION?: string };

export const handler: Handler<{ key: string }, number> = async (event) => {
  const s3 = getS3Client();
  const head = await s3.send(new HeadObjectCommand({ Bucket: process.env.BUCKET!, Key: event.key }));
  return head.ContentLength ?? 0;
};
