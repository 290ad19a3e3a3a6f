import { HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Handler } from 'aws-lambda';

type Env = { BUCKET_REGION?: string };

export const handler: Handler<{ key: string }, number> = async (event) => {
  const s3 = new S3Client({
    region: (process.env as Env).BUCKET_REGION!,
    forcePathStyle: true,
  } satisfies S3ClientConfig);
  const head = await s3.send(new HeadObjectCommand({ Bucket: process.env.BUCKET!, Key: event.key }));
  return head.ContentLength ?? 0;
};
